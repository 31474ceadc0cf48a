import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite, builtTexts, comesAfter, page, wordsOf } from '../support/html';

const readingOrder = ['prologue', 'chapter-1', 'chapter-2', 'interlude', 'chapter-3', 'epilogue'];
const fixture = join(import.meta.dirname, '../fixtures/story/chapters');

/** The words of a fixture chapter's Markdown body, as the author wrote them. */
function sourceWords(slug: string): string[] {
  const body = readFileSync(join(fixture, `${slug}.md`), 'utf8')
    .split(/^---$/m)
    .slice(2)
    .join('---');
  return wordsOf(body.replace(/^\* \* \*$/m, '').replace(/\]\([^)]*\)/g, ']'));
}

describe('the built fixture story', () => {
  it('has a page for every published chapter', () => {
    for (const slug of readingOrder) expect(existsSync(join(builtSite('fixture'), slug, 'index.html')), slug).toBe(true);
  });

  it('leaves drafts and chapters scheduled after the build date out of every file: pages, feed, sitemap, search index and EPUB', () => {
    const leaks = ['draft-only-sentence', 'A Draft Chapter', 'scheduled-only-sentence', 'A Scheduled Chapter'];
    for (const site of ['fixture', 'fixtureBase'] as const) {
      expect(existsSync(join(builtSite(site), 'draft')), site).toBe(false);
      expect(existsSync(join(builtSite(site), 'scheduled')), site).toBe(false);
      for (const [file, text] of builtTexts(builtSite(site))) {
        for (const leak of leaks) expect(text, `${file} holds "${leak}"`).not.toContain(leak);
        expect(text, file).not.toMatch(/\/(?:draft|scheduled)\//);
      }
    }
  });

  it('puts every word of each chapter, in order, inside its article', () => {
    for (const slug of readingOrder) {
      const text = page('fixture', `${slug}/`).querySelector('article #chapter-text')?.textContent ?? '';
      expect(wordsOf(text), slug).toEqual(sourceWords(slug));
    }
  });

  it('chains chapters with rel=prev and rel=next in reading order', () => {
    readingOrder.forEach((slug, index) => {
      const doc = page('fixture', `${slug}/`);
      const next = readingOrder[index + 1];
      const prev = readingOrder[index - 1];
      const relHrefs = (rel: string) => [...doc.querySelectorAll(`a[rel="${rel}"]`)].map((a) => a.getAttribute('href'));
      expect(relHrefs('next'), slug).toEqual(next ? [`/${next}/`, `/${next}/`] : []);
      expect(relHrefs('prev'), slug).toEqual(prev ? [`/${prev}/`, `/${prev}/`] : []);
      expect(doc.querySelector('link[rel="next"]')?.getAttribute('href') ?? null).toBe(next ? `/${next}/` : null);
      expect(doc.querySelector('link[rel="prev"]')?.getAttribute('href') ?? null).toBe(prev ? `/${prev}/` : null);
    });
  });

  it('tells the reader on the last chapter that they are caught up', () => {
    expect(page('fixture', 'epilogue/').querySelector('main')?.textContent).toContain('You’re caught up');
  });

  it('shows the author’s note, headed, above the chapter text', () => {
    const doc = page('fixture', 'prologue/');
    const note = doc.querySelector('[data-note="authors"]');
    const text = doc.querySelector('#chapter-text');
    expect(note?.querySelector('h2')?.textContent).toBe('Author’s note');
    expect(note?.textContent).toContain('This note sits above the text.');
    expect(note?.querySelector('em')?.textContent).toBe('fixture');
    expect(note && text && comesAfter(note, text)).toBe(true);
  });

  it('shows the end note after the chapter text, and no note where none is set', () => {
    const doc = page('fixture', 'chapter-2/');
    const end = doc.querySelector('[data-note="end"]');
    expect(end?.textContent).toContain('the end note comes after the text');
    expect(comesAfter(doc.querySelector('#chapter-text')!, end!)).toBe(true);
    expect(page('fixture', 'chapter-1/').querySelector('[data-note]')).toBeNull();
  });

  it('renders curly quotes, ellipses and scene breaks, and never turns "-the man." into a list', () => {
    const prologue = page('fixture', 'prologue/').querySelector('#chapter-text')!;
    expect(prologue.textContent).toContain('“Who is there?”');
    expect(prologue.textContent).toContain('yourself…”');
    expect(prologue.querySelector('ul, ol')).toBeNull();
    expect([...prologue.querySelectorAll('p')].map((p) => p.textContent)).toContain('-the man.');
    expect(page('fixture', 'chapter-1/').querySelector('#chapter-text hr')?.className).toBe('scene-break');
  });

  it('resolves links between chapters, under the base path too', () => {
    const links = (site: 'fixture' | 'fixtureBase') =>
      [...page(site, 'chapter-3/').querySelectorAll('#chapter-text a')].map((a) => a.getAttribute('href'));
    expect(links('fixture')).toEqual(['/interlude/', '/chapter-1/#p-2']);
    expect(links('fixtureBase')).toEqual(['/quire/interlude/', '/quire/chapter-1/#p-2']);
  });

  it('gives paragraphs stable ids for permalinks', () => {
    const ids = [...page('fixture', 'chapter-2/').querySelectorAll('#chapter-text > p')].map((p) => p.id);
    expect(ids.slice(0, 3)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(ids).toHaveLength(60);
  });

  it('gives every page a distinct title and a description', () => {
    const pages = ['', ...readingOrder.map((slug) => `${slug}/`), '404.html'].map((path) => page('fixture', path));
    const titles = pages.map((doc) => doc.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const doc of pages) expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')?.length).toBeGreaterThan(20);
    expect(titles[1]).toBe('Prologue · The Fixture Serial');
  });

  it('sets the page language from the story', () => {
    expect(page('hostile', '').documentElement.getAttribute('lang')).toBe('en-GB');
    expect(page('hostile', 'chapter-1/').documentElement.getAttribute('lang')).toBe('en-GB');
  });
});

describe('the home page', () => {
  const home = () => page('fixture', '');

  it('shows the title, author, summary and metadata', () => {
    const doc = home();
    expect(doc.querySelector('h1')?.textContent).toBe('The Fixture Serial');
    expect(doc.querySelector('main')?.textContent).toContain('by Test Author');
    expect(doc.querySelector('main')?.textContent).toContain('A story made for tests');
    const meta = Object.fromEntries(
      [...doc.querySelectorAll('.story-meta dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent?.trim()]),
    );
    expect(meta).toMatchObject({ Status: 'In progress', Chapters: '6/?', Fandom: 'Test Fandom', Updated: 'June 30, 2024' });
    expect(meta['Next chapter']).toBe('January 1, 2030');
    expect(Number(meta.Words?.replace(/,/g, ''))).toBeGreaterThan(3000);
  });

  it('lists the chapters in reading order with word counts and dates', () => {
    const items = [...home().querySelectorAll('.toc li')];
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(readingOrder.map((slug) => `/${slug}/`));
    expect(items[0]?.textContent).toMatch(/\d+ words/);
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2024-01-05');
  });

  it('has a clear link to start reading at the prologue', () => {
    const start = [...home().querySelectorAll('a')].find((a) => a.textContent?.startsWith('Start reading'));
    expect(start?.getAttribute('href')).toBe('/prologue/');
  });
});

describe('a site under a base path', () => {
  it('prefixes every internal link with the base path', () => {
    for (const path of ['', 'prologue/', 'epilogue/', '404.html']) {
      const doc = page('fixtureBase', path);
      const hrefs = [...doc.querySelectorAll('a[href], link[href], script[src], form[action]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
        .filter((href) => href.startsWith('/'));
      expect(hrefs.length, path).toBeGreaterThan(2);
      for (const href of hrefs) expect(href, `${path}: ${href}`).toMatch(/^\/quire\//);
    }
  });
});

describe('the seed story', () => {
  it('holds every word of the author’s prologue, in order, on the prologue page', () => {
    const seed = readFileSync(join(import.meta.dirname, '../fixtures/seed/prologue.txt'), 'utf8');
    const doc = page('seed', 'prologue/');
    const paragraphs = seed.trim().split(/\n\s*\n/);
    const storyText = paragraphs.slice(3).join('\n\n');
    expect(wordsOf(doc.querySelector('#chapter-text')?.textContent ?? '')).toEqual(wordsOf(storyText));
    const note = wordsOf(doc.querySelector('[data-note="authors"] .note-text')?.textContent ?? '');
    expect(note).toEqual(
      wordsOf(
        paragraphs
          .slice(0, 2)
          .join(' ')
          .replace(/^Author's Note:/, ''),
      ),
    );
    expect(doc.querySelector('h1')?.textContent).toBe('Prologue');
  });

  it('shows 1/? chapters on the home page while the story is in progress', () => {
    const meta = [...page('seed', '').querySelectorAll('.story-meta dt')].find((dt) => dt.textContent === 'Chapters');
    expect(meta?.nextElementSibling?.textContent).toBe('1/?');
  });
});

describe('the leave-a-review link', () => {
  it('ends each chapter when the story sets reviewUrl', () => {
    for (const slug of readingOrder) {
      const link = [...page('fixture', `${slug}/`).querySelectorAll('article a')].find((a) => a.textContent === 'Leave a review');
      expect(link?.getAttribute('href'), slug).toBe('https://example.org/works/1');
    }
  });

  it('is absent when it does not', () => {
    expect(page('seed', 'prologue/').body.textContent).not.toContain('Leave a review');
  });
});
