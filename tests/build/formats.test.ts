import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { epubcheck } from '../support/epubcheck';
import { builtSite, page } from '../support/html';

/** The story in its other forms: the feed, the sitemap, sharing metadata, the entire work and the EPUB. */

const published = ['prologue', 'chapter-1', 'chapter-2', 'interlude', 'chapter-3', 'epilogue'];

describe('the feed', () => {
  const xml = () => new DOMParser().parseFromString(readFileSync(join(builtSite('fixtureBase'), 'rss.xml'), 'utf8'), 'text/xml');

  it('is RSS 2.0 with one item per published chapter, newest first, with absolute links', () => {
    const doc = xml();
    expect(doc.querySelector('rss')?.getAttribute('version')).toBe('2.0');
    const items = [...doc.querySelectorAll('item')];
    // Each item names the story: readers and e-mail digests often show an item alone.
    expect(items.map((item) => item.querySelector('title')?.textContent)).toEqual(
      ['Epilogue', 'Chapter 3: The Lake', 'Interlude: Letters', 'Chapter 2: The Long Rehearsal', 'Chapter 1: The Mask', 'Prologue'].map(
        (title) => `The Fixture Serial — ${title}`,
      ),
    );
    const dates = items.map((item) => Date.parse(item.querySelector('pubDate')?.textContent ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(items[0]?.querySelector('link')?.textContent).toBe('https://example.org/quire/epilogue/');
    expect(items[5]?.querySelector('description')?.textContent).toMatch(/^The opera house was quiet/);
  });

  it('is linked from every page’s head and from the home page', () => {
    for (const path of ['', 'prologue/', 'search/', 'read/']) {
      expect(page('fixtureBase', path).querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'), path).toBe(
        '/quire/rss.xml',
      );
    }
    expect([...page('fixtureBase', '').querySelectorAll('a')].find((a) => a.textContent === 'Follow via RSS')?.getAttribute('href')).toBe(
      '/quire/rss.xml',
    );
  });
});

describe('sitemap and robots.txt', () => {
  it('lists the pages when the site’s address is set', () => {
    const sitemap = readFileSync(join(builtSite('fixtureBase'), 'sitemap-0.xml'), 'utf8');
    for (const slug of published) expect(sitemap).toContain(`<loc>https://example.org/quire/${slug}/</loc>`);
    expect(readFileSync(join(builtSite('fixtureBase'), 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/quire/sitemap-index.xml',
    );
  });

  it('is left out when it is not', () => {
    expect(existsSync(join(builtSite('fixture'), 'sitemap-index.xml'))).toBe(false);
    expect(readFileSync(join(builtSite('fixture'), 'robots.txt'), 'utf8')).not.toContain('Sitemap');
  });
});

describe('a chapter’s old addresses (aliases, after renaming its file)', () => {
  it('each send readers on to the chapter, name it for those whose browser does not follow, and tell search engines its address', () => {
    for (const alias of ['chapter-1', '仮面']) {
      const doc = page('edge', `${alias}/`);
      expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'), alias).toBe('0; url=/the-mask/');
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/the-mask/');
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(doc.documentElement.getAttribute('lang')).toBe('en');
      const link = doc.querySelector('main a');
      expect([link?.getAttribute('href'), link?.textContent]).toEqual([
        '/the-mask/',
        expect.stringMatching(/^Chapter 1: The Mask—showing/),
      ]);
      // Nothing of the chapter to find in search there: the chapter's own page is indexed.
      expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
    }
  });

  it('are left out of the sitemap, and a chapter not out yet has none', () => {
    const sitemap = readFileSync(join(builtSite('edge'), 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/the-mask/</loc>');
    expect(sitemap).not.toMatch(/chapter-1|%E4%BB%AE/);
    expect(existsSync(join(builtSite('fixture'), 'coming-soon'))).toBe(false);
  });
});

describe('sharing metadata', () => {
  it('gives absolute canonical and Open Graph URLs when SITE_URL is set', () => {
    const doc = page('fixtureBase', 'chapter-1/');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/quire/chapter-1/');
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe('https://example.org/quire/chapter-1/');
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe('Chapter 1: The Mask · The Fixture Serial');
    expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    expect(doc.querySelector('meta[property="og:description"]')?.getAttribute('content')).toMatch(
      /^Chapter one opens in the rehearsal hall/,
    );
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
  });

  it('leaves URLs out rather than guessing them when SITE_URL is not set', () => {
    const doc = page('fixture', 'chapter-1/');
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(doc.querySelector('meta[property="og:url"]')).toBeNull();
    expect(doc.querySelector('meta[property="og:title"]')).not.toBeNull();
  });

  it('describes the story as a schema.org Book and each chapter as a Chapter of it', () => {
    const jsonLd = (path: string) =>
      JSON.parse(page('fixtureBase', path).querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(jsonLd('')).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Book',
      name: 'The Fixture Serial',
      author: { name: 'Test Author' },
      url: 'https://example.org/quire/',
    });
    expect(jsonLd('interlude/')).toMatchObject({
      '@type': 'Chapter',
      name: 'Interlude: Letters',
      position: 4,
      url: 'https://example.org/quire/interlude/',
      isPartOf: { '@type': 'Book', name: 'The Fixture Serial', url: 'https://example.org/quire/' },
    });
  });
});

describe('the entire work', () => {
  it('shows every published chapter in order with its notes, and a contents list that links to each', () => {
    const doc = page('fixture', 'read/');
    expect([...doc.querySelectorAll('article.chapter > h2')].map((h) => h.textContent)).toEqual(
      published.map((slug) => page('fixture', `${slug}/`).querySelector('h1')?.textContent),
    );
    expect([...doc.querySelectorAll('.contents a')].map((a) => a.getAttribute('href'))).toEqual(published.map((slug) => `#${slug}`));
    for (const slug of published) expect(doc.getElementById(slug)).not.toBeNull();
    expect(doc.querySelector('#prologue [data-note="authors"]')?.textContent).toContain('This note sits above the text.');
    expect(doc.querySelector('#chapter-2 [data-note="end"]')?.textContent).toContain('the end note comes after the text');
  });

  it("sets the author's headings under their chapter's title, and chapters under their parts, no level skipped", () => {
    const outline = (site: 'fixture' | 'edge' | 'archive') =>
      [...page(site, 'read/').querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
        level: Number(h.tagName[1]),
        text: h.textContent?.trim(),
        id: h.id,
      }));
    for (const site of ['fixture', 'edge', 'archive'] as const) {
      const headings = outline(site);
      expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
      headings.reduce(
        (before, h) => (expect(h.level, `${site}: "${h.text}" after an h${before}`).toBeLessThanOrEqual(before + 1), h.level),
        1,
      );
    }
    // The edge story's prologue has "## Main" in its text: under the prologue's h2, one level down.
    const edge = outline('edge');
    const prologue = edge.findIndex((h) => h.id === 'prologue-title');
    expect(edge[prologue]?.level).toBe(2);
    expect(edge.slice(prologue + 1).find((h) => h.text === 'Main')?.level).toBe(3);
    // The archive story has parts: each part an h2, its chapters h3.
    const archive = outline('archive');
    expect(archive.find((h) => h.text === 'Book One: Across the Water')?.level).toBe(2);
    expect(archive.find((h) => h.id === 'chapter-1-title')?.level).toBe(3);
  });

  it('keeps every id unique', () => {
    const ids = [...page('fixture', 'read/').querySelectorAll('[id]')].map((el) => el.id);
    expect(ids.length).toBeGreaterThan(70);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is linked from the home page', () => {
    expect(
      [...page('fixture', '').querySelectorAll('a')].find((a) => a.textContent === 'Entire work on one page')?.getAttribute('href'),
    ).toBe('/read/');
  });
});

describe('the EPUB', () => {
  const epubPath = () => join(builtSite('fixture'), 'the-fixture-serial.epub');

  it('is linked from the home page with its size', () => {
    const link = [...page('fixture', '').querySelectorAll('a')].find((a) => a.textContent?.startsWith('Download EPUB'));
    expect(link?.getAttribute('href')).toBe('/the-fixture-serial.epub');
    const kb = Math.max(1, Math.round(readFileSync(epubPath()).length / 1024));
    expect(link?.textContent).toBe(`Download EPUB (${kb} KB)`);
  });

  it('holds every published chapter with its notes, in reading order', () => {
    const files = unzipSync(readFileSync(epubPath()));
    const opf = strFromU8(files['OEBPS/content.opf']!);
    expect([...opf.matchAll(/<itemref idref="c-([^"]+)"/g)].map((m) => m[1])).toEqual(published);
    const prologue = strFromU8(files['OEBPS/chapters/prologue.xhtml']!);
    expect(prologue).toContain('This note sits above the text.');
    expect(prologue).toContain('“Who is there?”');
    expect(strFromU8(files['OEBPS/title.xhtml']!)).toContain('Test Fandom');
  });

  it('passes epubcheck with no errors or warnings', async (context) => {
    const results = await epubcheck(context, [
      epubPath(),
      join(builtSite('fixtureBase'), 'the-fixture-serial.epub'),
      join(builtSite('seed'), 'little-meg.epub'),
      // Footnotes, colliding heading ids, links between chapters, "]]>" in the text, passages in other languages.
      join(builtSite('edge'), 'the-opera-ghosts-apprentice-or-how-a-ballet-girl-learned-to-read-the-mirrors.epub'),
      // A cover, illustrations, work notes, chapter summaries, content notes, verse.
      join(builtSite('archive'), 'the-masked-lake.epub'),
    ]);
    for (const { file, report, code } of results) {
      expect(report, file).toContain('No errors or warnings detected.');
      expect(code).toBe(0);
    }
  });
});
