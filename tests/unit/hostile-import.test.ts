import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '../../src/importer/files';
import { fidelityWords } from '../../src/importer/fidelity';
import { readInput } from '../../src/importer/read';
import { readInputs } from '../../src/cli/support/inputs';
import { isPublic, localisePictures, type Reach } from '../../src/importer/remote-pictures';
import { parseContentFile } from '../support/content-file';
import { makeDocx, makeEpub } from '../support/documents';
import { pngHeader, yamlLaughs } from '../support/hostile-stories';

/**
 * Hostile files given to the importer, each test named after its attack: each ends in a
 * faithful import or a clear refusal naming the file, within seconds and bounded memory.
 */

/** Imports bytes as `npm run import` plans them, timed; the chapters parsed. */
async function importBytes(bytes: Uint8Array, name: string, fetchImages?: boolean, reach?: Reach) {
  const started = performance.now();
  const work = await readInput(bytes, name);
  const notices = fetchImages === undefined ? [] : await localisePictures(work, fetchImages, name, reach);
  const plan = await planImport(work, []);
  const chapters = plan.chapters.map((chapter) => parseContentFile(chapter.text));
  return {
    work,
    plan,
    chapters,
    notices,
    seconds: (performance.now() - started) / 1000,
    text: chapters.map((chapter) => chapter.body).join('\n\n'),
  };
}

/** The import kept every word, added none and kept the order, as the importer's own check says. */
function faithful(plan: Awaited<ReturnType<typeof importBytes>>['plan']) {
  expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0, disorder: undefined });
  expect(plan.fidelity.source).toBeGreaterThan(0);
}

const metadata = '<dc:title>Hostile</dc:title><dc:creator>Mallory</dc:creator><dc:language>en</dc:language>';
const chapterPage = (title: string, body: string) => ({
  path: `${title.replace(/\W+/g, '-').toLowerCase()}.xhtml`,
  html: `<h1>${title}</h1>${body}`,
});

/** A zip whose entry `name` claims to hold `claimed` bytes once inflated, whatever it holds. */
function claiming(zip: Uint8Array, name: string, claimed: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const encoded = strToU8(name);
  for (let i = 0; i < bytes.length - 46; i++) {
    const local = view.getUint32(i, true) === 0x04034b50 && view.getUint16(i + 26, true) === encoded.length;
    const central = view.getUint32(i, true) === 0x02014b50 && view.getUint16(i + 28, true) === encoded.length;
    if (local && bytes.subarray(i + 30, i + 30 + encoded.length).every((byte, k) => byte === encoded[k]))
      view.setUint32(i + 22, claimed, true);
    if (central && bytes.subarray(i + 46, i + 46 + encoded.length).every((byte, k) => byte === encoded[k]))
      view.setUint32(i + 24, claimed, true);
  }
  return bytes;
}

describe('script from an SVG picture', () => {
  it('an EPUB whose cover and chapter picture are SVGs with script, handlers and remote references imports them cleaned', async () => {
    const svg = strToU8(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script><image href="https://x.example/p.png"/><circle r="4"/></svg>',
    );
    const epub = makeEpub({
      version: 3,
      metadata: `${metadata}<meta name="cover" content="cover"/>`,
      manifest:
        '<item id="cover" href="images/cover.svg" media-type="image/svg+xml"/><item id="fig" href="images/fig.svg" media-type="image/svg+xml"/>',
      extra: { 'images/cover.svg': svg, 'images/fig.svg': svg },
      spine: [chapterPage('Chapter 1', '<p>A picture:</p><p><img src="images/fig.svg" alt="a circle"/></p><p>The end.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
    });
    const { plan, work } = await importBytes(epub, 'svg.epub');
    faithful(plan);
    for (const [name, bytes] of plan.images) {
      const text = new TextDecoder().decode(bytes);
      expect(text, name).toContain('<circle r="4"/>');
      expect(text, name).not.toMatch(/script|onload|alert|x\.example/);
    }
    expect(work.notices.join('\n')).toMatch(/cleaned the picture cover\.svg: removed an event handler \(onload\), a script \(<script>\)/);
  });

  it('an SVG that is not one is refused, naming the picture', async () => {
    const epub = makeEpub({
      version: 3,
      metadata,
      manifest: '<item id="fig" href="images/fig.svg" media-type="image/svg+xml"/>',
      extra: { 'images/fig.svg': strToU8('<html><script>x</script></html>') },
      spine: [chapterPage('Chapter 1', '<p><img src="images/fig.svg" alt="x"/> Text.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
    });
    await expect(importBytes(epub, 'not-svg.epub')).rejects.toThrow(/the picture fig\.svg is not an SVG picture/);
  });
});

describe('XHTML read as HTML', () => {
  it.each(['<script src="x"/>', '<title/>', '<style/>', '<textarea/>', '<iframe src="x"/>'])(
    'a self-closed %s in an EPUB chapter loses none of the text after it',
    async (element) => {
      const epub = makeEpub({
        version: 3,
        metadata,
        spine: [chapterPage('Chapter 1', `<p>Before it.</p>${element}<p>After it, every word of the chapter.</p>`)],
        toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
      });
      const { plan, text } = await importBytes(epub, 'self-closed.epub');
      faithful(plan);
      expect(text).toContain('After it, every word of the chapter.');
    },
  );

  it('a chapter that is not well-formed XML is read as HTML, its self-closed script closed, and checked against its own markup', async () => {
    const broken = makeEpub({
      version: 3,
      metadata,
      spine: [chapterPage('Chapter 1', '<p>Before it.<br></p><script src="x"/><p>After it &amp; more.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
    });
    const { plan, text, work } = await importBytes(broken, 'broken.epub');
    faithful(plan);
    expect(text).toContain('After it & more.');
    expect(work.notices.join()).toMatch(/read chapter-1\.xhtml as HTML: not well-formed XHTML/);
  });
});

describe('entities an EPUB chapter declares', () => {
  const withDoctype = (subset: string, body: string) =>
    makeEpub({
      version: 3,
      metadata,
      spine: [chapterPage('Chapter 1', '<p>Stand-in.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
      extra: {
        'chapter-1.xhtml': strToU8(
          `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [${subset}]>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body><h1>Chapter 1</h1>${body}</body></html>`,
        ),
      },
    });

  it('are written out where the text uses them, the declarations shown nowhere; one naming a file is never read', async () => {
    const { plan, text } = await importBytes(
      withDoctype(
        '<!ENTITY hero "Meg March"><!ENTITY both "&hero; and Jo"><!ENTITY nbsp "&#160;"><!ENTITY secret SYSTEM "file:///etc/passwd">',
        '<p>Then &both; came&nbsp;home &secret; late.</p>',
      ),
      'entities.epub',
    );
    faithful(plan);
    expect(text).toBe('Then Meg March and Jo came\u00a0home \\&secret; late.');
  });

  it('nested to stand for gigabytes (the billion laughs), read in seconds, expanded no further than a book', async () => {
    const laughs = ['<!ENTITY l0 "laugh ">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)];
    const started = performance.now();
    const { plan, text } = await importBytes(
      withDoctype(laughs.join(''), `<p>Then ${'&l9;'.repeat(1000)} and ${'&l3;'.repeat(200)}.</p>`),
      'laughs.epub',
    );
    faithful(plan);
    expect(text.length).toBeLessThan(300_000);
    expect(text).toMatch(/^Then (?:\\&l9;){1000} and (?:laugh ){1000}/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('YAML that stands for billions of values (a billion laughs)', () => {
  it('a Markdown story whose frontmatter nests aliases of lists is refused in seconds, naming the file and the fix', async () => {
    const started = performance.now();
    await expect(
      importBytes(strToU8(`---\ntitle: Bomb\nauthor: A\n${yamlLaughs}\n---\n\n# Chapter 1\n\nText.\n`), 'bomb.md'),
    ).rejects.toThrow(
      /bomb\.md: the frontmatter holds more than 100,000 values once its YAML aliases \(\*name\) are read out; write each value where it belongs/,
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('plain text that merges words', () => {
  it('keeps a vertical tab (Word’s line break) and a form feed (its page break) as breaks between words', async () => {
    const { plan, text } = await importBytes(strToU8('Chapter 1\n\nShe came in and\vthe door shut.\fA new page began.\n'), 'breaks.txt');
    faithful(plan);
    expect(fidelityWords(text)).toEqual(expect.arrayContaining(['and', 'the', 'shut', 'a']));
    expect(text).not.toMatch(/andthe|shut\.A/);
  });

  it('a Markdown chapter’s vertical tab becomes a line break, which the build takes', async () => {
    const { plan, chapters } = await importBytes(strToU8('---\ntitle: One\norder: 1\n---\n\nLine one\vline two.\n'), 'tab.md');
    faithful(plan);
    expect(chapters[0]!.body).not.toContain('\v');
  });
});

describe('duplicated text', () => {
  it('an EPUB whose spine lists a chapter twice and whose contents repeat an entry writes its text once', async () => {
    const page = chapterPage('Chapter 1', '<p>Once upon a time there was a lamp.</p>');
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [page, page],
      toc: [
        { title: 'Chapter 1', href: page.path },
        { title: 'Again', href: page.path },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'twice.epub');
    faithful(plan);
    expect(chapters).toHaveLength(1);
    expect(chapters[0]!.body.match(/Once upon a time/g)).toHaveLength(1);
  });

  it('contents ordered unlike the spine are followed in the spine’s order, and the author is told', async () => {
    const one = chapterPage('Chapter 1', '<p>The first chapter comes first in the book itself.</p>');
    const two = chapterPage('Chapter 2', '<p>The second chapter comes second in the book itself.</p>');
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [one, two],
      toc: [
        { title: 'Chapter 2', href: two.path },
        { title: 'Chapter 1', href: one.path },
      ],
    });
    const { plan, chapters, work } = await importBytes(epub, 'order.epub');
    faithful(plan);
    expect(chapters.map((chapter) => chapter.front.title)).toEqual(['Chapter 1', 'Chapter 2']);
    expect(work.notices.join()).toMatch(/the table of contents lists the chapters in another order/);
  });

  it('an EPUB of 2 KB naming one file 3,000 times in spine and contents imports its text once, in seconds', async () => {
    const page = chapterPage('Chapter 1', '<p>Only once.</p>');
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: Array.from({ length: 3000 }, () => page),
      toc: Array.from({ length: 3000 }, () => ({ title: 'Chapter 1', href: page.path })),
    });
    const { plan, seconds } = await importBytes(epub, 'repeated.epub');
    faithful(plan);
    expect(plan.chapters).toHaveLength(1);
    expect(seconds).toBeLessThan(10);
  });
});

describe('a chapter nested deep under the places its contents lead to', () => {
  it('an EPUB nesting its text 900 wrappers deep, the contents leading into it, imports every word in seconds', async () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `<p>w${i}</p>`).join('');
    const html = `<h1 id="c1">Chapter 1</h1>${'<div>'.repeat(900)}${words}<h1 id="c2">Chapter 2</h1><p>End.</p>${'</div>'.repeat(900)}<p>After.</p>`;
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [{ path: 'all.xhtml', html }],
      toc: [
        { title: 'Chapter 1', href: 'all.xhtml#c1' },
        { title: 'Chapter 2', href: 'all.xhtml#c2' },
      ],
    });
    const { plan, seconds } = await importBytes(epub, 'deep.epub');
    faithful(plan);
    expect(plan.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1', 'Chapter 2']);
    expect(seconds).toBeLessThan(10);
  });
});

describe('a whole book in one file', () => {
  it(
    'an EPUB of 100 chapters in one file, its 10,000 paragraphs marking notes in another, is read in seconds and imports every word',
    { timeout: 60_000 },
    async () => {
      let html = '';
      let notes = '';
      for (let chapter = 1; chapter <= 100; chapter++) {
        html += `<h2 id="c${chapter}">Chapter ${chapter}</h2>`;
        for (let paragraph = 0; paragraph < 100; paragraph++)
          html += `<p>Line ${chapter} ${paragraph}<a href="notes.xhtml#n${chapter}-${paragraph % 3}" epub:type="noteref">${paragraph % 3}</a></p>`;
        for (let note = 0; note < 3; note++)
          notes += `<aside epub:type="footnote" id="n${chapter}-${note}"><p>Note ${chapter} ${note}</p></aside>`;
      }
      const epub = makeEpub({
        version: 3,
        metadata,
        spine: [
          { path: 'book.xhtml', html },
          { path: 'notes.xhtml', html: notes },
        ],
        toc: Array.from({ length: 100 }, (_, index) => ({ title: `Chapter ${index + 1}`, href: `book.xhtml#c${index + 1}` })),
      });
      const started = performance.now();
      const work = await readInput(epub, 'one-file.epub');
      // The file was read through for each entry of the contents and each marker: 5 s here, 45 s at 50,000 paragraphs.
      expect((performance.now() - started) / 1000).toBeLessThan(5);
      const plan = await planImport(work, []);
      faithful(plan);
      const chapters = plan.chapters.map((chapter) => parseContentFile(chapter.text));
      expect(chapters).toHaveLength(100);
      // Each chapter has its own notes, a note marked a hundred times once, every marker pointing at it.
      expect(chapters[99]!.body).toMatch(/^Line 100 0\[\^1\]\n\nLine 100 1\[\^2\]\n\nLine 100 2\[\^3\]\n\nLine 100 3\[\^1\]/);
      expect(chapters[99]!.body).toMatch(/\[\^1\]: Note 100 0\n\n\[\^2\]: Note 100 1\n\n\[\^3\]: Note 100 2$/);
    },
  );
});

describe('exhaustion from small files', () => {
  const book = (extra: Record<string, Uint8Array>) =>
    makeEpub({
      version: 3,
      metadata,
      spine: [chapterPage('Chapter 1', '<p>Text.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
      extra,
    });

  it('a Word document of 100,000 unclosed ruby, hidden runs and wrappers is refused within seconds', async () => {
    const docx = makeDocx([
      '<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p>',
      `<w:p>${'<w:ruby><w:dir><w:r><w:rPr><w:vanish/>'.repeat(100_000)}</w:p>`,
    ]);
    const started = performance.now();
    await expect(readInput(docx, 'unclosed.docx')).rejects.toThrow(/^unclosed\.docx: Word could not be read/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a file of gigabytes (a sparse file: no disk used) is refused before it is read, naming it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'quire-huge-'));
    try {
      const huge = join(folder, 'huge.txt');
      writeFileSync(huge, 'Chapter 1\n\nText.\n');
      truncateSync(huge, 3 * 1024 ** 3);
      const started = performance.now();
      const { inputs, errors } = readInputs([huge, folder]);
      expect(inputs).toEqual([]);
      expect(errors).toEqual([
        `${huge}: 3,072 MB, more than any story's file needs (at most 100 MB; the longest serials are a few dozen MB); it is not read`,
        `${huge}: 3,072 MB, more than any story's file needs (at most 100 MB; the longest serials are a few dozen MB); it is not read`,
      ]);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an EPUB with an entry claiming a gigabyte is refused before anything is inflated, naming the entry', async () => {
    const epub = claiming(book({ 'fonts/huge.otf': new Uint8Array(1024) }), 'OEBPS/fonts/huge.otf', 1024 ** 3);
    const started = performance.now();
    await expect(readInput(epub, 'bomb.epub')).rejects.toThrow(
      /bomb\.epub: its OEBPS\/fonts\/huge\.otf would take 1,024 MB unpacked, more than any EPUB needs/,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('an entry holding far more than it claims is read only as far as it claims: memory stays bounded', async () => {
    const heap = process.memoryUsage().heapUsed;
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const epub = claiming(zipSync({ ...unzipSync(book({})), 'OEBPS/zeros.bin': zeros }, { level: 1 }), 'OEBPS/zeros.bin', 1024);
    const { plan } = await importBytes(epub, 'liar.epub');
    faithful(plan);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    // Writing the 64 MB test file is what takes time here (longer still under coverage), not the import.
  }, 30_000);

  it('an EPUB whose stylesheet is a megabyte without braces, or of unclosed comments, is read at once', async () => {
    // A pattern retrying every start of the run would take minutes here; the test's limit is 5 s.
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [chapterPage('Chapter 1', '<p>Text <span class="i">here</span>.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
      manifest: '<item id="a" href="a.css" media-type="text/css"/><item id="b" href="b.css" media-type="text/css"/>',
      extra: { 'a.css': strToU8('a'.repeat(1_000_000)), 'b.css': strToU8(`.i{font-style:italic}${'/*'.repeat(500_000)}`) },
    });
    const { plan } = await importBytes(epub, 'styles.epub');
    faithful(plan);
    expect(plan.chapters[0]!.text).toContain('Text *here*.');
  });

  it('an EPUB whose stylesheet is two megabytes of at-rules never closed (`@;@;@;…{`) is read at once', async () => {
    // Looking for each at-rule's end from its start to the far `{` took seconds growing with the square of its length.
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [chapterPage('Chapter 1', '<p>Text <span class="i">here</span>.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
      manifest: '<item id="a" href="a.css" media-type="text/css"/>',
      extra: { 'a.css': strToU8(`.i{font-style:italic}${'@;'.repeat(1_000_000)}{`) },
    });
    const { plan, seconds } = await importBytes(epub, 'at-rules.epub');
    faithful(plan);
    expect(plan.chapters[0]!.text).toContain('Text *here*.');
    expect(seconds).toBeLessThan(3);
  });

  it('a title over 100,000 underlines is read at once, the title alone', async () => {
    const underlined = await importBytes(strToU8(`Chapter 1\n${'=====\n'.repeat(100_000)}\nText.`), 'underlined.txt');
    expect(underlined.seconds).toBeLessThan(5);
    expect(underlined.chapters[0]!.front.title).toBe('Chapter 1');
  });

  it('a paragraph of 20,000 <span> runs (as Calibre wraps each word, in a class of its own) converts in linear time', async () => {
    // Joined one at a time by the converter, re-reading the growing text, it took five seconds.
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [chapterPage('Chapter 1', `<p>${'<span class="calibre3">lamp</span> '.repeat(20_000)}</p>`)],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
    });
    const { plan, seconds } = await importBytes(epub, 'runs.epub');
    faithful(plan);
    expect(seconds).toBeLessThan(3);
  });

  it('a book of 5,000 links to a page that is no chapter keeps their words, each parent rebuilt once', async () => {
    const links = makeEpub({
      version: 3,
      metadata,
      spine: [
        chapterPage('Contents', '<p>List.</p>'),
        chapterPage('Chapter 1', `<p>${'<a href="contents.xhtml">lamp</a> '.repeat(5_000)}</p>`),
      ],
      toc: [
        { title: 'Contents', href: 'contents.xhtml' },
        { title: 'Chapter 1', href: 'chapter-1.xhtml' },
      ],
    });
    const { plan } = await importBytes(links, 'links.epub');
    faithful(plan);
    expect(plan.chapters[0]!.text).not.toContain('](');
  });

  it('a book whose 5,000 contents entries all lead to one file’s start reads each file once, in seconds', async () => {
    // Each entry read the whole file again (for notes, then for its heading): thirty seconds.
    const epub = makeEpub({
      version: 2,
      metadata,
      spine: [{ path: 'all.xhtml', html: Array.from({ length: 5_000 }, (_, i) => `<h2>Chapter ${i + 1}</h2><p>Word ${i}.</p>`).join('') }],
      toc: Array.from({ length: 5_000 }, (_, i) => ({ title: `Chapter ${i + 1}`, href: 'all.xhtml' })),
    });
    const started = performance.now();
    const work = await readInput(epub, 'one-file.epub');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(work.chapters).toHaveLength(5_000);
    expect(work.chapters[4_999]!.title).toBe('Chapter 5000');
  });

  it('a line of 16,000 dashes around the word “break”, and a letter after, reads at once as the text it is', async () => {
    // Read as a break named in words by one pattern of three runs of marks, it took a minute.
    const line = `${'-'.repeat(8_000)}break${'-'.repeat(8_000)}q`;
    const { plan, seconds } = await importBytes(new TextEncoder().encode(`Chapter 1\n\nBefore.\n\n${line}\n\nAfter.`), 'dashes.txt');
    faithful(plan);
    expect(seconds).toBeLessThan(5);
  });

  it('a Word document with a 512 MB media entry is refused, naming it', async () => {
    const docx = claiming(
      zipSync({ ...unzipSync(makeDocx(['<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p>'])), 'word/media/image1.png': new Uint8Array(10) }),
      'word/media/image1.png',
      512 * 1024 * 1024,
    );
    await expect(readInput(docx, 'big.docx')).rejects.toThrow(/big\.docx: its word\/media\/image1\.png would take 512 MB unpacked/);
  });

  describe('a small file of a million empty paragraphs, which took minutes and more memory than the import has', () => {
    const million = 1_000_000;
    const chapters = 10;
    const inputs: [string, () => [Uint8Array, string]][] = [
      ['a web page (8 MB)', () => [strToU8(`<article><h1>Chapter 1</h1>${'<p>x</p>'.repeat(million)}</article>`), 'many.html']],
      ['a text (3 MB)', () => [strToU8(`Chapter 1\n\n${'x\n\n'.repeat(million)}`), 'many.txt']],
      ['Rich Text (6 MB)', () => [strToU8(`{\\rtf1\\ansi Chapter 1\\par ${'x\\par '.repeat(million)}}`), 'many.rtf']],
      ['a Word document (100 KB)', () => [makeDocx(['<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p>', '<w:p/>'.repeat(million)]), 'many.docx']],
      [
        'an OpenDocument text (100 KB)',
        () => [
          zipSync({
            mimetype: strToU8('application/vnd.oasis.opendocument.text'),
            'content.xml': strToU8(
              `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h text:outline-level="1">Chapter 1</text:h>${'<text:p/>'.repeat(million)}</office:text></office:body></office:document-content>`,
            ),
          }),
          'many.odt',
        ],
      ],
      [
        'an EPUB, across its chapters (100 KB)',
        () => [
          makeEpub({
            version: 3,
            metadata: '<dc:title>Many</dc:title><dc:language>en</dc:language>',
            spine: Array.from({ length: chapters }, (_, i) => ({
              path: `c${i}.xhtml`,
              html: `<h2>Chapter ${i + 1}</h2>${'<p/>'.repeat(million / chapters)}`,
            })),
            toc: Array.from({ length: chapters }, (_, i) => ({ title: `Chapter ${i + 1}`, href: `c${i}.xhtml` })),
          }),
          'many.epub',
        ],
      ],
    ];
    it.each(inputs)('in %s is refused within seconds, naming it', async (_, input) => {
      const [bytes, name] = input();
      const started = performance.now();
      await expect(readInput(bytes, name)).rejects.toThrow(
        new RegExp(`^${name.replace('.', '\\.')}: more than 600,000 paragraphs, lines or other elements`),
      );
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  });

  it('a Word document whose contents field is never closed keeps every chapter, and one whose styles are based on each other in a loop reads', async () => {
    const paragraph = (text: string, style = '') =>
      `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:rPr><w:rStyle w:val="A"/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
    const styles = [
      '<w:style w:type="character" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/><w:rPr><w:i/></w:rPr></w:style>',
      '<w:style w:type="character" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/><w:rPr><w:b/></w:rPr></w:style>',
    ].join('');
    const work = await readInput(
      makeDocx(
        [
          '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Contents</w:t></w:r></w:p>',
          paragraph('Chapter 1: Sea', 'Heading1'),
          paragraph('It began at sea.'),
          paragraph('Chapter 2: Land', 'Heading1'),
          paragraph('She came home.'),
        ],
        '',
        styles,
      ),
      'loop.docx',
    );
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1: Sea', 'Chapter 2: Land']);
  });

  it('an 11 KB Word document of thousands of unclosed paragraphs reads in seconds', async () => {
    const docx = makeDocx([
      `<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p><w:p><w:r><w:t>Words here.</w:t></w:r></w:p>${'<w:p '.repeat(3000)}`,
    ]);
    const started = performance.now();
    await readInput(docx, 'unclosed.docx').catch(() => undefined);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a Word document of 20,000 tracked deletions left open reads in seconds', async () => {
    const docx = makeDocx([
      `<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p><w:p><w:r><w:t>Words here.</w:t></w:r>${'<w:del w:id="1"><w:r><w:t>x</w:t></w:r>'.repeat(20_000)}</w:p>`,
    ]);
    const started = performance.now();
    await readInput(docx, 'deletions.docx').catch(() => undefined);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a 60 KB line of spaces in a text file reads in seconds', async () => {
    const { plan, seconds } = await importBytes(strToU8(`Chapter 1\n\nWords${' '.repeat(60_000)}x\n\nMore words.\n`), 'spaces.txt');
    faithful(plan);
    expect(seconds).toBeLessThan(5);
  });

  it('a text a paragraph a line whose lines end in a stop and thousands of digits reads in seconds', async () => {
    const line = `The lamps were lit along the quay all night.${'1'.repeat(5_000)}x`;
    const { plan, seconds } = await importBytes(strToU8(['Chapter 1', line, line, '', line, line, line].join('\n')), 'digits.txt');
    faithful(plan);
    expect(seconds).toBeLessThan(5);
  });

  it('a page of 8,000 notes as Google Docs writes them, each in a block of its own after a rule, reads in seconds', async () => {
    const notes = Array.from(
      { length: 8_000 },
      (_, i) => `<hr><div><p><a href="#ftnt_ref${i + 1}" id="ftnt${i + 1}">[${i + 1}]</a> A note.</p></div>`,
    );
    const started = performance.now();
    await readInput(strToU8(`<html><body><h1>Chapter 1</h1><p>Text.</p>${notes.join('')}</body></html>`), 'notes.html');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a page of 4,000 comments from the margin as Google Docs writes them reads in seconds, none of them kept', async () => {
    const marked = Array.from({ length: 4_000 }, (_, i) => `<p>Line ${i}.<a href="#cmnt${i + 1}" id="cmnt_ref${i + 1}">[${i}]</a></p>`);
    const comments = Array.from(
      { length: 4_000 },
      (_, i) => `<div><p><a href="#cmnt_ref${i + 1}" id="cmnt${i + 1}">[${i}]</a>Secret ${i}.</p></div>`,
    );
    const started = performance.now();
    const work = await readInput(
      strToU8(`<html><body class="doc-content"><h1>Chapter 1</h1>${marked.join('')}${comments.join('')}</body></html>`),
      'c.html',
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(JSON.stringify(work.chapters)).not.toMatch(/Secret/);
  });

  it('a text of 20,000 title lines, each over a word, reads as 20,000 chapters in seconds', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Chapter ${i + 1}\n\nWord.`).join('\n\n');
    const started = performance.now();
    const work = await readInput(strToU8(text), 'many.txt');
    expect(work.chapters).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('Markdown headings of 200 KB of spaces or of #s (a chapter’s, or the one under it), and title lines of as many, read in seconds', async () => {
    // A pattern that backtracks took minutes on these (200,000² steps); read in one pass, well under a second.
    const spaces = ' '.repeat(200_000);
    const markdown = `# Chapter 1: A${spaces}x\n\nWords.\n\n# Chapter 2 ${'#'.repeat(200_000)}x\n\nMore words.\n`;
    const { plan, seconds } = await importBytes(strToU8(markdown), 'headings.md');
    faithful(plan);
    const text = await importBytes(
      strToU8(`Chapter 1\n\nWords.\n\nChapter 2 A${spaces}.\n\nChapter 3${spaces}x\n\nMore words.\n`),
      'lines.txt',
    );
    faithful(text.plan);
    // A chapter heading without a name, a heading of 200,000 spaced #s under it (read as its name, were it one).
    const named = await importBytes(
      strToU8(`# Chapter 1\n\n## A${' #'.repeat(100_000)}x\n\nWords.\n\n# Chapter 2\n\nMore words.\n`),
      'named.md',
    );
    faithful(named.plan);
    expect(seconds + text.seconds + named.seconds).toBeLessThan(5);
  });
});

describe('import succeeds, build refuses (fixed at the source)', () => {
  it.each([
    ['C', undefined],
    ['en_US', 'en-US'],
    ['zh_Hant_TW', 'zh-Hant-TW'],
    ['"fr"', 'fr'],
  ])('dc:language %s becomes %s', async (given, tag) => {
    const epub = makeEpub({
      version: 3,
      metadata: `<dc:title>T</dc:title><dc:creator>A</dc:creator><dc:language>${given}</dc:language>`,
      spine: [chapterPage('Chapter 1', '<p>Text.</p>'), chapterPage('Chapter 2', '<p>More.</p>')],
      toc: [
        { title: 'Chapter 1', href: 'chapter-1.xhtml' },
        { title: 'Chapter 2', href: 'chapter-2.xhtml' },
      ],
    });
    const { work } = await importBytes(epub, 'lang.epub');
    expect(work.story?.language).toBe(tag);
  });

  it('a javascript: dc:source never becomes the review address', async () => {
    const epub = makeEpub({
      version: 3,
      metadata: `${metadata}<dc:publisher>Archive of Our Own</dc:publisher><dc:source>javascript:alert(1)</dc:source>`,
      spine: [chapterPage('Chapter 1', '<p>Text.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
    });
    expect((await importBytes(epub, 'source.epub')).work.story?.reviewUrl).toBeUndefined();
  });

  it('a page named like a picture is not copied in as one', async () => {
    const epub = makeEpub({
      version: 3,
      metadata,
      extra: { 'images/page.xhtml': strToU8('<html/>') },
      spine: [chapterPage('Chapter 1', '<p><img src="images/page.xhtml" alt="x"/> Text.</p>')],
      toc: [{ title: 'Chapter 1', href: 'chapter-1.xhtml' }],
    });
    expect([...(await importBytes(epub, 'page.epub')).plan.images.keys()]).toEqual([]);
  });

  it('a Markdown chapter with footnotes imports', async () => {
    const { plan } = await importBytes(
      strToU8('---\ntitle: One\norder: 1\n---\n\nA word[^note] and another[^2].\n\n[^note]: The first note.\n[^2]: The second.\n'),
      'notes.md',
    );
    faithful(plan);
  });
});

describe('pictures beside a saved page', () => {
  it('come in from the page’s folder; one outside it, through a link out of it, missing or no picture is never read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quire-beside-'));
    const folder = join(root, 'page');
    mkdirSync(join(folder, 'page_files'), { recursive: true });
    writeFileSync(join(folder, 'page_files', 'lamp.png'), pngHeader(2, 2));
    writeFileSync(join(folder, 'notes.txt'), 'not a picture');
    writeFileSync(join(root, 'secret.png'), pngHeader(3, 3));
    symlinkSync(join(root, 'secret.png'), join(folder, 'page_files', 'link.png'));
    const html = ['page_files/lamp.png', '../secret.png', 'page_files/link.png', '/etc/passwd', 'missing.png', 'notes.txt']
      .map((src, i) => `<img src="${src}" alt="picture ${i}">`)
      .join(' ');
    const file = join(folder, 'page.html');
    writeFileSync(file, `<html><body><h1>Chapter 1</h1><p>Look: ${html}</p></body></html>`);
    try {
      const { plan, text, notices } = await importBytes(readFileSync(file), file, false);
      faithful(plan);
      expect([...plan.images.keys()]).toEqual(['lamp.png']);
      expect(text).toBe('Look: ![picture 0](images/lamp.png) picture 1 picture 2 picture 3 picture 4 picture 5');
      expect(notices).toContain('brought page_files/lamp.png into images/lamp.png');
      expect(notices).toContain('left out the picture ../secret.png (outside the page’s folder), keeping its description');
      expect(notices).toContain('left out the picture page_files/link.png (outside the page’s folder), keeping its description');
      expect(notices).toContain('left out the picture notes.txt (not a picture the site can show), keeping its description');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

it('a Markdown file’s pictures beside it come into images/, its address written anew; one outside its folder is never read', async () => {
  const root = mkdtempSync(join(tmpdir(), 'quire-beside-'));
  const folder = join(root, 'story');
  mkdirSync(folder);
  writeFileSync(join(folder, 'lamp.png'), pngHeader(2, 2));
  writeFileSync(join(root, 'secret.png'), pngHeader(3, 3));
  const file = join(folder, 'chapter-1.md');
  writeFileSync(file, '# Chapter 1\n\nLook: ![a lamp](lamp.png) and ![a secret](../secret.png).\n');
  try {
    const work = await readInput(readFileSync(file), file);
    const notices = await localisePictures(work, false, file);
    expect([...work.images.keys()]).toEqual(['lamp.png']);
    expect(work.chapters[0]!.markdown!.body).toBe('Look: ![a lamp](images/lamp.png) and ![a secret](../secret.png).\n');
    expect(notices).toEqual(['brought lamp.png into images/lamp.png']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('an Obsidian chapter’s picture embeds come in as Markdown pictures from beside it; a note embedded stays as written', async () => {
  const root = mkdtempSync(join(tmpdir(), 'quire-beside-'));
  mkdirSync(join(root, 'attachments'));
  writeFileSync(join(root, 'attachments', 'lamp light.png'), pngHeader(2, 2));
  const file = join(root, 'chapter-4.md');
  writeFileSync(
    file,
    '# Chapter 4\n\nLook: ![[attachments/lamp light.png|The old lamp]] and ![[attachments/lamp light.png|300]], and ![[Other note]].\n',
  );
  try {
    const work = await readInput(readFileSync(file), file);
    const notices = await localisePictures(work, false, file);
    expect([...work.images.keys()]).toEqual(['lamp-light.png']);
    expect(work.chapters[0]!.markdown!.body).toBe(
      'Look: ![The old lamp](images/lamp-light.png) and ![](images/lamp-light.png), and ![[Other note]].\n',
    );
    expect(work.notices).toContain('wrote 2 pictures embedded the Obsidian way (![[…]]) as Markdown pictures');
    expect(notices).toEqual(['brought attachments/lamp light.png into images/lamp-light.png']);
    const plan = await planImport(work, []);
    faithful(plan);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('a Word document never reads a picture linked from a file outside it, or a path out of it; their descriptions stay, and the author is told', async () => {
  const picture = (id: string, attribute: 'link' | 'embed', alt: string) =>
    `<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture" descr="${alt}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:${attribute}="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  const image = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
  const docx = makeDocx(
    [
      '<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p>',
      `<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r>${picture('rId9', 'link', 'A lamp')}<w:r><w:t xml:space="preserve"> after.</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t xml:space="preserve">Then </w:t></w:r>${picture('rId10', 'embed', 'The key')}</w:p>`,
    ],
    `<Relationship Id="rId9" Type="${image}" Target="file:///etc/hostname" TargetMode="External"/><Relationship Id="rId10" Type="${image}" Target="../../../../etc/hostname"/>`,
  );
  const { plan, text, work } = await importBytes(docx, 'linked.docx');
  faithful(plan);
  expect([...plan.images.keys()]).toEqual([]);
  expect(text).toBe('Before A lamp after.\n\nThen The key');
  expect(work.notices).toEqual([
    expect.stringMatching(
      /^left out the picture “A lamp”, linked from a file outside the document or missing from it, keeping its description \(in Word: /,
    ),
    expect.stringMatching(/^left out the picture “The key”, linked from a file outside/),
  ]);
});

it('an EPUB never reaches for a picture beside it on disk, however it names one', async () => {
  const root = mkdtempSync(join(tmpdir(), 'quire-beside-'));
  writeFileSync(join(root, 'photo.png'), pngHeader(2, 2));
  const file = join(root, 'book.epub');
  writeFileSync(
    file,
    makeEpub({
      version: 3,
      metadata,
      spine: [
        {
          path: 'ch1.xhtml',
          html: '<h1>Chapter 1</h1><p>Look: <img src="../photo.png" alt="a photo"/><img src="photo.png" alt="the same"/></p>',
        },
      ],
      toc: [{ title: 'Chapter 1', href: 'ch1.xhtml' }],
    }),
  );
  try {
    const { plan, notices } = await importBytes(readFileSync(file), file, false);
    expect(plan.images.size).toBe(0);
    expect(notices.join('\n')).not.toMatch(/brought/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('a zipped web page reads its pictures from inside its own folder in the zip, never from the zip’s other folders or the disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'quire-zipped-'));
  writeFileSync(join(root, 'photo.png'), pngHeader(2, 2));
  const sources = [
    'page_files/lamp.png',
    '../secret.png',
    'other/secret.png',
    '/etc/passwd',
    'file:///etc/passwd',
    'photo.png',
    'page_files/notes.txt',
  ];
  const html = sources.map((src, i) => `<img src="${src}" alt="picture ${i}">`).join(' ');
  const file = join(root, 'page.zip');
  writeFileSync(
    file,
    zipSync({
      'site/page.html': strToU8(`<html><body><h1>Chapter 1</h1><p>Look: ${html}</p></body></html>`),
      'site/page_files/lamp.png': pngHeader(2, 2),
      'site/page_files/notes.txt': strToU8('not a picture'),
      'secret.png': pngHeader(3, 3),
      'other/secret.png': pngHeader(3, 3),
    }),
  );
  try {
    const { plan, text, notices, work } = await importBytes(readFileSync(file), file, false);
    faithful(plan);
    expect([...plan.images.keys()]).toEqual(['lamp.png']);
    expect(text).toBe('Look: ![picture 0](images/lamp.png) picture 1 picture 2 picture 3 picture 4 picture 5 picture 6');
    expect(work.notices).toContain('left out the picture ../secret.png (outside the page’s folder), keeping its description');
    expect(work.notices).toContain('left out the picture other/secret.png (not in the zip), keeping its description');
    expect(work.notices).toContain('left out the picture photo.png (not in the zip), keeping its description');
    // Nothing beside the zip on disk is looked for afterwards either.
    expect(notices.join('\n')).not.toMatch(/brought/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('a zip of thousands of pages is refused before anything in it is inflated', async () => {
  const pages = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`p${i}.html`, strToU8('<p>x</p>')]));
  const started = performance.now();
  await expect(readInput(claiming(zipSync(pages), 'p0.html', 2 ** 31), 'pages.zip')).rejects.toThrow(
    /^pages\.zip: a zip file of 3000 web pages/,
  );
  expect(performance.now() - started).toBeLessThan(5_000);
});

describe('remote pictures', () => {
  let server: ReturnType<typeof createServer>;
  let base = '';
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/map.png') response.writeHead(200, { 'Content-Type': 'image/png' }).end(pngHeader(2, 2));
      else if (request.url === '/moved.png') response.writeHead(301, { Location: '/map.png' }).end();
      else if (request.url === '/elsewhere.png') response.writeHead(302, { Location: 'file:///etc/passwd' }).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  // What each test's import asked of the server, whichever test ran before it.
  beforeEach(() => {
    requests.length = 0;
  });
  const page = () =>
    strToU8(
      `<html><body><h1>Chapter 1</h1><p>Look: <img src="${base}/map.png" alt="the map of the lake"> and <img src="${base}/gone.png" alt="a lost picture"></p></body></html>`,
    );

  it('are left out by default, their descriptions kept, and the author told, with nothing fetched', async () => {
    const { plan, text, notices } = await importBytes(page(), 'remote.html', false);
    faithful(plan);
    expect(text).toContain('the map of the lake');
    expect(text).not.toContain(base);
    expect(notices.join()).toMatch(/left out 2 pictures from other sites .* --fetch-images/);
    expect(requests).toEqual([]);
  });

  it('are fetched into images/ with --fetch-images; one that cannot be keeps its description', async () => {
    // The pictures are served on this computer, which only a test may reach.
    const { plan, text, notices } = await importBytes(page(), 'remote.html', true, 'any');
    faithful(plan);
    expect([...plan.images.keys()]).toEqual(['map.png']);
    expect(text).toContain('![the map of the lake](images/map.png)');
    expect(text).toContain('a lost picture');
    expect(notices.join('\n')).toMatch(/could not fetch .*gone\.png \(the site answered 404\)/);
  });

  it('follow a redirect to a picture, and never one to a file', async () => {
    const moved = strToU8(
      `<html><body><h1>Chapter 1</h1><p>Look: <img src="${base}/moved.png" alt="the map"> and <img src="${base}/elsewhere.png" alt="a file"></p></body></html>`,
    );
    const { plan, text, notices } = await importBytes(moved, 'moved.html', true, 'any');
    faithful(plan);
    expect(text).toBe('Look: ![the map](images/moved.png) and a file');
    expect(notices.join('\n')).toMatch(/could not fetch .*elsewhere\.png \(it leads to a file: address\)/);
    expect(requests).toEqual(['/moved.png', '/map.png', '/elsewhere.png']);
  });
});

describe('remote pictures on this computer or its network', () => {
  it('are never fetched, even with --fetch-images: a hostile file would publish what only the author’s machine reaches', async () => {
    let asked = 0;
    const server = createServer((_request, response) => {
      asked++;
      response.writeHead(302, { Location: 'http://127.0.0.1/secret.png' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const page = strToU8(
        `<html><body><h1>Chapter 1</h1><p>Look: <img src="http://127.0.0.1:${port}/admin.png" alt="the router"> <img src="http://localhost:${port}/a.png" alt="a"> <img src="http://[::1]:${port}/b.png" alt="b"></p></body></html>`,
      );
      const { plan, text, notices } = await importBytes(page, 'local.html', true);
      faithful(plan);
      expect(plan.images.size).toBe(0);
      expect(text).toBe('Look: the router a b');
      expect(notices).toHaveLength(3);
      for (const notice of notices) expect(notice).toMatch(/could not fetch .* \(it is on this computer or its local network/);
      expect(asked).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it.each([
    ['http://10.1.2.3/x.png', false],
    ['http://172.20.0.1/x.png', false],
    ['http://192.168.1.1/x.png', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['http://0.0.0.0/x.png', false],
    ['http://[::ffff:127.0.0.1]/x.png', false],
    ['http://[fd00::1]/x.png', false],
    ['http://[fe80::1]/x.png', false],
    ['http://93.184.215.14/x.png', true],
    ['http://[2606:4700::1111]/x.png', true],
  ])('%s is public: %s', async (address, expected) => {
    expect(await isPublic(new URL(address))).toBe(expected);
  });
});

describe('false refusals of harmless input', () => {
  const html = (body: string) => strToU8(`<html><body><h1>Chapter 1</h1>${body}</body></html>`);

  it.each([
    ['an <object>’s fallback text', '<p>Before.</p><object data="m.swf">Fallback words here</object><p>After.</p>', 'Fallback words here'],
    ['MathML', '<p>The sum <math><mi>x</mi><mo>+</mo><mn>2</mn></math> was known.</p>', '<math><mi>x</mi><mo>+</mo><mn>2</mn></math>'],
    // A table's caption, which Markdown's tables have no place for, was lost (the import refused).
    [
      'a table’s <caption>',
      '<table><caption>Lamps lit</caption><tr><th>A</th></tr><tr><td>1</td></tr></table>',
      'Lamps lit\n\n| A |\n| - |\n| 1 |',
    ],
    // The summary apart from the words it hides (it was glued to them), and still folding them.
    [
      '<details> and <summary>',
      '<details><summary>Spoiler</summary>Hidden words</details><p>Next.</p>',
      '<details><summary>Spoiler</summary>\n\nHidden words\n\n</details>',
    ],
  ])('%s imports, every word kept', async (_what, body, written) => {
    const { plan, text } = await importBytes(html(body), 'page.html');
    faithful(plan);
    expect(text).toContain(written);
  });

  it('an <svg> with text becomes a cleaned picture described by its words', async () => {
    const { plan, text } = await importBytes(
      html('<p>A sign:</p><svg width="9" height="9"><text>Keep out</text></svg><p>Then on.</p>'),
      'svg.html',
    );
    faithful(plan);
    expect(text).toContain('![Keep out](images/drawing.svg)');
    expect(new TextDecoder().decode(plan.images.get('drawing.svg'))).toContain('<text>Keep out</text>');
  });

  it('UTF-16 without a byte-order mark reads as text', async () => {
    const { plan, text } = await importBytes(Buffer.from('Chapter 1\n\nWords in sixteen bits, café.\n', 'utf16le'), 'wide.txt');
    faithful(plan);
    expect(text).toContain('café');
  });
});

describe('OpenDocument texts', () => {
  const namespaces = [
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
    'xmlns:xlink="http://www.w3.org/1999/xlink"',
  ].join(' ');
  const odt = (body: string, files: Record<string, string> = {}, styles = '') =>
    zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8(
        `<office:document-content ${namespaces}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:text><text:h text:outline-level="1">Chapter 1: Odd</text:h>${body}</office:text></office:body></office:document-content>`,
      ),
      ...Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
    });

  it('a picture that is an SVG with script is kept cleaned; one linked from a file or a site outside is never read from disk', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>';
    const { plan, work, text } = await importBytes(
      odt(
        '<text:p>Look <draw:frame><draw:image xlink:href="Pictures/a.svg"/></draw:frame> and <draw:frame><draw:image xlink:href="../../../../etc/passwd"/></draw:frame> there.</text:p>',
        { 'Pictures/a.svg': svg },
      ),
      'odd.odt',
    );
    faithful(plan);
    const [name, bytes] = [...plan.images][0]!;
    expect(text).toBe(`Look ![](images/${name}) and there.`);
    expect(Buffer.from(bytes!).toString()).not.toMatch(/script|onload/);
    expect(work.dropped).toEqual([
      expect.stringContaining('the picture “../../../../etc/passwd”, linked from a file outside the document'),
    ]);
  });

  it('a flat text with a DOCTYPE is read as one, its declared entities written out; one that names a file is refused, never read', async () => {
    const flat = (subset: string, text: string) =>
      strToU8(
        `<?xml version="1.0"?>\n<!-- written by hand -->\n<!DOCTYPE office:document [${subset}]>\n<office:document ${namespaces} office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:h text:outline-level="1">Chapter 1: Odd</text:h><text:p>${text}</text:p></office:text></office:body></office:document>`,
      );
    const { plan, text } = await importBytes(flat('<!ENTITY hero "Meg March">', 'Then &hero; came.'), 'entities.fodt');
    faithful(plan);
    expect(text).toBe('Then Meg March came.');
    await expect(readInput(flat('<!ENTITY x SYSTEM "file:///etc/passwd">', 'Then &x; came.'), 'xxe.fodt')).rejects.toThrow(
      /^xxe\.fodt: the OpenDocument text could not be read/,
    );
  });

  it('styles that are each other’s parents, and a space repeated a billion times, read at once', async () => {
    const styles =
      '<style:style style:name="A" style:family="paragraph" style:parent-style-name="B"/><style:style style:name="B" style:family="paragraph" style:parent-style-name="A"/>';
    const { plan, text, seconds } = await importBytes(
      odt('<text:p text:style-name="A">a<text:s text:c="999999999"/>b</text:p>', {}, styles),
      'odd.odt',
    );
    faithful(plan);
    expect(text).toBe('a b');
    expect(seconds).toBeLessThan(5);
  });
});

describe('web pages nested deep', () => {
  const page = (body: string) => strToU8(`<html><body><h1>Chapter 1</h1>${body}<p>More words.</p></body></html>`);

  it('elements nested thousands deep, which overflowed the parser, are refused naming the file', async () => {
    for (const depth of [3000, 100_000]) {
      await expect(readInput(page(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`), 'deep.html')).rejects.toThrow(
        /^deep\.html: its elements nest more than 1000 deep .*; it is not read/,
      );
    }
  });

  it('blocks nested thousands deep that the readers walk slowly (preformatted paragraphs, spoilers) are refused at once, as parsed', async () => {
    for (const [open, close] of [
      ['<pre><p>', '</p></pre>'],
      ['<fieldset><legend>Spoiler: x</legend>', '</fieldset>'],
    ]) {
      const started = performance.now();
      await expect(readInput(page(`${open!.repeat(3000)}deep${close!.repeat(3000)}`), 'deep.html')).rejects.toThrow(
        /^deep\.html: its elements nest more than 1000 deep/,
      );
      // 21 seconds for the preformatted paragraphs when the depth was measured after reading.
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('a FictionBook or a WordPress export nested thousands deep is refused as deep, not as broken, naming the file', async () => {
    const fb2 = (body: string) =>
      strToU8(`<?xml version="1.0"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><body>${body}</body></FictionBook>`);
    const wxr = (content: string) =>
      strToU8(
        `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>Chapter 1</title><wp:post_type>post</wp:post_type><content:encoded>${content}</content:encoded></item></channel></rss>`,
      );
    for (const [bytes, name] of [
      [fb2(`${'<section>'.repeat(20_000)}<p>Hi</p>${'</section>'.repeat(20_000)}`), 'deep.fb2'],
      [fb2(`<section><p>${'<emphasis>'.repeat(3000)}Hi${'</emphasis>'.repeat(3000)}</p></section>`), 'deep.fb2'],
      [wxr(`${'<x>'.repeat(20_000)}</x>`), 'deep.xml'],
    ] as const)
      await expect(readInput(bytes, name)).rejects.toThrow(
        new RegExp(`^${name.replace('.', '\\.')}: its elements nest more than 1000 deep`),
      );
  });

  it('italics and bold nested 800 deep read in seconds as italics and bold, every word kept', async () => {
    const { plan, text, seconds } = await importBytes(
      page(`<p>Hello ${'<em><strong>'.repeat(400)}there${'</strong></em>'.repeat(400)} now.</p>`),
      'nested.html',
    );
    faithful(plan);
    expect(text).toBe('Hello ***there*** now.\n\nMore words.');
    expect(seconds).toBeLessThan(5);
  });
});

describe('Rich Text', () => {
  it('groups nested thousands deep are refused at once, naming the file', async () => {
    const rtf = strToU8(`{\\rtf1 ${'{'.repeat(100_000)}deep${'}'.repeat(100_000)}}`);
    const started = performance.now();
    await expect(readInput(rtf, 'deep.rtf')).rejects.toThrow(
      /^deep\.rtf: the Rich Text document could not be read \(groups nested over 500 deep\)/,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('binary data claiming more than the file holds, unclosed groups and runs of fallbacks read at once, every word kept', async () => {
    const rtf = strToU8(
      `{\\rtf1\\ansi Chapter 1\\par Before.\\uc3\\u8212 abc after\\par {\\*\\unknown secret}{\\pict\\pngblip\\bin999999999 `,
    );
    const { plan, text, seconds } = await importBytes(rtf, 'odd.rtf');
    faithful(plan);
    expect(text).toBe('Before.— after');
    expect(seconds).toBeLessThan(5);
  });

  it('a table whose last row never ends keeps its cells', async () => {
    const { plan, text } = await importBytes(
      strToU8('{\\rtf1\\ansi Chapter 1\\par Before.\\par\\intbl Lamp\\cell Hours\\cell}'),
      'table.rtf',
    );
    faithful(plan);
    expect(text).toBe('Before.\n\n|      |       |\n| ---- | ----- |\n| Lamp | Hours |');
  });
});
