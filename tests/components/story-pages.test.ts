import { describe, expect, it } from 'vitest';
import ChapterTitle from '../../src/components/ChapterTitle.astro';
import SiteFooter from '../../src/components/SiteFooter.astro';
import StoryMeta from '../../src/components/StoryMeta.astro';
import StoryTitle from '../../src/components/StoryTitle.astro';
import TableOfContents from '../../src/components/TableOfContents.astro';
import type { Chapter, Story } from '../../src/core/story';
import { render } from './render';
import { storySource } from '../support/story-sources';

function chapter(slug: string, fields: Partial<Chapter> = {}): Chapter {
  return {
    id: slug,
    slug,
    aliases: [],
    filePath: `content/chapters/${slug}.md`,
    title: slug,
    part: undefined,
    order: 1,
    published: undefined,
    draft: false,
    scheduled: false,
    html: '<p>Text.</p>',
    summary: undefined,
    contentNotes: [],
    authorsNote: undefined,
    endNote: undefined,
    revised: undefined,
    revisionNote: undefined,
    reviewUrl: undefined,
    text: 'Text.',
    words: 1000,
    paragraphs: 20,
    blocks: false,
    ...fields,
  };
}

describe('ChapterTitle', () => {
  it('sets the label apart from the name, and reads as the title was written', async () => {
    const doc = await render(ChapterTitle, { title: 'Chapitre 1 : Le masque' });
    expect(doc.querySelector('.title-label')?.textContent).toBe('Chapitre 1');
    expect(doc.querySelector('.title-name')?.textContent).toBe('Le masque');
    // What stood between them is there for a screen reader, hidden from the eye.
    expect(doc.querySelector('.visually-hidden')?.textContent).toBe(' : ');
    expect(doc.body.textContent).toBe('Chapitre 1 : Le masque');
  });

  it('keeps a title without a label whole', async () => {
    const doc = await render(ChapterTitle, { title: 'The Lake' });
    expect(doc.querySelector('.title-label')).toBeNull();
    expect(doc.querySelector('.title-name')?.textContent).toBe('The Lake');
  });

  it('steps a long name down in headings, not in lists', async () => {
    const long = `Chapter 9: ${'In Which Our Heroine Descends Five Cellars and Loses a Shoe '.repeat(2).trim()}`;
    expect((await render(ChapterTitle, { title: long })).querySelector('.title-name')?.className).toMatch(/\bvery-long\b/);
    expect((await render(ChapterTitle, { title: long, steps: false })).querySelector('.title-name')?.className).not.toMatch(/long/);
    expect((await render(ChapterTitle, { title: 'Chapter 1: Short' })).querySelector('.title-name')?.className).not.toMatch(/long/);
  });
});

describe('TableOfContents', () => {
  const chapters = [
    chapter('prologue', { title: 'Prologue', published: new Date('2026-01-05'), words: 1, summary: { html: '', text: 'x'.repeat(300) } }),
    chapter('chapter-1', {
      title: 'Chapter 1: The Lake',
      published: new Date('2026-01-12'),
      revised: new Date('2026-02-01'),
      aliases: ['the-lake', 'lake'],
    }),
    chapter('chapter-2', { title: 'Chapter 2', published: new Date('2030-01-01'), scheduled: true }),
    chapter('chapter-3', { title: 'Chapter 3', draft: true }),
  ];

  it('links every chapter under the site’s base, with what the scripts read of it', async () => {
    const doc = await render(TableOfContents, { chapters, language: 'en' });
    const items = [...doc.querySelectorAll('li')];
    expect(items.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([
      '/prologue/',
      '/chapter-1/',
      '/chapter-2/',
      '/chapter-3/',
    ]);
    expect(items[1]!.dataset).toMatchObject({
      slug: 'chapter-1',
      words: '1000',
      paragraphs: '20',
      revised: '2026-02-01',
      aliases: 'the-lake lake',
    });
    expect(items[0]!.hasAttribute('data-revised')).toBe(false);
    expect(items[0]!.hasAttribute('data-aliases')).toBe(false);
  });

  it('counts words as the language does, dates each chapter and cuts a long summary', async () => {
    const doc = await render(TableOfContents, { chapters, language: 'en' });
    const [prologue, first] = [...doc.querySelectorAll('li')];
    expect(prologue!.querySelector('.details')?.textContent).toBe('1 word · January 5, 2026');
    expect(first!.querySelector('.details time')?.getAttribute('datetime')).toBe('2026-01-12');
    expect(prologue!.querySelector('.summary')?.textContent?.length).toBeLessThanOrEqual(141);
    // 3,001 words in all.
    expect(doc.querySelector('.time-left')?.textContent).toBe('About 13 min to read');
  });

  it('counts no words for a chapter of pictures alone: its date, no “0 words”', async () => {
    const art = chapter('interlude-fanart', { title: 'Interlude: Fanart', published: new Date('2026-01-19'), words: 0, text: '' });
    const doc = await render(TableOfContents, { chapters: [art], language: 'en' });
    expect(doc.querySelector('li .details')?.textContent).toBe('January 19, 2026');
  });

  it('marks drafts and scheduled chapters (seen in the preview only) with their date', async () => {
    const doc = await render(TableOfContents, { chapters, language: 'en' });
    const items = [...doc.querySelectorAll('li')];
    expect(items[2]!.querySelector('.scheduled')?.textContent).toMatch(/January 1, 2030/);
    expect(items[3]!.querySelector('.draft')).not.toBeNull();
    expect(items[1]!.querySelector('.draft, .scheduled')).toBeNull();
  });

  it('speaks the page’s language', async () => {
    const doc = await render(TableOfContents, { chapters: chapters.slice(0, 2), language: 'es' }, 'es');
    expect(doc.querySelector('h2')?.textContent).toBe('Índice');
    expect(doc.querySelector('li .details')?.textContent).toBe('1 palabra · 5 de enero de 2026');
  });
});

describe('a name or title inside the site’s own sentences', () => {
  it('is isolated from them, so its direction and end marks stay its own on a right-to-left page', async () => {
    const title = await render(
      StoryTitle,
      { title: 'אור על המים', author: 'J.R.R. Doe', series: { title: 'Masks 2: Return!', part: 3, url: 'https://example.org/masks' } },
      'he',
    );
    expect(title.querySelector('.byline bdi')?.textContent).toBe('J.R.R. Doe');
    expect(title.querySelector('.byline')?.textContent).toBe('מאת J.R.R. Doe');
    const series = title.querySelector('.series a');
    expect([series?.textContent, series?.getAttribute('dir')]).toEqual(['Masks 2: Return!', 'auto']);
    const footer = await render(SiteFooter, { author: 'J.R.R. Doe' }, 'he');
    expect(footer.querySelector('footer bdi')?.textContent).toBe('J.R.R. Doe');
  });
});

describe('StoryMeta', () => {
  const meta = storySource({ language: 'ja', fandom: 'Opera', characters: ['メグ', 'クリスティーヌ'] }).data;
  const story = {
    meta,
    chapters: [chapter('a'), chapter('b')],
    words: 12345,
    status: 'in-progress',
    expectedChapters: 10,
    published: new Date('2026-01-05'),
    updated: new Date('2026-02-01'),
    nextRelease: new Date('2026-02-08'),
  } as unknown as Story;

  it('joins a list with the language’s own separator, hidden from screen readers', async () => {
    const doc = await render(StoryMeta, { story }, 'ja');
    const items = [...doc.querySelectorAll('.tags li')];
    expect(items.map((item) => item.textContent)).toEqual(['メグ、', 'クリスティーヌ']);
    expect(items[0]!.querySelector('[aria-hidden="true"]')?.textContent).toBe('、');
  });

  it('gives dates as <time> in the story’s language, and numbers as it writes them', async () => {
    const doc = await render(StoryMeta, { story }, 'ja');
    const times = [...doc.querySelectorAll('time')];
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual(['2026-01-05', '2026-02-01', '2026-02-08']);
    expect(times[0]!.textContent).toBe('2026年1月5日');
    expect(doc.body.textContent).toContain('12,345');
    expect(doc.body.textContent).toContain('2/10');
  });
});
