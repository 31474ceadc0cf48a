import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { builtSite, comesAfter, page } from '../support/html';

const epub = () => unzipSync(readFileSync(join(builtSite('archive'), 'the-masked-lake.epub')));
const epubFile = (name: string) => strFromU8(epub()[`OEBPS/${name}`]!);
const jsonLd = (path: string) => JSON.parse(page('archive', path).querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');

describe('a chapter summary', () => {
  it('is shown under the chapter title, headed "Summary", and describes the page', () => {
    const doc = page('archive', 'prologue/');
    const summary = doc.querySelector('.chapter-summary');
    expect(summary?.querySelector('h2')?.textContent).toBe('Summary');
    expect(summary?.textContent).toContain('Meg goes down to the lake alone.');
    expect(summary?.querySelector('em')?.textContent).toBe('down');
    expect(comesAfter(doc.querySelector('h1')!, summary!)).toBe(true);
    expect(comesAfter(summary!, doc.querySelector('#chapter-text')!)).toBe(true);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Meg goes down to the lake alone.');
    expect(page('archive', 'chapter-2/').querySelector('.chapter-summary')).toBeNull();
  });

  it('is in the contents, the feed, the structured data, the entire work and the EPUB', () => {
    expect(page('archive', '').querySelector('.toc li .summary')?.textContent).toBe('Meg goes down to the lake alone.');
    const feed = new DOMParser().parseFromString(readFileSync(join(builtSite('archive'), 'rss.xml'), 'utf8'), 'text/xml');
    const item = [...feed.querySelectorAll('item')].find(
      (entry) => entry.querySelector('title')?.textContent === 'The Masked Lake — Prologue',
    );
    expect(item?.querySelector('description')?.textContent).toBe('Meg goes down to the lake alone.');
    expect(jsonLd('prologue/')).toMatchObject({ abstract: 'Meg goes down to the lake alone.' });
    expect(page('archive', 'read/').querySelector('#prologue .chapter-summary')?.textContent).toContain('Meg goes down');
    expect(epubFile('chapters/prologue.xhtml')).toMatch(/Summary<\/h2><p>Meg goes <em>down<\/em> to the lake alone\.<\/p>/);
  });
});

describe('content notes', () => {
  it('are shown before the text, clearly marked, and never reach the search index', () => {
    const doc = page('archive', 'prologue/');
    const notes = doc.querySelector('.content-notes');
    expect(notes?.querySelector('.shown h2')?.textContent).toBe('Content notes');
    expect([...(notes?.querySelectorAll('.shown li') ?? [])].map((li) => li.textContent)).toEqual(['Major character death', 'Self-harm']);
    expect(notes?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(comesAfter(notes!, doc.querySelector('#chapter-text')!)).toBe(true);
    const index = join(builtSite('archive'), 'pagefind', 'fragment');
    for (const file of readdirSync(index))
      expect(gunzipSync(readFileSync(join(index, file))).toString('utf8')).not.toContain('character death');
    expect(epubFile('chapters/prologue.xhtml')).toContain('<li>Major character death</li>');
  });
});

describe('the work’s notes, series and related works', () => {
  it('show the notes under the summary on the home page', () => {
    const doc = page('archive', '');
    const notes = doc.querySelector('[data-note="work"]');
    expect(notes?.querySelector('h2')?.textContent).toBe('Notes');
    expect(notes?.textContent).toContain('beginning notes');
    expect(comesAfter(doc.querySelector('.summary')!, notes!)).toBe(true);
    expect(epubFile('title.xhtml')).toContain('These are the <em>work’s</em> beginning notes');
  });

  it('show the end notes after the last chapter, at the end of the entire work and of the EPUB', () => {
    expect(page('archive', 'chapter-2/').querySelector('[data-note="work-end"]')?.textContent).toContain('that is all for now');
    expect(page('archive', 'chapter-1/').querySelector('[data-note="work-end"]')).toBeNull();
    const read = page('archive', 'read/');
    expect(comesAfter(read.querySelector('#chapter-2')!, read.querySelector('[data-note="work-end"]')!)).toBe(true);
    expect(epubFile('end-notes.xhtml')).toContain('that is all for now');
    expect(epubFile('content.opf')).toMatch(/<itemref idref="c-chapter-2"\/>\n<itemref idref="end-notes"\/>/);
  });

  it('give the series on the home page and in the structured data', () => {
    const series = page('archive', '').querySelector('.series');
    expect(series?.textContent).toBe('Part 2 of Masks');
    expect(series?.querySelector('a')?.getAttribute('href')).toBe('https://archiveofourown.org/series/123');
    expect(jsonLd('')).toMatchObject({
      position: 2,
      isPartOf: { '@type': 'BookSeries', name: 'Masks', url: 'https://archiveofourown.org/series/123' },
    });
  });

  it('list related works with how they relate, their titles set as every title is (The Phantom’s Lair)', () => {
    const items = [...page('archive', '').querySelectorAll('.related li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['inspired by The Phantom’s Lair', 'translated into Spanish as La Máscara']);
  });

  it('count chapters against the number expected: 3/5', () => {
    const row = [...page('archive', '').querySelectorAll('.story-meta dt')].find((dt) => dt.textContent === 'Chapters');
    expect(row?.nextElementSibling?.textContent).toBe('3/5');
  });
});

describe('the entire work', () => {
  it('opens with the whole preface, as an archive’s Entire Work does: details, summary, then the notes', () => {
    const doc = page('archive', 'read/');
    const details = Object.fromEntries(
      [...doc.querySelectorAll('.story-meta dt')].map((dt) => {
        const value = dt.nextElementSibling!;
        return [dt.textContent, value.textContent?.trim()];
      }),
    );
    expect(details).toMatchObject({
      Fandom: 'The Phantom of the Opera',
      Rating: 'Teen And Up Audiences',
      Warnings: 'Graphic Depictions Of Violence',
      Relationships: 'Meg Giry & Christine Daaé',
      Characters: 'Meg Giry, Christine Daaé',
      Tags: 'Found Family, Angst',
      Chapters: '3/5',
    });
    const summary = doc.querySelector('.summary');
    expect(summary?.textContent).toContain('A story that carries everything an archive work does');
    expect(comesAfter(doc.querySelector('.story-meta')!, summary!)).toBe(true);
    expect(comesAfter(summary!, doc.querySelector('[data-note="work"]')!)).toBe(true);
    expect(comesAfter(doc.querySelector('[data-note="work"]')!, doc.querySelector('article.chapter')!)).toBe(true);
  });
});

describe('the cover', () => {
  it('is on the home page, sized and described', () => {
    const cover = page('archive', '').querySelector('img.cover');
    expect(cover?.getAttribute('alt')).toBe('A masked figure above a dark lake, in purple and rust.');
    expect(cover?.getAttribute('width')).toBeTruthy();
    expect(cover?.getAttribute('height')).toBeTruthy();
    expect(cover?.getAttribute('src')).toMatch(/^\/_astro\/cover\.[\w-]+\.webp$/);
  });

  it('is the link-preview image, as an absolute JPEG', () => {
    const doc = page('archive', 'chapter-1/');
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(
      /^https:\/\/example\.org\/_astro\/cover\.[\w-]+\.jpe?g$/,
    );
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
    expect(jsonLd('').image).toMatch(/^https:\/\/example\.org\/_astro\/cover/);
  });

  it('is the EPUB’s cover image', () => {
    expect(epubFile('content.opf')).toMatch(
      /<item id="image-\d+" href="images\/cover\.jpg" media-type="image\/jpeg" properties="cover-image"\/>/,
    );
    expect(epubFile('cover.xhtml')).toContain('<img src="images/cover.jpg" alt="A masked figure above a dark lake, in purple and rust."/>');
    expect(epub()['OEBPS/images/cover.jpg']?.length).toBeGreaterThan(1000);
  });
});

describe('pictures in chapters', () => {
  it('are optimised, sized (no layout shift) and lazy, with their description', () => {
    const doc = page('archive', 'prologue/');
    const image = doc.querySelector('#chapter-text img');
    expect(image?.getAttribute('alt')).toBe('The lake at night, dark water under a vaulted ceiling');
    expect(image?.getAttribute('loading')).toBe('lazy');
    expect(Number(image?.getAttribute('width'))).toBe(1600);
    expect(Number(image?.getAttribute('height'))).toBe(900);
    expect(image?.getAttribute('srcset')).toMatch(/480w.*960w/);
    expect(page('archive', 'chapter-1/').querySelector('#chapter-text img')?.getAttribute('src')).toBe(image?.getAttribute('src'));
    expect(page('archive', 'read/').querySelector('#prologue img')?.getAttribute('srcset')).toBe(image?.getAttribute('srcset'));
  });

  it('travel in the EPUB with their description', () => {
    expect(epubFile('chapters/prologue.xhtml')).toMatch(
      /<img src="\.\.\/images\/lake\.png" alt="The lake at night, dark water under a vaulted ceiling"/,
    );
    expect(epub()['OEBPS/images/lake.png']?.length).toBeGreaterThan(1000);
  });
});

describe('verse and messages', () => {
  it('keep verse lines and show a chat as one, on the page and in the EPUB', () => {
    const doc = page('archive', 'prologue/');
    // Two stanzas: four lines, then two.
    expect([...doc.querySelectorAll('.verse p')].map((stanza) => stanza.querySelectorAll('br').length + 1)).toEqual([4, 2]);
    expect([...doc.querySelectorAll('.messages .message')].map((p) => p.classList.contains('reply'))).toEqual([false, true, false]);
    expect(epubFile('chapters/prologue.xhtml')).toContain('Down where the water is still,<br />');
    expect(page('archive', 'read/').querySelectorAll('#prologue .verse br')).toHaveLength(4);
  });
});

describe('the chapter menu', () => {
  it('lists the chapters on every chapter page without JavaScript, marking the current one', () => {
    const menu = page('archive', 'chapter-1/').querySelector('details.menu');
    expect([...(menu?.querySelectorAll('li a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/prologue/',
      '/chapter-1/',
      '/chapter-2/',
    ]);
    expect(menu?.querySelector('[aria-current="page"]')?.textContent?.trim()).toBe('Chapter 1: The Boat');
  });
});

describe('returning readers', () => {
  it('see a revised chapter’s date and note near its top, and its own comment link', () => {
    const doc = page('archive', 'chapter-2/');
    const revision = doc.querySelector('.chapter-header .revision');
    expect(revision?.querySelector('.label')?.textContent?.trim()).toBe('Revised April 2, 2025');
    expect(revision?.querySelector('em')?.textContent).toBe('rewritten');
    expect(revision?.hasAttribute('data-pagefind-ignore')).toBe(true);
    const review = doc.querySelector('.review a');
    expect([review?.textContent?.trim(), review?.getAttribute('href')]).toEqual([
      'Comment on this chapter',
      'https://archiveofourown.org/works/333/chapters/2',
    ]);
    // Another chapter keeps the story's review link.
    expect(page('archive', 'chapter-1/').querySelector('.review a')?.getAttribute('href')).toBe('https://archiveofourown.org/works/333');
  });

  it('find "Follow by email" and the support link on the home page and after the latest chapter only', () => {
    for (const path of ['', 'chapter-2/']) {
      const links = [...page('archive', path).querySelectorAll('.follow a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
      expect(links).toEqual([
        ['Follow by email', 'https://buttondown.com/masked-lake'],
        ['Support the author', 'https://ko-fi.com/archiveauthor'],
      ]);
    }
    expect(page('archive', 'chapter-1/').querySelector('.follow')).toBeNull();
  });

  it('get comments on request only: the control names the chapter’s thread, the policy allows giscus on chapter pages alone', () => {
    const doc = page('archive', 'chapter-1/');
    const comments = doc.querySelector('section.comments');
    expect(comments?.getAttribute('data-term')).toBe('chapter-1');
    expect(comments?.getAttribute('data-repo')).toBe('archive-author/masked-lake');
    expect(doc.querySelector('script[src*="giscus"], iframe')).toBeNull();
    const policy = (path: string) =>
      page('archive', path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    expect(policy('chapter-1/')).toMatch(/frame-src https:\/\/giscus\.app/);
    expect(policy('chapter-1/')).toMatch(/script-src[^;]*https:\/\/giscus\.app/);
    expect(policy('')).not.toMatch(/giscus/);
    expect(policy('read/')).not.toMatch(/giscus/);
  });

  it('see the revision on the entire work and in the EPUB too', () => {
    const read = page('archive', 'read/').querySelector('#chapter-2 .revision');
    expect(read?.querySelector('.label')?.textContent?.trim()).toBe('Revised April 2, 2025');
    expect(read?.querySelector('em')?.textContent).toBe('rewritten');
    expect(read?.getAttribute('aria-labelledby')).toBe('chapter-2-revision-title');
    const xhtml = strFromU8(epub()['OEBPS/chapters/chapter-2.xhtml']!);
    expect(xhtml).toContain('<p class="label" id="revision-title">Revised <time datetime="2025-04-02">April 2, 2025</time></p>');
    expect(xhtml).toContain('<em>rewritten</em>');
  });

  it('have the contents and menu entries carry what the marks need: slug and revision day', () => {
    const item = page('archive', '').querySelector('li[data-slug="chapter-2"]');
    expect(item?.getAttribute('data-revised')).toBe('2025-04-02');
    expect(page('archive', 'chapter-1/').querySelector('.menu li[data-slug="chapter-2"]')?.getAttribute('data-revised')).toBe('2025-04-02');
  });

  it('are told in the feed which chapter was revised, each item naming the story and the part', () => {
    const feed = new DOMParser().parseFromString(readFileSync(join(builtSite('archive'), 'rss.xml'), 'utf8'), 'text/xml');
    const titles = [...feed.querySelectorAll('item > title')].map((title) => title.textContent);
    expect(titles[0]).toBe('The Masked Lake — Book One: Across the Water — Chapter 2: The Far Shore (updated)');
    // Before the first part, a chapter is the story's alone.
    expect(titles.at(-1)).toBe('The Masked Lake — Prologue');
    expect(titles.every((title) => title?.startsWith('The Masked Lake — '))).toBe(true);
    expect(feed.querySelector('item')?.getElementsByTagName('dcterms:modified')[0]?.textContent).toBe('2025-04-02T00:00:00.000Z');
  });
});

describe('read anywhere', () => {
  it('offers ebook apps a catalogue from the home page, with the cover and the EPUB at absolute addresses', () => {
    const link = page('archive', '').querySelector('link[rel="alternate"][type^="application/atom+xml;profile=opds-catalog"]');
    expect(link?.getAttribute('href')).toBe('/opds.xml');
    expect(page('archive', 'chapter-1/').querySelector('link[type^="application/atom+xml;profile=opds-catalog"]')).toBeNull();
    const feed = new DOMParser().parseFromString(readFileSync(join(builtSite('archive'), 'opds.xml'), 'utf8'), 'text/xml');
    expect(feed.querySelector('link[rel="http://opds-spec.org/acquisition/open-access"]')?.getAttribute('href')).toBe(
      'https://example.org/the-masked-lake.epub',
    );
    const cover = feed.querySelector('link[rel="http://opds-spec.org/image"]')?.getAttribute('href') ?? '';
    expect(cover).toMatch(/^https:\/\/example\.org\/_astro\/.+\.jpe?g$/);
    expect(readdirSync(join(builtSite('archive'), '_astro'))).toContain(cover.split('/').at(-1));
  });

  it('can be installed: a manifest on every page, with square PNG icons made from the cover', async () => {
    expect(page('archive', 'chapter-1/').querySelector('link[rel="manifest"]')?.getAttribute('href')).toBe('/manifest.webmanifest');
    const manifest = JSON.parse(readFileSync(join(builtSite('archive'), 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'The Masked Lake', start_url: '/', display: 'standalone' });
    const { default: sharp } = await import('sharp');
    for (const size of [192, 512]) {
      const icon = await sharp(readFileSync(join(builtSite('archive'), `icon-${size}.png`))).metadata();
      expect([icon.format, icon.width, icon.height]).toEqual(['png', size, size]);
    }
  });
});

describe('dialogue dashes', () => {
  it('keep to their word', () => {
    const spans = [...page('archive', 'prologue/').querySelectorAll('#chapter-text .nowrap')].map((span) => span.textContent);
    expect(spans).toEqual(['—¿Quién', '—preguntó', 'ella—.']);
  });
});

describe('a part of the story (a book, a volume, an arc)', () => {
  const part = 'Book One: Across the Water';
  it('heads its chapters in the contents, from the chapter that opens it on; the chapters before it stand alone', () => {
    const toc = page('archive', '').querySelector('.toc')!;
    const heading = toc.querySelector('h3.part');
    expect(heading?.textContent).toBe(part);
    const lists = [...toc.querySelectorAll('ol')].map((list) => [...list.querySelectorAll('li')].map((li) => li.getAttribute('data-slug')));
    expect(lists).toEqual([['prologue'], ['chapter-1', 'chapter-2']]);
    expect(heading!.nextElementSibling).toBe(toc.querySelectorAll('ol')[1]);
  });

  it('is named over the title of each of its chapters, and of none before it', () => {
    expect(page('archive', 'chapter-1/').querySelector('.chapter-header .part')?.textContent).toBe(part);
    expect(page('archive', 'chapter-2/').querySelector('.chapter-header .part')?.textContent).toBe(part);
    expect(page('archive', 'prologue/').querySelector('.chapter-header .part')).toBeNull();
  });

  it('heads its chapters in the entire work and its contents, and in the EPUB’s contents', () => {
    const read = page('archive', 'read/');
    const heading = read.querySelector('h2.part');
    expect(heading?.textContent).toBe(part);
    expect(heading?.nextElementSibling?.id).toBe('chapter-1');
    const entry = read.querySelector('.contents li.part');
    expect(entry?.firstChild?.textContent?.trim()).toBe(part);
    expect([...entry!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#chapter-1', '#chapter-2']);
    expect(epubFile('nav.xhtml')).toMatch(
      /<li><a href="chapters\/prologue.xhtml" dir="auto">Prologue<\/a><\/li>\n<li><span dir="auto">Book One: Across the Water<\/span>\n<ol>\n<li><a href="chapters\/chapter-1.xhtml" dir="auto">Chapter 1: The Boat<\/a><\/li>\n<li><a href="chapters\/chapter-2.xhtml" dir="auto">/,
    );
    expect(epubFile('chapters/chapter-1.xhtml')).toContain(`<p class="part">${part}</p>`);
  });
});
