import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { epubProblems, verifySite } from '../../src/cli/support/verify-site';

const root = mkdtempSync(join(tmpdir(), 'quire-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (body: string, title = 'A page') =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<main id="main">${body}</main>\n</body>\n</html>\n`;

function site(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An EPUB as Quire writes one, with `chapter` as its one document. */
function epub(chapter: string, extraManifest = ''): Uint8Array {
  const opf = `<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>${extraManifest}</manifest><spine><itemref idref="c1"/></spine></package>`;
  return zipSync(
    {
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'META-INF/container.xml': strToU8(
        '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
      ),
      'OEBPS/book.opf': strToU8(opf),
      'OEBPS/c1.xhtml': strToU8(chapter),
    },
    { level: 6 },
  );
}
const xhtml = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body>${body}</body></html>`;

describe('verifySite', () => {
  it('passes a sound site', async () => {
    const dir = site('sound', {
      'index.html': page('<p><a href="/chapter-1/">One</a> <a href="/chapter-1/#p-2">its second paragraph</a></p>'),
      'chapter-1/index.html': page('<p id="p-2">Text.</p><p><a href="https://example.org/">elsewhere</a></p>'),
      'rss.xml': '<?xml version="1.0"?><rss version="2.0"><channel><link>https://example.org/</link></channel></rss>',
    });
    expect(await verifySite(dir, '/')).toEqual([]);
  });

  it('passes a page titled with quotes and ampersands, which the page writes as entities (a title of 50 characters, 80 as written)', async () => {
    const title = 'Chapter 1: Waves &amp; &lt;Tides&gt; &quot;quoted&quot; &amp; more · Edge Story';
    expect(title.replace(/&\w+;/g, '_').length).toBeLessThan(60);
    expect(title.length).toBeGreaterThan(70);
    expect(await verifySite(site('entities', { 'index.html': page('<p>Text.</p>', title) }), '/')).toEqual([]);
  });

  it('names each broken link, missing fragment and invalid page', async () => {
    const dir = site('broken', {
      'index.html': page('<p><a href="/chapter-9/">Nine</a> <a href="/chapter-1/#p-7">gone</a> <img src="/_astro/x.png" alt="x"></p>'),
      'chapter-1/index.html': page('<p id="p-2">Text.</p><div><span></div>'),
    });
    const problems = await verifySite(dir, '/');
    expect(problems).toEqual(
      expect.arrayContaining([
        'index.html: /chapter-9/ leads to no page or file (no chapter-9)',
        'index.html: /chapter-1/#p-7 leads to no id "p-7" on chapter-1/index.html',
        'index.html: /_astro/x.png leads to no page or file (no _astro/x.png)',
        expect.stringMatching(/^chapter-1\/index\.html:\d+: close-order:/),
      ]),
    );
  });

  it('names a link with a malformed escape as broken, rather than stopping', async () => {
    const dir = site('malformed', {
      'index.html': page('<p><a href="/chapter-%E0%A4/">one</a> <a href="#%E0%A4">here</a></p>'),
    });
    expect(await verifySite(dir, '/')).toEqual([
      'index.html: /chapter-%E0%A4/ leads to no page or file (no chapter-%E0%A4)',
      'index.html: #%E0%A4 leads to no id "%E0%A4" on index.html',
    ]);
  });

  it('refuses links that leave the base path, and feeds with relative or broken XML', async () => {
    const dir = site('based', {
      'index.html': page('<p><a href="/elsewhere/">out</a> <a href="/story/">home</a></p>'),
      'rss.xml': '<?xml version="1.0"?><rss version="2.0"><channel><link>/story/</link></channel></rss>',
      'sitemap-0.xml': '<?xml version="1.0"?><urlset><url><loc>https://example.org/story/</loc></url>',
    });
    expect(await verifySite(dir, '/story/')).toEqual([
      'index.html: /elsewhere/ leads outside the site (its base path is /story/)',
      'rss.xml: <link>/story/</link> is not an absolute address',
      expect.stringMatching(/^sitemap-0\.xml: not well-formed XML/),
    ]);
  });
});

describe('epubProblems', () => {
  it('passes a sound book, links to ids included', () => {
    expect(epubProblems('b.epub', epub(xhtml('<p id="a">x</p><p><a href="#a">back</a> <a href="c1.xhtml#a">again</a></p>')))).toEqual([]);
  });

  it('finds a link to a missing target (epubcheck RSC-012), a missing file, and a document that is not XML', () => {
    expect(epubProblems('b.epub', epub(xhtml('<p><a href="#fn1">1</a> <a href="c2.xhtml">next</a></p>')))).toEqual([
      'b.epub!OEBPS/c1.xhtml: the link "#fn1" leads to no id "fn1" in OEBPS/c1.xhtml',
      'b.epub!OEBPS/c1.xhtml: the link "c2.xhtml" leads to no file in the book',
    ]);
    expect(epubProblems('b.epub', epub(xhtml('<p>open'), '<item id="c9" href="c9.xhtml" media-type="application/xhtml+xml"/>'))).toEqual([
      'b.epub!OEBPS/book.opf: the manifest lists c9.xhtml, which is not in the book',
      expect.stringMatching(/^b\.epub!OEBPS\/c1\.xhtml: not well-formed XML/),
    ]);
  });

  it('needs mimetype first and stored', () => {
    const bytes = zipSync({ 'META-INF/container.xml': strToU8('<container/>'), mimetype: strToU8('application/epub+zip') });
    expect(epubProblems('b.epub', bytes)[0]).toMatch(/the first file must be an uncompressed "mimetype"/);
    expect(epubProblems('b.epub', strToU8('not a zip'))).toEqual([expect.stringMatching(/^b\.epub: not a zip file/)]);
  });
});
