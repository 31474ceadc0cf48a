import { describe, expect, it } from 'vitest';
import Comments from '../../src/components/Comments.astro';
import ContentNotes from '../../src/components/ContentNotes.astro';
import FollowLinks from '../../src/components/FollowLinks.astro';
import ReviewLink from '../../src/components/ReviewLink.astro';
import RevisionNote from '../../src/components/RevisionNote.astro';
import { render } from './render';

describe('ReviewLink', () => {
  it('invites a review of the story, or a comment on this chapter when the link is the chapter’s own', async () => {
    const story = await render(ReviewLink, { href: 'https://archiveofourown.org/works/1' });
    expect(story.querySelector('.review')?.textContent?.trim()).toBe('Enjoyed the chapter? Leave a review.');
    expect(story.querySelector('a')?.getAttribute('href')).toBe('https://archiveofourown.org/works/1');
    expect(story.querySelector('a')?.getAttribute('rel')).toBe('external');

    const chapter = await render(ReviewLink, { href: 'https://archiveofourown.org/works/1/chapters/2', chapter: true });
    expect(chapter.querySelector('.review')?.textContent?.trim()).toBe('Comment on this chapter');
    expect(chapter.querySelector('a')?.getAttribute('href')).toBe('https://archiveofourown.org/works/1/chapters/2');
  });

  it('speaks the story’s language', async () => {
    const doc = await render(ReviewLink, { href: 'https://example.org/', chapter: true }, 'fr');
    expect(doc.querySelector('a')?.textContent).toBe('Commenter ce chapitre');
  });
});

describe('FollowLinks', () => {
  it('shows nothing when the author gave neither address', async () => {
    const doc = await render(FollowLinks, { followUrl: undefined, supportUrl: undefined });
    expect(doc.body.innerHTML.trim()).toBe('');
  });

  it('links each address the author gave, as a plain link and no script', async () => {
    const follow = await render(FollowLinks, { followUrl: 'https://buttondown.com/wren', supportUrl: undefined });
    expect([...follow.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Follow by email', 'https://buttondown.com/wren'],
    ]);
    const both = await render(FollowLinks, { followUrl: 'https://buttondown.com/wren', supportUrl: 'https://ko-fi.com/wren' });
    expect([...both.querySelectorAll('a')].map((link) => link.textContent)).toEqual(['Follow by email', 'Support the author']);
    expect(both.querySelectorAll('script, iframe')).toHaveLength(0);
  });
});

describe('RevisionNote', () => {
  it('dates the revision in the story’s language, machine-readably, with the author’s note when there is one', async () => {
    const date = new Date('2026-10-20T00:00:00Z');
    const doc = await render(RevisionNote, { date, html: '<p>The ending is new.</p>', language: 'en' });
    const time = doc.querySelector('.label time');
    expect(time?.getAttribute('datetime')).toBe('2026-10-20');
    expect(doc.querySelector('.label')?.textContent).toMatch(/^Revised .*2026/);
    expect(doc.querySelector('.note-text')?.textContent).toBe('The ending is new.');
    expect(doc.querySelector('aside')?.getAttribute('aria-labelledby')).toBe('revision-title');

    const bare = await render(RevisionNote, { date, html: undefined, language: 'de', idPrefix: 'chapter-2--' }, 'de');
    expect(bare.querySelector('.note-text')).toBeNull();
    expect(bare.querySelector('.label')?.id).toBe('chapter-2--revision-title');
    expect(bare.querySelector('.label')?.textContent).toMatch(/^Überarbeitet am .*Oktober 2026$/);
  });
});

describe('ContentNotes', () => {
  it('lists every note both shown and behind a control, the reader’s setting choosing one', async () => {
    const notes = ['Grief', 'A fire'];
    const doc = await render(ContentNotes, { notes });
    expect([...doc.querySelectorAll('.shown li')].map((item) => item.textContent)).toEqual(notes);
    expect([...doc.querySelectorAll('details.collapsed li')].map((item) => item.textContent)).toEqual(notes);
    expect(doc.querySelector('h2.label')?.textContent).toBe('Content notes');
    expect(doc.querySelector('summary')?.textContent).toBe('Show content notes');
  });

  it('on the entire work, names each chapter’s notes by the chapter, with ids of its own', async () => {
    const doc = await render(ContentNotes, { notes: ['Grief'], headingLevel: 3, idPrefix: 'chapter-1--', chapterTitleId: 'chapter-1' });
    const heading = doc.querySelector('h3.label');
    expect(heading?.id).toBe('chapter-1--content-notes-title');
    expect(doc.querySelector('.shown')?.getAttribute('aria-labelledby')).toBe('chapter-1--content-notes-title chapter-1');
  });
});

describe('Comments', () => {
  const giscus = { repo: 'wren/lamplight', repoId: 'R_1', category: 'Chapters', categoryId: 'DIC_1' };

  it('holds what giscus needs for this chapter’s thread, and nothing loaded from giscus until asked', async () => {
    const doc = await render(Comments, { giscus, slug: 'chapter-2', language: 'pt-BR' });
    const section = doc.querySelector('section.comments') as HTMLElement;
    expect({ ...section.dataset }).toMatchObject({
      repo: 'wren/lamplight',
      repoId: 'R_1',
      category: 'Chapters',
      categoryId: 'DIC_1',
      term: 'chapter-2',
      lang: 'pt',
    });
    expect(doc.querySelectorAll('iframe, script[src*="giscus"]')).toHaveLength(0);
    expect(doc.querySelector('button')?.textContent).toBe('Show comments');
  });

  it('asks giscus for the story’s script of Chinese, and English for a language giscus lacks', async () => {
    const lang = async (language: string) =>
      ((await render(Comments, { giscus, slug: 'prologue', language })).querySelector('section.comments') as HTMLElement).dataset.lang;
    expect(await lang('zh-Hant')).toBe('zh-TW');
    expect(await lang('zh')).toBe('zh-CN');
    // giscus speaks Thai (its lib/i18n.tsx), not Swahili.
    expect(await lang('th')).toBe('th');
    expect(await lang('sw')).toBe('en');
  });
});
