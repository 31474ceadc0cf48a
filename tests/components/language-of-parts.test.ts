import { describe, expect, it } from 'vitest';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import ChapterNav from '../../src/components/ChapterNav.astro';
import ChapterNote from '../../src/components/ChapterNote.astro';
import ChapterSummary from '../../src/components/ChapterSummary.astro';
import Comments from '../../src/components/Comments.astro';
import ContentNotes from '../../src/components/ContentNotes.astro';
import ContinueReading from '../../src/components/ContinueReading.astro';
import FollowLinks from '../../src/components/FollowLinks.astro';
import KeepOffline from '../../src/components/KeepOffline.astro';
import Listen from '../../src/components/Listen.astro';
import ReaderSettings from '../../src/components/ReaderSettings.astro';
import RelatedWorks from '../../src/components/RelatedWorks.astro';
import ResumePrompt from '../../src/components/ResumePrompt.astro';
import ReviewLink from '../../src/components/ReviewLink.astro';
import RevisionNote from '../../src/components/RevisionNote.astro';
import SearchPanel from '../../src/components/SearchPanel.astro';
import SiteFooter from '../../src/components/SiteFooter.astro';
import StoryLinks from '../../src/components/StoryLinks.astro';
import StoryMeta from '../../src/components/StoryMeta.astro';
import StoryTitle from '../../src/components/StoryTitle.astro';
import TableOfContents from '../../src/components/TableOfContents.astro';
import type { Chapter, Story } from '../../src/core/story';
import { storySource } from '../support/story-sources';
import { render } from './render';

/**
 * WCAG 3.1.2 (Language of Parts): a story in a language the site has no translation for (here
 * Swahili) is a page in Swahili whose own words — headings, links, counts — are English. Each
 * of those says so (`lang="en"`), so a screen reader speaks them in an English voice, and the
 * story's own words inside them (a chapter title, a date) are marked back as Swahili.
 */
const language = 'sw';
const titles = ['Sura ya Kwanza: Ziwa', 'Sura ya Pili: Mnara', 'Sura ya Tatu'];
const chapter = (index: number, fields: Partial<Chapter> = {}): Chapter =>
  ({
    id: `sura-${index + 1}`,
    slug: `sura-${index + 1}`,
    aliases: [],
    title: titles[index]!,
    order: index + 1,
    published: new Date(`2026-0${index + 1}-05`),
    draft: false,
    scheduled: false,
    words: 1200,
    paragraphs: 20,
    revised: undefined,
    summary: { html: '<p>Muhtasari.</p>', text: 'Muhtasari wa sura.' },
    ...fields,
  }) as Chapter;
const chapters = titles.map((_, index) => chapter(index));
const story = {
  meta: storySource({ language, fandom: 'Hadithi za Pwani', tags: ['Mapenzi', 'Bahari'], author: 'Amina' }).data,
  chapters,
  words: 3600,
  status: 'in-progress',
  expectedChapters: 10,
  published: new Date('2026-01-05'),
  updated: new Date('2026-03-05'),
  nextRelease: undefined,
} as unknown as Story;
const link = (index: number) => ({ href: `/sura-${index + 1}/`, title: titles[index]! });
const giscus = { repo: 'amina/pwani', repoId: 'R_1', category: 'Sura', categoryId: 'DIC_1' };

/** Each component, with props holding the story's own words (its Swahili). */
const components: [string, AstroComponentFactory, Record<string, unknown>][] = [
  [
    'ChapterNav',
    ChapterNav,
    {
      position: { prev: link(0), next: link(2), number: 2, total: 3 },
      inProgress: true,
      label: 'Sura',
      placement: 'bottom',
      menu: titles.map((_, index) => ({ ...link(index), slug: `sura-${index + 1}`, number: index + 1, current: index === 1, aliases: [] })),
    },
  ],
  [
    'ChapterNav, the end',
    ChapterNav,
    { position: { prev: link(1), next: undefined, number: 3, total: 3 }, inProgress: false, label: 'Sura', placement: 'bottom' },
  ],
  ['TableOfContents', TableOfContents, { chapters: [...chapters, chapter(2, { draft: true, published: undefined })], language }],
  ['StoryMeta', StoryMeta, { story }],
  [
    'StoryTitle',
    StoryTitle,
    { title: 'Hadithi ya Mnara', author: 'Amina', series: { title: 'Pwani', part: 2, url: 'https://example.org/pwani' } },
  ],
  ['ChapterNote', ChapterNote, { kind: 'authors', html: '<p>Asanteni kwa kusoma.</p>' }],
  ['ChapterSummary', ChapterSummary, { html: '<p>Muhtasari wa sura.</p>' }],
  ['ContentNotes', ContentNotes, { notes: ['Huzuni'] }],
  ['RevisionNote', RevisionNote, { date: new Date('2026-03-01'), html: '<p>Mwisho mpya.</p>', language }],
  ['ReviewLink', ReviewLink, { href: 'https://example.org/' }],
  ['FollowLinks', FollowLinks, { followUrl: 'https://buttondown.com/amina', supportUrl: 'https://ko-fi.com/amina' }],
  ['RelatedWorks', RelatedWorks, { works: [{ title: 'Pwani ya Kale', url: 'https://example.org/kale' }] }],
  ['Comments', Comments, { giscus, slug: 'sura-2', language }],
  ['SearchPanel', SearchPanel, {}],
  ['StoryLinks', StoryLinks, { epubHref: '/hadithi.epub', epubBytes: 120_000 }],
  ['ContinueReading', ContinueReading, {}],
  ['ResumePrompt', ResumePrompt, {}],
  ['Listen', Listen, {}],
  ['KeepOffline', KeepOffline, {}],
  ['ReaderSettings', ReaderSettings, {}],
  ['SiteFooter', SiteFooter, { author: 'Amina' }],
];

/** The story's own words in these props: each text holding one is the story's, in Swahili. */
const storyWords = [
  ...titles,
  'Ziwa',
  'Mnara',
  'Hadithi',
  'Muhtasari',
  'Asanteni',
  'Huzuni',
  'Mwisho',
  'Mapenzi',
  'Bahari',
  'Pwani',
  'Sura',
  // The author's name, as story.md gives it: set apart from the site's words around it ("by …"), in the story's language.
  'Amina',
];

/** The language a text is read in: its nearest `lang`. */
const languageAt = (node: Node): string | undefined =>
  (node.parentElement?.closest('[lang]') as HTMLElement | null)?.getAttribute('lang') ?? undefined;

/** Every text a reader sees or hears that has a letter in it, inside `<script>` and `<style>` left out. */
function texts(doc: Document): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3 && /\p{L}/u.test(node.textContent ?? '')) found.push(node);
    if (node.nodeType === 1 && ['SCRIPT', 'STYLE', 'TEMPLATE'].includes((node as Element).tagName)) return;
    node.childNodes.forEach(walk);
  };
  walk(doc.body);
  return found;
}

describe('the site’s own words on a page in a language it has no translation for (WCAG 3.1.2)', () => {
  it.each(components)('%s: each is marked English, and the story’s words in it Swahili', async (_, component, props) => {
    const doc = await render(component, props, language);
    const read = texts(doc).map((node) => {
      const text = node.textContent!.trim();
      const ownWords = storyWords.some((word) => text.includes(word)) || node.parentElement?.closest('time') !== null;
      return { text, expected: ownWords ? language : 'en', read: languageAt(node) };
    });
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter(({ expected, read }) => expected !== read)).toEqual([]);
  });

  it('marks nothing on a page in a language the site speaks, nor a message the author worded in the story’s language', async () => {
    for (const [name, component, props] of components) {
      const doc = await render(component, props, 'fr');
      expect(doc.querySelectorAll('body [lang]').length, name).toBe(0);
    }
    const own = await render(TableOfContents, { chapters, language }, language, { 'toc.heading': 'Yaliyomo' });
    expect(own.querySelector('h2')?.textContent).toBe('Yaliyomo');
    expect(own.querySelector('h2')?.hasAttribute('lang')).toBe(false);
    expect(own.querySelector('.time-left')?.getAttribute('lang')).toBe('en');
    const search = await render(SearchPanel, {}, language, { 'search.queryLabel': 'Maneno au kifungu' });
    expect(search.querySelector('label')?.textContent).toBe('Maneno au kifungu');
    expect(search.querySelector('label')?.hasAttribute('lang')).toBe(false);
    expect(search.querySelector('button[type="submit"]')?.getAttribute('lang')).toBe('en');
  });
});
