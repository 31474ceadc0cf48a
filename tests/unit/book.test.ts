import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { feedEntries } from '../../src/core/feed';
import { bookIdentifier, buildEpub, type EpubBook } from '../../src/epub/epub';
import { onePageHtml } from '../../src/markdown/one-page';
import { createRenderer } from '../../src/markdown/render';
import { plainRenderer } from '../support/renderer';
import { stringsFor } from '../../src/shared/i18n';
import type { Chapter } from '../../src/core/story';
import { toXhtml } from '../../src/epub/xhtml';

const chapter = (slug: string, order: number, published?: string) =>
  ({ slug, order, title: slug, published: published ? new Date(published) : undefined }) as Chapter;

describe('feedEntries', () => {
  it('lists chapters newest first', () => {
    const entries = feedEntries([chapter('a', 0, '2024-01-01'), chapter('b', 1, '2024-03-01'), chapter('c', 2, '2024-02-01')]);
    expect(entries.map((e) => e.chapter.slug)).toEqual(['b', 'c', 'a']);
  });

  it('dates an undated chapter like the dated chapter before it, so the feed is stable', () => {
    const entries = feedEntries([chapter('a', 0, '2024-01-01'), chapter('b', 1), chapter('c', 2, '2024-02-01'), chapter('d', 3)]);
    expect(entries.map((e) => [e.chapter.slug, e.date?.toISOString().slice(0, 10)])).toEqual([
      ['d', '2024-02-01'],
      ['c', '2024-02-01'],
      ['b', '2024-01-01'],
      ['a', '2024-01-01'],
    ]);
    expect(feedEntries([chapter('x', 0)])[0]?.date).toBeUndefined();
  });

  it('names the part each chapter is in, so each book’s Chapter 1 is told apart', () => {
    const entries = feedEntries([
      chapter('prologue', 0, '2024-01-01'),
      { ...chapter('one', 1, '2024-02-01'), part: 'Book One' },
      chapter('two', 2, '2024-03-01'),
      { ...chapter('again', 3, '2024-04-01'), part: 'Book Two' },
    ]);
    expect(entries.map((e) => [e.chapter.slug, e.part])).toEqual([
      ['again', 'Book Two'],
      ['two', 'Book One'],
      ['one', 'Book One'],
      ['prologue', undefined],
    ]);
  });
});

describe('rewriting chapter HTML', () => {
  it('prefixes ids, the in-page links and ARIA references to them, and turns links between chapters into links within the page', () => {
    const slugs = new Set(['ch1', 'ch2']);
    expect(
      onePageHtml(
        '<p id="p-1">A<sup><a href="#fn-1" id="fnref-1" aria-describedby="footnote-label">1</a></sup> <a href="/q/ch2/#p-1">b</a> <a href="/q/ch2/">c</a> <a href="/q/draft/">d</a></p>',
        'ch1',
        { base: '/q/', slugs, deeper: 0 },
      ),
    ).toBe(
      '<p id="ch1--p-1">A<sup><a href="#ch1--fn-1" id="ch1--fnref-1" aria-describedby="ch1--footnote-label">1</a></sup> <a href="#ch2--p-1">b</a> <a href="#ch2">c</a> <a href="/q/draft/">d</a></p>',
    );
  });

  it('points links between chapters at the book’s files and unlinks chapters not in it', () => {
    const links = { slugs: new Set(['chapter-1', 'interlude']), base: '/quire/', folder: '' };
    expect(
      toXhtml(
        '<a href="/quire/chapter-1/#p-2">x</a> <a href="/quire/interlude/">y</a> <a href="/quire/draft/">z</a> <a href="https://e.org/">w</a>',
        { links },
      ),
    ).toBe('<a href="chapter-1.xhtml#p-2">x</a> <a href="interlude.xhtml">y</a> z <a href="https://e.org/">w</a>');
  });

  it('leaves text that shows markup as written, on the chapter page, the entire work and in the EPUB (the pipeline’s own output)', async () => {
    const renderer = createRenderer({
      base: '/quire/',
      chapters: new Map([['ch2', 'ch2']]),
      t: stringsFor('en'),
      image: () => ({ problem: 'no pictures here' }),
      remoteImages: false,
    });
    const shown = [
      '<p id="intro">',
      '<a href="/quire/ch2/">',
      '<img data-image="images/x.png">',
      'class="verse"',
      '<script>alert(1)</script>',
      'xmlns="http://www.w3.org/1999/xhtml"',
      '<h2>Title</h2>',
    ];
    const { html, problems } = await renderer.chapter(
      `## Scene\n\n${shown.map((code) => `Written: \`${code}\`.`).join('\n\n')}\n\nSee [the next one](ch2.md).`,
    );
    expect(problems).toEqual([]);
    const textOf = (markup: string) =>
      [...markup.matchAll(/<code>([\s\S]*?)<\/code>/g)].map(([, code]) =>
        code!
          .replace(/&#x3C;|&lt;/g, '<')
          .replace(/&#x26;|&amp;/g, '&')
          .replace(/&quot;|&#x22;/g, '"')
          .replace(/&gt;/g, '>'),
      );
    const page = textOf(html);
    const entireWork = onePageHtml(html, 'ch1', { base: '/quire/', slugs: new Set(['ch1', 'ch2']), deeper: 1 });
    const book = toXhtml(html, { links: { slugs: new Set(['ch1', 'ch2']), base: '/quire/', folder: '' } });
    expect(page).toEqual(shown);
    expect(textOf(entireWork)).toEqual(shown);
    expect(textOf(book)).toEqual(shown);
    // While the markup itself is rewritten: the paragraph ids, the link between chapters, and the
    // author's heading, one level further down under the chapter's title on the entire work.
    expect(entireWork).toContain('id="ch1--p-1"');
    expect(entireWork).toContain('<h3 id="ch1--scene">Scene</h3>');
    expect(entireWork).toContain('href="#ch2"');
    expect(book).toContain('href="ch2.xhtml"');
  });
});

describe('toXhtml', () => {
  it('makes well-formed XHTML: closed void elements, escaped text, no named entities', () => {
    expect(toXhtml('<p>A&nbsp;B &amp; C<br>D</p><hr class="scene-break" aria-label="Scene break">')).toBe(
      '<p>A\u00a0B &#x26; C<br />D</p><hr class="scene-break" aria-label="Scene break" />',
    );
  });

  it('marks a paragraph that opens with its own ideographic indent, so the book does not indent it twice', () => {
    expect(toXhtml('<p id="p-1">\u3000彼は書いた。</p><p><em>\u3000強く</em>言った。</p><p>A line.</p>')).toBe(
      '<p id="p-1" class="own-indent">\u3000彼は書いた。</p><p class="own-indent"><em>\u3000強く</em>言った。</p><p>A line.</p>',
    );
  });

  it('marks a passage in another language as XHTML does too (`xml:lang` beside `lang`), its direction kept', async () => {
    const { html } = await plainRenderer.chapter('Then <span lang="fr">*merci*</span>.\n\n<div lang="he">\n\nשלום.\n\n</div>');
    expect(toXhtml(html)).toBe(
      '<p id="p-1">Then <span lang="fr" xml:lang="fr"><em>merci</em></span>.</p>\n<div lang="he" dir="rtl" xml:lang="he">\n<p id="p-2">שלום.</p>\n</div>',
    );
  });

  it('escapes "]]>", which XML text may not hold', () => {
    expect(toXhtml('<p>if (a ]]> b)</p>')).toBe('<p>if (a ]]&gt; b)</p>');
  });

  it('keeps an image’s words and drops the image', () => {
    expect(toXhtml('<p><img src="https://x/y.png" alt="A map"></p>')).toBe('<p><span class="image-alt">[A map]</span></p>');
  });
});

describe('buildEpub', () => {
  const book: EpubBook = {
    title: 'T & Co',
    author: 'A',
    authors: ['A'],
    language: 'en',
    summary: '<p>Sum.</p>',
    description: 'Sum.',
    details: [{ label: 'Status', value: { text: 'In progress' } }],
    tags: ['x'],
    modified: new Date('2024-06-30T00:00:00Z'),
    url: undefined,
    notes: undefined,
    endNotes: undefined,
    series: undefined,
    cover: undefined,
    images: [],
    chapters: [
      {
        id: 'prologue',
        title: 'Prologue',
        part: undefined,
        body: '<p id="p-1">Hi.</p>',
        summary: undefined,
        contentNotes: [],
        authorsNote: '<p>Note.</p>',
        endNote: undefined,
      },
    ],
    t: stringsFor('en'),
  };

  it('puts an uncompressed mimetype first, as EPUB requires', () => {
    const bytes = buildEpub(book);
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(38, 58))).toBe('application/epub+zip');
  });

  it('holds the package, navigation, title page and one file per chapter', () => {
    const files = unzipSync(buildEpub(book));
    expect(Object.keys(files).sort()).toEqual([
      'META-INF/container.xml',
      'OEBPS/chapters/prologue.xhtml',
      'OEBPS/content.opf',
      'OEBPS/nav.xhtml',
      'OEBPS/style.css',
      'OEBPS/title.xhtml',
      'mimetype',
    ]);
    const opf = strFromU8(files['OEBPS/content.opf']!);
    expect(opf).toContain('<dc:title>T &amp; Co</dc:title>');
    expect(opf).toContain('<meta property="dcterms:modified">2024-06-30T00:00:00Z</meta>');
    expect(strFromU8(files['OEBPS/chapters/prologue.xhtml']!)).toMatch(/Author’s note<\/h2><p>Note\.<\/p>[\s\S]*<p id="p-1">Hi\.<\/p>/);
  });

  it('never slants by force what a script without italics writes: notes, the byline and a part’s name, upright in Arabic, Thai, Chinese…', () => {
    const css = strFromU8(unzipSync(buildEpub(book))['OEBPS/style.css']!);
    const upright = /([^}]*)\{ font-style: normal; \}/.exec(css)?.[1] ?? '';
    for (const language of ['ar', 'he', 'th', 'zh', 'ja', 'ko', 'hi'])
      for (const slanted of ['.note p', '.title-page .author', '.part']) expect(upright).toContain(`:lang(${language}) ${slanted}`);
    expect(css).toMatch(/\.part \{[^}]*font-style: italic/);
  });

  it('sets a chapter title, a part’s name and the book’s title in their own direction in the contents and the heading (a Latin title in a Hebrew book)', () => {
    const hebrew = {
      ...book,
      language: 'he',
      t: stringsFor('he'),
      chapters: [{ ...book.chapters[0]!, title: 'Hello, world!', part: 'Part One' }],
    };
    const files = unzipSync(buildEpub(hebrew));
    const nav = strFromU8(files['OEBPS/nav.xhtml']!);
    expect(nav).toContain('<a href="chapters/prologue.xhtml" dir="auto">Hello, world!</a>');
    expect(nav).toContain('<span dir="auto">Part One</span>');
    expect(nav).toContain('<a href="title.xhtml" dir="auto">T &amp; Co</a>');
    expect(strFromU8(files['OEBPS/chapters/prologue.xhtml']!)).toContain('<span class="title-name short" dir="auto">Hello, world!</span>');
  });

  it('credits each co-author as a creator of their own, and shows them together on the title page', () => {
    const files = unzipSync(buildEpub({ ...book, author: 'Ada, Wren', authors: ['Ada', 'Wren'] }));
    expect(strFromU8(files['OEBPS/content.opf']!).match(/<dc:creator>[^<]*<\/dc:creator>/g)).toEqual([
      '<dc:creator>Ada</dc:creator>',
      '<dc:creator>Wren</dc:creator>',
    ]);
    expect(strFromU8(files['OEBPS/title.xhtml']!)).toContain('Ada, Wren');
  });

  it('marks the site’s own words English in a book in a language it has no translation for, and only then (WCAG 3.1.2)', () => {
    const files = (language: string) => unzipSync(buildEpub({ ...book, language, t: stringsFor(language) }));
    const swahili = files('sw');
    expect(strFromU8(swahili['OEBPS/chapters/prologue.xhtml']!)).toContain(
      '<h2 id="authors-note-title" xml:lang="en" lang="en">Author’s note</h2>',
    );
    expect(strFromU8(swahili['OEBPS/title.xhtml']!)).toContain('<p class="author" xml:lang="en" lang="en">by A</p>');
    expect(strFromU8(swahili['OEBPS/nav.xhtml']!)).toContain('<h1 xml:lang="en" lang="en">Contents</h1>');
    const english = files('en');
    for (const name of ['OEBPS/chapters/prologue.xhtml', 'OEBPS/title.xhtml', 'OEBPS/nav.xhtml'])
      expect(strFromU8(english[name]!).replace(/<html[^>]*>/, ''), name).not.toMatch(/\slang=/);
  });

  it('leaves out an empty description, which epubcheck refuses', () => {
    const opf = (description: string) => strFromU8(unzipSync(buildEpub({ ...book, description }))['OEBPS/content.opf']!);
    expect(opf('Sum.')).toContain('<dc:description>Sum.</dc:description>');
    expect(opf('  ')).not.toContain('dc:description');
  });

  it('gives the same bytes for the same book, whenever it is built', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const first = buildEpub(book);
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = buildEpub(book);
    vi.useRealTimers();
    expect(second).toEqual(first);
    expect(bookIdentifier('T', 'A')).toBe(bookIdentifier('T', 'A'));
    expect(bookIdentifier('T', 'A')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
