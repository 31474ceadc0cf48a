import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { shortName, webAppManifest } from '../../src/core/manifest';
import { opdsCatalogue } from '../../src/core/opds';
import { bookData } from '../../src/core/structured-data';
import { assembleStory } from '../../src/core/story';
import { builtFiles, offlineList } from '../../src/integrations/offline';
import { makeWorkDir } from '../../src/cli/support/work-dir';
import { changedFiles, isImmutable, keepFiles, keepsOffline, offlineSize, parseOfflineList, sitePath } from '../../src/shared/offline';
import { speechChunks, voiceFor } from '../../src/shared/speech';
import { themeColors } from '../../src/shared/theme-colors';
import { chapterSource, storySource } from '../support/story-sources';

const source = storySource(
  { title: 'Lamplight <Below>', author: 'Wren', language: 'fr', fandom: 'Phantom', tags: ['Slow Burn'] },
  'Below the opera house, someone keeps the lamps lit & burning.',
);
const chapter = chapterSource('chapter-1', { title: 'Chapter 1', order: 1, published: new Date('2026-03-01') }, 'Words.');
const story = assembleStory([source], [chapter], { now: new Date('2026-06-01'), preview: false });

describe('the OPDS catalogue', () => {
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
  const links = {
    self: 'https://example.org/opds.xml',
    home: 'https://example.org/',
    epub: 'https://example.org/lamplight.epub',
    cover: { image: 'https://example.org/_astro/cover.jpg', thumbnail: 'https://example.org/_astro/cover-small.jpg' },
  };

  it('holds what OPDS 1.2 requires of an acquisition feed and its entry, escaped', () => {
    const doc = parse(opdsCatalogue(story, links, new Date('2026-06-01')));
    const feed = doc.querySelector('feed')!;
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(feed.querySelector(`:scope > ${name}`)?.textContent, name).toBeTruthy();
    const feedLinks = [...feed.querySelectorAll(':scope > link')].map((link) => [link.getAttribute('rel'), link.getAttribute('type')]);
    expect(feedLinks).toEqual([
      ['self', 'application/atom+xml;profile=opds-catalog;kind=acquisition'],
      ['start', 'application/atom+xml;profile=opds-catalog;kind=acquisition'],
    ]);
    const entry = feed.querySelector('entry')!;
    expect(entry.querySelector('title')?.textContent).toBe('Lamplight <Below>');
    expect(entry.querySelector('id')?.textContent).toBe('https://example.org/');
    expect(entry.querySelector('updated')?.textContent).toBe('2026-03-01T00:00:00.000Z');
    expect(entry.querySelector('author > name')?.textContent).toBe('Wren');
    expect(entry.getElementsByTagName('dc:language')[0]?.textContent).toBe('fr');
    expect(entry.querySelector('summary')?.textContent).toBe('Below the opera house, someone keeps the lamps lit & burning.');
    const acquisition = entry.querySelector('link[rel="http://opds-spec.org/acquisition/open-access"]');
    expect([acquisition?.getAttribute('href'), acquisition?.getAttribute('type')]).toEqual([links.epub, 'application/epub+zip']);
    expect(entry.querySelector('link[rel="http://opds-spec.org/image"]')?.getAttribute('href')).toBe(links.cover.image);
    expect(entry.querySelector('link[rel="http://opds-spec.org/image/thumbnail"]')?.getAttribute('href')).toBe(links.cover.thumbnail);
  });

  it('credits each co-author as an author of their own in the catalogue and the home page’s book data, not one author named "Ada, Wren"', () => {
    const written = assembleStory([storySource({ ...source.data, author: 'Ada, Wren', authors: ['Ada', 'Wren'] })], [chapter], {
      now: new Date('2026-06-01'),
      preview: false,
    });
    const doc = parse(opdsCatalogue(written, links, new Date('2026-06-01')));
    expect([...doc.querySelectorAll('entry > author > name')].map((name) => name.textContent)).toEqual(['Ada', 'Wren']);
    expect([...doc.querySelectorAll('feed > author > name')].map((name) => name.textContent)).toEqual(['Ada', 'Wren']);
    expect(bookData(written, undefined).author).toEqual([
      { '@type': 'Person', name: 'Ada' },
      { '@type': 'Person', name: 'Wren' },
    ]);
  });

  it('names itself and the work with URNs when the site’s address is not known (Atom ids are absolute)', () => {
    const doc = parse(opdsCatalogue(story, { self: '/opds.xml', home: '/', epub: '/lamplight.epub' }, new Date('2026-06-01')));
    expect(doc.querySelector('feed > id')?.textContent).toBe('urn:quire:lamplight-below:catalogue');
    expect(doc.querySelector('entry > id')?.textContent).toBe('urn:quire:lamplight-below');
    expect(doc.querySelector('link[rel="http://opds-spec.org/image"]')).toBeNull();
  });
});

describe('the web app manifest', () => {
  it('has what installing needs: names, icons, start and scope under the base path, standalone, the themes’ colours', () => {
    const manifest = webAppManifest(story, '/quire/', 'ltr');
    expect(manifest).toMatchObject({
      name: 'Lamplight <Below>',
      short_name: 'Lamplight',
      start_url: '/quire/',
      scope: '/quire/',
      display: 'standalone',
      lang: 'fr',
      background_color: themeColors.light.background,
      theme_color: themeColors.light.accent,
    });
    expect((manifest.icons as { sizes: string; src: string }[]).map(({ sizes, src }) => [sizes, src])).toEqual([
      ['192x192', '/quire/icon-192.png'],
      ['512x512', '/quire/icon-512.png'],
    ]);
  });

  it('shortens a title at a word, or cuts one long word', () => {
    expect(shortName('The Lantern Keeper')).toBe('The Lantern');
    expect(shortName('Lamplight')).toBe('Lamplight');
    expect(shortName('Supercalifragilistic')).toBe('Supercalifr…');
    expect(shortName('夜の灯台守の物語とその後の十二年')).toBe('夜の灯台守の物語とその…');
  });

  it('takes its colours from the reading themes’ stylesheet', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src/styles/global.css'), 'utf8');
    expect(css).toContain(`--color-bg: light-dark(${themeColors.light.background}, ${themeColors.dark.background})`);
    expect(css).toContain(`--color-accent: light-dark(${themeColors.light.accent}, ${themeColors.dark.accent})`);
  });
});

describe('what can be kept offline', () => {
  const file = (path: string, content = path) => ({ path, size: content.length, hash: createHash('sha256').update(content).digest('hex') });
  const built = [
    file('index.html'),
    file('chapter-1/index.html'),
    file('offline/index.html'),
    file('_astro/page.Ab12.css'),
    file('pagefind/pagefind-entry.json'),
    file('pagefind/fragment/en_1a2b.pf_fragment'),
    file('the-story.epub'),
    file('rss.xml'),
    file('opds.xml'),
    file('sitemap-index.xml'),
    file('robots.txt'),
    file('_headers'),
    file('404.html'),
    file('sw.js'),
    file('offline.json'),
    file('manifest.webmanifest'),
  ];

  it('lists pages by the address they are served at, what they load and search; never the EPUB, feeds or host files', () => {
    expect(Object.keys(offlineList(built).files)).toEqual([
      '',
      '_astro/page.Ab12.css',
      'chapter-1/',
      'manifest.webmanifest',
      'offline/',
      'pagefind/fragment/en_1a2b.pf_fragment',
      'pagefind/pagefind-entry.json',
    ]);
  });

  it('is a new release when any byte of a kept file changes, the same one when nothing does', () => {
    const before = offlineList(built);
    expect(offlineList([...built].reverse()).version).toBe(before.version);
    const edited = built.map((entry) => (entry.path === 'chapter-1/index.html' ? file(entry.path, 'typo fixed here') : entry));
    const after = offlineList(edited);
    expect(after.version).not.toBe(before.version);
    // A kept story fetches only what changed, and what is new.
    expect(changedFiles(after, before)).toEqual(['chapter-1/']);
    expect(changedFiles(after, undefined)).toEqual(Object.keys(after.files));
    expect(offlineSize(after)).toBe(Object.values(after.files).reduce((sum, entry) => sum + entry.size, 0));
  });

  it('reads from the built site only the files a reader may keep, each with its size and hash', async () => {
    const root = makeWorkDir('offline-');
    try {
      const pages = built.filter((entry) => /\.(?:html|css|json|pf_fragment|epub|xml|txt|js|webmanifest)$|_headers$/.test(entry.path));
      for (const entry of pages) {
        mkdirSync(join(root, entry.path, '..'), { recursive: true });
        writeFileSync(join(root, entry.path), entry.path);
      }
      const found = (await builtFiles(root)).sort((a, b) => (a.path < b.path ? -1 : 1));
      expect(found).toEqual(pages.filter((entry) => keepsOffline(entry.path)).sort((a, b) => (a.path < b.path ? -1 : 1)));
      expect(found.map((entry) => entry.path)).not.toContain('the-story.epub');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads back only a list it wrote', () => {
    const list = offlineList(built);
    expect(parseOfflineList(JSON.stringify(list))).toEqual(list);
    for (const bad of [
      '',
      'null',
      '[]',
      '{"version":1,"files":{}}',
      '{"version":"x","files":{"a":3}}',
      '{"version":"x","files":{"a":{"size":-1,"hash":"h"}}}',
    ]) {
      expect(parseOfflineList(bad)).toBeUndefined();
    }
  });

  it('takes hashed files from the cache first, and pages and unhashed files from the network', () => {
    expect(isImmutable('_astro/page.Ab12.css')).toBe(true);
    expect(isImmutable('pagefind/index/en_1.pf_index')).toBe(true);
    expect(isImmutable('pagefind/pagefind-entry.json')).toBe(false);
    expect(isImmutable('chapter-1/')).toBe(false);
    expect(sitePath(new URL('https://example.org/quire/chapter-1/?highlight=x#p-2'), '/quire/')).toBe('chapter-1/');
    expect(sitePath(new URL('https://example.org/other/'), '/quire/')).toBeUndefined();
    // A malformed escape in an address (typed, or a broken link) is taken as written, not thrown at the worker.
    expect(sitePath(new URL('https://example.org/quire/chapter-%E0%A4/'), '/quire/')).toBe('chapter-%E0%A4/');
  });

  it('keeps every file asked for, four at a time, and says which failed after trying the rest', async () => {
    const stored = new Map<string, string>();
    const cache = {
      match: async (url: string) => stored.get(url),
      put: async (url: string, response: Response) => void stored.set(url, await response.text()),
    };
    const progress: number[] = [];
    const paths = ['a/', 'b/', '_astro/c.js', 'd/', 'e/'];
    stored.set('/s/_astro/c.js', 'kept before');
    await expect(
      keepFiles(
        paths,
        cache as unknown as Cache,
        (path) => `/s/${path}`,
        async (url) => (url.endsWith('d/') ? new Response('gone', { status: 404 }) : new Response(`body of ${url}`)),
        (done) => progress.push(done),
      ),
    ).rejects.toThrow('d/: 404');
    expect([...stored.keys()].sort()).toEqual(['/s/_astro/c.js', '/s/a/', '/s/b/', '/s/e/']);
    expect(stored.get('/s/_astro/c.js')).toBe('kept before');
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('reading aloud', () => {
  it('speaks a paragraph a sentence at a time, in any script', () => {
    expect(speechChunks('She ran. “Wait!” he called — too late? Yes.', 'en')).toEqual([
      'She ran.',
      // ICU ends a sentence at an exclamation inside quotes.
      '“Wait!”',
      'he called — too late?',
      'Yes.',
    ]);
    expect(speechChunks('彼は走った。彼女は待った。', 'ja')).toEqual(['彼は走った。', '彼女は待った。']);
    expect(speechChunks('  \n ', 'en')).toEqual([]);
  });

  it('cuts a sentence too long for one utterance at its clauses, else between words, losing nothing', () => {
    const clauses = Array.from({ length: 12 }, (_, i) => `the lamps of the ${i + 1}th landing burned low`).join(', ') + '.';
    const pieces = speechChunks(clauses, 'en', 120);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((piece) => piece.length <= 120)).toBe(true);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith(','))).toBe(true);
    expect(pieces.join(' ')).toBe(clauses);

    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const cut = speechChunks(words, 'en', 100);
    expect(cut.every((piece) => piece.length <= 100)).toBe(true);
    expect(cut.join(' ')).toBe(words);
  });

  it('chooses a voice for the story’s language: the exact one, the default, one on the device; none for another language', () => {
    const voices = [
      { lang: 'en-US', name: 'US', default: true, localService: false },
      { lang: 'en_GB', name: 'GB', localService: true },
      { lang: 'pt-PT', name: 'PT', localService: true },
    ];
    expect(voiceFor(voices, 'en-GB')?.name).toBe('GB');
    expect(voiceFor(voices, 'en')?.name).toBe('US');
    expect(voiceFor(voices, 'pt-BR')?.name).toBe('PT');
    expect(voiceFor(voices, 'he')).toBeUndefined();
    expect(voiceFor([], 'en')).toBeUndefined();
  });
});
