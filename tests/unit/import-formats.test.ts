import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../support/content-file';
import { planImport, storyMarkdown } from '../../src/importer/files';
import type { ImportedWork } from '../../src/importer/model';
import { detectFormat, readInput } from '../../src/importer/read';
import { redirectTarget } from '../../src/importer/readers/saved-page';
import { publishedOrder, weightOrder } from '../../src/importer/post-order';
import { makeDocx, makeEpub } from '../support/documents';
import { ao3Work } from '../support/ao3';
import { storySchema } from '../../src/core/schema';
import { pageOf } from '../../src/markdown/players';
import { plainRenderer } from '../support/renderer';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const png = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

/** Reads an input and plans its files, as `npm run import` does; the files parsed for asserting. */
async function importBytes(bytes: Uint8Array, name: string) {
  const work = await readInput(bytes, name);
  const plan = await planImport(work, []);
  const chapters = plan.chapters.map((chapter) => ({ slug: chapter.slug, ...parseContentFile(chapter.text) }));
  const story = plan.story === undefined ? undefined : parseContentFile(plan.story);
  return { work, plan, chapters, story };
}

const importFixture = (path: string) => importBytes(readFileSync(join(fixtures, path)), path);

/** A Word paragraph, in a style of the document's if given (`Heading1`). */
const paragraph = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A saved chapter page holding `body` under its title line, imported; every word kept, as the importer itself checks. */
async function importChapterPage(body: string) {
  const imported = await importBytes(strToU8(`<html><body><h1>Chapter 1: The Page</h1>${body}</body></html>`), 'chapter-1.html');
  expectEveryWordKept(imported.plan);
  return imported;
}

/** Every word was kept: what the importer itself checks, asserted. */
function expectEveryWordKept(plan: { fidelity: { source: number; kept: number; added: number } }) {
  expect(plan.fidelity.source).toBeGreaterThan(0);
  expect(plan.fidelity.kept).toBe(plan.fidelity.source);
  // Nothing the file does not hold either: `npm run import` refuses an import that adds a word.
  expect(plan.fidelity.added).toBe(0);
}

describe('recognising the format from the content', () => {
  const zip = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

  it.each([
    [zip({ 'word/document.xml': '<w:document/>' }), 'story.bin', 'docx'],
    [zip({ mimetype: 'application/epub+zip', 'META-INF/container.xml': '<container/>' }), 'story.zip', 'epub'],
    [
      strToU8('<!DOCTYPE html><html><body><div id="preface"></div><div id="chapters" class="userstuff"></div></body></html>'),
      'work.txt',
      'ao3',
    ],
    [strToU8('<html><body><p>Hello.</p></body></html>'), 'page.txt', 'html'],
    [strToU8('---\ntitle: Chapter 1\n---\n\nText.'), 'chapter.txt', 'markdown'],
    [strToU8('Chapter 1\n\n<3 is how she signed it.'), 'chapter.html', 'text'],
    [zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }), 'story.zip', 'odt'],
    [strToU8('{\\rtf1\\ansi Chapter 1\\par The lamps.}'), 'story.txt', 'rtf'],
    [strToU8('<?xml version="1.0"?>\n<office:document office:mimetype="application/vnd.oasis.opendocument.text"/>'), 'story.xml', 'odt'],
  ])('reads %#', (bytes, name, format) => {
    expect(detectFormat(bytes, name).format).toBe(format);
  });

  it('explains what to do with a PDF, an old .doc or a damaged zip', () => {
    expect(() => detectFormat(strToU8('%PDF-1.7'), 'story.pdf')).toThrow(/^story\.pdf: a PDF.*export the story as \.docx/);
    expect(() => detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'story.doc')).toThrow(
      /^story\.doc: an old Word document.*save it as \.docx/,
    );
    expect(() => detectFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'story.epub')).toThrow(/^story\.epub: a damaged zip/);
  });

  it('refuses Kindle books, whose text is not read, with what to download instead', () => {
    const mobi = new Uint8Array(200);
    mobi.set(strToU8('BOOKMOBI'), 60);
    expect(() => detectFormat(mobi, 'story.azw3')).toThrow(/^story\.azw3: a Kindle book.*download the work as EPUB or HTML/);
  });
});

describe('AO3 HTML downloads', () => {
  it('reads the current layout: the work’s metadata into story.md, each chapter with its summary and notes', async () => {
    const { plan, chapters, story, work } = await importFixture('ao3/new-layout.html');
    expectEveryWordKept(plan);
    expect(story?.front).toEqual({
      title: 'The Lantern Keeper',
      author: 'Wren_Ashdown',
      language: 'en',
      status: 'in-progress',
      fandom: 'Phantom of the Opera - Gaston Leroux',
      rating: 'Teen And Up Audiences',
      warnings: ['Graphic Depictions Of Violence', 'Major Character Death'],
      characters: ['Christine Daaé', 'Erik (Phantom of the Opera)', 'Meg Giry'],
      relationships: ['Christine Daaé/Erik'],
      categories: ['F/M'],
      tags: ['Slow Burn', 'Angst with a Happy Ending'],
      notes: 'Thank you to marigold_beta for reading this first.',
      endNotes: 'The title comes from an old lighthouse song my grandmother sang.',
      series: { title: 'Lights Below', part: 2, url: 'https://archiveofourown.org/series/301' },
      related: [{ title: 'The Lower Cellars', url: 'https://archiveofourown.org/works/1111', relation: 'inspired by' }],
      reviewUrl: 'https://archiveofourown.org/works/48213001',
    });
    expect(story?.body).toBe('Below the opera house, someone keeps the lamps lit. *Someone* always has.');
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order, front.published])).toEqual([
      ['chapter-1', 'Chapter 1: Wick', 1, '2024-03-01'],
      ['chapter-2', 'Chapter 2: Flame', 2, undefined],
      ['chapter-3', 'Chapter 3', 3, '2024-04-12'],
    ]);
    expect(chapters[0]!.front).toMatchObject({
      summary: 'Christine finds the first lamp.',
      contentNotes: ['a brief mention of a fire'],
      endNote: 'Next time: the second lamp. Comments keep me writing!',
    });
    expect(chapters[0]!.body).toContain('That was **not** quite true.');
    expect(chapters[0]!.body).toContain('\n\n* * *\n\n');
    expect(chapters[1]!.body).toContain('forty-three.\\\nThen the water.');
    expect(chapters[2]!.front.authorsNote).toBe('Short one this week, sorry!');
    expect(work.dropped).toEqual([
      'AO3’s “Posted originally on the Archive of Our Own at …”',
      'AO3’s “Please drop by the Archive and comment…”',
    ]);
    expect(JSON.stringify(chapters)).not.toMatch(/See the end of the chapter|Chapter End Notes|drop by the Archive/);
  });

  it('reads the layout before 2019: no preface, bare chapter titles, singular labels, no language', async () => {
    const { plan, chapters, story } = await importFixture('ao3/old-layout.html');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({
      title: 'Snowfall at the Garnier',
      author: 'old_author',
      status: 'complete',
      warnings: ['No Archive Warnings Apply'],
      characters: ['Raoul de Chagny'],
    });
    expect(story?.front.language).toBeUndefined();
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: The Foyer', 'Chapter 2: The Stage Door']);
    expect(chapters[1]!.front.authorsNote).toBe('Happy new year, everyone.');
    expect(chapters[1]!.front.published).toBe('2013-01-05');
  });

  it('writes a work’s co-authors as a list, each by name, as the site then credits each', async () => {
    const page = readFileSync(join(fixtures, 'ao3/new-layout.html'), 'utf8').replace(
      /(<div class="byline">by )(<a rel="author"[^>]*>[^<]*<\/a>)/,
      '$1<a rel="author" href="https://archiveofourown.org/users/ada/pseuds/Ada%20L">Ada L</a>, $2',
    );
    const { story } = await importBytes(strToU8(page), 'co-authored.html');
    expect(story?.front.author).toEqual(['Ada L', 'Wren_Ashdown']);
    expect(storySchema.parse(story?.front)).toMatchObject({ author: 'Ada L, Wren_Ashdown', authors: ['Ada L', 'Wren_Ashdown'] });
  });

  it('reads a one-chapter work, which has no chapter meta block', async () => {
    const { plan, chapters, story } = await importFixture('ao3/single-chapter.html');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'Rooftop', language: 'es', status: 'complete', notes: 'Mi primer fic en español.' });
    expect(chapters).toHaveLength(1);
    expect(chapters[0]!.front).toMatchObject({ title: 'Rooftop', order: 1, published: '2025-06-14' });
    expect(chapters[0]!.body).toBe(
      'En el tejado de la ópera, Christine miró la ciudad.\n\n—¿Tienes frío? —preguntó Raoul.\n\n—No —mintió ella, y sonrió—. Nunca.\n\n<div class="center">\n\nFin.\n\n</div>',
    );
  });

  it('writes a video or song the author embedded (as AO3 lets them) as a link to its page, and says so', async () => {
    const html = ao3Work({
      title: 'Songs',
      url: 'https://archiveofourown.org/works/7',
      summary: 'Music.',
      tags: [],
      expected: 1,
      published: '2025-01-01',
      updated: '2025-01-01',
      chapters: [
        {
          title: 'The Song',
          paragraphs: [
            'She put on the song.',
            '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" allowfullscreen></iframe>',
            '<iframe src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/42&amp;color=%23ff5500" title="The Keeper’s Song"></iframe> played twice.',
            'Then silence.',
          ],
        },
      ],
    });
    const { plan, chapters, work } = await importBytes(strToU8(html), 'songs.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      'She put on the song.\n\n[YouTube video player](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n[The Keeper’s Song](https://api.soundcloud.com/tracks/42) played twice.\n\nThen silence.',
    );
    expect(work.notices).toContain(
      'wrote 2 players embedded from other sites (a page from www.youtube.com, a page from w.soundcloud.com) as links to what they play: a chapter shows nothing of another site inside it',
    );
  });
});

describe('links an AO3 work writes from the archive’s root', () => {
  it('points them at the archive, where they lead, and says so', async () => {
    const html = ao3Work({
      title: 'Links',
      url: 'https://archiveofourown.org/works/7',
      summary: 'See <a href="/works/6">the first part</a>.',
      tags: [],
      expected: 1,
      published: '2025-01-01',
      updated: '2025-01-01',
      chapters: [
        {
          title: 'One',
          paragraphs: [
            'Read <a href="/works/7/chapters/9">the next</a>, <a href="https://example.org/x">this</a> and <a href="//cdn.example/y">that</a>.',
          ],
        },
      ],
    });
    const { plan, chapters, story, work } = await importBytes(strToU8(html), 'links.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      'Read [the next](https://archiveofourown.org/works/7/chapters/9), [this](https://example.org/x) and [that](//cdn.example/y).',
    );
    expect(story?.body).toContain('[the first part](https://archiveofourown.org/works/6)');
    expect(work.notices.join('\n')).toMatch(/pointed 2 links to the archive’s own pages .* at https:\/\/archiveofourown\.org/);
  });
});

describe('formatting Markdown has no sign for, as AO3’s HTML allows it', () => {
  it('keeps small, highlighted and inserted words and a table’s caption, every word kept', async () => {
    const { chapters } = await importChapterPage(
      '<p>Signed, <small>the keeper</small>; <mark>lit</mark> and <ins>added</ins>.</p><table><caption>Lamps lit</caption><tr><th>Lamp</th></tr><tr><td>One</td></tr></table>',
    );
    expect(chapters[0]!.body).toBe(
      'Signed, <small>the keeper</small>; <mark>lit</mark> and <ins>added</ins>.\n\nLamps lit\n\n| Lamp |\n| ---- |\n| One  |',
    );
  });
});

describe('formatting kept as HTML in text outside a paragraph (a list’s item, a quote, a page’s bare text)', () => {
  it('stays inside its line, which stays one paragraph', async () => {
    const { chapters } = await importChapterPage(
      '<ul><li>Signed <u>in ink</u> today</li><li>Area <math><mi>r</mi></math> grows</li></ul><blockquote>H<sub>2</sub>O is <small>water</small>.</blockquote><div>x<sup>2</sup> grows.</div>',
    );
    expect(chapters[0]!.body).toBe(
      '- Signed <u>in ink</u> today\n- Area <math><mi>r</mi></math> grows\n\n> H<sub>2</sub>O is <small>water</small>.\n\nx<sup>2</sup> grows.',
    );
  });
});

describe('a part the reader opens (a spoiler, a content warning)', () => {
  it('stays folded, its summary as written, its text converted inside it', async () => {
    const { chapters } = await importChapterPage(
      '<p>Before.</p><details><summary>Content <em>warning</em> &amp; more</summary><p>Blood, <em>lots</em>.</p></details><details open><p>Open.</p></details><p>After.</p>',
    );
    expect(chapters[0]!.body).toBe(
      'Before.\n\n<details><summary>Content warning &amp; more</summary>\n\nBlood, *lots*.\n\n</details>\n\n<details open>\n\nOpen.\n\n</details>\n\nAfter.',
    );
  });
});

describe('a forum’s post, as FanFicFare downloads a thread from XenForo (SpaceBattles, Sufficient Velocity)', () => {
  it('keeps spoilers as folds, quotations as quotations, a centred break as a break, and no word runs into the next', async () => {
    const { chapters } = await importChapterPage(
      '<div class="bbWrapper">The rain had not stopped.<br />\n<br />\n' +
        // FanFicFare's spoiler (its `legend_spoilers`), and XenForo's own.
        '<fieldset><legend>Spoiler: Omake</legend>Hidden omake text.<br />\n<br />\nSecond line.</fieldset>\n' +
        '<div class="bbCodeSpoiler"><button class="bbCodeSpoiler-button button" type="button"><span class="button-text"><span>Spoiler: Stats</span></span></button><div class="bbCodeSpoiler-content"><div class="bbCodeBlock bbCodeBlock--spoiler"><div class="bbCodeBlock-content">STR 10<br />DEX 12</div></div></div></div>' +
        '<div class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote"><div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent">A quoted line.</div><div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">Click to expand...</a></div></div></div>\n' +
        '<div style="text-align: center">* * *</div>\n' +
        '<fieldset><legend>Status</legend>Level 3</fieldset>She looked back.</div>',
    );
    expect(chapters[0]!.body).toBe(
      [
        'The rain had not stopped.',
        '<details><summary>Spoiler: Omake</summary>',
        'Hidden omake text.',
        'Second line.',
        '</details>',
        '<details><summary>Spoiler: Stats</summary>',
        'STR 10\\\nDEX 12',
        '</details>',
        '> A quoted line.',
        '* * *',
        // A fieldset that is no spoiler: its legend a paragraph of its own, never run into its text.
        'Status',
        'Level 3',
        'She looked back.',
      ].join('\n\n'),
    );
  });
});

describe('a spoiler whose header holds its control and its title (phpBB and s9e forums)', () => {
  it('is a fold titled by its title, the control’s “Show” and “Hide” left out, its hidden content kept', async () => {
    const { chapters } = await importChapterPage(
      '<p>Before.</p><div class="spoiler"><div class="spoiler-header"><button><span>Show</span><span style="display:none">Hide</span></button><span class="spoiler-title">Omake </span></div><div class="spoiler-content" style="display:none">The cat wins.</div></div><p>After.</p>',
    );
    expect(chapters[0]!.body).toBe('Before.\n\n<details><summary>Omake</summary>\n\nThe cat wins.\n\n</details>\n\nAfter.');
  });
});

describe('formatting set by an element’s own style, as forums, web-novel sites and text copied from Google Docs set it', () => {
  it('reads italics, bold, underline, strike-through and small capitals, and no bold from Google Docs’ wrapper or a link’s underline', async () => {
    const span = (style: string, text: string) =>
      `<span style="font-size:11pt;font-family:Arial;color:#000000;font-variant:normal;vertical-align:baseline;${style};white-space:pre-wrap;">${text}</span>`;
    const { chapters } = await importChapterPage(
      // Google Docs wraps all text copied from it in a `<b>` that is not bold.
      '<b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="ltr" style="line-height:1.38;margin-top:0pt;">' +
        `${span('font-weight:400;font-style:normal;text-decoration:none', 'She said ')}${span('font-weight:400;font-style:italic;text-decoration:none', 'never')}` +
        `${span('font-weight:700;font-style:normal;text-decoration:none', ' again')}${span('font-weight:400;text-decoration:underline', 'here')}` +
        `${span('text-decoration:line-through', 'there')}${span('font-variant:small-caps;text-decoration:none', 'ok')}${span('font-style:italic;font-style:normal', ' plain')}.</p>` +
        `<p style="font-style: italic">A whole italic paragraph.</p>` +
        `<p><a href="https://example.com/">${span('color:#1155cc;text-decoration:underline', 'a link')}</a></p></b>`,
    );
    expect(chapters[0]!.body).toBe(
      'She said *never* **again**<u>here</u>~~there~~<span class="small-caps">ok</span> plain.\n\n*A whole italic paragraph.*\n\n[a link](https://example.com/)',
    );
  });
});

describe('a table holding lines, paragraphs or a list (a LitRPG status box, as Royal Road’s tables hold them)', () => {
  it('keeps them in its cell as HTML the cell may hold, no line run into the next, a table inside one line by line', async () => {
    const { chapters } = await importChapterPage(
      '<table style="width: 100%"><tbody><tr><td><strong>Status</strong><br>Name: Kai<br>Level: 3</td></tr></tbody></table>' +
        '<table><tr><td><p>[Skill Acquired]</p><p>Fireball</p></td><td><ul><li>One</li><li><em>Two</em></li></ul></td></tr></table>' +
        '<table><tr><td><table><tr><td>Inner</td></tr></table> outer</td></tr></table>',
    );
    // The table's padding aside.
    expect(chapters[0]!.body.replace(/ {2,}/g, ' ').replace(/-{2,}/g, '-')).toBe(
      [
        '| |\n| - |\n| **Status**<br>Name: Kai<br>Level: 3 |',
        '| | |\n| - | - |\n| \\[Skill Acquired]<br>Fireball | <ul><li>One</li><li>*Two*</li></ul> |',
        '| |\n| - |\n| Inner<br>outer |',
      ].join('\n\n'),
    );
  });

  it('keeps the space between two runs of formatting in a cell, as pandoc writes them, and none at a line’s ends', async () => {
    const { chapters } = await importChapterPage(
      '<table><tr><td>Giry <em>café</em> <em>lantern</em> <strong>it’s</strong>\n<span>late</span></td>' +
        '<td> <em>One</em> <br> <em>two</em> <p>Three</p> <em>four</em> </td></tr></table>',
    );
    expect(chapters[0]!.body.replace(/ {2,}/g, ' ').replace(/-{2,}/g, '-')).toBe(
      '| | |\n| - | - |\n| Giry *café* *lantern* **it’s** late | *One*<br>*two*<br>Three<br>*four* |',
    );
  });
});

describe('a line drawn across the page, saved as a picture of a line', () => {
  it('is a scene break in a page and in an EPUB, the picture not brought in; a picture that is no line stays', async () => {
    const { chapters: pages } = await importChapterPage(
      '<p>Before.</p><p><img src="line.gif" alt="Shape1" width="624" height="2"></p><p>After.</p><p><img src="lamp.png" alt="A lamp" width="80" height="60"></p>',
    );
    expect(pages[0]!.body).toBe('Before.\n\n* * *\n\nAfter.\n\n![A lamp](lamp.png)');
    // A picture wrapped in a span is no empty paragraph, as one of no-break spaces is.
    const { chapters: wrapped } = await importChapterPage(
      '<p>Before.</p><p><span><img src="lamp.png" alt="A lamp"></span></p><p>\u00a0</p><p>After.</p>',
    );
    expect(wrapped[0]!.body).toBe('Before.\n\n![A lamp](lamp.png)\n\nAfter.');
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [
        {
          path: 'c1.xhtml',
          html: '<h1>Chapter 1</h1><p>Before.</p><p><img src="rule.gif" alt="" width="500" height="3"/></p><p>After.</p>',
        },
      ],
      toc: [{ title: 'Chapter 1', href: 'c1.xhtml' }],
      manifest: '<item id="rule" href="rule.gif" media-type="image/gif"/>',
      extra: { 'rule.gif': strToU8('GIF89a') },
    });
    const { plan, chapters } = await importBytes(epub, 'rule.epub');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('Before.\n\n* * *\n\nAfter.');
    expect([...plan.images.keys()]).toEqual([]);
  });
});

describe('preformatted text', () => {
  it('that holds paragraphs (as Wattpad sets a chapter) is those paragraphs, formatted; text laid out by hand stays as laid out', async () => {
    const { chapters } = await importChapterPage(
      '<pre><p data-p-id="a1">She <i>ran</i> home.</p><p data-p-id="a2">It was late.</p></pre><pre>  A letter,\n      signed.</pre>',
    );
    expect(chapters[0]!.body).toBe('She *ran* home.\n\nIt was late.\n\n```\n  A letter,\n      signed.\n```');
  });
});

describe('what a page embeds that the site never shows', () => {
  it('keeps a video’s fallback words as its link, a form’s words without its fields, and says what it left out', async () => {
    const { chapters, work } = await importChapterPage(
      '<p>She put on the song.</p><video controls><source src="https://example.com/v.mp4" type="video/mp4">The song, filmed.</video><audio src="https://example.com/a.mp3"></audio><script>alert(1)</script><form><label>Your name <input type="text"></label><button>Send</button></form><p>Then silence.</p>',
    );
    expect(chapters[0]!.body).toBe(
      'She put on the song.\n\n[The song, filmed.](https://example.com/v.mp4)\n\n[example.com](https://example.com/a.mp3)\n\nYour name Send\n\nThen silence.',
    );
    expect(work.dropped).toContain('a script, a form (no page of the site keeps one)');
    expect(work.notices.join('\n')).toMatch(
      /wrote 2 players embedded from other sites \(a video from example\.com, a recording from example\.com\)/,
    );
  });

  it.each([
    ['https://www.youtube-nocookie.com/embed/abc?start=30', 'https://www.youtube.com/watch?v=abc'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'https://vimeo.com/76979871'],
    [
      'https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC?utm_source=generator',
      'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    ],
    ['https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293', 'https://api.soundcloud.com/tracks/293'],
    ['https://w.soundcloud.com/player/?url=javascript:alert(1)', 'https://w.soundcloud.com/player/?url=javascript:alert(1)'],
    ['https://example.org/player/9', 'https://example.org/player/9'],
  ])('points a player at %s to the page of what it plays, %s', (address, page) => {
    expect(pageOf(new URL(address))).toBe(page);
  });
});

const metadata = `<dc:title>The Lantern Keeper</dc:title><dc:creator>Wren Ashdown</dc:creator><dc:language>es</dc:language>
<dc:description>&lt;p&gt;Below the opera house, someone keeps the &lt;em&gt;lamps&lt;/em&gt; lit.&lt;/p&gt;</dc:description>
<dc:subject>Slow Burn</dc:subject><dc:subject>Angst</dc:subject><meta name="cover" content="cover-image"/>`;

describe('a chapter’s page saved from FanFiction.net', () => {
  const page = (menu: string) =>
    new TextEncoder().encode(
      `<html><head><title>The Lantern Keeper Chapter 3: Flame, a phantom of the opera fanfic | FanFiction</title></head><body><div id="content_wrapper_inner"><div id="profile_top"><b class="xcontrast_txt">The Lantern Keeper</b> <span>By:</span> <a href="/u/1/Wren">Wren Ashdown</a><div>Somebody keeps the lamps burning.</div><span class="xgray">Rated: Fiction T - English - Chapters: 5 - Words: 12,345</span></div>${menu}<div role="main" aria-label="story content"><div class="storytext xcontrast_txt nocopy" id="storytext"><p>Erik had kept the lamps for eleven years.</p></div></div><div id="review"><textarea placeholder="Type your review for this chapter here"></textarea></div></div></body></html>`,
    );

  it('is titled and numbered by the chapter menu’s chosen entry, not the page’s title; a one-shot by the story’s title', async () => {
    const chapter = await importBytes(
      page('<select id="chap_select"><option value="1">1. Wick</option><option value="3" selected>3. Flame</option></select>'),
      'The Lantern Keeper Chapter 3_ Flame, a phantom of the opera fanfic _ FanFiction.html',
    );
    expectEveryWordKept(chapter.plan);
    expect(chapter.chapters.map(({ slug, front, body }) => [slug, front.title, front.order, body])).toEqual([
      ['chapter-3', 'Chapter 3: Flame', 3, 'Erik had kept the lamps for eleven years.'],
    ]);
    // The story the page names in its header, for a story.md where the author gives none.
    expect(chapter.work.story).toBeUndefined();
    expect(chapter.work.named).toMatchObject({ title: 'The Lantern Keeper', author: 'Wren Ashdown', language: 'en' });
    expect(storyMarkdown(chapter.work.named!)).toMatch(/\n---\n\nSomebody keeps the lamps burning\.\n$/);
    const named = await importBytes(
      page('<select id="chap_select"><option value="2" selected>2. Chapter 2</option></select>'),
      'page.html',
    );
    expect(named.chapters.map(({ front }) => front.title)).toEqual(['Chapter 2']);
    const oneShot = await importBytes(page(''), 'The Lantern Keeper, a phantom of the opera fanfic _ FanFiction.html');
    expect(oneShot.chapters.map(({ front }) => front.title)).toEqual(['The Lantern Keeper']);
  });
});

describe('a novel in parts, in a document of every kind', () => {
  const chapters = [
    ['Chapter 1: Harbour', 'She walked to the harbour.'],
    ['Chapter 2: Boats', 'The boats were out.'],
    ['Chapter 1: Climb', 'The path went up.'],
    ['Chapter 2: Summit', 'At the top, the wind.'],
  ];
  const part = (i: number) => (i === 0 ? 'PART ONE: THE COAST' : i === 2 ? 'PART TWO: THE HILLS' : undefined);
  const inputs: [string, () => [Uint8Array, string]][] = [
    [
      'Word',
      () => [
        makeDocx(
          chapters.flatMap(([title, text], i) => [
            ...(part(i) ? [paragraph(part(i)!)] : []),
            paragraph(title!, 'Heading1'),
            paragraph(text!),
          ]),
        ),
        'novel.docx',
      ],
    ],
    [
      'Word, its parts in Heading 1 over chapters in Heading 2',
      () => [
        makeDocx(
          chapters.flatMap(([title, text], i) => [
            ...(part(i) ? [paragraph(part(i)!, 'Heading1')] : []),
            paragraph(title!, 'Heading2'),
            paragraph(text!),
          ]),
        ),
        'novel.docx',
      ],
    ],
    [
      'a web page',
      () => [
        strToU8(
          `<html><body>${chapters.map(([title, text], i) => `${part(i) ? `<p><b>${part(i)}</b></p>` : ''}<h1>${title}</h1><p>${text}</p>`).join('')}</body></html>`,
        ),
        'novel.html',
      ],
    ],
    [
      'Markdown',
      () => [
        strToU8(chapters.map(([title, text], i) => `${part(i) ? `**${part(i)}**\n\n` : ''}# ${title}\n\n${text}`).join('\n\n')),
        'novel.md',
      ],
    ],
    [
      'plain text',
      () => [
        strToU8(chapters.map(([title, text], i) => `${part(i) ? `${part(i)}\n\n` : ''}${title}\n\n${text}`).join('\n\n')),
        'novel.txt',
      ],
    ],
    [
      'an EPUB, each part a page of its own in the contents',
      () => {
        const pages = chapters.flatMap(([title, text], i) => [
          ...(part(i) ? [{ path: `part-${i}.xhtml`, title: part(i)!, html: `<h1>${part(i)}</h1>` }] : []),
          { path: `c${i}.xhtml`, title: title!, html: `<h2>${title}</h2><p>${text}</p>` },
        ]);
        return [
          makeEpub({
            version: 3,
            metadata: '<dc:title>The Long Road</dc:title><dc:language>en</dc:language>',
            spine: pages.map(({ path, html }) => ({ path, html })),
            toc: pages.map(({ path, title }) => ({ title, href: path })),
          }),
          'novel.epub',
        ];
      },
    ],
    [
      'an EPUB as pandoc writes one, a part a file with its chapters inside, nested under it in the contents',
      () => {
        const parts = [0, 2].map((first) => ({
          path: `part-${first}.xhtml`,
          title: part(first)!,
          chapters: chapters.slice(first, first + 2).map(([title, text], i) => ({ id: `c${first + i}`, title: title!, text: text! })),
        }));
        return [
          makeEpub({
            version: 3,
            metadata: '<dc:title>The Long Road</dc:title><dc:language>en</dc:language>',
            spine: parts.map(({ path, title, chapters }) => ({
              path,
              html: `<section id="p"><h1>${title}</h1>${chapters.map(({ id, title, text }) => `<section id="${id}"><h2>${title}</h2><p>${text}</p></section>`).join('')}</section>`,
            })),
            toc: parts.map(({ path, title, chapters }) => ({
              title,
              href: `${path}#p`,
              children: chapters.map(({ id, title }) => ({ title, href: `${path}#${id}` })),
            })),
          }),
          'novel.epub',
        ];
      },
    ],
    [
      'a FictionBook, each part a section of sections',
      () => {
        const section = (title: string, inner: string) => `<section><title><p>${title}</p></title>${inner}</section>`;
        const parts = [0, 2].map((first) =>
          section(
            part(first)!,
            chapters
              .slice(first, first + 2)
              .map(([title, text]) => section(title!, `<p>${text}</p>`))
              .join(''),
          ),
        );
        return [
          strToU8(
            `<?xml version="1.0" encoding="utf-8"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><description><title-info><book-title>The Long Road</book-title><lang>en</lang></title-info></description><body>${parts.join('')}</body></FictionBook>`,
          ),
          'novel.fb2',
        ];
      },
    ],
  ];
  it.each(inputs)(
    'in %s: each part’s heading names the part its first chapter opens, chapters numbered anew addressed under their part',
    async (_, input) => {
      const { plan, chapters: written } = await importBytes(...input());
      expectEveryWordKept(plan);
      expect(written.map(({ slug, front }) => [slug, front.order, front.title, front.part])).toEqual([
        ['chapter-1', 1, 'Chapter 1: Harbour', 'PART ONE: THE COAST'],
        ['chapter-2', 2, 'Chapter 2: Boats', undefined],
        ['part-two-chapter-1', 3, 'Chapter 1: Climb', 'PART TWO: THE HILLS'],
        ['part-two-chapter-2', 4, 'Chapter 2: Summit', undefined],
      ]);
      expect(written.map(({ body }) => body)).toEqual([
        'She walked to the harbour.',
        'The boats were out.',
        'The path went up.',
        'At the top, the wind.',
      ]);
    },
  );
});

describe('a Japanese or Korean novel’s parts (第1部, 제1부), whose headings would title a chapter alone, in a document', () => {
  it.each([
    ['Word', 'Heading1', 'Heading2', '第1部', '第2部', '第1章', 'novel.docx'],
    ['a web page', 'h1', 'h2', '제1부', '제2부', '제1장', 'novel.html'],
  ])(
    'in %s: each part’s heading over a chapter heading opens that chapter, no empty chapter',
    async (_, partStyle, chapterStyle, one, two, label, name) => {
      const chapter = (n: number) => label.replace('1', String(n));
      const blocks: [string, string | undefined][] = [
        [one, partStyle],
        [chapter(1), chapterStyle],
        ['灯台の夜。', undefined],
        [chapter(2), chapterStyle],
        ['風が吹いた。', undefined],
        [two, partStyle],
        [chapter(3), chapterStyle],
        ['朝が来た。', undefined],
      ];
      const bytes = name.endsWith('.docx')
        ? makeDocx(blocks.map(([text, style]) => paragraph(text, style)))
        : strToU8(`<html><body>${blocks.map(([text, tag]) => `<${tag ?? 'p'}>${text}</${tag ?? 'p'}>`).join('')}</body></html>`);
      const { plan, chapters } = await importBytes(bytes, name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
        [chapter(1), one, '灯台の夜。'],
        [chapter(2), undefined, '風が吹いた。'],
        [chapter(3), two, '朝が来た。'],
      ]);
    },
  );
});

describe('a colon inside a line (“10:30”, “John 1:5”, “Re:Zero”)', () => {
  it('is written as typed, not escaped, and reads so on the page', async () => {
    const line = 'At 10:30 she read John 1:5, watched Re:Zero and wrote note:this.';
    const { plan, chapters } = await importBytes(strToU8(`Chapter 1\n\n${line}\n`), 'chapter-1.txt');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(line);
    const page = await plainRenderer.chapter(chapters[0]!.body);
    expect(page.problems).toEqual([]);
    expect(page.text.trim()).toBe(line);
  });
});

describe('a part’s heading with its name on the line under it (“Part One”, then “The Coast”), in a document of every kind', () => {
  const chapters = [
    ['Chapter 1: Harbour', 'She walked to the harbour.'],
    ['Chapter 2: Boats', 'The boats were out.'],
    ['Chapter 3: Climb', 'The path went up.'],
  ];
  const part = (i: number) => (i === 0 ? ['Part One', 'The Coast'] : i === 2 ? ['Part Two', 'The Hills'] : undefined);
  const inputs: [string, () => [Uint8Array, string]][] = [
    [
      'Word',
      () => [
        makeDocx(
          chapters.flatMap(([title, text], i) => [
            ...(part(i) ? [paragraph(part(i)![0]!, 'Heading1'), paragraph(part(i)![1]!)] : []),
            paragraph(title!, 'Heading2'),
            paragraph(text!),
          ]),
        ),
        'novel.docx',
      ],
    ],
    [
      'a web page',
      () => [
        strToU8(
          `<html><body>${chapters.map(([title, text], i) => `${part(i) ? `<h1>${part(i)![0]}</h1><p>${part(i)![1]}</p>` : ''}<h2>${title}</h2><p>${text}</p>`).join('')}</body></html>`,
        ),
        'novel.html',
      ],
    ],
    [
      'Markdown',
      () => [
        strToU8(
          chapters
            .map(([title, text], i) => `${part(i) ? `# ${part(i)![0]}\n\n${part(i)![1]}\n\n` : ''}## ${title}\n\n${text}`)
            .join('\n\n'),
        ),
        'novel.md',
      ],
    ],
    [
      'plain text',
      () => [
        strToU8(chapters.map(([title, text], i) => `${part(i) ? `${part(i)!.join('\n\n')}\n\n` : ''}${title}\n\n${text}`).join('\n\n')),
        'novel.txt',
      ],
    ],
    [
      'an EPUB, each part a page of its own',
      () => {
        const pages = chapters.flatMap(([title, text], i) => [
          ...(part(i) ? [{ path: `part-${i}.xhtml`, title: part(i)![0]!, html: `<h1>${part(i)![0]}</h1><p>${part(i)![1]}</p>` }] : []),
          { path: `c${i}.xhtml`, title: title!, html: `<h2>${title}</h2><p>${text}</p>` },
        ]);
        return [
          makeEpub({
            version: 3,
            metadata: '<dc:title>The Long Road</dc:title><dc:language>en</dc:language>',
            spine: pages.map(({ path, html }) => ({ path, html })),
            toc: pages.map(({ path, title }) => ({ title, href: path })),
          }),
          'novel.epub',
        ];
      },
    ],
  ];
  it.each(inputs)(
    'in %s: the part “Part One: The Coast” its first chapter opens, never a chapter or a note of its own',
    async (_, input) => {
      const { plan, chapters: written } = await importBytes(...input());
      expectEveryWordKept(plan);
      expect(written.map(({ slug, front, body }) => [slug, front.title, front.part, front.authorsNote, body])).toEqual([
        ['chapter-1', 'Chapter 1: Harbour', 'Part One: The Coast', undefined, 'She walked to the harbour.'],
        ['chapter-2', 'Chapter 2: Boats', undefined, undefined, 'The boats were out.'],
        ['chapter-3', 'Chapter 3: Climb', 'Part Two: The Hills', undefined, 'The path went up.'],
      ]);
    },
  );
});

describe('a passage set to run the other way, without its language named (as AO3 and web pages set Arabic or Hebrew lines)', () => {
  it('keeps its direction, and drops a direction the text runs anyway', async () => {
    const { chapters } = await importChapterPage(
      '<p dir="rtl">مرحبا بالعالم.</p><p dir="ltr">Hello again.</p><p>She wrote <span dir="rtl">שלום!</span> and left.</p>',
    );
    expect(chapters[0]!.body).toBe(
      '<div dir="rtl">\n\nمرحبا بالعالم.\n\n</div>\n\nHello again.\n\nShe wrote <span dir="rtl">שלום!</span> and left.',
    );
  });
});

describe('parts headed with their ordinal first, as Spanish, French, German and Dutch novels head them', () => {
  it.each([
    ['Primera parte', 'Segunda parte: El mar', 'Capítulo'],
    ['Première partie', 'Deuxième partie — La mer', 'Chapitre'],
    ['Erster Teil', 'Zweiter Teil', 'Kapitel'],
    ['Eerste deel', 'Tweede deel', 'Hoofdstuk'],
  ])('reads “%s” and “%s” as the parts their first chapters open', async (first, second, label) => {
    const text = [first, `${label} 1`, 'Uno.', `${label} 2`, 'Dos.', second, `${label} 1`, 'Tres.'].join('\n\n');
    const { plan, chapters } = await importBytes(strToU8(text), 'novela.txt');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => [front.title, front.part])).toEqual([
      [`${label} 1`, first],
      [`${label} 2`, undefined],
      [`${label} 1`, second],
    ]);
  });
});

describe('a chapter in parts of its own', () => {
  const lines = ['Chapter 1: The Storm', 'Part 1', 'She walked.', 'Part 2', 'She ran.', 'Chapter 2: The Calm', 'She slept.'];
  it.each([
    [
      'Word',
      () =>
        makeDocx(
          lines.map((text) => paragraph(text, text.startsWith('Chapter') ? 'Heading1' : text.startsWith('Part') ? 'Heading2' : undefined)),
        ),
      'ch.docx',
    ],
    [
      'Markdown',
      () =>
        strToU8(
          lines.map((text) => (text.startsWith('Chapter') ? `# ${text}` : text.startsWith('Part') ? `## ${text}` : text)).join('\n\n'),
        ),
      'ch.md',
    ],
  ] as const)('in %s keeps its “Part 1” and “Part 2” as its own headings: no part of the story', async (_, bytes, name) => {
    const { plan, chapters } = await importBytes(bytes(), name);
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
      ['Chapter 1: The Storm', undefined, '## Part 1\n\nShe walked.\n\n## Part 2\n\nShe ran.'],
      ['Chapter 2: The Calm', undefined, 'She slept.'],
    ]);
  });
});

describe('pictures written into the file itself (data: addresses) and links by reference', () => {
  const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('in a whole story downloaded from Google Docs as Markdown: each chapter keeps its pictures and links, the title page gives story.md', async () => {
    const markdown = [
      '# **The Salt Road**',
      'by Mirela Voss',
      '# **Chapter 1: The Harbour**',
      'She walked to [the inn][inn] — and she was right\\!',
      '![][image1]',
      '\\* \\* \\*',
      'The end of part one\\.',
      '# **Chapter 2: The Road**',
      'The road was long, and the [inn] far behind, [unlike this] one. ![A map][image2]',
      '[inn]: https://example.com/inn "The Inn"',
      `[image1]: <data:image/png;base64,${pixel}>`,
      `[image2]: <data:image/png;base64,${pixel}>`,
    ].join('\n\n');
    const { plan, chapters, story, work } = await importBytes(strToU8(`${markdown}\n`), 'The Salt Road.md');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Salt Road', author: 'Mirela Voss' });
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, body])).toEqual([
      [
        'Chapter 1: The Harbour',
        undefined,
        'She walked to [the inn](<https://example.com/inn> "The Inn") — and she was right\\!\n\n![](images/picture.png)\n\n\\* \\* \\*\n\nThe end of part one\\.',
      ],
      [
        'Chapter 2: The Road',
        undefined,
        'The road was long, and the [inn](<https://example.com/inn> "The Inn") far behind, [unlike this] one. ![A map](images/picture.png)',
      ],
    ]);
    // One picture written twice is one file, the bytes as written.
    expect([...plan.images.keys()]).toEqual(['picture.png']);
    expect(Buffer.from(plan.images.get('picture.png')!).toString('base64')).toBe(pixel);
    expect(work.notices.join('\n')).toMatch(/read the story’s title and author from the heading above its chapters/);
  });

  it('reads a name alone under the title heading as the author (as Calibre writes a title page), a dedication not', async () => {
    const story = (under: string) =>
      strToU8(`# The Salt Road\n\n${under}\n\n# Chapter 1: Sea\n\nIt began at sea.\n\n# Chapter 2: Land\n\nShe came home.\n`);
    const named = await importBytes(story('Mirela Voss'), 'salt.md');
    expectEveryWordKept(named.plan);
    expect(named.story?.front).toMatchObject({ title: 'The Salt Road', author: 'Mirela Voss' });
    const dedicated = await importBytes(story('For Mirela Voss'), 'salt.md');
    expectEveryWordKept(dedicated.plan);
    expect(dedicated.story?.front.author).not.toMatch(/Mirela/);
  });

  it('leaves a paragraph that only looks like a definition as the paragraph it is', async () => {
    const { plan, chapters } = await importBytes(
      strToU8('# Chapter 1\n\n[Flashback]: The year was 1990.\n\nShe walked [home][h].\n\n[h]: https://example.com\n'),
      'chapter-1.md',
    );
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('[Flashback]: The year was 1990.\n\nShe walked [home](<https://example.com>).');
  });

  it('keeps a line typed as a definition that gives no address (a status screen’s “[Level]: 3”) as the text it is, as the site shows it', async () => {
    const { plan, chapters } = await importBytes(
      strToU8('# Chapter 1\n\n[Name]: Arin\n[Level]: 3\n\nHe read [Name] twice, and [the rules][r].\n\n[r]: https://example.com/rules\n'),
      'chapter-1.md',
    );
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('[Name]: Arin\n[Level]: 3\n\nHe read [Name] twice, and [the rules](<https://example.com/rules>).');
  });

  it('in a page: a picture kept as a file of images/, an address of another type left out with its description', async () => {
    const page = `<article><h1>Chapter 1</h1><p>Before.</p><p><img alt="a dot" src="data:image/png;base64,${pixel}"></p><p>After <img alt="a trap" src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="> end.</p></article>`;
    const { plan, chapters, work } = await importBytes(strToU8(page), 'chapter-1.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('Before.\n\n![a dot](images/picture.png)\n\nAfter a trap end.');
    expect([...plan.images.keys()]).toEqual(['picture.png']);
    expect(work.notices.join('\n')).toMatch(/left out a data: address shown as a picture that is no PNG/);
  });
});

describe('a whole story saved as a page whose chapter titles are paragraphs (Scrivener, TextEdit and many editors)', () => {
  const page = (generator: string) =>
    `<html><head>${generator}<style type="text/css">p.p1 {text-align: center}\nspan.s1 {font-style: italic}</style></head><body>` +
    '<p class="p1"><b>Chapter One</b></p><p class="p1"><br></p><p class="p2">The rain had not stopped for <span class="s1">three</span> days.</p>' +
    '<p class="p1">#</p><p class="p2">When it ended, the river was gone.</p><p class="p1"><br></p>' +
    '<p class="p1"><b>Chapter Two</b></p><p class="p1"><br></p><p class="p2">They walked the dry bed for a week.</p></body></html>';

  it.each([
    ['Scrivener’s and TextEdit’s writer', '<meta name="Generator" content="Cocoa HTML Writer">'],
    ['no generator named', ''],
  ])('is divided at them, its empty centred lines left out (%s)', async (_, generator) => {
    const { plan, chapters } = await importBytes(strToU8(page(generator)), 'Draft.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1', 'The rain had not stopped for *three* days.\n\n* * *\n\nWhen it ended, the river was gone.'],
      ['Chapter 2', 'They walked the dry bed for a week.'],
    ]);
  });
});

describe('a document Word saved as a web page', () => {
  it('has its lists as lists (Word types their bullets and numbers out), nested by level, the typed marks no words', async () => {
    const item = (list: number, level: number, mark: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='text-indent:-.25in;mso-list:l${list} level${level} lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${mark}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>\n`;
    const page =
      '<html><head><meta name=Generator content="Microsoft Word 15 (filtered)"></head><body lang=EN-US><div class=WordSection1>' +
      '<h1>Chapter 1</h1><p class=MsoNormal>She wrote a list.</p>\n' +
      item(0, 1, '·', 'Bread') +
      item(0, 1, '·', '<i>Milk</i>') +
      '<p class=MsoNormal>And the steps:</p>\n' +
      item(1, 1, '1.', 'First step') +
      item(1, 2, 'a)', 'Inside it') +
      item(1, 1, '2.', 'Second step') +
      '<p class=MsoNormal>Done.</p><h1>Chapter 2</h1><p class=MsoNormal>Morning.</p></div></body></html>';
    const { plan, chapters, work } = await importBytes(strToU8(page), 'Story.htm');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      'She wrote a list.\n\n- Bread\n- *Milk*\n\nAnd the steps:\n\n1. First step\n   1. Inside it\n2. Second step\n\nDone.',
    );
    expect(work.notices.join('\n')).toMatch(/made 2 lists of the paragraphs Word had saved with bullets or numbers typed out/);
  });
});

describe('a chapter’s page whose title line is only in the page’s own title (Scribble Hub)', () => {
  it('is titled and numbered by it, without the story’s and the site’s names after it', async () => {
    const page = `<html><head><title>Chapter 12: The Bridge | The Long Road | Scribble Hub</title></head><body><div id="menu"><a href="/">Home</a></div>
      <div class="chapter-title">Chapter 12: The Bridge</div><div class="chp_raw" id="chp_raw"><p>The bridge had been out for years.</p>
      <p>They crossed it anyway, one plank at a time, holding their breath.</p><p>On the far side the road went on, as roads do.</p></div>
      <div id="comments"><div class="comment">Nice chapter, thanks!</div></div></body></html>`;
    const { plan, chapters } = await importBytes(strToU8(page), 'Chapter 12_ The Bridge _ The Long Road _ Scribble Hub.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([['chapter-12', 'Chapter 12: The Bridge', 12]]);
    expect(chapters[0]!.body).toMatch(/^The bridge had been out for years\./);
    expect(chapters[0]!.body).not.toMatch(/Nice chapter|Home/);
  });
});

describe('a chapter’s page saved from a site without landmarks (Royal Road)', () => {
  it('is read from the block holding its text, titled by the chapter heading above it; menus and comments left out', async () => {
    const page = `<html><head><title>Chapter 3: Flame - The Lantern Keeper | Royal Road</title></head><body>
      <div class="navbar"><a href="/">Home</a><p>Log in to follow this fiction and get notified of new chapters.</p></div>
      <div class="fic-header"><h1>Chapter 3: Flame</h1><h2>The Lantern Keeper</h2></div>
      <div class="chapter-inner chapter-content"><h3>A heading in the text</h3><p>Erik had kept the lamps for eleven years, and nobody had noticed him at all.</p>
      <p>He trimmed the wicks at dusk and again at midnight, when the singers had gone home.</p><p>Tonight someone was waiting for him by the fifth cellar.</p></div>
      <div class="comments"><div class="comment"><p>Great chapter! Thanks for the update.</p></div></div></body></html>`;
    const { plan, chapters, work } = await importBytes(new TextEncoder().encode(page), 'page.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front }) => [slug, front.title])).toEqual([['chapter-3', 'Chapter 3: Flame']]);
    expect(chapters[0]!.body).toMatch(/^#+ A heading in the text\n\nErik had kept the lamps/);
    expect(chapters[0]!.body).not.toMatch(/Log in|Great chapter/);
    expect(work.notices).toContain(
      'took the text from the page’s <div class="chapter-inner chapter-content">; the rest of the page (menus, links) is left out',
    );
  });

  it('leaves out the sentence against copying the site hides in every chapter, and whatever else the page hides, saying so', async () => {
    const page = `<html><head><title>Chapter 3: Flame - The Lantern Keeper | Royal Road</title><style>.cmQ1ZTQ5{display:none;speak:never;}</style></head><body>
      <div class="fic-header"><h1>Chapter 3: Flame</h1></div>
      <div class="chapter-inner chapter-content"><p>Erik had kept the lamps for eleven years, and nobody had noticed him at all.</p>
      <p class="cmQ1ZTQ5">This story has been stolen from Royal Road. If you read it on Amazon, please report it.</p>
      <p>He trimmed the wicks at dusk and again at midnight.</p><p style="display: none">A hidden line.</p><p hidden>Another.</p><p>Someone was waiting.</p></div></body></html>`;
    const { plan, chapters, work } = await importBytes(strToU8(page), 'page.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      'Erik had kept the lamps for eleven years, and nobody had noticed him at all.\n\nHe trimmed the wicks at dusk and again at midnight.\n\nSomeone was waiting.',
    );
    expect(work.dropped).toContain(
      '3 passages hidden from readers by the styles (display: none), such as “This story has been stolen from Royal Road. If you read it on Amazon, please rep…”',
    );
  });

  it('keeps what the page hides only on some screens or on paper, and a long passage it hides behind “Read more”', async () => {
    const rest = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ');
    const page = `<html><head><title>Chapter 3: Flame</title><style>@media print { .lamp { display: none } } @media (max-width: 500px) { .aside { display: none } } .more { display: none }</style></head><body>
      <article><h1>Chapter 3: Flame</h1><p class="lamp">The lamp was lit.</p><p class="aside">She waited.</p><p>Then:</p><div class="more">${rest}</div></article></body></html>`;
    const { plan, chapters, work } = await importBytes(strToU8(page), 'page.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(`The lamp was lit.\n\nShe waited.\n\nThen:\n\n${rest}`);
    expect(work.dropped.join()).not.toMatch(/hidden/);
  });

  it('reads a Wattpad part’s page: its paragraphs, set in a <pre>, as paragraphs, without the readers’ comment counts', async () => {
    const page = `<html><head><title>The Lantern Keeper - Chapter 3: Flame - Wattpad</title></head><body><header><nav><a href="/">Wattpad</a></nav></header>
      <div class="part-header"><h1 class="h2">Chapter 3: Flame</h1></div><div class="part-content"><div class="panel panel-reading" dir="ltr"><pre>
      <p data-p-id="a1">Erik had kept the lamps for eleven years, and nobody had noticed him at all.<span class="num-comment">12</span></p>
      <p data-p-id="a2">He trimmed the wicks at <i>dusk</i>.</p><p data-p-id="a3">Someone was waiting.</p></pre></div></div>
      <div class="comments"><p>Great chapter!</p></div></body></html>`;
    const { plan, chapters } = await importBytes(strToU8(page), 'page.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      [
        'Chapter 3: Flame',
        'Erik had kept the lamps for eleven years, and nobody had noticed him at all.\n\nHe trimmed the wicks at *dusk*.\n\nSomeone was waiting.',
      ],
    ]);
  });

  it('keeps the author’s notes the site sets above and below the text as the chapter’s notes', async () => {
    const note = (text: string) =>
      `<div class="portlet solid author-note-portlet"><div class="portlet-title"><div class="caption">A note from Ada</div></div><div class="portlet-body author-note"><p>${text}</p></div></div>`;
    const page = `<html><body><div class="fic-header"><h1>Chapter 3: Flame</h1></div>${note('Thanks for <em>reading</em>!')}
      <div class="chapter-inner chapter-content"><p>Erik had kept the lamps for eleven years, and nobody had noticed him at all.</p><p>He trimmed the wicks at dusk.</p><p>Someone was waiting.</p></div>
      ${note('Next week: the cellar.')}<div class="comments"><p>Great chapter!</p></div></body></html>`;
    const { plan, chapters, work } = await importBytes(strToU8(page), 'page.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => [front.authorsNote, front.endNote])).toEqual([['Thanks for *reading*!', 'Next week: the cellar.']]);
    expect(work.notices).toContain('kept the author’s notes the page sets above and below the chapter as its notes');
  });

  it('keeps the note a Scribble Hub page sets in a box below the text as the end note, the author’s name and avatar above it left out, and the title from the page’s chapter title', async () => {
    const box = `<div class="wi_authornotes"><div class="p-avatar-wrap"><img src="https://www.scribblehub.com/avatar.png" alt="" class="avatar"></div><div class="an_username"><a href="https://www.scribblehub.com/profile/1/quill/">Quill</a></div><div class="wi_authornotes_body"><p>Thanks for reading! Chapter 4 on <em>Friday</em>.</p></div></div>`;
    const page = `<html><head><title>Chapter 3 - The Forge | Iron Choir | Scribble Hub</title></head><body><div class="chapter-title">Chapter 3 - The Forge</div>
      <div id="chp_contents"><div class="prenext"><a href="/read/5150/chapter/99/">Previous</a></div><div class="chp_raw" id="chp_raw">
      <p>The forge sang all night, and Mara listened from the loft above the bellows.</p><p><em>Too loud,</em> Mara thought.</p>
      <div class="author-note"><p>A letter pinned to the door, in the middle of the text.</p></div><p>By morning the hammers had stopped.</p>${box}</div></div>
      <div class="wi_comments"><p>Great chapter!</p></div></body></html>`;
    const { plan, chapters, work } = await importBytes(strToU8(page), 'chapter-3.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, front.endNote, body])).toEqual([
      [
        'Chapter 3: The Forge',
        undefined,
        'Thanks for reading! Chapter 4 on *Friday*.',
        'The forge sang all night, and Mara listened from the loft above the bellows.\n\n*Too loud,* Mara thought.\n\nA letter pinned to the door, in the middle of the text.\n\nBy morning the hammers had stopped.',
      ],
    ]);
    expect(work.notices).toContain('read the notes set apart in the text (“Quill”) of 1 chapter as the chapter’s notes');
  });
});

describe('an AO3 work’s page saved from the browser', () => {
  it('reads the whole work: tags, preface and afterword into story.md, each chapter with its own notes; the page around it left out', async () => {
    const { plan, chapters, story, work } = await importFixture('ao3/work-page.html');
    expectEveryWordKept(plan);
    expect(work.format).toBe('AO3 work page');
    expect(story?.front).toMatchObject({
      title: 'The Lantern Keeper',
      author: 'Wren_Ashdown',
      language: 'en',
      status: 'in-progress',
      expectedChapters: 3,
      fandom: 'Phantom of the Opera - Gaston Leroux',
      rating: 'Teen And Up Audiences',
      warnings: ['Graphic Depictions Of Violence', 'Major Character Death'],
      characters: ['Christine Daaé', 'Meg Giry'],
      tags: ['Slow Burn', 'Angst with a Happy Ending'],
      notes: 'Thanks to my beta for everything.',
      endNotes: 'Thank you for reading.',
      series: { title: 'Lights Below', part: 2, url: 'https://archiveofourown.org/series/301' },
    });
    expect(story?.body).toBe('Somebody keeps the lamps burning under the Opera.');
    expect(
      chapters.map(({ front, body }) => [front.title, front.published, front.summary, front.authorsNote, front.endNote, body]),
    ).toEqual([
      [
        'Chapter 1: Wick',
        '2024-03-01',
        'Christine goes down.',
        'Written for a prompt.',
        'More soon!',
        'The lamp was already burning when Christine reached the fifth cellar.\n\nShe held her breath. *Someone* had trimmed the wick.',
      ],
      [
        'Chapter 2',
        '2024-03-15',
        undefined,
        undefined,
        undefined,
        'Erik had kept the lamps for eleven years.\n\n* * *\n\nNobody had noticed.',
      ],
    ]);
    // Readers' comments and kudos are the archive's page, not the story.
    expect(JSON.stringify(chapters)).not.toMatch(/I love this so much|kudos|Chapter Text/);
    expect(work.dropped).toEqual(['AO3’s gift line “For meg_g.”', 'the archive’s page around the work (its menus, kudos and comments)']);
  });

  it('reads one chapter’s page under its own number, and a one-shot’s page as its one chapter', async () => {
    const page = readFileSync(join(fixtures, 'ao3/work-page.html'), 'utf8');
    const second = page.replace(/<div class="chapter" id="chapter-1">[\s\S]*?(?=<div class="chapter" id="chapter-2">)/, '');
    const one = await importBytes(new TextEncoder().encode(second), 'chapter.html');
    expectEveryWordKept(one.plan);
    expect(one.chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([['chapter-2', 'Chapter 2', 2]]);
    const oneShot = page.replace(
      /<div id="chapters" role="article">[\s\S]*?(?=<div class="afterword)/,
      '<div id="chapters" role="article"><h3 class="landmark heading" id="work">Work Text:</h3><div class="userstuff"><p>Only this.</p></div></div>',
    );
    const shot = await importBytes(new TextEncoder().encode(oneShot), 'one-shot.html');
    expectEveryWordKept(shot.plan);
    expect(shot.chapters.map(({ front, body }) => [front.title, body])).toEqual([['The Lantern Keeper', 'Only this.']]);
  });
});

describe('EPUB', () => {
  it('refuses a book locked by DRM, naming the lock, and reads one whose fonts alone are obfuscated', async () => {
    // Files beside the book's container, as stores add them.
    const book = (extra: Record<string, Uint8Array>) =>
      zipSync({
        ...unzipSync(
          makeEpub({
            version: 3,
            metadata,
            spine: [{ path: 'c1.xhtml', html: '<h1>Chapter 1</h1><p>The lamps were lit.</p>' }],
            toc: [{ title: 'Chapter 1', href: 'c1.xhtml' }],
          }),
        ),
        ...extra,
      });
    const encryption = (algorithm: string, uri: string) =>
      strToU8(
        `<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`,
      );
    await expect(readInput(book({ 'META-INF/rights.xml': strToU8('<rights/>') }), 'bought.epub')).rejects.toThrow(
      /^bought\.epub: an ebook locked by DRM \(Adobe\).*import the author's own copy/,
    );
    await expect(
      readInput(
        book({ 'META-INF/encryption.xml': encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/c1.xhtml') }),
        'locked.epub',
      ),
    ).rejects.toThrow(/^locked\.epub: an ebook locked by DRM \(encrypted files\)/);
    const fonts = await readInput(
      book({ 'META-INF/encryption.xml': encryption('http://www.idpf.org/2008/embedding', 'OEBPS/fonts/serif.otf') }),
      'fonts.epub',
    );
    expect(fonts.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1']);
  });

  it('refuses a book whose spine names pages its manifest lacks while its documents go unread (AbiWord’s EPUB), and reads past a stray name', async () => {
    const parts = unzipSync(
      makeEpub({
        version: 2,
        metadata: '<dc:title>The Lamp</dc:title><dc:language>en</dc:language>',
        spine: [
          { path: 'c1.xhtml', html: '<h1>Chapter 1</h1><p>The lamps were lit.</p>' },
          { path: 'c2.xhtml', html: '<h1>Chapter 2</h1><p>The lamps went out.</p>' },
        ],
        toc: [
          { title: 'Chapter 1', href: 'c1.xhtml' },
          { title: 'Chapter 2', href: 'c2.xhtml' },
        ],
      }),
    );
    const withSpine = (spine: string) =>
      zipSync({
        ...parts,
        'OEBPS/content.opf': strToU8(strFromU8(parts['OEBPS/content.opf']!).replace(/<spine[^>]*>[\s\S]*<\/spine>/, spine)),
      });
    await expect(
      readInput(withSpine('<spine toc="ncx"><itemref idref="s0.xhtml"/><itemref idref="s1"/></spine>'), 'abiword.epub'),
    ).rejects.toThrow(
      /^abiword\.epub: this EPUB is damaged: its spine \(the reading order\) names “s0\.xhtml”.*leaves out “OEBPS\/c1\.xhtml”; open it in Calibre/,
    );
    const stray = await readInput(
      withSpine('<spine toc="ncx"><itemref idref="s0"/><itemref idref="gone"/><itemref idref="s1"/></spine>'),
      'stray.epub',
    );
    expect(stray.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1', 'Chapter 2']);
  });

  it('reads a book’s links between its files as links between chapters, and notes set in blocks under their heading (as the site’s own EPUB sets them) as the chapter’s notes', async () => {
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [
        { path: 'text/contents.xhtml', html: '<h1>Contents</h1><p><a href="ch1.xhtml">Chapter 1</a></p>' },
        {
          path: 'text/ch1.xhtml',
          html: '<section><h1>Chapter 1: The Lamp</h1><section class="note"><h2>Author’s note</h2><p>Thanks for reading.</p><p>More soon.</p></section><p>She lit <a href="../text/ch2.xhtml#p-3">the next lamp</a> and read <a href="contents.xhtml">the list</a>.</p><p>Then she slept.</p><section class="note"><h2>End note</h2><p>See you next week.</p></section></section>',
        },
        {
          path: 'text/ch2.xhtml',
          html: '<h1>Chapter 2: The Storm</h1><p>The storm came, as <a href="ch1.xhtml">the first chapter</a> said.</p><p>Wind.</p>',
        },
      ],
      toc: [
        { title: 'Contents', href: 'text/contents.xhtml' },
        { title: 'Chapter 1: The Lamp', href: 'text/ch1.xhtml' },
        { title: 'Chapter 2: The Storm', href: 'text/ch2.xhtml' },
      ],
    });
    const { plan, chapters, work } = await importBytes(epub, 'book.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.authorsNote, front.endNote, body])).toEqual([
      [
        'chapter-1',
        'Thanks for reading.\n\nMore soon.',
        'See you next week.',
        'She lit [the next lamp](chapter-2.md) and read the list.\n\nThen she slept.',
      ],
      ['chapter-2', undefined, undefined, 'The storm came, as [the first chapter](chapter-1.md) said.\n\nWind.'],
    ]);
    expect(work.notices.join('\n')).toMatch(/pointed 2 links between the book’s files at the chapters read from them/);
  });

  it.each([3, 2] as const)(
    'reads EPUB %i: chapters from the table of contents, metadata, cover and pictures; front matter left out',
    async (version) => {
      const epub = makeEpub({
        version,
        metadata,
        manifest:
          '<item id="cover-image" href="images/cover.png" media-type="image/png"/><item id="lamp" href="images/lamp.png" media-type="image/png"/>',
        extra: { 'images/cover.png': png, 'images/lamp.png': png },
        spine: [
          { path: 'titlepage.xhtml', html: '<h1>The Lantern Keeper</h1><p>Wren Ashdown</p>' },
          { path: 'copyright.xhtml', html: '<p>This ebook was made with love and is free to share. Uncopyright applies.</p>' },
          {
            path: 'ch1.xhtml',
            html: '<h2>Capítulo 1: La mecha</h2><p>La lámpara <em>ya</em> ardía.</p><p><img src="images/lamp.png" alt="Una lámpara"/></p><hr/><p>Nadie contestó.</p>',
          },
          { path: 'ch2.xhtml', html: '<section><h2>Capítulo 2</h2><p>Erik guardaba las lámparas.</p></section>' },
          { path: 'ch3.xhtml', html: '<h2>Epílogo</h2><p>Años después, las lámparas seguían encendidas.</p>' },
        ],
        toc: [
          { title: 'Copyright', href: 'copyright.xhtml' },
          { title: 'Capítulo 1: La mecha', href: 'ch1.xhtml' },
          { title: 'Capítulo 2', href: 'ch2.xhtml' },
          { title: 'Epílogo', href: 'ch3.xhtml' },
        ],
      });
      const { plan, chapters, story, work } = await importBytes(epub, 'book.epub');
      expectEveryWordKept(plan);
      expect(story?.front).toMatchObject({
        title: 'The Lantern Keeper',
        author: 'Wren Ashdown',
        language: 'es',
        tags: ['Slow Burn', 'Angst'],
        cover: 'images/cover.png',
      });
      expect(story?.body).toBe('Below the opera house, someone keeps the *lamps* lit.');
      expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
        ['chapter-1', 'Capítulo 1: La mecha', 1],
        ['chapter-2', 'Capítulo 2', 2],
        ['epilogue', 'Epílogo', 3],
      ]);
      expect(chapters[0]!.body).toBe('La lámpara *ya* ardía.\n\n![Una lámpara](images/lamp.png)\n\n* * *\n\nNadie contestó.');
      expect([...plan.images.keys()].sort()).toEqual(['cover.png', 'lamp.png']);
      expect(work.dropped.join('\n')).toMatch(/title page titlepage\.xhtml/);
      expect(work.dropped.join('\n')).toMatch(/copyright/i);
    },
  );

  it('joins a chapter Calibre split over several files, whatever it renamed the classes to', async () => {
    const epub = makeEpub({
      version: 2,
      metadata,
      spine: [
        {
          path: 'index_split_000.html',
          html: '<div class="calibre1"><h2 class="calibre3">Chapter 1</h2><p class="calibre4">First half of the chapter.</p></div>',
        },
        { path: 'index_split_001.html', html: '<div class="calibre1"><p class="calibre4">Second half of the chapter.</p></div>' },
        {
          path: 'index_split_002.html',
          html: '<div class="calibre1"><h2 class="calibre3">Chapter 2</h2><p class="calibre4">The next one.</p></div>',
        },
      ],
      toc: [
        { title: 'Chapter 1', href: 'index_split_000.html' },
        { title: 'Chapter 2', href: 'index_split_002.html' },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'calibre.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1', 'First half of the chapter.\n\nSecond half of the chapter.'],
      ['Chapter 2', 'The next one.'],
    ]);
  });

  it('keeps italics and bold that Calibre set by classes of the book’s stylesheet', async () => {
    const css = `/* Calibre */ .calibre { font-style: normal; font-weight: normal }
.calibre4 { display: block; margin: 0 }
span.italic, .calibre5 { font-style: italic }
.calibre6 { font-weight: bold }
.calibre7 { display: block; font-style: italic }
.calibre8 { font-style: italic } .calibre8 { font-style: normal }
.calibre9 { text-align: center } .calibre10 { text-align: justify }`;
    const epub = makeEpub({
      version: 2,
      metadata,
      spine: [
        {
          path: 'index_split_000.html',
          html: '<div class="calibre"><h2 class="calibre3">Chapter 1</h2><p class="calibre4">She was <span class="italic">not</span> <span class="calibre6">afraid</span>, <span class="calibre5 calibre6">truly</span>, <span class="calibre8">plainly</span>.</p><p class="calibre7">A letter, all in italics.</p><p class="calibre9">Yours, E.</p><p class="calibre10">The end.</p></div>',
        },
      ],
      toc: [{ title: 'Chapter 1', href: 'index_split_000.html' }],
      manifest: '<item id="css" href="stylesheet.css" media-type="text/css"/>',
      extra: { 'stylesheet.css': strToU8(css) },
    });
    const { plan, chapters, work } = await importBytes(epub, 'calibre.epub');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      'She was *not* **afraid**, ***truly***, plainly.\n\n*A letter, all in italics.*\n\n<div class="center">\n\nYours, E.\n\n</div>\n\nThe end.',
    );
    expect(work.notices.join()).toMatch(/italics, bold, underline, small capitals and alignment set by the book’s stylesheets in 5 places/);
  });

  it('leaves out what the book’s styles hide from its readers, its words set aside from the check, and says so', async () => {
    const epub = makeEpub({
      version: 2,
      metadata,
      spine: [
        {
          path: 'c1.xhtml',
          html: '<h2>Chapter 1</h2><p>She lit the lamp.</p><p class="hide">A note the reader never sees.</p><p>It burned <span style="visibility: hidden">secretly</span> all night.</p>',
        },
      ],
      toc: [{ title: 'Chapter 1', href: 'c1.xhtml' }],
      manifest: '<item id="css" href="style.css" media-type="text/css"/>',
      extra: { 'style.css': strToU8('.hide { display: none }') },
    });
    const { plan, chapters, work } = await importBytes(epub, 'hidden.epub');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('She lit the lamp.\n\nIt burned all night.');
    expect(work.dropped.join('\n')).toMatch(
      /2 passages hidden from readers by the styles \(display: none\), such as “A note the reader never sees\.”/,
    );
  });

  it('reads an EPUB LibreOffice exported from a Word file: a subscript set by position, its notes without the space their number left, no empty lines', async () => {
    const css =
      '.span1 { } .span3 { font-size: 0.58em; position: relative; top: 0.33em; vertical-align: baseline; } .raised { vertical-align: super }';
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [
        {
          path: 'section0002.xhtml',
          html:
            '<p><span class="span1">Chapter 1</span></p><p class="para3"><span class="span1">Water is H</span><span class="span3">2</span><span class="span1">O, said the 1</span><span class="raised">st</span><span class="span1"> keeper.</span><sup id="calledF1"><a epub:type="noteref" href="#dataF1">1</a></sup></p>' +
            '<p class="para4">\u00a0</p><p class="para3"><span class="span1">The storm came.</span></p>' +
            '<aside epub:type="footnote" id="dataF1"><p class="para4"><span class="span1"><sup><a href="#calledF1">1</a></sup>\u00a0</span><span class="span1">Oil lamps.</span></p></aside>',
        },
      ],
      toc: [{ title: 'Chapter 1', href: 'section0002.xhtml' }],
      manifest: '<item id="css" href="styles/stylesheet.css" media-type="text/css"/>',
      extra: { 'styles/stylesheet.css': strToU8(css) },
    });
    const { plan, chapters } = await importBytes(epub, 'libreoffice.epub');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('Water is H<sub>2</sub>O, said the 1<sup>st</sup> keeper.[^1]\n\nThe storm came.\n\n[^1]: Oil lamps.');
  });

  it('keeps emphasis dots (傍点) a Japanese ebook sets by class as emphasis', async () => {
    const css =
      '.em-sesame { -epub-text-emphasis-style: filled sesame; text-emphasis-style: filled sesame } .plain { text-emphasis: none }';
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>夜</dc:title><dc:creator>林</dc:creator><dc:language>ja</dc:language>',
      spine: [
        {
          path: 'c1.xhtml',
          html: '<h1>第一章</h1><p>それは<span class="em-sesame">大切</span>な<span class="plain">手紙</span>だった。</p>',
        },
      ],
      toc: [{ title: '第一章', href: 'c1.xhtml' }],
      manifest: '<item id="css" href="style.css" media-type="text/css"/>',
      extra: { 'style.css': strToU8(css) },
    });
    const { plan, chapters } = await importBytes(epub, 'dots.epub');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('それは*大切*な手紙だった。');
  });

  it('splits one file holding several chapters at the table of contents’ anchors, and brings notes from a notes page', async () => {
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [
        {
          path: 'text.xhtml',
          html: '<h2 id="c1">Chapter 1</h2><p>One<a epub:type="noteref" href="notes.xhtml#n1">1</a>.</p><h2 id="c2">Chapter 2</h2><p>Two.</p>',
        },
        { path: 'notes.xhtml', html: '<aside epub:type="footnote" id="n1"><p>A note on one.</p></aside>' },
      ],
      toc: [
        { title: 'Chapter 1', href: 'text.xhtml#c1' },
        { title: 'Chapter 2', href: 'text.xhtml#c2' },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'one-file.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ body }) => body)).toEqual(['One[^1].\n\n[^1]: A note on one.', 'Two.']);
  });

  it('keeps a page before the first chapter that is the author’s words as the story’s notes', async () => {
    const epub = makeEpub({
      version: 3,
      metadata,
      spine: [
        { path: 'dedication.xhtml', html: '<p>For my grandmother, who sang the lighthouse song.</p>' },
        { path: 'ch1.xhtml', html: '<h2>Chapter 1</h2><p>Text.</p>' },
      ],
      toc: [{ title: 'Chapter 1', href: 'ch1.xhtml' }],
    });
    const { plan, story, work } = await importBytes(epub, 'dedication.epub');
    expectEveryWordKept(plan);
    expect(story?.front.notes).toBe('For my grandmother, who sang the lighthouse song.');
    expect(work.notices.join('\n')).toMatch(/kept dedication\.xhtml, before the first chapter, as the story’s notes/);
  });

  it('reads an AO3 EPUB with AO3’s own structure', async () => {
    const ao3 = readFileSync(join(fixtures, 'ao3/new-layout.html'), 'utf8');
    const part = (id: string) => new RegExp(`<div id="${id}"[\\s\\S]*?(?=\\n<div id="|\\n</body>)`).exec(ao3)![0];
    const chapters = part('chapters')
      .split(/(?=<div class="meta group">)/)
      .slice(1);
    const epub = makeEpub({
      version: 2,
      metadata: `<dc:title>The Lantern Keeper</dc:title><dc:creator>Wren_Ashdown</dc:creator><dc:publisher>Archive of Our Own</dc:publisher><dc:source>https://archiveofourown.org/works/48213001</dc:source><dc:language>en</dc:language>`,
      spine: [
        { path: 'preface.xhtml', html: part('preface') },
        ...chapters.map((html, i) => ({ path: `chapter${i + 1}.xhtml`, html: html.replace(/<\/div>\s*$/, '') })),
        { path: 'afterword.xhtml', html: part('afterword') },
      ],
      toc: [
        { title: 'Preface', href: 'preface.xhtml' },
        ...chapters.map((_, i) => ({ title: `Chapter ${i + 1}`, href: `chapter${i + 1}.xhtml` })),
        { title: 'Afterword', href: 'afterword.xhtml' },
      ],
    });
    const { plan, chapters: files, story, work } = await importBytes(epub, 'ao3.epub');
    expectEveryWordKept(plan);
    expect(work.format).toBe('AO3 EPUB');
    expect(story?.front).toMatchObject({
      title: 'The Lantern Keeper',
      status: 'in-progress',
      series: { title: 'Lights Below', part: 2 },
      reviewUrl: 'https://archiveofourown.org/works/48213001',
    });
    expect(files.map(({ front }) => front.title)).toEqual(['Chapter 1: Wick', 'Chapter 2: Flame', 'Chapter 3']);
    expect(files[0]!.front.endNote).toBe('Next time: the second lamp. Comments keep me writing!');
  });

  it('writes a book’s creators as co-authors, each by name', async () => {
    const epub = makeEpub({
      version: 3,
      metadata:
        '<dc:title>Two Hands</dc:title><dc:creator>Ada</dc:creator><dc:creator>Smith, John</dc:creator><dc:language>en</dc:language>',
      spine: [{ path: 'c1.xhtml', html: '<h1>Chapter 1</h1><p>The lamps were lit.</p>' }],
      toc: [{ title: 'Chapter 1', href: 'c1.xhtml' }],
    });
    const { plan, story } = await importBytes(epub, 'two-hands.epub');
    expectEveryWordKept(plan);
    expect(story?.front.author).toEqual(['Ada', 'Smith, John']);
    expect(storySchema.parse(story?.front).authors).toEqual(['Ada', 'Smith, John']);
  });

  it('falls back to the spine when the contents name only the title page (Calibre’s one-chapter conversions), and says so', async () => {
    const epub = makeEpub({
      version: 2,
      metadata: '<dc:title>A Single Night</dc:title><dc:creator>Wren Ashdown</dc:creator><dc:language>en</dc:language>',
      spine: [
        { path: 'titlepage.xhtml', html: '<h1>A Single Night</h1><p>Wren Ashdown</p>' },
        { path: 'index_split_000.html', html: '<p>The lamps were lit at nine.</p><p>Nobody came to see them.</p>' },
        { path: 'index_split_001.html', html: '<p>At dawn they went out, one by one.</p>' },
      ],
      toc: [{ title: 'Title Page', href: 'titlepage.xhtml' }],
    });
    const { plan, chapters, work } = await importBytes(epub, 'one-chapter.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['A Single Night', 'The lamps were lit at nine.\n\nNobody came to see them.\n\nAt dawn they went out, one by one.'],
    ]);
    expect(work.notices.join('\n')).toMatch(/table of contents names no chapter .*reading order/);
  });

  it('reads a nested table of contents: a story heading numbered sections gives them its name, never an empty chapter', async () => {
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>The Adventures</dc:title><dc:creator>A. Conan Doyle</dc:creator><dc:language>en</dc:language>',
      spine: [
        { path: 'scandal.xhtml', html: '<h2>A Scandal in Bohemia</h2>' },
        { path: 'scandal-1.xhtml', html: '<h3>I</h3><p>To Sherlock Holmes she is always the woman.</p>' },
        { path: 'scandal-2.xhtml', html: '<h3>II</h3><p>At three o’clock precisely I was at Baker Street.</p>' },
        { path: 'league.xhtml', html: '<h2>The Red-Headed League</h2><p>I had called upon my friend one day in the autumn.</p>' },
      ],
      toc: [
        {
          title: 'A Scandal in Bohemia',
          href: 'scandal.xhtml',
          children: [
            { title: 'I', href: 'scandal-1.xhtml' },
            { title: 'II', href: 'scandal-2.xhtml' },
          ],
        },
        { title: 'The Red-Headed League', href: 'league.xhtml' },
      ],
    });
    const { plan, chapters, work } = await importBytes(epub, 'adventures.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['A Scandal in Bohemia — I', 'To Sherlock Holmes she is always the woman.'],
      ['A Scandal in Bohemia — II', 'At three o’clock precisely I was at Baker Street.'],
      ['The Red-Headed League', 'I had called upon my friend one day in the autumn.'],
    ]);
    expect(work.notices.join('\n')).toMatch(/nested: “A Scandal in Bohemia”/);
    expect(work.notices.join('\n')).toMatch(/“A Scandal in Bohemia — I”/);
  });

  it('titles chapters under a part as written (“Chapter 1”, not “Part One — Chapter 1”), the part’s heading naming the part the first opens', async () => {
    const section = (id: string, title: string, text: string) => `<section id="${id}"><h2>${title}</h2><p>${text}</p></section>`;
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>The Long Road</dc:title><dc:language>en</dc:language>',
      spine: [
        {
          path: 'p1.xhtml',
          html: `<section id="p"><h1>Part One</h1>${section('c1', 'Chapter 1', 'She walked.')}${section('c2', 'Chapter 2', 'Boats.')}</section>`,
        },
        { path: 'p2.xhtml', html: `<section id="p"><h1>Part Two</h1>${section('c1', 'Chapter 1', 'Up the hill.')}</section>` },
      ],
      toc: [
        {
          title: 'Part One',
          href: 'p1.xhtml#p',
          children: [
            { title: 'Chapter 1', href: 'p1.xhtml#c1' },
            { title: 'Chapter 2', href: 'p1.xhtml#c2' },
          ],
        },
        { title: 'Part Two', href: 'p2.xhtml#p', children: [{ title: 'Chapter 1', href: 'p2.xhtml#c1' }] },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'parts.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, front.part, body])).toEqual([
      ['chapter-1', 'Chapter 1', 'Part One', 'She walked.'],
      ['chapter-2', 'Chapter 2', undefined, 'Boats.'],
      ['part-two-chapter-1', 'Chapter 1', 'Part Two', 'Up the hill.'],
    ]);
  });

  it.each([
    ['listed after it', false],
    ['nested under it', true],
  ])(
    'keeps sections the contents list inside a chapter’s file (%s) as headings in the chapter, never chapters of their own',
    async (_, nested) => {
      const sections = [
        { title: 'The Storm', href: 'c1.xhtml#s1' },
        { title: 'After', href: 'c1.xhtml#s2' },
      ];
      const epub = makeEpub({
        version: 3,
        metadata: '<dc:title>The Long Road</dc:title><dc:language>en</dc:language>',
        spine: [
          {
            path: 'c1.xhtml',
            html: '<h1 id="c1">Chapter 1</h1><p>One begins.</p><h2 id="s1">The Storm</h2><p>Rain fell.</p><h2 id="s2">After</h2><p>Quiet.</p>',
          },
          { path: 'c2.xhtml', html: '<h1 id="c2">Chapter 2</h1><p>Two begins.</p>' },
        ],
        toc: [
          { title: 'Chapter 1', href: 'c1.xhtml#c1', ...(nested ? { children: sections } : {}) },
          ...(nested ? [] : sections),
          { title: 'Chapter 2', href: 'c2.xhtml#c2' },
        ],
      });
      const { plan, chapters, work } = await importBytes(epub, 'sections.epub');
      expectEveryWordKept(plan);
      expect(chapters.map(({ slug, front, body }) => [slug, front.order, front.title, body])).toEqual([
        ['chapter-1', 1, 'Chapter 1', 'One begins.\n\n## The Storm\n\nRain fell.\n\n## After\n\nQuiet.'],
        ['chapter-2', 2, 'Chapter 2', 'Two begins.'],
      ]);
      expect(work.notices.join('\n')).toMatch(/kept 2 sections the table of contents lists inside their chapters \(“The Storm”, “After”\)/);
    },
  );

  it('reads a FanFicFare EPUB: its title page into story.md, its note blocks as notes, escaped-twice metadata decoded once', async () => {
    const epub = makeEpub({
      version: 2,
      metadata: `<dc:title>Salt &amp;amp; Smoke</dc:title><dc:creator>Wren_Ashdown</dc:creator><dc:language>en</dc:language>
        <dc:publisher>archiveofourown.org</dc:publisher><dc:source>https://archiveofourown.org/works/123</dc:source>
        <dc:contributor opf:role="bkp">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>
        <dc:subject>Phantom of the Opera</dc:subject><dc:subject>F/M</dc:subject><dc:subject>Slow Burn</dc:subject><dc:subject>Meg Giry</dc:subject>`,
      spine: [
        {
          path: 'OEBPS/title_page.xhtml',
          html: `<h3>Salt &amp;amp; Smoke by Wren_Ashdown</h3><div>
            <b>Category:</b> Phantom of the Opera<br/><b>AO3 Categories:</b> F/M<br/><b>Freeform Tags:</b> Slow Burn<br/>
            <b>Characters:</b> Meg Giry<br/><b>Rating:</b> Teen And Up Audiences<br/><b>Status:</b> In-Progress<br/>
            <b>Published:</b> 2024-03-01<br/><b>Updated:</b> 2024-04-12<br/><b>Chapters:</b> 2/5<br/><b>Words:</b> 2,000<br/></div>`,
        },
        {
          path: 'OEBPS/file0001.xhtml',
          html: `<h3>Chapter 1: Wick</h3><div class="fff_chapter_notes fff_head_notes"><b>Author's Note:</b><blockquote><p>Thanks to my beta.</p></blockquote><b>Summary for the Chapter:</b><blockquote><p>Meg finds a lamp.</p></blockquote><b>Notes for the Chapter:</b><blockquote><p>CW: a fire.</p></blockquote></div>
            <div class="userstuff module"><p>The lamp was warm.</p></div>
            <div class="fff_chapter_notes fff_foot_notes"><b>Notes for the Chapter:</b><blockquote><p>More soon.</p></blockquote></div>`,
        },
        { path: 'OEBPS/file0002.xhtml', html: '<h3>Chapter 2: Flame</h3><div class="userstuff module"><p>The flame was low.</p></div>' },
        // The log of its updates FanFicFare keeps in a book it updated, before the chapters or after them.
        {
          path: 'OEBPS/log_page.xhtml',
          html: `<h3>Update Log</h3><p class='log_entry'><b>Updated:</b> <span id="dateUpdated">2024-03-01</span> <b>Chapters:</b> <span id="numChapters">1</span></p><hr/>
            <p class='log_entry'><b>Updated:</b> <span id="dateUpdated">2024-04-12</span> <b>Chapters:</b> <span id="numChapters">2</span> <b>Words:</b> <span id="numWords">2,000</span></p><hr/>`,
        },
      ],
      toc: [
        { title: 'Title Page', href: 'OEBPS/title_page.xhtml' },
        { title: 'Chapter 1: Wick', href: 'OEBPS/file0001.xhtml' },
        { title: 'Chapter 2: Flame', href: 'OEBPS/file0002.xhtml' },
        { title: 'Update Log', href: 'OEBPS/log_page.xhtml' },
      ],
    });
    const { plan, chapters, story, work } = await importBytes(epub, 'fff.epub');
    expectEveryWordKept(plan);
    expect(work.dropped).toContain('“Update Log” (FanFicFare’s update log)');
    expect(work.format).toBe('EPUB');
    expect(story?.front).toMatchObject({
      title: 'Salt & Smoke',
      fandom: 'Phantom of the Opera',
      categories: ['F/M'],
      tags: ['Slow Burn'],
      characters: ['Meg Giry'],
      rating: 'Teen And Up Audiences',
      status: 'in-progress',
      expectedChapters: 5,
      notes: 'Thanks to my beta.',
    });
    expect(chapters.map(({ front, body }) => [front.title, front.published, body])).toEqual([
      ['Chapter 1: Wick', '2024-03-01', 'The lamp was warm.'],
      ['Chapter 2: Flame', '2024-04-12', 'The flame was low.'],
    ]);
    expect(chapters[0]!.front).toMatchObject({ summary: 'Meg finds a lamp.', contentNotes: ['a fire'], endNote: 'More soon.' });
    expect(work.notices.join('\n')).toMatch(
      /read the notes set apart in the text \(“Author's Note:”, “Summary for the Chapter:”…\) of 1 chapter as the chapter’s notes/,
    );
  });

  it('reads an author’s own book (as Vellum makes one): the dedication as the story’s notes, acknowledgements and about the author as its end notes, “1. The Storm” as Chapter 1, the number and name heading the text set aside', async () => {
    const chapter = (n: number, name: string) =>
      `<section class="chapter" epub:type="chapter"><div class="heading"><h2 class="chapter-number">${n}</h2><h1 class="chapter-title">${name}</h1></div><p>The text of chapter ${n}.</p></section>`;
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>Salt Road</dc:title><dc:creator>Mira Voss</dc:creator><dc:language>en</dc:language>',
      spine: [
        { path: 'text/dedication.xhtml', html: '<section epub:type="dedication"><p>For my mother.</p></section>' },
        { path: 'text/chapter001.xhtml', html: chapter(1, 'The Storm') },
        { path: 'text/chapter002.xhtml', html: chapter(2, 'The Road') },
        {
          path: 'text/ack.xhtml',
          html: '<section epub:type="acknowledgments"><h1>Acknowledgments</h1><p>Thanks to my editor.</p></section>',
        },
        { path: 'text/about.xhtml', html: '<section><h1>About the Author</h1><p>Mira lives by the sea.</p></section>' },
      ],
      toc: [
        { title: 'Dedication', href: 'text/dedication.xhtml' },
        { title: '1. The Storm', href: 'text/chapter001.xhtml' },
        { title: 'The Road', href: 'text/chapter002.xhtml' },
        { title: 'Acknowledgments', href: 'text/ack.xhtml' },
        { title: 'About the Author', href: 'text/about.xhtml' },
      ],
    });
    const { plan, chapters, story, work } = await importBytes(epub, 'salt-road.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.order, body])).toEqual([
      ['Chapter 1: The Storm', 1, 'The text of chapter 1.'],
      ['The Road', 2, 'The text of chapter 2.'],
    ]);
    expect(story?.front).toMatchObject({ notes: 'For my mother.' });
    expect(story?.front.endNotes).toBe('# Acknowledgments\n\nThanks to my editor.\n\n# About the Author\n\nMira lives by the sea.');
    expect(work.notices).toContain(
      'read the book’s pages of the author’s words about it as story.md’s notes (“Dedication”) and end notes (“Acknowledgments”, “About the Author”), not as chapters',
    );
  });

  it('reads a book maker’s part page with its name under its heading as the part its first chapter opens, and a number in words over a chapter’s name (“ONE”, “Wick”) as the entry it heads', async () => {
    const chapter = (number: string, name: string, text: string) =>
      `<section class="chapter"><div class="chapter-number">${number}</div><h1 class="chapter-title">${name}</h1><p>${text}</p></section>`;
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>The Lamp</dc:title><dc:creator>Ada Quill</dc:creator><dc:language>en</dc:language>',
      spine: [
        {
          path: 'part1.xhtml',
          html: '<section class="part"><h1 class="part-title">Part One</h1><p class="part-subtitle">The Coast</p></section>',
        },
        { path: 'c1.xhtml', html: chapter('ONE', 'Wick', 'The lamp was lit.') },
        { path: 'c2.xhtml', html: chapter('TWO', 'Flame', 'It burned all night.') },
        {
          path: 'part2.xhtml',
          html: '<section class="part"><h1 class="part-title">Part Two</h1><p class="part-subtitle">The Hills</p></section>',
        },
        { path: 'c3.xhtml', html: chapter('THREE', 'Ash', 'Then it went out.') },
      ],
      toc: [
        {
          title: 'Part One',
          href: 'part1.xhtml',
          children: [
            { title: '1. Wick', href: 'c1.xhtml' },
            { title: 'Chapter 2: Flame', href: 'c2.xhtml' },
          ],
        },
        { title: 'Part Two', href: 'part2.xhtml', children: [{ title: '3. Ash', href: 'c3.xhtml' }] },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'lamp.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.order, front.title, front.part, body])).toEqual([
      ['chapter-1', 1, 'Chapter 1: Wick', 'Part One: The Coast', 'The lamp was lit.'],
      ['chapter-2', 2, 'Chapter 2: Flame', undefined, 'It burned all night.'],
      ['chapter-3', 3, 'Chapter 3: Ash', 'Part Two: The Hills', 'Then it went out.'],
    ]);
  });

  it('reads a part’s page with an epigraph under its heading as the part its first chapter opens, the epigraph opening that chapter', async () => {
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>The Lamp</dc:title><dc:creator>Ada Quill</dc:creator><dc:language>en</dc:language>',
      spine: [
        {
          path: 'part1.xhtml',
          html: '<section class="part"><h1>Part One</h1><blockquote><p>The light shines in the darkness.</p><p>— John 1:5</p></blockquote></section>',
        },
        { path: 'c1.xhtml', html: '<h1>Chapter 1</h1><p>The lamp was lit.</p>' },
        { path: 'c2.xhtml', html: '<h1>Chapter 2</h1><p>It burned.</p>' },
      ],
      toc: [
        {
          title: 'Part One',
          href: 'part1.xhtml',
          children: [
            { title: 'Chapter 1', href: 'c1.xhtml' },
            { title: 'Chapter 2', href: 'c2.xhtml' },
          ],
        },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'lamp.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, front.part, body])).toEqual([
      ['chapter-1', 'Chapter 1', 'Part One', '> The light shines in the darkness.\n>\n> — John 1:5\n\nThe lamp was lit.'],
      ['chapter-2', 'Chapter 2', undefined, 'It burned.'],
    ]);
  });

  // FanFicFare moves Royal Road's note boxes, which the site shows around a chapter, into its text.
  const royalRoadNote = (text: string) =>
    `<div class="portlet solid author-note-portlet"><div class="portlet-title"><div class="caption"><i class="fa fa-sticky-note"></i><span class="caption-subject bold uppercase">A note from Quillwright</span></div></div><div class="portlet-body author-note"><p>${text}</p></div></div>`;
  const royalRoadChapter = (text: string, before?: string, after?: string) =>
    `<div class="chapter-inner chapter-content">${before ? royalRoadNote(before) : ''}<p>${text}</p>${after ? royalRoadNote(after) : ''}</div>`;

  it('reads Royal Road’s note boxes in a FanFicFare EPUB as the chapter’s note above the text and end note below it, their caption set aside', async () => {
    const epub = makeEpub({
      version: 2,
      metadata: `<dc:title>Tower of Rust</dc:title><dc:creator>Quillwright</dc:creator><dc:language>en</dc:language><dc:publisher>www.royalroad.com</dc:publisher>
        <dc:contributor opf:role="bkp">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>`,
      spine: [
        {
          path: 'OEBPS/file0001.xhtml',
          html: `<h3>Chapter 1: Rust</h3>${royalRoadChapter('Arin climbed.', 'Thanks for reading!', 'See you Friday.')}`,
        },
        {
          path: 'OEBPS/file0002.xhtml',
          html: `<h3>Chapter 2: Iron</h3>${royalRoadChapter('The tower hummed.', undefined, 'Two chapters ahead on Patreon.')}`,
        },
      ],
      toc: [
        { title: 'Chapter 1: Rust', href: 'OEBPS/file0001.xhtml' },
        { title: 'Chapter 2: Iron', href: 'OEBPS/file0002.xhtml' },
      ],
    });
    const { plan, chapters, work } = await importBytes(epub, 'rr.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, front.endNote, body])).toEqual([
      ['Chapter 1: Rust', 'Thanks for reading!', 'See you Friday.', 'Arin climbed.'],
      ['Chapter 2: Iron', undefined, 'Two chapters ahead on Patreon.', 'The tower hummed.'],
    ]);
    expect(work.notices.join('\n')).toMatch(
      /read the notes set apart in the text \(“A note from Quillwright”\) of 2 chapters as the chapters’ notes/,
    );
  });

  it('reads ficbook’s notes in a FanFicFare EPUB (its label in Russian, a rule between note and text) as notes, without the rule', async () => {
    const chapter = (n: number) =>
      `<h3>Глава ${n}</h3><div class="part_text"><div class="fff_chapter_notes fff_head_notes"><b>Примечания:</b><blockquote>Спасибо за отзывы!</blockquote></div><hr/><p>Текст главы ${n}.</p><hr/><p>После перерыва.</p><hr/><div class="fff_chapter_notes fff_foot_notes"><b>Примечания:</b><blockquote>Продолжение следует.</blockquote></div></div>`;
    const epub = makeEpub({
      version: 2,
      metadata:
        '<dc:title>Маяк</dc:title><dc:creator>Автор</dc:creator><dc:language>ru</dc:language><dc:publisher>ficbook.net</dc:publisher>',
      spine: [{ path: 'OEBPS/file0001.xhtml', html: chapter(1) }],
      toc: [{ title: 'Глава 1', href: 'OEBPS/file0001.xhtml' }],
    });
    const { plan, chapters } = await importBytes(epub, 'ficbook.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.authorsNote, front.endNote, body])).toEqual([
      ['Спасибо за отзывы!', 'Продолжение следует.', 'Текст главы 1.\n\n* * *\n\nПосле перерыва.'],
    ]);
  });

  it('reads Fimfiction’s note boxes in a FanFicFare EPUB, above the text or below it, as the chapter’s notes, their label set aside', async () => {
    const note = (text: string) => `<div class="authors-note"><b>Author's Note:</b> ${text}</div>`;
    const epub = makeEpub({
      version: 2,
      metadata: `<dc:title>Harmony</dc:title><dc:creator>Pen</dc:creator><dc:language>en</dc:language><dc:publisher>www.fimfiction.net</dc:publisher>`,
      spine: [
        {
          path: 'OEBPS/file0001.xhtml',
          html: `<h3>Arrival</h3>${note('My first story!')}<div id="chapter-body" class="bbcode chapter-body"><p>The train came in late.</p></div>`,
        },
        {
          path: 'OEBPS/file0002.xhtml',
          html: `<h3>Departure</h3><div id="chapter-body" class="bbcode chapter-body"><p>The train left early.</p></div>${note('The end, for now.')}`,
        },
      ],
      toc: [
        { title: 'Arrival', href: 'OEBPS/file0001.xhtml' },
        { title: 'Departure', href: 'OEBPS/file0002.xhtml' },
      ],
    });
    const { plan, chapters, work } = await importBytes(epub, 'fimfic.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, front.endNote, body])).toEqual([
      ['Arrival', 'My first story!', undefined, 'The train came in late.'],
      ['Departure', undefined, 'The end, for now.', 'The train left early.'],
    ]);
    expect(work.notices.join('\n')).toMatch(/\(“Author's Note:”\) of 2 chapters/);
  });

  it('reads them the same way in FanFicFare’s HTML download', async () => {
    const page = readFileSync(join(fixtures, 'fanficfare.html'), 'utf8').replace(
      /<div class="fff_chapter_notes[\s\S]*?<\/div>\n<p>([\s\S]*?)<\/p>\n<p>([\s\S]*?)<\/p>/,
      (_, first: string, second: string) => royalRoadChapter(`${first}</p><p>${second}`, 'Thanks to my beta!', 'More on Friday.'),
    );
    const { plan, chapters, work } = await importBytes(strToU8(page), 'rr.html');
    expectEveryWordKept(plan);
    expect(work.format).toBe('FanFicFare HTML download');
    expect(chapters.map(({ front }) => [front.title, front.authorsNote, front.endNote])).toEqual([
      ['Wick', 'Thanks to my beta!', 'More on Friday.'],
      ['Flame', undefined, undefined],
    ]);
    expect(chapters[0]!.body).toMatch(/^The lamp was already burning[\s\S]*trimmed the wick\.$/);
    expect(work.notices.join('\n')).toMatch(/“A note from Quillwright”\) of 1 chapter as/);
  });
});

describe('scene breaks, typed the same way in every format', () => {
  const breaks = [
    '* * *',
    '***',
    'oOo',
    'xXx',
    '~~~',
    '⁂',
    '-x-',
    '#',
    '~*~',
    '———',
    '-o-o-o-',
    'oOoOo',
    'x-x-x',
    '☆☆☆',
    '♡ ♡ ♡',
    'o0o',
    '❀',
    // Named in words, as authors typed a break where a site stripped drawn marks.
    '-Line Break-',
    '[scene break]',
  ];
  const inputs: [string, (mark: string) => [Uint8Array, string]][] = [
    ['plain text', (mark) => [new TextEncoder().encode(`Chapter 1\n\nBefore.\n\n${mark}\n\nAfter.\n`), 'chapter-1.txt']],
    ['Word', (mark) => [makeDocx(['Before.', mark, 'After.'].map((text) => paragraph(text))), 'chapter-1.docx']],
    [
      'a web page',
      (mark) => [
        new TextEncoder().encode(`<article><h1>Chapter 1</h1><p>Before.</p><p>${mark}</p><p>After.</p></article>`),
        'chapter-1.html',
      ],
    ],
    [
      'an AO3 download',
      (mark) => [
        new TextEncoder().encode(
          ao3Work({
            title: 'Breaks',
            url: 'https://archiveofourown.org/works/5',
            summary: 'A summary.',
            tags: [],
            chapters: [{ title: 'One', paragraphs: ['Before.', mark, 'After.'] }],
            expected: 1,
            published: '2026-01-01',
            updated: '2026-01-01',
          }),
        ),
        'work.html',
      ],
    ],
    [
      'an EPUB',
      (mark) => [
        makeEpub({
          version: 3,
          metadata: '<dc:title>Breaks</dc:title><dc:language>en</dc:language>',
          spine: [{ path: 'ch1.xhtml', html: `<h2>Chapter 1</h2><p>Before.</p><p>${mark}</p><p>After.</p>` }],
          toc: [{ title: 'Chapter 1', href: 'ch1.xhtml' }],
        }),
        'book.epub',
      ],
    ],
  ];
  it.each(inputs.flatMap(([format, make]) => breaks.map((mark) => [mark, format, make] as const)))(
    '“%s” from %s is the site’s scene break',
    async (mark, _, make) => {
      const { plan, chapters } = await importBytes(...make(mark));
      expectEveryWordKept(plan);
      expect(chapters.at(-1)!.body).toBe('Before.\n\n* * *\n\nAfter.');
    },
  );
  it('named in words are drawn as breaks and said, and a word said or a line that tells the reader something stays', async () => {
    const text = 'Chapter 1\n\nBefore.\n\nLine Break\n\n"Break!" she said.\n\nTime Skip\n\nAfter.\n';
    const { plan, chapters, work } = await importBytes(new TextEncoder().encode(text), 'chapter-1.txt');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('Before.\n\n* * *\n\n"Break!" she said.\n\nTime Skip\n\nAfter.');
    expect(work.notices).toContain('drew a line naming a scene break (“Line Break”) as the site’s scene break');
  });

  it.each(breaks)('“%s” in a Markdown chapter stays as written, the site’s break, every word kept', async (mark) => {
    const { plan, chapters } = await importBytes(new TextEncoder().encode(`# Chapter 1\n\nBefore.\n\n${mark}\n\nAfter.\n`), 'chapter-1.md');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(`Before.\n\n${mark}\n\nAfter.`);
  });

  it('are never marks that link somewhere or show code: those are what the author wrote', async () => {
    const page = `<article><h1>Chapter 1</h1><p>Before.</p><p><a href="https://example.org/stars">* * *</a></p><p><code>***</code></p><p><a id="_Toc1"></a>oOo</p><p>After.</p></article>`;
    const { plan, chapters } = await importBytes(new TextEncoder().encode(page), 'chapter-1.html');
    expectEveryWordKept(plan);
    // A bookmark (an anchor without an address, as Word leaves them) is no link: that break stays a break.
    expect(chapters.at(-1)!.body).toBe('Before.\n\n[\\* \\* \\*](https://example.org/stars)\n\n`***`\n\n* * *\n\nAfter.');
  });
});

describe('hand-made footnotes', () => {
  /** The AO3 fixture with footnotes made the way AO3 authors make them: a linked [1] and "1. … (back)" in the end notes. */
  const withFootnotes = (endNotes: string) =>
    readFileSync(join(fixtures, 'ao3/new-layout.html'), 'utf8')
      .replace('should not have been possible.</p>', 'should not have been possible.<sup><a href="#fn1" name="ref1">[1]</a></sup></p>')
      .replace('not</strong> quite true.</p>', 'not</strong> quite true.<a href="#fn2" id="ref2">2</a></p>')
      .replace('<p>Next time: the second lamp. Comments keep me writing!</p>', endNotes);

  it.each([
    [
      'anchors by name, "(back)" links',
      '<p>Next time: the second lamp. Comments keep me writing!</p><p>Footnotes:</p><p><a name="fn1"></a>1. The fifth cellar was flooded in 1871. <a href="#ref1">(back)</a></p><p><a name="fn2"></a>2. Meg would know. <a href="#ref2">(back)</a></p>',
    ],
    [
      'the number as the anchor, "↩" back',
      '<p>Next time: the second lamp. Comments keep me writing!</p><p id="fn1">[1] The fifth cellar was flooded in 1871. <a href="#ref1">↩</a></p><p><a id="fn2" href="#ref2">[2]</a> Meg would know.</p>',
    ],
  ])('become real footnotes in the chapter: %s', async (_, endNotes) => {
    const { plan, chapters, work } = await importBytes(new TextEncoder().encode(withFootnotes(endNotes)), 'notes.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toContain('should not have been possible.[^1]');
    expect(chapters[0]!.body).toContain('quite true.[^2]');
    expect(chapters[0]!.body).toContain('[^1]: The fifth cellar was flooded in 1871.\n');
    expect(chapters[0]!.body).toMatch(/\[\^2\]: Meg would know\.$/);
    expect(chapters[0]!.body).not.toMatch(/back|↩|\[1\]\s|\b1\. The/);
    expect(chapters[0]!.front.endNote).toBe('Next time: the second lamp. Comments keep me writing!');
    expect(work.notices.join('\n')).toMatch(/turned 2 hand-made footnotes/);
  });

  it('in the text of a page, under a "Notes:" line, their markers named as pandoc names its own (#fn1), become real footnotes', async () => {
    const chapter = (number: number) =>
      `<h2>Chapter ${number}</h2>` +
      [1, 2]
        .map(
          (note) =>
            `<p>Line ${number}${note} of the text.<sup><a href="#fn${number}${note}" id="ref${number}${note}">[${note}]</a></sup></p>`,
        )
        .join('') +
      `<p>Notes:</p><ol>${[1, 2].map((note) => `<li id="fn${number}${note}">Note ${number}${note}, 1871. <a href="#ref${number}${note}">(back)</a></li>`).join('')}</ol>`;
    const page = `<html><head><title>Lamps</title></head><body><h1>Lamps</h1>${chapter(1)}${chapter(2)}</body></html>`;
    const { plan, chapters, work } = await importBytes(new TextEncoder().encode(page), 'lamps.html');
    expectEveryWordKept(plan);
    expect(chapters.map((file) => file.body)).toEqual([
      'Line 11 of the text.[^1]\n\nLine 12 of the text.[^2]\n\n[^1]: Note 11, 1871.\n\n[^2]: Note 12, 1871.',
      'Line 21 of the text.[^1]\n\nLine 22 of the text.[^2]\n\n[^1]: Note 21, 1871.\n\n[^2]: Note 22, 1871.',
    ]);
    expect(work.notices.join('\n')).toMatch(/turned 4 hand-made footnotes/);
  });

  it.each([
    [
      'kramdown (Jekyll)',
      '<p>The lamp was lit.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup> She waited.<sup id="fnref:2" role="doc-noteref"><a href="#fn:2" class="footnote" rel="footnote">2</a></sup></p><div class="footnotes" role="doc-endnotes"><ol><li id="fn:1"><p>Gas lamps, in 1871. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li><li id="fn:2"><p>For hours. <a href="#fnref:2" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>',
    ],
    [
      'WordPress',
      '<p>The lamp was lit.<sup data-fn="f1" class="fn"><a href="#f1" id="f1-link">1</a></sup> She waited.<sup data-fn="f2" class="fn"><a href="#f2" id="f2-link">2</a></sup></p><ol class="wp-block-footnotes"><li id="f1">Gas lamps, in 1871. <a href="#f1-link" aria-label="Jump to footnote reference 1">↩︎</a></li><li id="f2">For hours. <a href="#f2-link" aria-label="Jump to footnote reference 2">↩︎</a></li></ol>',
    ],
    [
      'markdown-it, its rule above the notes',
      '<p>The lamp was lit.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> She waited.<sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup></p><hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item"><p>Gas lamps, in 1871. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li><li id="fn2" class="footnote-item"><p>For hours. <a href="#fnref2" class="footnote-backref">↩︎</a></p></li></ol></section>',
    ],
  ])('on a page a blog engine made (%s) are footnotes, without their way back or the rule above them', async (_, text) => {
    const page = `<html><head><title>Lamps</title></head><body><h2>Chapter 1</h2>${text}<h2>Chapter 2</h2><p>Morning came.</p></body></html>`;
    const { plan, chapters } = await importBytes(new TextEncoder().encode(page), 'lamps.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('The lamp was lit.[^1] She waited.[^2]\n\n[^1]: Gas lamps, in 1871.\n\n[^2]: For hours.');
  });

  it('leaves a link to a passage earlier in the text, and a marker with no note, as they are', async () => {
    const html = withFootnotes('<p>Next time: the second lamp.</p>').replace(
      '<p>She held her breath.',
      '<p id="held">She held her breath.',
    );
    const { chapters, work } = await importBytes(
      new TextEncoder().encode(html.replace('Then the water.', 'Then the water.<a href="#held">1</a>')),
      'notes.html',
    );
    expect(work.notices.join('\n')).not.toMatch(/hand-made/);
    expect(chapters[1]!.body).not.toContain('[^');
  });
});

describe('documents from a second writer (pandoc)', () => {
  it.each([
    'pandoc/lantern.docx',
    'pandoc/lantern.epub',
    'pandoc/lantern-epub2.epub',
    'pandoc/lantern.odt',
    'libreoffice/lantern.odt',
    'libreoffice/lantern.rtf',
    'libreoffice/lantern.docx',
  ])('reads %s whole: title, chapters, footnotes, formatting, pictures', async (name) => {
    const { plan, chapters, story } = await importFixture(name);
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Lantern Keeper', author: 'Wren Ashdown' });
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
      ['chapter-1', 'Chapter 1: Wick', 1],
      ['chapter-2', 'Chapter 2: Flame', 2],
      ['epilogue', 'Epilogue', 3],
    ]);
    const [first, second] = chapters;
    expect(first!.body).toContain(
      'She held her breath. *Someone* had trimmed the wick[^1], and not long ago; the glass was **still warm** under her fingers.',
    );
    expect(first!.body).toContain('[^1]: A wick is the string in a lamp.');
    expect(first!.body).toContain('That was <u>not</u> quite true. <span class="small-caps">Opera Ghost</span> signed the note.');
    expect(first!.body.split('\n\n')[2]).toBe('* * *');
    // The caption under the picture: in italics where the writer's caption style sets them (an OpenDocument text's).
    expect(second!.body).toMatch(/!\[(?:A lamp)?\]\(images\/[\w-]+\.png\)\n\n(\*?)A lamp\1\n\nHe noticed \*her\*/);
    expect(plan.images.size).toBe(1);
  });
});

describe('a story in parts with labelled notes and footnotes (pandoc’s Word, OpenDocument, EPUB and its Markdown; LibreOffice’s EPUB and web page)', () => {
  it.each([
    'pandoc/notes-parts-de.docx',
    'pandoc/notes-parts-de.odt',
    'pandoc/notes-parts-de.epub',
    'pandoc/notes-parts-de.md',
    // Its contents list the part alone, not the chapters in it.
    'libreoffice/notes-parts-de.epub',
    // Its notes `<div id="sdfootnote1">` blocks after the last chapter's end note.
    'libreoffice/html/notes-parts-de.html',
  ])('reads %s: the note under the part’s heading, the end notes apart from the footnotes', async (name) => {
    const { plan, chapters } = await importFixture(name);
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => [front.title, front.part, front.authorsNote, front.endNote])).toEqual([
      ['1. Kapitel', 'Teil 1', 'Danke an alle, die gewartet haben.', 'Das nächste Kapitel kommt am Freitag.'],
      ['2. Kapitel', undefined, undefined, 'Danke fürs Lesen!'],
    ]);
    const [first, second] = chapters;
    expect(first!.body).toMatch(/^Der Wind schlug[^\n]*Nacht\.\[\^(\w+)\]\n[\s\S]*\n\[\^\1\]: Eine Öllampe, keine elektrische\.$/);
    expect(second!.body).toMatch(/^Die Straße war leer[^\n]*\[\^(\w+)\]\n[\s\S]*\n\[\^\1\]: Die Straße zum Hafen\.$/);
  });
});

describe('a story in parts LibreOffice saved as text (a paragraph a line, an empty one where the rule was, the notes lost)', () => {
  it('reads its title, chapters, part and labelled notes, and keeps the notes’ numbers as the text has them', async () => {
    const { plan, chapters, story, work } = await importFixture('libreoffice/notes-parts-de.txt');
    expectEveryWordKept(plan);
    expect(work.notices).toContain(
      '2 lines end in a number just after a sentence’s stop (“…night.1”), kept as written: footnote markers whose notes the text lost? Import the document itself (.docx, .odt) to keep its footnotes',
    );
    expect(story?.front).toMatchObject({ title: 'Der Leuchtturm', author: 'Ada Quill' });
    expect(
      chapters.map(({ front, body }) => [front.title, front.part, front.authorsNote, front.endNote, body.split('\n\n').length]),
    ).toEqual([
      ['1. Kapitel', 'Teil 1', 'Danke an alle, die gewartet haben.', 'Das nächste Kapitel kommt am Freitag.', 3],
      ['2. Kapitel', undefined, undefined, 'Danke fürs Lesen!', 3],
    ]);
    expect(chapters[0]!.body).toMatch(/^Der Wind schlug gegen das Glas, und die Lampe brannte die ganze Nacht\.1\n\nSie stieg/);
  });
});

describe('books Calibre converted (a third writer)', () => {
  it.each(['calibre/parts.epub', 'calibre/notes.epub', 'calibre/parts.htmlz', 'calibre/notes.htmlz', 'calibre/contents.docx'])(
    'reads %s whole: title page, chapters in their part, footnote, list, nothing else',
    async (name) => {
      const { plan, chapters, story, work } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(story?.front).toMatchObject({ title: 'The Keeper of Lamps', author: 'Ann Writer' });
      expect(story?.body ?? '').toBe('');
      expect(chapters.map(({ slug, front }) => [slug, front.title, front.part, front.authorsNote])).toEqual([
        ['chapter-1', 'Chapter 1: The Harbour', undefined, undefined],
        ['chapter-2', 'Chapter 2: The Boat of Ölfass', 'Part Two: The Island', undefined],
        ['chapter-3', 'Chapter 3: The Light of Mme. Giry', undefined, undefined],
        ['chapter-4', 'Chapter 4: The Storm (雪)', undefined, undefined],
      ]);
      expect(chapters[0]!.body).toBe(
        [
          'The harbour was grey that morning, and the lamps were still lit along the quay.[^1]',
          '- a coil of rope\n- a lantern',
          '[^1]: The old quay, not the new one.',
        ].join('\n\n'),
      );
      expect(chapters[1]!.body).toBe('The boat was smaller than she had been told. “It will do,” said the keeper.');
      expect(chapters[3]!.body).toBe('The storm came in from the west, as the keeper had said it would.');
      expect(work.notices.join('\n')).not.toMatch(/leaves out|author’s note/);
    },
  );

  it.each(['calibre/notes.fb2', 'calibre/parts.fb2'])(
    'divides a FictionBook of untitled sections (%s) at its title lines, its title page read',
    async (name) => {
      const { plan, chapters, story, work } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(story?.front).toMatchObject({ title: 'The Keeper of Lamps', author: 'Ann Writer' });
      expect(chapters.map(({ front }) => [front.title, front.part])).toEqual([
        ['Chapter 1: The Harbour', undefined],
        ['Chapter 2: The Boat of Ölfass', 'Part Two: The Island'],
        ['Chapter 3: The Light of Mme. Giry', undefined],
        ['Chapter 4: The Storm (雪)', undefined],
      ]);
      expect(chapters[0]!.body).toMatch(/^The harbour was grey that morning, and the lamps were still lit along the quay\.(?:<sup>)?1/);
      // The empty line Calibre closes each file's text with is no scene break at a chapter's end.
      expect(chapters.map(({ body }) => body.endsWith('* * *'))).toEqual([false, false, false, false]);
      expect(work.notices[0]).toMatch(
        /^read the book’s (?:one section|3 sections, none of them titled,) as a whole work: read “The Keeper of Lamps” and “Ann Writer” above the chapters as the story’s title page$/,
      );
    },
  );

  it('reads Calibre’s notes (`<dl>` of a linked-back number and the note) as footnotes whatever class its markers were renamed to', async () => {
    const { plan, chapters } = await importChapterPage(
      [
        '<p>It began at sea.<sup class="calibre4"><a id="r1" href="#n1" title="1" class="calibre5">1</a></sup> Then the shore.</p>',
        '<h1 class="block_11">Notes</h1>',
        '<dl id="n1" class="footnote"><dt class="calibre13">[<a href="#r1" title="1" class="calibre14">←1</a>]</dt><dd class="calibre15"><p class="block_4"> The sea was grey.</p></dd></dl>',
      ].join(''),
    );
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('It began at sea.[^1] Then the shore.\n\n[^1]: The sea was grey.');
  });

  it('reads an EPUB Calibre made from an OpenDocument text, whose contents list each note (“1”) and each way back (“←1”), as its chapters with their footnotes', async () => {
    const { plan, chapters, work } = await importFixture('calibre/odt.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => [front.title, front.part])).toEqual([
      ['Chapter 1: The Harbour', undefined],
      ['Chapter 2: The Boat of Ölfass', 'Part Two: The Island'],
      ['Chapter 3: The Light of Mme. Giry', undefined],
      ['Chapter 4: The Storm (雪)', undefined],
    ]);
    expect(chapters[0]!.body).toMatch(/quay\.\[\^1\][\s\S]*\n\[\^1\]: The old quay, not the new one\.$/);
    expect(chapters[3]!.body).toBe('The storm came in from the west, as the keeper had said it would.');
    expect(work.notices).toContain('left out 2 entries of the table of contents leading to footnotes or their markers');
  });

  it('writes runs struck through side by side (one of them lowered, `H₂O`) as one struck word, not as tildes', async () => {
    const { plan, chapters } = await importChapterPage('<p>Not <s>H</s><s><span>2</span></s><s>O</s> but <em>wa</em><em>ter</em>.</p>');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('Not ~~H2O~~ but *water*.');
  });

  it('follows the headings where its contents lead chapters split out of one file to the wrong piece, and says so', async () => {
    const { work } = await importFixture('calibre/parts.epub');
    expect(work.notices).toEqual(
      expect.arrayContaining([
        'the table of contents leads 2 chapters to a page that opens with another heading (“Chapter 2: The Boat of Ölfass”, “Chapter 4: The Storm (雪)”); led them to the page that opens with their title',
        'the table of contents leads a chapter to a page without its text (“Chapter 3: The Light of Mme. Giry”); read it from where its heading stands',
      ]),
    );
  });

  it('keeps the footnotes Calibre lists after a chapter out of the labelled end note above them', async () => {
    const { plan, chapters } = await importFixture('calibre/notes-fr.docx');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.endNote, body])).toEqual([
      ['Chapitre 1', 'Merci d’avoir lu !', 'Le vent frappait la vitre.[^1]\n\nLa lampe brûla toute la nuit.\n\n[^1]: Une lampe à huile.'],
      ['Chapitre 2', undefined, 'Au matin, le navire avait disparu.[^1]\n\n[^1]: Le navire du port.'],
    ]);
  });

  it('keeps the last chapter’s footnote, in a file of its own after the text, out of the labelled note that ends the chapter (Calibre’s EPUB from Word)', async () => {
    const { plan, chapters } = await importFixture('calibre/notes-it.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.endNote, body])).toEqual([
      ['Capitolo 1', undefined, 'Il vento batteva contro il vetro.[^1]\n\nLa lampada bruciò tutta la notte.\n\n[^1]: Una lampada a olio.'],
      [
        'Capitolo 2',
        'grazie per aver letto!',
        'Al mattino la nave era sparita.[^1]\n\nNessuno la aspettava al porto.\n\n[^1]: La nave del porto.',
      ],
    ]);
  });

  it('leads entries that all lead to one file’s start to the headings there that read as their titles, in order (parts of one file each)', async () => {
    const { plan, chapters } = await importFixture('calibre/parts-ru.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
      ['Глава 1', 'Часть 1', 'Ветер бил в стекло, и лампа горела всю ночь.'],
      ['Глава 2: Буря', undefined, 'Утром корабль исчез.'],
      ['Глава 3', 'Часть 2', 'Улица была пуста, когда она вернулась.'],
    ]);
  });

  it('leads misdirected entries to the files that open with their titles (a ligature “ﬁ” in one, “fi” in the other), and leaves out a section’s entry led there with them', async () => {
    const epub = makeEpub({
      version: 2,
      metadata: '<dc:title>The Lamp</dc:title><dc:creator>Ann Writer</dc:creator><dc:language>en</dc:language>',
      spine: [
        { path: 'part.xhtml', html: '<h1>Part Two</h1>' },
        { path: 'a.xhtml', html: '<h2>Chapter 1: The ﬁre</h2><p>It burned.</p><h2>Morning</h2><p>It was out.</p>' },
        { path: 'b.xhtml', html: '<h2>Chapter 2: Ash</h2><p>Only ash.</p>' },
      ],
      toc: [
        {
          title: 'Part Two',
          href: 'part.xhtml',
          children: [
            { title: 'Chapter 1: The fire', href: 'part.xhtml' },
            { title: 'Morning', href: 'part.xhtml' },
            { title: 'Chapter 2: Ash', href: 'part.xhtml' },
          ],
        },
      ],
    });
    const { plan, chapters, work } = await importBytes(epub, 'lamp.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
      ['Chapter 1: The fire', 'Part Two', 'It burned.\n\n## Morning\n\nIt was out.'],
      ['Chapter 2: Ash', undefined, 'Only ash.'],
    ]);
    expect(work.notices).toContain(
      'left out 1 entry of the table of contents that names no chapter and leads with others to a page where it is not (“Morning”); its heading stays in the text',
    );
  });

  it('titles chapters whose contents entries have no words by their place, under the label of the book’s language', async () => {
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>Der Leuchtturm</dc:title><dc:creator>Ada</dc:creator><dc:language>de</dc:language>',
      spine: [
        { path: 'a.xhtml', html: '<p>Der Wind schlug gegen das Glas.</p>' },
        { path: 'b.xhtml', html: '<p>Am Morgen war das Schiff verschwunden.</p>' },
      ],
      toc: [
        { title: '', href: 'a.xhtml' },
        { title: '', href: 'b.xhtml' },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'leuchtturm.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front }) => [slug, front.title])).toEqual([
      ['chapter-1', 'Kapitel 1'],
      ['chapter-2', 'Kapitel 2'],
    ]);
  });

  it('leads entries whose ids their files do not have to the files that open with their titles', async () => {
    const epub = makeEpub({
      version: 2,
      metadata: '<dc:title>The Lamp</dc:title><dc:creator>Ann Writer</dc:creator><dc:language>en</dc:language>',
      spine: [
        { path: 'a.xhtml', html: '<h2>Chapter 1: Sea</h2><p>It began at sea.</p>' },
        { path: 'b.xhtml', html: '<h2>Chapter 2: Land</h2><p>She came home.</p>' },
      ],
      toc: [
        { title: 'Chapter 1: Sea', href: 'a.xhtml#gone-1' },
        { title: 'Chapter 2: Land', href: 'a.xhtml#gone-2' },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'lamp.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: Sea', 'It began at sea.'],
      ['Chapter 2: Land', 'She came home.'],
    ]);
  });

  it('joins an entry of a chapter’s number alone (“Chapter 1”, its page the heading only) to the entry after it that names it', async () => {
    const { plan, chapters, work } = await importFixture('pandoc/number-entries.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: The Harbour', 'The harbour was grey.'],
      ['Chapter 2: The Boat', 'The boat was small.'],
    ]);
    expect(work.notices).toContain(
      'joined 2 entries of the table of contents that number a chapter alone (“Chapter 1”, “Chapter 2”) to the entry after them, their name',
    );
  });

  it.each(['calibre/rtf.epub', 'calibre/html.epub'])(
    'reads %s (one file of title lines; contents led to the first file) as its four chapters, the footnote where pandoc’s page had it',
    async (name) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ front }) => [front.title, front.part])).toEqual([
        ['Chapter 1: The Harbour', undefined],
        ['Chapter 2: The Boat of Ölfass', 'Part Two: The Island'],
        ['Chapter 3: The Light of Mme. Giry', undefined],
        ['Chapter 4: The Storm (雪)', undefined],
      ]);
      expect(chapters[3]!.body).toMatch(/^The storm came in from the west, as the keeper had said it would\./);
      // A footnote from the web page; Rich Text's, which Calibre writes out as "[1]", stays as written.
      expect(chapters[0]!.body).toContain(name === 'calibre/html.epub' ? 'quay.[^1]' : 'quay.\\[1]');
    },
  );

  it('leaves out the contents Calibre writes into a Word document as a field of plain paragraphs, its part’s line among them', async () => {
    const { work } = await importFixture('calibre/contents.docx');
    expect(work.dropped).toContain('the document’s table of contents (6 lines), which the site makes itself');
    expect(work.notices).toContain('read “The Keeper of Lamps” and “Ann Writer” above the chapters as the story’s title page');
  });
});

describe('a story in Japanese, its paragraphs indented with an ideographic space', () => {
  it.each(['pandoc/indent-ja.docx', 'pandoc/indent-ja.epub'])(
    'keeps the indent of every paragraph from %s, the first of a chapter too',
    async (name) => {
      const { plan, chapters, story } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(story?.front).toMatchObject({ title: '灯台守', author: '山田花子' });
      expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
        ['第一章 始まり', '\u3000灯台の明かりは、今夜も海を照らしていた。\n\n\u3000「誰かいるの？」と彼女は尋ねた。'],
        ['第二章 嵐', '\u3000嵐が来た。'],
        ['エピローグ', '\u3000朝が来た。'],
      ]);
    },
  );
});

describe('a book from Aozora Bunko, in its notation', () => {
  it('reads the title and author, a chapter at each heading its notes mark (a part’s opening the chapter below), readings kept, dotted words as emphasis; the notation’s explanation, colophon and typesetting notes left out and said', async () => {
    const { plan, chapters, story, work } = await importFixture('aozora/kokoro.txt');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'こころ', author: '夏目漱石', language: 'ja' });
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
      ['chapter-1', '一', 1],
      ['chapter-2', '二', 2],
      ['part-2-chapter-1', '一', 3],
    ]);
    expect(chapters[0]!.body).toMatch(/^# 上\u3000先生と私\n\n\u3000私《わたくし》はその人を常に先生と呼んでいた。/);
    // Emphasis dots as emphasis, a character described after ※ kept, no break left before the next part.
    expect(chapters[0]!.body).toContain('*先生*は海にいた。※［＃「てへん＋劣」、第3水準1-84-77］');
    expect(chapters[1]!.body).not.toContain('* * *');
    expect(chapters[2]!.body).toMatch(/^# 中\u3000両親と私\n\n/);
    expect(JSON.stringify(chapters)).not.toMatch(/底本|入力|テキスト中に現れる記号|字下げ|見出し|傍点/);
    expect(work.dropped).toEqual([
      'Aozora Bunko’s explanation of its notation (【テキスト中に現れる記号について】)',
      'Aozora Bunko’s colophon (底本, 入力, 校正: the edition typed from, and who typed it)',
      '5 of Aozora Bunko’s typesetting notes (［＃…］: indents, line ends, a font’s size)',
    ]);
  });
});

describe('an Aozora Bunko text made to be slow', () => {
  it('of 60,000 page turns, or a note never closed 100,000 times, reads in seconds', async () => {
    const head = `T\nA\n\n${'-'.repeat(30)}\n【テキスト中に現れる記号について】\n（例）\n${'-'.repeat(30)}\n\n第一章\n\n本文。\n`;
    for (const body of ['［＃改ページ］\n'.repeat(60_000), '本文［＃「'.repeat(100_000)]) {
      const started = performance.now();
      const work = await readInput(new TextEncoder().encode(head + body), 'slow.txt');
      expect(work.chapters).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe('a chapter copied from pixiv’s novel editor, where Japanese fan fiction is posted', () => {
  it('reads its notation: a reading over its characters, a link, a page turned and a heading inside the work; every word kept', async () => {
    const text = [
      '第一話　灯台',
      '',
      '\u3000彼女は雨の中から入ってきた。',
      '\u3000[[rb:灯台守 > とうだいもり]]は階段に立っていた。',
      '[newpage]',
      '[chapter:夜]',
      '\u3000詳しくは[[jumpuri:作者のページ > https://www.pixiv.net/users/1]]へ。[[jumpuri:壊れた > javascript:alert(1)]]',
      '',
      '[newpage]',
      '',
      '\u3000朝が来た。',
    ].join('\n');
    const { plan, chapters } = await importBytes(strToU8(text), 'pixiv.txt');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      [
        '第一話　灯台',
        [
          '\u3000彼女は雨の中から入ってきた。',
          '\u3000<ruby>灯台守<rp>(</rp><rt>とうだいもり</rt><rp>)</rp></ruby>は階段に立っていた。',
          '* * *',
          '## 夜',
          // A link to anywhere but a web page stays the text it was.
          '\u3000詳しくは[作者のページ](https://www.pixiv.net/users/1)へ。\\[\\[jumpuri:壊れた > javascript:alert(1)]]',
          '* * *',
          '\u3000朝が来た。',
        ].join('\n\n'),
      ],
    ]);
  });
});

describe('a whole work whose chapter headings are titles alone (“Der Sturm”, “Erstes Kapitel”)', () => {
  it.each(['pandoc/headings.docx', 'pandoc/headings.html', 'pandoc/headings.odt', 'libreoffice/headings.odt', 'libreoffice/headings.rtf'])(
    'reads %s as a chapter at each first-level heading, titled as written',
    async (name) => {
      const { plan, chapters, story, work } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(story?.front).toMatchObject({ title: 'Der Leuchtturm', author: 'Greta Weiß' });
      expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
        ['chapter-1', 'Erstes Kapitel: Die Ankunft', 1],
        ['chapter-2', 'Der Sturm', 2],
        ['chapter-3', 'Heimkehr', 3],
      ]);
      expect(work.notices.join('\n')).toMatch(/divided the document at its 3 headings of level 1 \(Heading 1\)/);
      // The footnote at the end of the document goes to the chapter that refers to it, as a footnote.
      expect(chapters[0]!.body).toContain('Er antwortete nicht.[^1]');
      expect(chapters[0]!.body).toContain('[^1]: Eine Fußnote mit **fett**.');
      expect(chapters.slice(1).map((chapter) => chapter.body)).not.toContainEqual(expect.stringContaining('Fußnote'));
      // A lower heading stays inside its chapter.
      expect(chapters[1]!.body).toMatch(/Der Wind kam aus Norden\.\n\n#+ Am Morgen\n\nEs war still\./);
    },
  );

  it.each(['pandoc/named.docx', 'pandoc/named.html', 'pandoc/named.odt', 'pandoc/named.md', 'pandoc/named.epub'])(
    'reads %s, a prologue, chapters named alone and an epilogue, as a chapter at each, never a prologue holding the rest',
    async (name) => {
      const { plan, chapters, story, work } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(story?.front).toMatchObject({ title: 'The Lamp', author: 'Ada Quill' });
      expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
        ['prologue', 'Prologue', 0],
        ['chapter-1', 'The Storm', 1],
        ['chapter-2', 'Homecoming', 2],
        ['epilogue', 'Epilogue', 3],
      ]);
      // A lower heading stays inside its chapter.
      expect(chapters[1]!.body).toMatch(/^The wind came from the north\.\n\n#+ Morning\n\nIt was still\.$/);
      // (An EPUB is divided by its contents, whose entries are its files.)
      if (!name.endsWith('.epub'))
        expect(work.notices.join('\n')).toMatch(
          /divided the (?:document|file) at its 4 headings of level 1 .*those that read as a chapter heading \(“Prologue”, “Epilogue”\) as such, the others titled as written/,
        );
    },
  );

  it.each(['pandoc/subtitled.docx', 'pandoc/subtitled.html', 'pandoc/subtitled.md', 'pandoc/subtitled.epub'])(
    'reads %s, a chapter heading without a name and its name in the heading straight under it, as one title',
    async (name) => {
      const { plan, chapters, work } = await importFixture(name);
      expectEveryWordKept(plan);
      // An EPUB's contents list each heading: only the one left in the text is said to be a heading in it.
      if (name.endsWith('.epub'))
        expect(work.notices).toContain('kept a section the table of contents lists inside its chapter (“Morning”) as a heading in it');
      expect(chapters.map(({ slug, front, body }) => [slug, front.title, body.replace(/^#+ /gm, '# ')])).toEqual([
        ['chapter-1', 'Chapter 1: The Storm', 'The wind came from the north.\n\n# Morning\n\nIt was still.'],
        ['chapter-2', 'Chapter 2: Homecoming', 'She came home at last.'],
      ]);
    },
  );

  it('splits a file whose chapters the contents reach inside a wrapper beside other blocks (Calibre’s `div.calibre1`, then a page break)', async () => {
    const epub = makeEpub({
      version: 2,
      metadata: '<dc:title>The Lamp</dc:title><dc:creator>A. B.</dc:creator><dc:language>en</dc:language>',
      spine: [
        {
          path: 'index_split_000.html',
          html: '<div class="calibre1"><p class="title" id="c1">Chapter 1: Wick</p><p>The lamp was lit.</p><p class="title" id="c2">Chapter 2: Flame</p><p>It burned.</p></div><div class="mbppagebreak"></div>',
        },
      ],
      toc: [
        { title: 'Chapter 1: Wick', href: 'index_split_000.html#c1' },
        { title: 'Chapter 2: Flame', href: 'index_split_000.html#c2' },
      ],
    });
    const { plan, chapters } = await importBytes(epub, 'lamp.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: Wick', 'The lamp was lit.'],
      ['Chapter 2: Flame', 'It burned.'],
    ]);
  });

  it.each(['pandoc/section-notes.epub', 'pandoc/section-notes.fb2'])(
    'reads %s, a chapter with a section nested in it (and its footnotes after it), as one chapter under its own title',
    async (name) => {
      const { plan, chapters, work } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ slug, front }) => [slug, front.title])).toEqual([
        ['prologue', 'Prolog'],
        ['chapter-1', 'Kapitel 1: Der Brief'],
        ['chapter-2', 'Kapitel 2: Die Reise'],
      ]);
      expect(chapters[1]!.body).toBe(
        [
          'Der Brief kam am Montag[^1]. Sie las ihn zweimal.',
          '* * *',
          'Dann legte sie ihn weg. ‚Später‘, dachte sie.',
          '## Am Abend',
          'Noch ein Absatz mit *Betonung* und **Fettdruck**.',
          '[^1]: Eine Fußnote.',
        ].join('\n\n'),
      );
      expect(work.notices.join('\n')).toMatch(
        /kept a section the (?:table of contents lists|book nests) inside its chapter \(“Am Abend”\) as a heading in it/,
      );
    },
  );

  it.each(['pandoc/chapter-subtitles.docx', 'pandoc/chapter-subtitles.odt'])(
    'reads %s, a chapter heading without a name and its name in the Subtitle style under it, as one title',
    async (name) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
        ['chapter-1', 'Chapter 1: The Storm', 'The wind came.'],
        ['chapter-2', 'Chapter 2: The Calm', 'It was still.'],
      ]);
    },
  );

  it.each(['pandoc/author-notes.epub', 'pandoc/author-notes.docx'])(
    'reads %s, an “Author’s Note” heading after each chapter, as the chapter’s words after it, never a chapter of its own',
    async (name) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
        ['chapter-1', 'Chapter 1: Sea', 1],
        ['chapter-2', 'Chapter 2: Land', 2],
      ]);
      expect(chapters.map(({ front, body }) => front.endNote ?? body)).toEqual([
        expect.stringContaining('Thanks for reading!'),
        expect.stringContaining('See you next week.'),
      ]);
    },
  );

  it.each([
    ['pandoc/footnotes.epub', 'H<sub>2</sub>O and E=mc<sup>2</sup>'],
    ['pandoc/footnotes.fb2', 'H<sub>2</sub>O and E=mc<sup>2</sup>'],
    ['pandoc/footnotes.docx', 'H<sub>2</sub>O and E=mc<sup>2</sup>'],
    // A page whose first chapter's <section> holds most of its text: the story, not that chapter among menus.
    ['pandoc/footnotes-sections.html', 'H<sub>2</sub>O and E=mc<sup>2</sup>'],
    // Markdown with every note after the last chapter.
    ['pandoc/footnotes-gfm.md', 'H<sub>2</sub>O and E=mc<sup>2</sup>'],
    ['pandoc/footnotes-pandoc.md', 'H~2~O and E=mc^2^'],
  ])(
    'reads %s: each chapter keeps its own footnote (though every file of the EPUB numbers its notes from fn1, and a Markdown file has them all at its end), its opening “Author’s Note:” and the words with a subscript or superscript inside',
    async (name, raised) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ slug, front, body }) => [slug, front.authorsNote, body.match(/^\[\^\w+\]: .*$/gm)])).toEqual([
        ['chapter-1', 'Thanks for reading! This one took a while.', [expect.stringContaining('An oil lamp, not an electric one.')]],
        ['chapter-2', undefined, [expect.stringContaining('Based on the storm of 1987.')]],
      ]);
      expect(chapters[0]!.body).toContain(raised);
    },
  );

  it('reads pandoc/part-notes.epub: each chapter of a part’s file keeps its own notes, though another file holds a note of the same id (fn1)', async () => {
    const { plan, chapters } = await importFixture('pandoc/part-notes.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
      ['Chapter 1: The Letter', undefined, 'The letter came on a Monday.[^1] She read it twice.\n\n[^1]: A grey Monday.'],
      [
        'Chapter 2: The Road',
        'Part Two: The Journey',
        'The road ran three days.[^1] Rain fell.[^2]\n\n[^1]: Or four, by cart.\n\n[^2]: It rained all week.',
      ],
      ['Chapter 3: The Inn', undefined, 'The inn was full.[^1]\n\n[^1]: Of sailors.'],
    ]);
  });

  it('reads pandoc/heading-only.epub: a contents entry that heads no text is a heading at the end of the chapter before it, never left out nor a chapter of no text', async () => {
    const { plan, chapters, work } = await importFixture('pandoc/heading-only.epub');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: The Letter', 'The letter came on a Monday.[^1]\n\n## Interval\n\n[^1]: A grey Monday.'],
      ['Chapter 2: The Road', 'The road ran three days.[^1]\n\n## To be continued\n\n[^1]: Or four, by cart.'],
    ]);
    expect(work.notices).toContain(
      'kept the contents entry “Interval”, which heads no text, as a heading at the end of the chapter before it',
    );
  });

  it('takes out a heading that repeats the title the frontmatter gives, so the title is not shown twice', async () => {
    const { plan, chapters } = await importBytes(
      strToU8('---\ntitle: "Chapter 3: The Lake"\n---\n\n# Chapter 3: The Lake\n\nThe lake was still.\n'),
      'lake.md',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([['Chapter 3: The Lake', 'The lake was still.']]);
  });

  it('reads underlined (Setext) chapter headings as # ones, and a sentence over a dashed line as text', async () => {
    const markdown =
      'Chapter 1: The Lamp\n===================\n\nShe left.\n---\n\nChapter 2: The Storm\n--------------------\n\nThe storm came.\n';
    const { plan, chapters } = await importBytes(strToU8(markdown), 'setext.md');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['chapter-1', 'Chapter 1: The Lamp', 'She left.\n---'],
      ['chapter-2', 'Chapter 2: The Storm', 'The storm came.'],
    ]);
  });

  it('reads a Markdown work of one chapter under its chapter heading as that chapter, titled and addressed by the heading, not by the work', async () => {
    const markdown = '---\ntitle: Working Title\nauthor: Ada Quill\n---\n\n# Chapter 1\n\nThe lamp was lit.\n';
    const { plan, chapters, story } = await importBytes(strToU8(markdown), 'manuscript.md');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'Working Title', author: 'Ada Quill' });
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([['chapter-1', 'Chapter 1', 'The lamp was lit.']]);
  });

  it('reads Markdown as pandoc writes it: headings titled as shown, a link whose words are in brackets, a note the text marks nowhere kept and told', async () => {
    const markdown = [
      '---\ntitle: The Lamp\nauthor: Ada Quill\n---',
      '# Chapter 1: **The** [Lamp](https://example.org/7) #7',
      'She said [[sic]](https://example.org/2) and [a [b] c](https://example.org/3).',
      '# Chapter 2: *Dark* {#chapter-2-dark}',
      'Night.[^1]',
      '> A quote, a <span\n> lang="ja">word</span> in it, `code`<sup>2</sup> and \\[typed\\]{.smallcaps}.',
      '<table><tr><td>Salt &amp; oil</td></tr></table>',
      '# Chapter 3: *\\*Été\\** {#chapitre-été .unnumbered}',
      'Day.',
      '[^1]: A note.',
      '[^orphan]: Words no mark shows.',
    ].join('\n\n');
    const { plan, chapters, work } = await importBytes(strToU8(markdown), 'lamp.md');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: The Lamp #7', 'She said [[sic]](https://example.org/2) and [a [b] c](https://example.org/3).'],
      [
        'Chapter 2: Dark',
        'Night.[^1]\n\n> A quote, a <span\n> lang="ja">word</span> in it, `code`<sup>2</sup> and \\[typed\\]{.smallcaps}.\n\n<table><tr><td>Salt &amp; oil</td></tr></table>\n\n[^1]: A note.',
      ],
      ['Chapter 3: *Été*', 'Day.\n\n[^orphan]: Words no mark shows.'],
    ]);
    expect(work.notices).toContain(
      'the note [^orphan] of chapter-3.md is marked nowhere in its text: written as it is, shown on no page until the text marks it',
    );
  });

  it('reads a Markdown story’s title page above its chapters (# title, “by” its author) apart from them, its ## headings each a chapter', async () => {
    const markdown =
      '# The Lamp\n\nby Ada Quill\n\n## Prologue\n\nIt began.\n\n## The Storm\n\nWind.\n\n### Later\n\nCalm.\n\n## Epilogue\n\nEnd.\n';
    const { plan, chapters, story } = await importBytes(strToU8(markdown), 'lamp.md');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Lamp', author: 'Ada Quill' });
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['prologue', 'Prologue', 'It began.'],
      ['chapter-1', 'The Storm', 'Wind.\n\n### Later\n\nCalm.'],
      ['epilogue', 'Epilogue', 'End.'],
    ]);
  });

  it.each([
    ['pandoc/between.docx', 'a-letter'],
    ['pandoc/between.md', 'a-letter'],
    // The book's contents name it; its place gives its address.
    ['pandoc/between.epub', 'chapter-1-5'],
  ])(
    'reads %s, a chapter titled as written between numbered ones, as an interlude after the chapter before it, so no number is taken twice',
    async (name, slug) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
        ['chapter-1', 'Chapter 1: Sea', 1],
        [slug, 'A Letter', 1.5],
        ['chapter-2', 'Chapter 2: Land', 2],
      ]);
    },
  );

  it.each([
    ['Markdown', 'notes.md', (h: string, text: string) => `# ${h}\n\n${text}\n\n`],
    ['a web page', 'notes.html', (h: string, text: string) => `<h1>${h}</h1><p>${text}</p>`],
  ])(
    'in %s, a heading that is a note’s label alone (Author’s Note) stays with the chapter it follows, never a chapter of its own',
    async (_, name, block) => {
      const paragraphs = Array.from({ length: 6 }, (_, i) => `Line ${i + 1} of the chapter.`);
      const text = [
        block('Chapter 1: Sea', paragraphs.join(name.endsWith('.md') ? '\n\n' : '</p><p>')),
        block('Author’s Note', 'Thanks for reading!'),
        block('Chapter 2: Land', 'She came home.'),
        block('The Storm', 'The wind came.'),
      ].join('');
      const { plan, chapters } = await importBytes(strToU8(name.endsWith('.md') ? text : `<html><body>${text}</body></html>`), name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Sea', 'Chapter 2: Land', 'The Storm']);
      // The web page's becomes the chapter's end note (a heading over it, the label alone); Markdown's stays its text, as written.
      if (name.endsWith('.html')) expect(chapters[0]!.front.endNote).toBe('Thanks for reading!');
      else expect(chapters[0]!.body).toMatch(/# Author’s Note\n\nThanks for reading!$/);
    },
  );

  it('reads a Google Docs web page whole: its title, a chapter at each heading, its footnotes as footnotes, its classes as formatting', async () => {
    const { plan, chapters, story } = await importFixture('google-docs.html');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Glass Lamp' });
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      [
        'Arrival',
        'She came in the rain[^1], and the *lamp*\u00a0was lit.\n\n* * *\n\n**Later**, nothing.\n\n[^1]: It always rained there.',
      ],
      ['Departure', 'She left at dawn.'],
    ]);
  });

  /** The Google Docs export folder, zipped as Google Docs downloads it (extra files beside the page). */
  const googleDocsZip = (extra: Record<string, Uint8Array> = {}) => {
    const folder = join(fixtures, 'google-docs-zipped');
    return zipSync({
      'TheLamplighter.html': readFileSync(join(folder, 'TheLamplighter.html')),
      'images/image1.png': readFileSync(join(folder, 'images/image1.png')),
      ...extra,
    });
  };

  it('reads a zipped Google Docs web page as the document it is: title page, chapters typed or styled, real links, its pictures from the zip', async () => {
    const { plan, chapters, story, work } = await importBytes(googleDocsZip({ 'secret.png': png }), 'TheLamplighter.zip');
    expectEveryWordKept(plan);
    expect(work.format).toBe('HTML (Google Docs), zipped');
    // The Title paragraph and "by" its author in the Subtitle: story.md's, not a note above chapter 1.
    expect(story?.front).toMatchObject({ title: 'The Lamplighter’s Daughter', author: 'Ada Quill' });
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: The Lamp', 'Chapter 2: The Square']);
    expect(chapters[0]!.front.authorsNote).toBeUndefined();
    const [first, second] = chapters.map((chapter) => chapter.body);
    // (Google Docs writes the space after a styled run as a no-break space; the import keeps it.)
    // The link's own address, not Google's redirect; its blue underline is the link's look, not the author's.
    expect(first).toContain('She read about it [on the encyclopedia](https://en.wikipedia.org/wiki/Gas_lighting)\u00a0later.');
    expect(first).toContain('came *slowly*\u00a0back to life.[^1]');
    expect(first).toContain('[^1]: Gas lamps were lit by hand until the 1930s.');
    expect(first).toContain('![A street lamp](images/image1.png)');
    expect([...plan.images.keys()]).toEqual(['image1.png']);
    expect(Buffer.from(plan.images.get('image1.png')!).equals(readFileSync(join(fixtures, 'google-docs-zipped/images/image1.png')))).toBe(
      true,
    );
    // A picture outside the page's folder in the zip is never read, even where the zip holds it.
    expect(second).toBe('Morning came, and with it the rain.\n\nThe old map');
    expect(work.notices.join('\n')).toMatch(/left out the picture \.\.\/secret\.png \(outside the page’s folder\)/);
    // Comments from the margin, the author's and their readers' notes to each other, are left out, and said.
    expect(JSON.stringify(chapters)).not.toMatch(/Ask Jo|expand|Agreed|\[a\]|\[b\]/);
    expect(work.dropped).toContain('2 comments from the margin (notes to the writer, not the story)');
  });

  it('unwraps only Google’s own redirects, and only to web addresses', () => {
    expect(redirectTarget('https://www.google.com/url?q=https://example.org/a?b%3D1&sa=D&source=editors')).toBe(
      'https://example.org/a?b=1',
    );
    expect(redirectTarget('https://www.google.co.uk/url?url=http://example.org/&sa=t')).toBe('http://example.org/');
    expect(redirectTarget('https://www.google.com/url?q=javascript:alert(1)')).toBeUndefined();
    expect(redirectTarget('https://evil.example/url?q=https://example.org/')).toBeUndefined();
    expect(redirectTarget('https://www.google.com/search?q=https://example.org/')).toBeUndefined();
  });

  it('refuses a zip of several web pages, and says to import them in order', async () => {
    const zip = googleDocsZip({ 'Chapter2.html': strToU8('<html><body><p>Two.</p></body></html>') });
    await expect(readInput(zip, 'pages.zip')).rejects.toThrow(
      /^pages\.zip: a zip file of 2 web pages \(.*\); unzip it and import the folder/,
    );
    // A Mac's resource forks beside the page are not pages.
    const mac = googleDocsZip({ '__MACOSX/._TheLamplighter.html': strToU8('x') });
    expect((await readInput(mac, 'mac.zip')).format).toBe('HTML (Google Docs), zipped');
  });

  it('reads the footnotes of a one-chapter Google Doc, without the rule above them or their numbers twice', async () => {
    const doc = readFileSync(join(fixtures, 'google-docs.html'), 'utf8').replace(/<h1[^>]*id="h\.a2".*?<\/p>(?=<hr)/, '');
    const { plan, chapters } = await importBytes(new TextEncoder().encode(doc), 'chapter-4.html');
    expectEveryWordKept(plan);
    expect(chapters).toHaveLength(1);
    expect(chapters[0]!.body).toMatch(/nothing\.\n\n\[\^1\]: It always rained there\.$/);
  });

  const page = (body: string) => new TextEncoder().encode(`<html><head><title>Page</title></head><body>${body}</body></html>`);

  it('leaves a document one chapter where a lone first-level heading, or one with nothing under it, divides nothing', async () => {
    const lone = await importBytes(page('<h1>The Lake</h1><p>She swam.</p><h2>Later</h2><p>She slept.</p>'), 'lake.html');
    expect(lone.chapters).toHaveLength(1);
    const empty = await importBytes(
      page('<h1>Part One</h1><h1>The Lake</h1><p>She swam.</p><h1>The Shore</h1><p>She slept.</p>'),
      'parts.html',
    );
    expect(empty.chapters).toHaveLength(1);
    expectEveryWordKept(empty.plan);
    for (const { work } of [lone, empty]) expect(work.notices.join('\n')).not.toMatch(/divided the document/);
  });

  it('reads paragraphs in the Title style as chapter headings when each opens a chapter, its headings a level below', async () => {
    const { plan, chapters, work } = await importFixture('pandoc/titles.docx');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['The Lake', 'She swam.\n\n### A section\n\nMore.'],
      ['The Shore', 'She slept.'],
    ]);
    expect(work.notices).toContain('read the 2 paragraphs in the Title style as chapter headings');
  });

  it.each([
    ['pandoc/subtitle.docx', 'in the Title style, then “by” its author in the Subtitle style'],
    ['pandoc/typed-title.docx', 'typed in plain paragraphs'],
  ])('reads a title page above the chapters %s (%s) into story.md, not into a note above chapter 1', async (path) => {
    const { plan, chapters, story } = await importFixture(path);
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Lamp', author: 'Ada Quill' });
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, body])).toEqual([
      ['Chapter 1: One', undefined, 'Meg lit the lamp.'],
      ['Chapter 2: Two', undefined, 'The square was quiet.'],
    ]);
  });

  it('divides a Word document at paragraphs that number its chapters alone (“ONE”, “TWO”), titled as written', async () => {
    const paragraph = (text: string, bold = false) => `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t>${text}</w:t></w:r></w:p>`;
    const { plan, chapters } = await importBytes(
      makeDocx([
        paragraph('ONE', true),
        paragraph('She came in.'),
        paragraph('TWO', true),
        paragraph('She left in 1914.'),
        paragraph('THREE', true),
        paragraph('Dawn.'),
      ]),
      'novel.docx',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['chapter-1', 'ONE', 'She came in.'],
      ['chapter-2', 'TWO', 'She left in 1914.'],
      ['chapter-3', 'THREE', 'Dawn.'],
    ]);
  });

  it('leaves out a Word document’s table of contents (its “toc 1” entries, chapter titles and page numbers), and says so', async () => {
    const styled = (style: string, inner: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${inner}</w:p>`;
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const entry = (title: string, page: number) =>
      styled('TOC1', `<w:hyperlink w:anchor="_Toc${page}">${run(title)}<w:r><w:tab/></w:r>${run(String(page))}</w:hyperlink>`);
    const { plan, chapters, work } = await importBytes(
      makeDocx([
        styled('TOCHeading', run('Contents')),
        entry('Chapter 1: Sea', 1),
        entry('Chapter 2: Land', 4),
        `<w:p>${run('Chapter 1: Sea')}</w:p>`,
        `<w:p>${run('It began at sea.')}</w:p>`,
        `<w:p>${run('Chapter 2: Land')}</w:p>`,
        `<w:p>${run('She came home.')}</w:p>`,
      ]),
      'lamp.docx',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, body])).toEqual([
      ['Chapter 1: Sea', undefined, 'It began at sea.'],
      ['Chapter 2: Land', undefined, 'She came home.'],
    ]);
    expect(work.dropped).toContain('the document’s table of contents (3 lines), which the site makes itself');
  });

  it('reads paragraphs that open with a typed bullet (“• ”, as Calibre and Rich Text write lists out) as a list, and no other paragraph', async () => {
    const { plan, chapters } = await importChapterPage(
      '<p>She packed:</p><div>•&nbsp;a coil of <em>rope</em></div><div>• a lantern</div><p>•Then she left.</p><p>Bullets • stay in a line.</p>',
    );
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('She packed:\n\n- a coil of *rope*\n- a lantern\n\n•Then she left.\n\nBullets • stay in a line.');
  });

  it('leaves out a table of contents typed as paragraphs in a Word document, a part’s line among its chapters', async () => {
    const { plan, chapters, work } = await importBytes(
      makeDocx([
        paragraph('Contents', 'Heading1'),
        paragraph('Chapter 1: Sea'),
        paragraph('Part Two'),
        paragraph('Chapter 2: Land'),
        paragraph('Chapter 1: Sea', 'Heading1'),
        paragraph('It began at sea.'),
        paragraph('Part Two', 'Heading1'),
        paragraph('Chapter 2: Land', 'Heading1'),
        paragraph('She came home.'),
      ]),
      'lamp.docx',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
      ['Chapter 1: Sea', undefined, 'It began at sea.'],
      ['Chapter 2: Land', 'Part Two', 'She came home.'],
    ]);
    expect(work.dropped).toContain('the document’s table of contents (4 lines), which the site makes itself');
  });

  it('takes a name alone under a title heading as its author, but not a dedication (“For Anna Petrova”)', async () => {
    const page = (under: string) =>
      strToU8(
        `<html><body><h1>The Lamp</h1><p>${under}</p><h1>Chapter 1: Sea</h1><p>It began at sea.</p><h1>Chapter 2: Land</h1><p>She came home.</p></body></html>`,
      );
    const author = await importBytes(page('Anna Petrova'), 'lamp.html');
    expect(author.story?.front).toMatchObject({ title: 'The Lamp', author: 'Anna Petrova' });
    const dedication = await importBytes(page('For Anna Petrova'), 'lamp.html');
    expectEveryWordKept(dedication.plan);
    expect(dedication.story?.front.author).not.toMatch(/Anna/);
  });

  it('leaves out the table of contents Word generates (a TOC field) whatever its entries say and wear, its heading with it', async () => {
    const field = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const { plan, chapters, work } = await importBytes(
      makeDocx([
        paragraph('Table of Contents', 'Heading1'),
        `<w:p>${field('begin')}<w:r><w:instrText xml:space="preserve"> TOC \\h </w:instrText></w:r>${field('separate')}<w:r><w:t>Chapter 1: Sea</w:t></w:r></w:p>`,
        paragraph('The Storm Below'),
        `<w:p><w:r><w:t>Chapter 2: Land</w:t></w:r>${field('end')}</w:p>`,
        paragraph('Chapter 1: Sea', 'Heading1'),
        paragraph('It began at sea.'),
        paragraph('The Storm Below', 'Heading2'),
        paragraph('The waves rose.'),
        paragraph('Chapter 2: Land', 'Heading1'),
        paragraph('She came home.'),
      ]),
      'lamp.docx',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Sea', 'Chapter 2: Land']);
    expect(work.dropped).toContain('the document’s table of contents (4 lines), which the site makes itself');
  });

  it('turns a note another chapter holds (a book’s notes at its part’s end), linked back to its marker, into the footnote of the chapter marking it', async () => {
    const { plan, chapters } = await importBytes(
      makeDocx([
        paragraph('Chapter 1: Sea', 'Heading1'),
        '<w:p><w:r><w:t>It began at sea.</w:t></w:r><w:hyperlink w:anchor="note1"><w:r><w:bookmarkStart w:id="1" w:name="ref1"/><w:t>1</w:t><w:bookmarkEnd w:id="1"/></w:r></w:hyperlink></w:p>',
        paragraph('Chapter 2: Land', 'Heading1'),
        paragraph('She came home.'),
        '<w:p><w:bookmarkStart w:id="2" w:name="note1"/><w:r><w:t>The sea was grey.</w:t></w:r><w:hyperlink w:anchor="ref1"><w:r><w:t>↩︎</w:t></w:r></w:hyperlink><w:bookmarkEnd w:id="2"/></w:p>',
      ]),
      'lamp.docx',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ body }) => body)).toEqual(['It began at sea.[^1]\n\n[^1]: The sea was grey.', 'She came home.']);
  });

  it('keeps the italics, bold and strike-through a Word document sets by character styles (Calibre’s, an author’s “Thoughts”), not a link’s underline', async () => {
    const styles = [
      '<w:style w:type="character" w:styleId="Thoughts"><w:name w:val="Thoughts"/><w:rPr><w:i/></w:rPr></w:style>',
      '<w:style w:type="character" w:styleId="Loud"><w:name w:val="Loud"/><w:basedOn w:val="Thoughts"/><w:rPr><w:b w:val="on"/></w:rPr></w:style>',
      '<w:style w:type="character" w:styleId="Gone"><w:name w:val="Gone"/><w:rPr><w:strike w:val="1"/></w:rPr></w:style>',
      '<w:style w:type="character" w:styleId="Link"><w:name w:val="Link"/><w:rPr><w:color w:val="0000FF"/><w:u w:val="single"/></w:rPr></w:style>',
    ].join('');
    const run = (text: string, style?: string, own = '') =>
      `<w:r>${style || own ? `<w:rPr>${style ? `<w:rStyle w:val="${style}"/>` : ''}${own}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const { chapters } = await importBytes(
      makeDocx(
        [
          paragraph('Chapter 1: Sea', 'Heading1'),
          `<w:p>${run('She thought ')}${run('not again', 'Thoughts')}${run(', then ')}${run('shouted', 'Loud')}${run(' and ')}${run('crossed', 'Gone')}${run(' out ')}${run('a word', 'Link')}${run(' and ')}${run('this', 'Thoughts', '<w:i w:val="0"/>')}${run('.')}</w:p>`,
        ],
        '',
        styles,
      ),
      'lamp.docx',
    );
    expect(chapters[0]!.body).toBe('She thought *not again*, then **_shouted_** and ~~crossed~~ out a word and this.');
  });

  it('leaves out a web page’s table of contents (pandoc’s <nav id="TOC">), and says so', async () => {
    const page = [
      '<html><body><nav id="TOC" role="doc-toc"><ul><li><a href="#a">Chapter 1: Sea</a></li><li><a href="#b">Chapter 2: Land</a></li></ul></nav>',
      '<h1 id="a">Chapter 1: Sea</h1><p>It began at sea.</p><h1 id="b">Chapter 2: Land</h1><p>She came home.</p></body></html>',
    ].join('');
    const { plan, chapters, work } = await importBytes(strToU8(page), 'lamp.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, body])).toEqual([
      ['Chapter 1: Sea', undefined, 'It began at sea.'],
      ['Chapter 2: Land', undefined, 'She came home.'],
    ]);
    expect(work.dropped).toContain('the document’s table of contents (2 lines), which the site makes itself');
  });

  it('divides a Word document at paragraphs that head parts alone (“Part 1”, “Part 2”), as a two-shot is, titled as written', async () => {
    const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const { plan, chapters, work } = await importBytes(
      makeDocx([paragraph('Part 1'), paragraph('She came in.'), paragraph('Part 2'), paragraph('She left.')]),
      'two-shot.docx',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.order, front.title, body])).toEqual([
      ['part-1', 1, 'Part 1', 'She came in.'],
      ['part-2', 2, 'Part 2', 'She left.'],
    ]);
    expect(work.notices).toContain('read a chapter at each of the 2 part headings');
  });

  it('leaves out a Word document’s comments in the margin and its tracked deletions, and says so', async () => {
    const commented = await importFixture('pandoc/comment.docx');
    expectEveryWordKept(commented.plan);
    expect(commented.chapters[0]!.body).toBe('She came in from the rain.');
    expect(commented.work.dropped).toEqual(['1 comment from the margin (notes to the writer, not the story)']);
    expect(commented.work.notices.join('\n')).not.toMatch(/Comment/);
    const tracked = await importBytes(
      makeDocx([
        '<w:p><w:r><w:t>Chapter 1</w:t></w:r></w:p>',
        '<w:p><w:r><w:t xml:space="preserve">She </w:t></w:r><w:del w:id="1" w:author="Jo"><w:r><w:delText xml:space="preserve">never </w:delText></w:r></w:del><w:r><w:t>came.</w:t></w:r></w:p>',
      ]),
      'chapter-1.docx',
    );
    expectEveryWordKept(tracked.plan);
    expect(tracked.chapters[0]!.body).toBe('She came.');
    expect(tracked.work.dropped).toEqual(['1 tracked deletion (text deleted while changes were tracked)']);
  });

  it('tells the author of a one-chapter document that its author line had nowhere to go', async () => {
    const { work, chapters, story } = await importFixture('pandoc/one-chapter.docx');
    expect(story).toBeUndefined();
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([['Chapter 3: Three', 'Meg lit the lamp.']]);
    expect(work.dropped).toEqual([
      'the document’s title “The Lamp” above the chapter heading',
      'the document’s author line “Ada Quill” (a chapter alone has no story.md to hold it)',
    ]);
  });

  it('divides at Heading 2s under a lone Heading 1 that titles the document, not where that heading has text of its own', async () => {
    const titled = await importBytes(
      page('<h1>The Glass Lamp</h1><h2>Arrival</h2><p>She came.</p><h2>Departure</h2><p>She left.</p>'),
      'lamp.html',
    );
    expectEveryWordKept(titled.plan);
    expect(titled.story?.front.title).toBe('The Glass Lamp');
    expect(titled.chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Arrival', 'She came.'],
      ['Departure', 'She left.'],
    ]);
    // A chapter "The Lake" whose scenes have headings stays one chapter.
    const scenes = await importBytes(
      page('<h1>The Lake</h1><p>Dusk.</p><h2>Morning</h2><p>She swam.</p><h2>Night</h2><p>She slept.</p>'),
      'lake.html',
    );
    expect(scenes.chapters).toHaveLength(1);
    expect(scenes.chapters[0]!.body).toContain('Dusk.\n\n## Morning\n\nShe swam.\n\n## Night\n\nShe slept.');
    expectEveryWordKept(scenes.plan);
  });

  it('divides at chapter headings that say so ("Chapter 2") before any first-level heading titled as written', async () => {
    const { chapters } = await importBytes(
      page('<h1>Prelude</h1><p>Long ago.</p><h2>Chapter 1</h2><p>She swam.</p><h2>Chapter 2</h2><p>She slept.</p>'),
      'mixed.html',
    );
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1', 'Chapter 2']);
  });
});

describe('Word’s styles for quotations and emphasis', () => {
  it.each(['pandoc/quotes.docx', 'libreoffice/quotes.odt', 'libreoffice/quotes.rtf'])(
    'keeps block quotes (pandoc’s Block Text), Quote and Intense Quote paragraphs, Emphasis and Strong runs from %s',
    async (name) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters[0]!.body).toBe(
        'She read:\n\n> Dear Meg, the lamps are lit.\n>\n> Yours, E.\n\nThen *she* wept **loudly**.\n\n> A quoted line.\n>\n> An intense quote.',
      );
    },
  );
});

describe('raised and lowered text', () => {
  it.each(['pandoc/raised.docx', 'pandoc/raised.odt', 'pandoc/raised.epub', 'libreoffice/raised.odt', 'libreoffice/raised.rtf'])(
    'keeps superscripts and subscripts from %s (mc² is not mc2), and a footnote’s raised marker as the footnote',
    async (name) => {
      const { plan, chapters } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(chapters[0]!.body).toMatch(
        /^Energy is mc<sup>2<\/sup> and water is H<sub>2<\/sub>O, said the 1<sup>st<\/sup> one\.\[\^1\]\n\n\[\^1\]: +A note\.$/,
      );
    },
  );

  it('keeps the text of Word’s right-to-left embeddings and simple fields, which mammoth left out unseen by the word check', async () => {
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const docx = makeDocx([
      `<w:p>${run('Chapter 1')}</w:p>`,
      `<w:p>${run('היא אמרה ')}<w:dir w:val="rtl">${run('שלום לך')}</w:dir>${run(' ויצאה.')}</w:p>`,
      `<w:p>${run('Then ')}<w:bdo w:val="ltr">${run('Meg')}</w:bdo>${run(' read page ')}<w:fldSimple w:instr="PAGE">${run('12')}</w:fldSimple>${run('.')}<w:fldSimple w:instr="DATE"/></w:p>`,
    ]);
    const work = await readInput(docx, 'wrappers.docx');
    const plan = await planImport(work, []);
    expectEveryWordKept(plan);
    expect(work.notices.join()).not.toMatch(/unrecognised element/);
    expect(parseContentFile(plan.chapters[0]!.text).body).toBe('היא אמרה שלום לך ויצאה.\n\nThen Meg read page 12.');
  });

  it('leaves out Word’s hidden text and says so, and keeps words apart at a carriage return or a page break', async () => {
    const run = (text: string, properties = '') =>
      `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const docx = makeDocx([
      `<w:p>${run('Chapter 1')}</w:p>`,
      `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run('Shown ')}${run('NOTE TO SELF ', '<w:i/><w:vanish/>')}${run('text.')}${run(' shown again', '<w:vanish w:val="0"/>')}</w:p>`,
      `<w:p><w:r><w:t>broken</w:t><w:cr/><w:t>line</w:t><w:br w:type="page"/><w:t>next</w:t></w:r></w:p>`,
    ]);
    const work = await readInput(docx, 'hidden.docx');
    const plan = await planImport(work, []);
    expectEveryWordKept(plan);
    expect(work.dropped).toContain('1 passage of hidden text');
    expect(parseContentFile(plan.chapters[0]!.text).body).toBe('Shown text. shown again\n\nbroken\\\nline\\\nnext');
  });

  it('counts the words inside an element mammoth ignores, so the word check sees them lost', async () => {
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const docx = makeDocx([
      `<w:p>${run('Chapter 1')}</w:p>`,
      `<w:p>${run('Before ')}<w:futureThing w:val="x">${run('words &amp; more')}</w:futureThing>${run(' after.')}</w:p>`,
    ]);
    const plan = await planImport(await readInput(docx, 'future.docx'), []);
    expect(plan.fidelity).toMatchObject({ source: 4, kept: 2 });
  });

  it('keeps an OpenDocument text’s ruby (text:ruby), which ran its reading into its base', async () => {
    const namespaces =
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
    const odt = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8(
        `<office:document-content ${namespaces}><office:body><office:text><text:h text:outline-level="1">Chapter 1</text:h><text:p>彼は<text:ruby><text:ruby-base>東京駅</text:ruby-base><text:ruby-text>とうきょうえき</text:ruby-text></text:ruby>で書いた。<text:ruby><text:ruby-base>Tokyo</text:ruby-base><text:ruby-text>east capital</text:ruby-text></text:ruby> too.</text:p></office:text></office:body></office:document-content>`,
      ),
    });
    const plan = await planImport(await readInput(odt, 'ruby.odt'), []);
    expectEveryWordKept(plan);
    expect(parseContentFile(plan.chapters[0]!.text).body).toBe(
      '彼は<ruby>東京駅<rp>(</rp><rt>とうきょうえき</rt><rp>)</rp></ruby>で書いた。<ruby>Tokyo<rp>(</rp><rt>east capital</rt><rp>)</rp></ruby> too.',
    );
  });

  it('keeps Word’s ruby, which mammoth left out base and all (“kept 6 of 6 words”)', async () => {
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const ruby = (base: string, reading: string) =>
      `<w:r><w:ruby><w:rubyPr><w:hps w:val="10"/><w:lid w:val="ja-JP"/></w:rubyPr><w:rt>${run(reading)}</w:rt><w:rubyBase>${run(base)}</w:rubyBase></w:ruby></w:r>`;
    const docx = makeDocx([
      `<w:p>${run('第一章')}</w:p>`,
      `<w:p>${run('彼は')}${ruby('東京駅', 'とうきょうえき')}${run('で')}${ruby('漢字', 'かんじ')}${run('を書いた。')}</w:p>`,
    ]);
    const work = await readInput(docx, 'ruby.docx');
    const plan = await planImport(work, []);
    expectEveryWordKept(plan);
    expect(work.notices.join()).not.toMatch(/ruby/);
    expect(parseContentFile(plan.chapters[0]!.text).body).toBe(
      '彼は<ruby>東京駅<rp>(</rp><rt>とうきょうえき</rt><rp>)</rp></ruby>で<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を書いた。',
    );
  });

  it('keeps a reading set over its characters (ruby), and reads a table’s cells as separate words', async () => {
    const page = strToU8(
      '<html><body><h1>Chapter 1</h1><p>彼は<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を書いた。</p><table><tr><th>Name</th><th>Level</th></tr><tr><td>Meg</td><td>5</td></tr></table></body></html>',
    );
    const work = await readInput(page, 'ruby.html');
    const plan = await planImport(work, []);
    expectEveryWordKept(plan);
    expect(parseContentFile(plan.chapters[0]!.text).body).toBe(
      '彼は<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を書いた。\n\n| Name | Level |\n| ---- | ----- |\n| Meg  | 5     |',
    );
  });
});

describe('FanFicFare’s plain-text download', () => {
  it('reads the whole work: the title page into story.md, a chapter at each title of its contents, html2text’s Markdown as formatting', async () => {
    const { plan, chapters, story, work } = await importFixture('fanficfare.txt');
    expectEveryWordKept(plan);
    expect(work.format).toBe('FanFicFare text download');
    expect(story?.front).toMatchObject({
      title: 'The Lantern Keeper',
      author: 'Wren Ashdown',
      language: 'en',
      status: 'in-progress',
      fandom: 'Phantom of the Opera',
      rating: 'T',
      tags: ['Romance', 'Angst'],
    });
    expect(story?.body).toMatch(/^Below the opera house, someone keeps the lamps lit, and nobody asks who/);
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.published])).toEqual([
      ['chapter-1', 'Chapter 1: Wick', '2020-01-01'],
      // A title wrapped at its hyphen in one place and not in the other reads as written.
      ['chapter-2', 'A Very Long Chapter Title That Goes On And On, Far Past The Seventy-Eight Columns FanFicFare Wraps At', undefined],
      ['epilogue', 'Epilogue', '2020-02-02'],
    ]);
    const first = chapters[0]!.body;
    // Wrapped lines joined; html2text's italics and bold as such; the author's own asterisks and underscores as written.
    expect(first).toContain(
      'She held her breath. *Someone* had trimmed the wick, and not long ago; the glass was **still warm** under her fingers. \\*sigh\\* went the pipes, and snake_case_name.',
    );
    expect(first).toContain('the dark, *politely*, did not answer at all, which was worse.\\\nLine two of the same paragraph.');
    expect(first).toContain('> A letter, quoted in full.');
    expect(chapters[1]!.body).toBe('Erik had kept the lamps for eleven years.\n\n- bread\n- oil');
    const written = plan.chapters.map((chapter) => chapter.text).join('\n');
    for (const boilerplate of ['TABLE OF CONTENTS', 'End file.', 'Packaged', 'Story URL']) expect(written).not.toContain(boilerplate);
  });

  it('reads its HTML download of an AO3 work the same way, not as AO3’s own download: title page, a chapter a section, the notes as notes', async () => {
    const { plan, chapters, story, work } = await importFixture('fanficfare.html');
    expectEveryWordKept(plan);
    expect(work.format).toBe('FanFicFare HTML download');
    expect(story?.front).toMatchObject({
      title: 'The Lantern Keeper',
      author: 'Wren Ashdown',
      status: 'in-progress',
      rating: 'Teen And Up Audiences',
      expectedChapters: 3,
    });
    expect(story?.body).toBe('Below the opera house, someone keeps the lamps lit.');
    expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, body])).toEqual([
      [
        'Wick',
        'Thanks to my beta!',
        'The lamp was already burning when Christine reached the fifth cellar.\n\nShe held her breath. *Someone* had trimmed the wick.',
      ],
      ['Flame', undefined, 'Erik had kept the lamps for eleven years.'],
    ]);
  });

  it('leaves a text that only looks like one to the plain-text reader', async () => {
    const { chapters, work } = await importBytes(strToU8('Chapter 1\n\nTABLE OF CONTENTS is what she wrote.\n\n\tIndented.'), 'one.txt');
    expect(work.format).toBe('plain text');
    expect(chapters).toHaveLength(1);
  });
});

describe('a Project Gutenberg text', () => {
  it('reads the book inside the licence: the header into story.md, the title page and contents left out, a chapter at each “CHAPTER I.” with its title under it, _italics_', async () => {
    const { plan, chapters, story, work } = await importFixture('gutenberg.txt');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Lantern Keeper', author: 'Wren Ashdown', language: 'en' });
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      [
        'chapter-1',
        'Chapter 1: A WEDDING',
        'The lamp was already burning when Christine reached the fifth cellar, which should not have been possible. She was *quite* sure of it.\n\nShe held her breath.',
      ],
      ['chapter-2', 'Chapter 2: THE LAKE', 'Erik had kept the lamps for eleven years.'],
    ]);
    expect(work.dropped).toEqual([
      'Project Gutenberg’s header and licence around the book',
      'the table of contents (2 titles; the site makes its own)',
    ]);
    const written = plan.chapters.map((chapter) => chapter.text).join('\n');
    for (const licence of ['Gutenberg', 'License', 'START OF', 'Updated editions']) expect(written).not.toContain(licence);
  });
});

describe('OpenDocument texts (LibreOffice)', () => {
  it.each(['libreoffice/features.odt', 'libreoffice/features.fodt'])(
    'reads %s: styles set by hand and by name, notes, lists, a table; leaves out the comment, the tracked deletion and the generated contents, and says so',
    async (name) => {
      const { plan, chapters, story, work } = await importFixture(name);
      expectEveryWordKept(plan);
      expect(work.format).toBe('OpenDocument text');
      expect(story?.front).toMatchObject({ title: 'Winter Lamps' });
      expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Frost', 'Chapter 2: Thaw']);
      expect(chapters[0]!.body).toBe(
        [
          'The frost came *early* that year, and the **lamps** burned all night.',
          // A word set upright inside a paragraph in italics; spaces outside the stars.
          '*She wrote it all down,* every *word of it.*',
          '*Dear Meg,*\\\n*the lamps are lit.*',
          '* * *',
          '<span class="small-caps">Opera Ghost</span> signed it[^1], and an endnote follows[^2].',
          '1. First thing',
          '2. Second ***thing***',
          '- Bread',
          '- Oil',
          '|      |       |\n| ---- | ----- |\n| Lamp | Hours |\n| East | Nine  |',
          '<div class="right">',
          'Signed, E.',
          '</div>',
          '[^1]: A ghost who *writes*.',
          '[^2]: The end of it.',
        ].join('\n\n'),
      );
      expect(chapters[1]!.body).toBe('Then spring, [a link](https://example.com/).');
      const written = plan.chapters.map((chapter) => chapter.text).join('\n') + (plan.story ?? '');
      for (const unwritten of ['Nice line', 'swiftly', 'Contents']) expect(written).not.toContain(unwritten);
      expect(work.dropped).toEqual([
        'the document’s table of contents (the site makes its own)',
        '1 comment from the margin (notes to the writer, not the story)',
        '1 tracked deletion (text deleted while changes were tracked)',
      ]);
    },
  );

  it('reads an EPUB LibreOffice exported: its title page left out, each heading written as a paragraph not repeated, its notes without their way back, formatting by class kept', async () => {
    const { plan, chapters, story, work } = await importFixture('libreoffice/lantern.epub');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Lantern Keeper', author: 'Wren Ashdown' });
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Wick', 'Chapter 2: Flame', 'Epilogue']);
    const first = chapters[0]!.body;
    expect(first).toMatch(/^The lamp was already burning/);
    expect(first).toContain('She held her breath. *Someone* had trimmed the wick[^1]');
    expect(first).toContain('That was <u>not</u> quite true. <span class="small-caps">Opera Ghost</span> signed the note.');
    expect(first).toMatch(/\[\^1\]:\s+A wick is the string in a lamp\.$/);
    expect(work.dropped).toContain('“Section 1” (title page)');
  });

  it('reads a web page Word saved: its chapters inside Word’s wrapper, its notes by named anchors, without the rule above them', async () => {
    const { plan, chapters } = await importFixture('word-web-page.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: Wick', 'The lamp was burning[^1].\n\n[^1]: A wick is a string.'],
      ['Chapter 2: Flame', 'Erik kept the lamps.'],
    ]);
  });

  it('reads a web page LibreOffice saved: its footnotes, placed by named anchors, in the chapter that refers to them', async () => {
    const { plan, chapters } = await importFixture('libreoffice/html/lantern.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Wick', 'Chapter 2: Flame', 'Epilogue']);
    // The date under the title, its style gone in the page: the first chapter's, as from the .docx.
    expect(chapters[0]!.front.published).toBe('2024-03-01');
    // The line drawn across the page, saved as a picture of a line (624 × 2): a scene break, as from the .docx, and no picture.
    expect(chapters[0]!.body).toMatch(/\n\n\* \* \*\n\n/);
    expect(chapters.map(({ body }) => body).join()).not.toMatch(/Shape1|\.gif/);
    expect([...plan.images.keys()]).not.toContainEqual(expect.stringMatching(/\.gif$/));
    expect(chapters[0]!.body).toContain('had trimmed the wick[^1], and not long ago');
    expect(chapters[0]!.body).toMatch(/\[\^1\]: A wick is the string in a lamp\.$/);
    expect(chapters[2]!.body).toBe('Years later, the lamps still burned.');
  });

  it('reads a web page LibreOffice saved of a whole work: its title and subtitle into story.md, its contents left out, its notes placed', async () => {
    const { plan, chapters, story, work } = await importFixture('libreoffice/html/features.html');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'Winter Lamps' });
    expect(story?.body).toBe('A Serial');
    expect(work.dropped).toContain('the document’s table of contents (3 lines), which the site makes itself');
    expect(chapters.map(({ front }) => [front.title, front.authorsNote])).toEqual([
      ['Chapter 1: Frost', undefined],
      ['Chapter 2: Thaw', undefined],
    ]);
    expect(chapters[0]!.body).toMatch(
      /signed it\[\^1\], and an endnote follows\[\^2\]\.[\s\S]*\[\^1\]: A ghost who \*writes\*\.\n\n\[\^2\]: The end of it\.$/,
    );
  });

  it('reads a LibreOffice page’s endnotes as its footnotes are read, and a note whose text runs on from its number', async () => {
    const page =
      '<html><head><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/></head><body><h1>Chapter 1</h1>' +
      '<p>She lit the lamp<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a> and waited.</p>' +
      '<h1>Chapter 2</h1><p>Morning came<a class="sdendnoteanc" name="sdendnote1anc" href="#sdendnote1sym"><sup>i</sup></a> to room 1.</p>' +
      '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>An oil lamp.</p></div>' +
      '<div id="sdendnote1"><p class="sdendnote"><a class="sdendnotesym" name="sdendnote1sym" href="#sdendnote1anc">i</a>A late note.</p></div></body></html>';
    const { plan, chapters } = await importBytes(strToU8(page), 'notes.html');
    expectEveryWordKept(plan);
    expect(chapters.map(({ body }) => body)).toEqual([
      'She lit the lamp[^1] and waited.\n\n[^1]: An oil lamp.',
      'Morning came[^1] to room 1.\n\n[^1]: A late note.',
    ]);
  });

  it('reads the same document as LibreOffice writes it in Rich Text (.rtf): the same words, formatting, notes and lists', async () => {
    const { plan, chapters, story, work } = await importFixture('libreoffice/features.rtf');
    expectEveryWordKept(plan);
    expect(work.format).toBe('Rich Text document');
    expect(story?.front).toMatchObject({ title: 'Winter Lamps' });
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Frost', 'Chapter 2: Thaw']);
    expect(chapters[0]!.body).toBe(
      [
        'The frost came *early* that year, and the **lamps** burned all night.',
        '*She wrote it all down,* every *word of it.*',
        '*Dear Meg,*\\\n*the lamps are lit.*',
        '* * *',
        '<span class="small-caps">Opera Ghost</span> signed it[^1], and an endnote follows[^2].',
        '1. First thing\n2. Second ***thing***',
        '- Bread\n- Oil',
        '|      |       |\n| ---- | ----- |\n| Lamp | Hours |\n| East | Nine  |',
        '<div class="right">',
        'Signed, E.',
        '</div>',
        '[^1]: A ghost who *writes*.',
        '[^2]: The end of it.',
      ].join('\n\n'),
    );
    // A link without the underline every word processor draws under one.
    expect(chapters[1]!.body).toBe('Then spring, [a link](https://example.com/).');
    expect(work.dropped).toEqual([
      'the document’s table of contents (the site makes its own)',
      '1 comment from the margin (notes to the writer, not the story)',
      '1 tracked deletion (text deleted while changes were tracked)',
    ]);
  });

  it('reads Rich Text as Word writes it: its heading as the title, styles, a footnote, a link, any code page; hidden text left out', async () => {
    const { plan, chapters, work } = await importFixture('rtf/word.rtf');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => front.title)).toEqual(['The Lake']);
    expect(chapters[0]!.body).toBe(
      [
        'The water was *black* and still[^1]. “Café?” she asked, and read [the map](https://example.com/lake).',
        '東京の夜',
        '北京的夜晚',
        'Seen words.',
        '[^1]: Deep and cold.',
      ].join('\n\n'),
    );
    expect(work.dropped).toEqual(['1 passage of hidden text']);
  });

  it('reads Rich Text as TextEdit writes it: its paragraphs, italics and bold, quotes, an emoji, a centred break', async () => {
    const { plan, chapters } = await importFixture('rtf/textedit.rtf');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      [
        'Chapter 1: The Lake',
        'The water was *black* and still. “Who’s there?” she asked.\n\n* * *\n\nCafé au lait, naïve, — and an emoji 😀.\n\n**The End**',
      ],
    ]);
  });

  it('keeps underline, small capitals and words struck through that a page’s stylesheet sets by class', async () => {
    const page = strToU8(
      '<html><head><style>.c1{text-decoration:underline}.c2{font-variant:small-caps}.c3{text-decoration:line-through}</style></head><body><h1>Chapter 1</h1><p>It was <span class="c1">not</span> the <span class="c2">Opera Ghost</span>, she <span class="c3">said</span> wrote.</p></body></html>',
    );
    const { plan, chapters } = await importBytes(page, 'classes.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('It was <u>not</u> the <span class="small-caps">Opera Ghost</span>, she ~~said~~ wrote.');
  });

  it('reads a title page typed by hand above the chapters (a centred or bold line, “by” its author) into story.md, and a dedication there as a note', async () => {
    // A document of two chapters under what a title page holds, in Rich Text.
    const underTitlePage = (page: string, name: string) =>
      importBytes(strToU8(`{\\rtf1\\ansi${page}\\pard Chapter 1\\par Before.\\par Chapter 2\\par After.\\par}`), name);
    const typed = await underTitlePage('\\pard\\qc\\b The Glass Lamp\\b0\\par\\pard\\qc by Ada Lovelace\\par', 'typed.rtf');
    expectEveryWordKept(typed.plan);
    expect(typed.story?.front).toMatchObject({ title: 'The Glass Lamp', author: 'Ada Lovelace' });
    expect(typed.chapters.map(({ front }) => front.authorsNote)).toEqual([undefined, undefined]);
    // pandoc and manuscript templates centre the author's name alone under the title, without "by".
    const centred = await underTitlePage(
      '\\pard\\qc\\b \\u1057?\\u1084?\\u1086?\\u1090?\\b0\\par\\pard\\qc \\u1040?\\u1085?\\u1085?\\u1072? \\u1055?\\u1077?\\u1090?\\u1088?\\u1086?\\u1074?\\u1072?\\par',
      'centred.rtf',
    );
    expectEveryWordKept(centred.plan);
    expect(centred.story?.front).toMatchObject({ title: 'Смот', author: 'Анна Петрова' });
    expect(centred.work.notices.join('\n')).toContain('read “Смот” and “Анна Петрова” above the chapters as the story’s title page');
    expect(centred.chapters.map(({ front }) => front.authorsNote)).toEqual([undefined, undefined]);
    // A subtitle in capitalised words is no name: centred under the title, it is the story's summary, shown under its title.
    const subtitle = await underTitlePage('\\pard\\qc\\b The Glass Lamp\\b0\\par\\pard\\qc The Keeper Returns\\par', 'subtitle.rtf');
    expectEveryWordKept(subtitle.plan);
    expect(subtitle.story?.front.author).not.toBe('The Keeper Returns');
    expect(subtitle.story?.body).toBe('The Keeper Returns');
    expect(subtitle.chapters[0]!.front.authorsNote).toBeUndefined();
    expect(subtitle.work.notices).toContain('read “The Keeper Returns” below the title as the story’s summary (the text of story.md)');
    const dedication = await underTitlePage('\\pard\\qc For my sister, who kept the lamps.\\par', 'dedication.rtf');
    expect(dedication.story?.front.title).toBe('Untitled');
    expect(dedication.chapters[0]!.front.authorsNote).toContain('For my sister, who kept the lamps.');
  });

  it('keeps the words on either side of a line break apart in Rich Text, as pandoc writes a poem’s lines', async () => {
    const { plan, chapters } = await importBytes(
      strToU8('{\\rtf1\\ansi Chapter 1\\par Line one of a poem\\line line two\\line line three.\\par}'),
      'poem.rtf',
    );
    expectEveryWordKept(plan);
    expect(plan.fidelity.source).toBe(9);
    expect(chapters[0]!.body).toBe('Line one of a poem\\\nline two\\\nline three.');
  });

  it('keeps words struck through, in Rich Text and in an OpenDocument text', async () => {
    const rtf = await importBytes(strToU8('{\\rtf1\\ansi Chapter 1\\par She \\strike crossed\\strike0  it out.\\par}'), 'struck.rtf');
    const fodt = await importBytes(
      strToU8(
        '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style></office:automatic-styles><office:body><office:text><text:h text:outline-level="1">Chapter 1</text:h><text:p>She <text:span text:style-name="T1">crossed</text:span> it out.</text:p></office:text></office:body></office:document>',
      ),
      'struck.fodt',
    );
    for (const { plan, chapters } of [rtf, fodt]) {
      expectEveryWordKept(plan);
      expect(chapters[0]!.body).toBe('She ~~crossed~~ it out.');
    }
  });

  it('refuses an OpenDocument spreadsheet, and a document with no text, naming the file', async () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<office:document-content/>'),
    });
    expect(detectFormat(ods, 'sums.ods').format).toBe('odt');
    await expect(readInput(ods, 'sums.ods')).rejects.toThrow(/^sums\.ods: an OpenDocument file that is not a text document/);
    const broken = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<office:document-content><'),
    });
    await expect(readInput(broken, 'broken.odt')).rejects.toThrow(/^broken\.odt: the OpenDocument text could not be read/);
  });
});

describe('Word documents', () => {
  const p = (text: string, run = '', paragraph = '') =>
    `<w:p>${paragraph ? `<w:pPr>${paragraph}</w:pPr>` : ''}<w:r>${run ? `<w:rPr>${run}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const runs = (...parts: [string, string?][]) =>
    `<w:p>${parts.map(([text, run]) => `<w:r>${run ? `<w:rPr>${run}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`).join('')}</w:p>`;

  it('reads one chapter with direct formatting: italics, underline, small caps, centred lines, scene breaks', async () => {
    const docx = makeDocx([
      p('Chapter 3: The Lake'),
      runs(
        ['The water was '],
        ['black', '<w:i/>'],
        [' and '],
        ['still', '<w:u w:val="single"/>'],
        ['. '],
        ['Opera Ghost', '<w:smallCaps/>'],
        [' waited.'],
      ),
      p('#', '', '<w:jc w:val="center"/>'),
      p('oOo'),
      '<w:p><w:r><w:pict><v:rect style="width:0;height:1.5pt" o:hr="t"/></w:pict></w:r></w:p>',
      p('The End', '', '<w:jc w:val="center"/>'),
      p(''),
    ]);
    const { plan, chapters, story } = await importBytes(docx, 'lake.docx');
    expectEveryWordKept(plan);
    expect(story).toBeUndefined();
    expect(chapters).toHaveLength(1);
    expect(chapters[0]!.front).toMatchObject({ title: 'Chapter 3: The Lake', order: 3 });
    expect(chapters[0]!.body).toBe(
      'The water was *black* and <u>still</u>. <span class="small-caps">Opera Ghost</span> waited.\n\n* * *\n\n* * *\n\n* * *\n\n<div class="center">\n\nThe End\n\n</div>',
    );
  });

  it('splits a whole story at its title lines', async () => {
    const docx = makeDocx([p('Prologue'), p('Before.'), p('Chapter 1'), p('During.'), p('Capítulo 2: Después'), p('After.')]);
    const { plan, chapters } = await importBytes(docx, 'whole.docx');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['prologue', 'Prologue', 'Before.'],
      ['chapter-1', 'Chapter 1', 'During.'],
      ['chapter-2', 'Capítulo 2: Después', 'After.'],
    ]);
  });

  it('reads a plain-text title underlined with = or - as the title alone: no rule for a name, no scene break opening the chapter', async () => {
    const text = 'CHAPTER 1\n=========\nThe keeper lit the lamp.\n\n* * *\n\nLater.\n\nCHAPTER 2\n---------\n\nThe storm came.\n';
    const { plan, chapters } = await importBytes(strToU8(text), 'underlined.txt');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['chapter-1', 'Chapter 1', 'The keeper lit the lamp.\n\n* * *\n\nLater.'],
      ['chapter-2', 'Chapter 2', 'The storm came.'],
    ]);
  });

  it('splits a serial at its numbered interludes and epilogues, each a page of its own where it stands', async () => {
    const text =
      'Chapter 1\n\nOne.\n\nInterlude 1: Lisa\n\nLisa spoke.\n\nChapter 2\n\nTwo.\n\nInterlude 2\n\nNobody spoke.\n\nEpilogue 1\n\nEnd.\n\nEpilogue 2: Ten Years Later\n\nLater.\n';
    const { plan, chapters } = await importBytes(strToU8(text), 'worm.txt');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['chapter-1', 'Chapter 1', 'One.'],
      ['interlude-1-lisa', 'Interlude 1: Lisa', 'Lisa spoke.'],
      ['chapter-2', 'Chapter 2', 'Two.'],
      ['interlude-2', 'Interlude 2', 'Nobody spoke.'],
      ['epilogue-1', 'Epilogue 1', 'End.'],
      ['epilogue-2', 'Epilogue 2: Ten Years Later', 'Later.'],
    ]);
    const order = (slug: string) => chapters.find((chapter) => chapter.slug === slug)!.front.order as number;
    expect(order('interlude-1-lisa')).toBeGreaterThan(order('chapter-1'));
    expect(order('interlude-1-lisa')).toBeLessThan(order('chapter-2'));
    expect(order('epilogue-2')).toBeGreaterThan(order('epilogue-1'));
  });

  it('names the file when it is not a Word document after all', async () => {
    const broken = zipSync({ 'word/document.xml': strToU8('not xml <') });
    await expect(readInput(broken, 'broken.docx')).rejects.toThrow(/^broken\.docx: /);
  });
});

describe('HTML and Markdown', () => {
  it('reads a saved page’s article, its heading as the title', async () => {
    const page =
      '<html><head><title>Site</title></head><body><nav>Home | About</nav><article><h1>Chapter 6: Masks</h1><p>She <i>smiled</i>.</p></article><footer>© Site</footer></body></html>';
    const { plan, chapters, work } = await importBytes(strToU8(page), 'saved.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.front).toMatchObject({ title: 'Chapter 6: Masks', order: 6 });
    expect(chapters[0]!.body).toBe('She *smiled*.');
    expect(work.notices.join()).toMatch(/<article>/);
  });

  it.each([
    ['the comment browsers write', '<!-- saved from url=(0049)https://www.royalroad.com/fiction/1/x/chapter/9 -->'],
    ['its canonical address', '<link rel="canonical" href="https://www.royalroad.com/fiction/1/x/chapter/9">'],
  ])(
    'points a saved page’s links from its site’s root at that site, known by %s; one to a page no chapter here is keeps its words',
    async (_, mark) => {
      const page = `<!DOCTYPE html>${mark}<html><head><title>x</title></head><body><article><h1>Chapter 6: Masks</h1><p>See <a href="/fiction/1/x/chapter/8">the last one</a> and <a href="chapter-5.html">five</a>, <a href="about.html">me</a>.</p></article></body></html>`;
      const { plan, chapters, work } = await importBytes(strToU8(page), 'saved.html');
      expectEveryWordKept(plan);
      // A page of that site no chapter here is keeps its words, a link the story's site could not follow; one named as a chapter stays, for that chapter.
      expect(chapters[0]!.body).toBe('See [the last one](https://www.royalroad.com/fiction/1/x/chapter/8) and [five](chapter-5.html), me.');
      expect(work.notices.join('\n')).toMatch(/pointed 1 link written from the site’s root \(\/…\) at https:\/\/www\.royalroad\.com/);
      expect(work.notices.join('\n')).toMatch(/kept the words of 1 link to other pages \(about\.html…\) that are no chapter imported here/);
    },
  );

  it('reads a whole document saved as a web page (pandoc) as the whole work: its title, author and a chapter a heading', async () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>The Lantern Keeper</title></head><body>
<header id="title-block-header"><h1 class="title">The Lantern Keeper</h1><p class="author">Wren Ashdown</p></header>
<h1 id="chapter-1-wick">Chapter 1: Wick</h1>
<p>She sang:</p>
<div class="line-block">The lamps are lit,<br />
the lake is still.</div>
<h1 id="chapter-2-flame">Chapter 2: Flame</h1>
<p>Erik kept the lamps.</p>
<h1 id="epilogue">Epilogue</h1>
<p>Years later, the lamps still burned.</p>
</body></html>`;
    const { plan, chapters, story, work } = await importBytes(strToU8(page), 'lantern.html');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Lantern Keeper', author: 'Wren Ashdown' });
    expect(chapters.map(({ slug, front }) => [slug, front.title])).toEqual([
      ['chapter-1', 'Chapter 1: Wick'],
      ['chapter-2', 'Chapter 2: Flame'],
      ['epilogue', 'Epilogue'],
    ]);
    // pandoc's line block keeps its lines.
    expect(chapters[0]!.body).toBe('She sang:\n\nThe lamps are lit,\\\nthe lake is still.');
    expect(work.notices.join()).toMatch(/a chapter at each of the 3 chapter headings/);
  });

  it('reads a Google Docs or Word web page the same way, through its wrapper, its title paragraph for story.md', async () => {
    const page = `<html><head><title>Untitled document</title><style>.c1{margin:0}.c4{font-style:italic;color:#000000}.c6{font-weight:700}</style></head><body class="c5"><div class="WordSection1">
<p class="c3 title"><span class="c4">Masks and Lanterns</span></p>
<p class="c1"><span>A note before it all.</span></p>
<h2 class="c2"><span>Chapter 1: Below</span></h2><p class="c1"><span>The lake was still.</span></p>
<h2 class="c2"><span>Chapter 2: Above</span></h2><p class="c1"><span>The stage was </span><span class="c4">so</span><span> </span><span class="c6">bright</span><span>.</span></p>
</div></body></html>`;
    const { plan, chapters, story } = await importBytes(strToU8(page), 'export.html');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'Masks and Lanterns' });
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Below', 'Chapter 2: Above']);
    expect(chapters[0]!.front.authorsNote).toBe('A note before it all.');
    // Its italics and bold, which Google Docs sets by classes of its stylesheet, are kept.
    expect(chapters[1]!.body).toBe('The stage was *so* **bright**.');
  });

  it('keeps a Markdown chapter’s frontmatter and text exactly', async () => {
    const text = '---\ntitle: "Chapter 2: Below"\norder: 2\nauthorsNote: Hi!\n---\n\nThe *text*, exactly\nas written.\n';
    const { chapters } = await importBytes(strToU8(text), 'chapter-2.md');
    expect(chapters[0]!.front).toEqual({ title: 'Chapter 2: Below', order: 2, authorsNote: 'Hi!' });
    expect(chapters[0]!.body).toBe('The *text*, exactly\nas written.');
  });

  it('reads a saved FanFiction.net chapter from its story, not its menus and reviews', async () => {
    const page = `<html><body><div id="top"><a href="/">FanFiction</a> Just In Community Forum</div>
      <div id="profile_top"><b>The Glass Lamp</b> By: Wren · Rated: K+ · Words: 9</div>
      <select id="chap_select"><option>1. Arrival</option><option>2. Departure</option></select>
      <div role="main" aria-label="story content" class="storytextp" id="storytextp"><div class="storytext xcontrast_txt nocopy" id="storytext">
      <p>She came in the rain.</p><p>The lamp was lit.</p></div></div>
      <div id="review">Review this story. Follow/Fav</div></body></html>`;
    const { plan, chapters, work } = await importBytes(strToU8(page), 'chapter-1.html');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('She came in the rain.\n\nThe lamp was lit.');
    expect(work.notices.join('\n')).toMatch(
      /took the text from the page’s <div role="main">; the rest of the page \(menus, links\) is left out/,
    );
  });

  it('takes a Markdown chapter’s opening heading as its title, once: not also in the text', async () => {
    const { plan, chapters } = await importBytes(
      strToU8('# Chapter 3: The Lake\n\nShe swam *far*.\n\n## Later\n\nShe slept.\n'),
      'lake.md',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 3: The Lake', 'She swam *far*.\n\n## Later\n\nShe slept.'],
    ]);
  });

  it('takes no title from a heading shown as code', async () => {
    const { plan, chapters } = await importBytes(strToU8('```\n# Chapter 9: An example\n```\n\nShe swam.\n'), 'chapter-2.md');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 2', '```\n# Chapter 9: An example\n```\n\nShe swam.'],
    ]);
  });

  it('imports a chapter showing code (tags, a line like a link’s definition, marks) with every word, as the page shows it', async () => {
    const text =
      '# Chapter 1\n\nShe typed the page.\n\n```html\n<p id="intro">Hello</p>\n[home]: https://example.org\n**not bold**\n```\n\nThen she saved it.\n';
    const { plan, chapters } = await importBytes(strToU8(text), 'chapter-1.md');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      'She typed the page.\n\n```html\n<p id="intro">Hello</p>\n[home]: https://example.org\n**not bold**\n```\n\nThen she saved it.',
    );
  });

  it('reads a whole story in one Markdown file as a chapter at each chapter heading, code left as written', async () => {
    const text =
      'Thanks to my beta!\n\n# Chapter 1: The Lake\n\nShe swam.\n\n```\n# Chapter 9: not a heading\n```\n\n## Chapter 2: The Shore ##\n\nShe slept.\n';
    const { plan, chapters, work } = await importBytes(strToU8(text), 'story.md');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, front.order, body])).toEqual([
      ['chapter-1', 'Chapter 1: The Lake', 1, 'She swam.\n\n```\n# Chapter 9: not a heading\n```'],
      ['chapter-2', 'Chapter 2: The Shore', 2, 'She slept.'],
    ]);
    expect(chapters[0]!.front.authorsNote).toBe('Thanks to my beta!');
    expect(work.notices).toContain('read a chapter at each of the 2 chapter headings');
    // With a heading that has nothing under it, the file stays one chapter, every word in it.
    const unfinished = await importBytes(strToU8('# Chapter 1\n\nShe swam.\n\n# Chapter 2\n'), 'draft.md');
    expect(unfinished.chapters).toHaveLength(1);
    expectEveryWordKept(unfinished.plan);
  });

  it('reads a heading that numbers its chapter first ("# 1. Bölüm", "# 3. Kapitel") as the heading, not as a list in it', async () => {
    const text = '# 1. Bölüm\n\nDeniz sakindi.\n\n# 2. Bölüm: Fırtına\n\nRüzgar esti.\n\n# 3. Kapitel\n\nDer Wind.\n';
    const { plan, chapters } = await importBytes(strToU8(text), 'story.md');
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
      ['chapter-1', '1. Bölüm', 1],
      ['chapter-2', '2. Bölüm: Fırtına', 2],
      ['chapter-3', '3. Kapitel', 3],
    ]);
  });

  it('takes the heading opening a chapter for its title, out of the text, named as a chapter or not (a Notion page)', async () => {
    const { chapters, plan } = await importBytes(
      strToU8('# The Storm\n\nThe wind rose.\n\n## Later\n\nIt fell.\n'),
      'The Storm 8e3b1c2d4f5a6b7c8d9e0f1a2b3c4d5e.md',
    );
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([['The Storm', 'The wind rose.\n\n## Later\n\nIt fell.']]);
    expectEveryWordKept(plan);
  });

  it('leaves out a Notion page’s properties under its title, and says so', async () => {
    const { chapters, plan, work } = await importBytes(
      strToU8('# The Storm\n\nStatus: Draft\nDate: March 5, 2024\nTags: drama, lake\n\nThe wind rose.\n\nLocation: the pier, at night.\n'),
      'The Storm 8e3b1c2d4f5a6b7c8d9e0f1a2b3c4d5e.md',
    );
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['chapter-1', 'The Storm', 'The wind rose.\n\nLocation: the pier, at night.'],
    ]);
    expect(work.dropped).toEqual(['the page’s Notion properties (“Status”, “Date”, “Tags”), which a chapter has no place for']);
    expectEveryWordKept(plan);
    // The same lines in a file Notion did not name are the text's own.
    const own = await importBytes(strToU8('# The Storm\n\nStatus: Draft\n\nThe wind rose.\n'), 'The Storm.md');
    expect(own.chapters[0]!.body).toBe('Status: Draft\n\nThe wind rose.');
  });

  it('leaves out Obsidian’s comments (%%…%%), on a line or several, and says so; an escaped %% is text', async () => {
    const { plan, chapters, work } = await importBytes(
      new TextEncoder().encode(
        '# Chapter 4\n\nShe lit it. %%fix this%%\n\n%%\nA private\nnote.\n%%\n\nIt was 100\\%% sure, said [[chapter-4|this chapter]].\n',
      ),
      'chapter-4.md',
    );
    // An Obsidian link counts as the words it shows.
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe('She lit it.\n\n\nIt was 100\\%% sure, said [[chapter-4|this chapter]].');
    expect(work.dropped).toEqual(['2 comments in %%…%% (notes to the writer, not the story)']);
  });

  it('puts a folder of a blog’s dated posts in the order they were published; numbered, undated or in order already, as they are', async () => {
    const post = async (name: string, front: string) => ({
      name,
      work: await readInput(new TextEncoder().encode(`---\nlayout: post\n${front}\n---\n\nText of ${name}.\n`), name),
    });
    const byName = [
      await post('a-zebra.md', 'title: Zebra\ndate: 2024-01-08'),
      await post('b-apple.md', 'title: Apple\ndate: 2024-01-15 09:00'),
      await post('c-moon.md', 'title: Moon\ndate: 2024-01-01'),
    ];
    expect(publishedOrder(byName)?.map(({ name }) => name)).toEqual(['c-moon.md', 'a-zebra.md', 'b-apple.md']);
    expect(publishedOrder([byName[2]!, byName[0]!, byName[1]!])).toBeUndefined();
    expect(publishedOrder([...byName, await post('d-undated.md', 'title: Undated')])).toBeUndefined();
    expect(publishedOrder([...byName, await post('e-numbered.md', 'title: "Chapter 2: Numbered"\ndate: 2023-01-01')])).toBeUndefined();
  });

  it('puts a folder of Hugo’s pages in the order of their weight (lighter first, before their dates), and says it read each weight', async () => {
    const page = async (name: string, front: string) => ({
      name,
      work: await readInput(new TextEncoder().encode(`---\n${front}\n---\n\nText of ${name}.\n`), name),
    });
    const byName = [
      await page('arrival.md', 'title: Arrival\nweight: 20\ndate: 2024-01-01'),
      await page('beginning.md', 'title: Beginning\nweight: 10\ndate: 2024-02-01'),
      await page('coda.md', 'title: Coda\nweight: 30'),
    ];
    expect(weightOrder(byName)?.map(({ name }) => name)).toEqual(['beginning.md', 'arrival.md', 'coda.md']);
    expect(byName[0]!.work.notices).toContain(
      'read the file’s weight (20) for its place among the files of its folder, as Hugo orders them',
    );
    expect(byName[0]!.work.dropped.join()).not.toMatch(/weight/);
    expect(weightOrder([byName[1]!, byName[0]!, byName[2]!])).toBeUndefined();
    expect(weightOrder([...byName, await page('unweighed.md', 'title: Unweighed')])).toBeUndefined();
    // A chapter's own order wins, and its weight is said to be left out.
    const ordered = await page('ordered.md', 'title: Ordered\norder: 4\nweight: 1');
    expect(ordered.work.chapters[0]!.weight).toBeUndefined();
  });

  it('reads a blog’s post (Jekyll’s YAML, Hugo’s TOML) as a chapter: its date as published, what a chapter has no place for left out and said', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    // Tags make YAML metadata a whole work's, but beside a layout, or under a chapter's title, they are a post's.
    const jekyll = await importBytes(
      encode(
        '---\nlayout: post\ntitle: "The Storm"\ndate: 2024-03-01 10:00:00 +0000\ncategories: [story]\ntags: [drama]\n---\n\nThe wind rose.\n',
      ),
      '2024-03-01-the-storm.md',
    );
    expect(jekyll.story).toBeUndefined();
    // Its address without the date Jekyll's file names open with.
    expect(jekyll.chapters.map(({ slug, front }) => [slug, front.title, front.published])).toEqual([
      ['the-storm', 'The Storm', '2024-03-01 10:00:00 +0000'],
    ]);
    // Without a date of its own, the file name's, as Jekyll dates posts.
    const undated = await importBytes(encode('---\nlayout: post\ntitle: The Calm\n---\n\nThe wind fell.\n'), '2024-03-08-the-calm.md');
    expect(undated.chapters.map(({ slug, front }) => [slug, front.published])).toEqual([['the-calm', '2024-03-08']]);
    expect(jekyll.work.dropped).toEqual(['the metadata “layout”, “categories”, “tags”, which a chapter has no place for']);
    expect(jekyll.work.notices).toContain('took the file’s date (2024-03-01 10:00:00 +0000) for the chapter’s published date');
    expectEveryWordKept(jekyll.plan);

    const titled = await importBytes(encode('---\ntitle: "Chapter 3: The Storm"\ntags: [drama]\n---\n\nThe wind rose.\n'), 'storm.md');
    expect([titled.story, titled.chapters[0]!.front.title, titled.chapters[0]!.front.order]).toEqual([
      undefined,
      'Chapter 3: The Storm',
      3,
    ]);

    const hugo = await importBytes(
      encode(
        '+++\ntitle = "Chapter 4: Rain"\ndate = 2024-03-08\ndraft = false\ntags = ["rain",\n  "night"]\n+++\n\nRain fell all *night*.\n',
      ),
      'chapter-4.md',
    );
    expect(hugo.chapters.map(({ front, body }) => [front.title, front.order, front.published, front.draft, body])).toEqual([
      ['Chapter 4: Rain', 4, '2024-03-08', false, 'Rain fell all *night*.'],
    ]);
    expect(hugo.work.dropped).toEqual(['the metadata “tags”, which a chapter has no place for']);
    expectEveryWordKept(hugo.plan);
    await expect(importBytes(encode('+++\ntitle = "Chapter 4\n+++\n\nRain.\n'), 'chapter-4.md')).rejects.toThrow(
      /chapter-4\.md:2: the frontmatter between the \+\+\+ lines is not valid TOML .*write it as YAML between --- lines/,
    );
    // A key a chapter has, mistyped, is named for correcting, never left out.
    await expect(importBytes(encode('---\ntitle: Chapter 5\nsumary: The storm.\n---\n\nRain.\n'), 'chapter-5.md')).rejects.toThrow(
      /unknown key "sumary": did you mean summary\?/,
    );
  });

  it('reads MultiMarkdown’s metadata (as Scrivener compiles it) as it reads YAML’s, and a “Note:” line as the text', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const whole = await importBytes(
      encode(
        'Title: The Lamp\nAuthor: Ada Quill\nBase Header Level: 1\nKeywords: lamps,\n   the sea\n\n# Chapter 1: One\n\nMeg lit the lamp.\n\n# Chapter 2: Two\n\nThe square was *quiet*.\n',
      ),
      'lamp.md',
    );
    expectEveryWordKept(whole.plan);
    expect(whole.story?.front).toMatchObject({ title: 'The Lamp', author: 'Ada Quill', tags: ['lamps', 'the sea'] });
    expect(whole.chapters.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: One', 'Meg lit the lamp.'],
      ['Chapter 2: Two', 'The square was *quiet*.'],
    ]);
    expect(whole.work.dropped).toEqual(['the metadata “Base Header Level”, which lays out a printed book']);
    const chapter = await importBytes(encode('Title: The Lamp Lit\nCSS: book.css\n\nMeg lit the lamp.\n'), 'chapter-3.md');
    expect(chapter.chapters.map(({ front, body }) => [front.title, body])).toEqual([['The Lamp Lit', 'Meg lit the lamp.']]);
    expect(chapter.work.dropped).toEqual(['the metadata “CSS”, which a chapter has no place for']);
    const prose = await importBytes(encode('Note: I wrote this in a week.\n\nMeg lit the lamp.\n'), 'chapter-4.md');
    expectEveryWordKept(prose.plan);
    expect(prose.chapters[0]!.body).toBe('Note: I wrote this in a week.\n\nMeg lit the lamp.');
  });

  it('reads a whole story in Markdown with its metadata as pandoc writes it: title, author, lang into story.md, a chapter at each heading titled as written', async () => {
    const { plan, chapters, story } = await importFixture('pandoc/headings.md');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'Der Leuchtturm', author: 'Greta Weiß', language: 'de-DE' });
    expect(chapters.map(({ front }) => front.title)).toEqual(['Erstes Kapitel: Die Ankunft', 'Der Sturm', 'Heimkehr']);
    expect(chapters[1]!.body).toBe('Der Wind kam aus Norden.\n\n## Am Morgen\n\nEs war still.');
  });

  it('reads a Markdown story’s description as its summary and its date as the first chapter’s; a printed book’s settings are left out, and said', async () => {
    const markdown = [
      '---',
      'title: The Glass Lamp',
      'author: [Ada, Byron]',
      'description: A lamp keeper keeps *the* lamps.',
      'keywords: [Angst, Slow Burn]',
      'date: 2024-03-01',
      'geometry: margin=1in',
      '---',
      '',
      '# Chapter 1',
      '',
      'Before.',
      '',
      '# Chapter 2',
      '',
      'After.',
    ].join('\n');
    const { plan, chapters, story, work } = await importBytes(strToU8(markdown), 'lamp.md');
    expectEveryWordKept(plan);
    expect(story?.front).toMatchObject({ title: 'The Glass Lamp', author: 'Ada, Byron', tags: ['Angst', 'Slow Burn'] });
    expect(story?.body).toBe('A lamp keeper keeps *the* lamps.');
    expect(chapters.map(({ front }) => [front.title, front.published])).toEqual([
      ['Chapter 1', '2024-03-01'],
      ['Chapter 2', undefined],
    ]);
    expect(work.dropped).toEqual(['the metadata “geometry”, which lays out a printed book']);
  });

  it('says so of a Markdown story’s status that story.md cannot hold, and keeps one it can', async () => {
    const read = (status: string) =>
      importBytes(
        strToU8(`---\ntitle: T\nauthor: A\nstatus: ${status}\n---\n\n# Chapter 1\n\nBefore.\n\n# Chapter 2\n\nAfter.\n`),
        'lamp.md',
      );
    const ongoing = await read('ongoing');
    expect(ongoing.story?.front.status).toBeUndefined();
    expect(ongoing.work.dropped).toEqual(['the metadata “status”, which story.md has no place for']);
    const complete = await read('complete');
    expect(complete.story?.front).toMatchObject({ status: 'complete' });
    expect(complete.work.dropped).toEqual([]);
  });

  it('refuses a Markdown chapter whose frontmatter is wrong, naming the field', async () => {
    await expect(readInput(strToU8('---\ntitle: Chapter 2\norder: 2\nauthorNote: typo\n---\n\nText.'), 'chapter-2.md')).rejects.toThrow(
      /^chapter-2\.md: .*authorNote.*authorsNote/,
    );
  });
});

/** The fidelity check catches a reader that loses words. */
describe('authors’ notes typed into the text (FanFiction.net has no place for them; Word drafts)', () => {
  it('become each chapter’s notes, labels and all, from an EPUB and a Word document alike; a label in mid-chapter stays prose', async () => {
    const chapter = (title: string, paragraphs: string[]) =>
      `<div class="storytext"><h3>${title}</h3>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const epub = makeEpub({
      version: 2,
      metadata: '<dc:title>The Lamp</dc:title><dc:creator>Ada</dc:creator><dc:language>en</dc:language>',
      spine: [
        {
          path: 'c1.xhtml',
          html: chapter('Chapter 1', [
            '<strong>A/N:</strong> Thanks for the <em>reviews</em>!',
            'He walked.',
            'Then, A/N: nothing.',
            'He stopped.',
            'Author’s Note: More soon.',
            'Please review!',
          ]),
        },
        { path: 'c2.xhtml', html: chapter('Chapter 2', ['<b>Author’s Note:</b>', 'Sorry for the wait.', 'He came back.', 'It was late.']) },
      ],
      toc: [
        { title: 'Chapter 1', href: 'c1.xhtml' },
        { title: 'Chapter 2', href: 'c2.xhtml' },
      ],
    });
    const { chapters, work, plan } = await importBytes(epub, 'the-lamp.epub');
    expect(chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([
      ['Thanks for the *reviews*!', 'He walked.\n\nThen, A/N: nothing.\n\nHe stopped.', 'More soon.\n\nPlease review!'],
      ['Sorry for the wait.', 'He came back.\n\nIt was late.', undefined],
    ]);
    expect(work.notices).toContain(
      'read the labelled notes (“A/N:”, “Author’s Note:”…) and disclaimers opening or closing the text of 2 chapters as their author’s notes',
    );
    expectEveryWordKept(plan);

    // From Markdown too, bold labels and all, the notes as written; a chapter with its own notes keeps its text as it is.
    const markdown = await importBytes(
      strToU8(
        '# Chapter 1\n\n**A/N:** Thanks for the *reviews*!\n\nHe walked.\n\nA/N: More soon.\n\nPlease review!\n\n# Chapter 2\n\nHe came back.\n',
      ),
      'story.md',
    );
    expect(markdown.chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([
      ['Thanks for the *reviews*!', 'He walked.', 'More soon.\n\nPlease review!'],
      [undefined, 'He came back.', undefined],
    ]);
    expectEveryWordKept(markdown.plan);
    const own = await importBytes(
      strToU8('---\ntitle: Chapter 3\nendNote: Bye.\n---\n\nA/N: Hello.\n\nText.\n\nA/N: Later.\n'),
      'chapter-3.md',
    );
    expect(own.chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([
      ['Hello.', 'Text.\n\nA/N: Later.', 'Bye.'],
    ]);

    const docx = await importBytes(
      makeDocx(['Chapter 1', 'A/N: Thanks!', 'He walked.', 'A/N: Bye.'].map((text) => paragraph(text))),
      'chapter-1.docx',
    );
    expect(docx.chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([['Thanks!', 'He walked.', 'Bye.']]);
  });

  it('reads a disclaimer opening a chapter, and the note after it, as the chapter’s note, the disclaimer kept whole; a note early in a short chapter takes no story with it', async () => {
    const text = [
      'Chapter 1: Start',
      'Disclaimer: I do not own the Opera.',
      'A/N: Thanks for reading! Please review.',
      'Meg woke early. The stage was dark.',
      'She waited.',
      'Chapter 2: More',
      'Disclaimer: Still not mine.',
      'The next day came.',
      'Chapter 3: Late',
      'She ran.',
      'A/N: sorry, short one!',
      'The curtain rose.',
      'Nobody saw her.',
    ].join('\n\n');
    const { chapters, plan } = await importBytes(strToU8(text), 'story.txt');
    expect(chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([
      [
        'Disclaimer: I do not own the Opera.\n\nThanks for reading! Please review.',
        'Meg woke early. The stage was dark.\n\nShe waited.',
        undefined,
      ],
      ['Disclaimer: Still not mine.', 'The next day came.', undefined],
      [undefined, 'She ran.\n\nA/N: sorry, short one!\n\nThe curtain rose.\n\nNobody saw her.', undefined],
    ]);
    expectEveryWordKept(plan);
    // In Markdown the same.
    const markdown = await importBytes(strToU8(text.replace(/^Chapter/gm, '# Chapter')), 'story.md');
    expect(markdown.chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual(
      chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote]),
    );
    expectEveryWordKept(markdown.plan);
  });

  it('takes away the rule or break that set a note off from the text, in every format, and keeps those inside the text', async () => {
    const page = await importBytes(
      strToU8(
        '<article><h1>Chapter 3: Crossing</h1><p>A/N: Short one.</p><hr><p>The river was wide.</p><p>-o-o-o-</p><p>Dawn came.</p><p style="text-align:center">-o-o-o-</p><p>A/N: Review please!</p></article>',
      ),
      'chapter-3.html',
    );
    expect(page.chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([
      ['Short one.', 'The river was wide.\n\n* * *\n\nDawn came.', 'Review please!'],
    ]);
    expectEveryWordKept(page.plan);
    const markdown = await importBytes(
      strToU8('# Chapter 4\n\n**A/N:** Short one.\n\n---\n\nThe rain came.\n\n* * *\n\nIt stopped.\n\noOoOo\n\nA/N: Thanks!\n'),
      'chapter-4.md',
    );
    expect(markdown.chapters.map(({ front, body }) => [front.authorsNote, body, front.endNote])).toEqual([
      ['Short one.', 'The rain came.\n\n* * *\n\nIt stopped.', 'Thanks!'],
    ]);
    expectEveryWordKept(markdown.plan);
    // A break that is all the text there is beside the note stays: it is no separator.
    const alone = await importBytes(strToU8('<article><h1>Chapter 5</h1><p>A/N: Hi.</p><p>* * *</p></article>'), 'chapter-5.html');
    expect(alone.chapters.map(({ front, body }) => [front.authorsNote, body])).toEqual([['Hi.', '* * *']]);
  });
});

describe('a FictionBook (.fb2, as ficbook.net and Russian-language libraries give stories)', () => {
  const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const fb2 = (body: string, encoding = 'utf-8') =>
    `<?xml version="1.0" encoding="${encoding}"?>\n<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">\n<description><title-info><genre>fanfiction</genre><author><first-name>Анна</first-name><last-name>Фонарёва</last-name></author><book-title>Фонарщица</book-title><annotation><p>О фонарях и <emphasis>море</emphasis>.</p></annotation><keywords>Драма, Повседневность</keywords><lang>ru</lang><coverpage><image l:href="#cover.png"/></coverpage><sequence name="Огни" number="2"/></title-info><document-info><program-used>ficbook.net</program-used></document-info></description>\n${body}\n<binary id="cover.png" content-type="image/png">${pixel}</binary>\n</FictionBook>\n`;

  it('reads the description into story.md, a chapter at each section with text, its notes as footnotes, its pictures', async () => {
    const { work, story, chapters, plan } = await importBytes(
      new TextEncoder().encode(
        fb2(
          '<body><title><p>Фонарщица</p></title>' +
            '<section><title><p>Глава первая</p><p>Начало</p></title><p>Она шла по <strong>улице</strong>.</p><empty-line/><p>Никто не ответил<a l:href="#n1" type="note">[1]</a>.</p><subtitle>* * *</subtitle><p>Утро.</p><poem><stanza><v>Строка один,</v><v>строка два.</v></stanza></poem></section>' +
            // A part: its sections numbered only take its name.
            '<section><title><p>Часть вторая</p></title><section><title><p>I</p></title><p>Ночь была <emphasis>тёмной</emphasis>.</p><image l:href="#cover.png"/></section><section><title><p>II</p></title><p>Рассвет.</p></section></section>' +
            '</body><body name="notes"><title><p>Примечания</p></title><section id="n1"><title><p>1</p></title><p>Примечание автора.</p></section></body>',
        ),
      ),
      'Фонарщица.fb2',
    );
    expect(work.format).toBe('FictionBook (FB2)');
    expect(story!.front).toMatchObject({
      title: 'Фонарщица',
      author: 'Анна Фонарёва',
      language: 'ru',
      tags: ['Драма', 'Повседневность'],
      series: { title: 'Огни', part: 2 },
      cover: 'images/cover.png',
    });
    expect(story!.body.trim()).toBe('О фонарях и *море*.');
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order])).toEqual([
      ['chapter-1', 'Глава 1: Начало', 1],
      ['chapter-2', 'Часть вторая — I', 2],
      ['chapter-3', 'Часть вторая — II', 3],
    ]);
    expect(chapters[0]!.body).toBe(
      'Она шла по **улице**.\n\n* * *\n\nНикто не ответил[^1].\n\n* * *\n\nУтро.\n\n:::verse\nСтрока один,\\\nстрока два.\n:::\n\n[^1]: Примечание автора.',
    );
    expect(chapters[1]!.body).toBe('Ночь была *тёмной*.\n\n![](images/cover.png)');
    expect(work.dropped).toEqual([
      'the book’s genre codes (<genre>), which story.md has no place for',
      'the e-book’s own details (who made the file, with what program; its publisher)',
    ]);
    expectEveryWordKept(plan);
  });

  it('reads a part over chapters numbered anew as the part its first chapter opens, that chapter opening with the part’s epigraph and annotation', async () => {
    const { plan, chapters } = await importBytes(
      new TextEncoder().encode(
        fb2(
          '<body>' +
            '<section><title><p>Часть первая</p></title><epigraph><p>Свет во тьме светит.</p><text-author>Иоанн</text-author></epigraph>' +
            '<section><title><p>Глава 1</p><p>Письмо</p></title><p>Письмо пришло.</p></section><section><title><p>Глава 2</p></title><p>Путь.</p></section></section>' +
            '<section><title><p>Часть вторая</p></title><annotation><p>Здесь всё меняется.</p></annotation><section><title><p>Глава 1</p></title><p>Снова в путь.</p></section></section>' +
            '</body>',
        ),
      ),
      'Маяк.fb2',
    );
    expectEveryWordKept(plan);
    expect(chapters.map(({ slug, front, body }) => [slug, front.order, front.title, front.part, body])).toEqual([
      ['chapter-1', 1, 'Глава 1: Письмо', 'Часть первая', '> Свет во тьме светит.\n>\n> Иоанн\n\nПисьмо пришло.'],
      ['chapter-2', 2, 'Глава 2', undefined, 'Путь.'],
      ['part-2-chapter-1', 3, 'Глава 1', 'Часть вторая', 'Здесь всё меняется.\n\nСнова в путь.'],
    ]);
  });

  it('reads an empty line between paragraphs as the scene break FictionBook has no other way to write, unless the book spaces every paragraph so', async () => {
    const section = (text: string) => `<section><title><p>Глава 1</p></title>${text}</section>`;
    const breaks = await importBytes(
      strToU8(
        fb2(
          `<body>${section('<empty-line/><p>Ночь.</p><p>Тихо.</p><empty-line/><empty-line/><p>Утро.</p><cite><p>Цитата.</p><empty-line/><p>Ещё.</p></cite><p>Конец.</p><empty-line/>')}</body>`,
        ),
      ),
      'breaks.fb2',
    );
    expect(breaks.chapters[0]!.body).toBe('Ночь.\n\nТихо.\n\n* * *\n\nУтро.\n\n> Цитата.\n>\n> Ещё.\n\nКонец.');
    expect(breaks.work.notices).toContain('read 1 empty line (<empty-line/>) between paragraphs as a scene break');
    expect(breaks.work.notices).toContain('left out 3 empty lines (<empty-line/>): paragraphs are set apart without them');
    const spaced = await importBytes(
      strToU8(fb2(`<body>${section('<p>Ночь.</p><empty-line/><p>Тихо.</p><empty-line/><p>Утро.</p>')}</body>`)),
      'spaced.fb2',
    );
    expect(spaced.chapters[0]!.body).toBe('Ночь.\n\nТихо.\n\nУтро.');
    expectEveryWordKept(breaks.plan);
    // A list typed as paragraphs, spaced by empty lines (as pandoc writes one): a list, no break
    // between its items; a break after it, and between two lines of dialogue, stays.
    const list = await importBytes(
      strToU8(
        fb2(
          `<body>${section('<p>Взять:</p><p>• лампу;</p><empty-line/><p>• масло.</p><empty-line/><p>1. Зажечь.</p><empty-line/><p>2. Ждать.</p><empty-line/><p>— Ночь, — сказала она.</p><empty-line/><p>— Утро.</p>')}</body>`,
        ),
      ),
      'list.fb2',
    );
    expect(list.chapters[0]!.body).toBe(
      'Взять:\n\n- лампу;\n- масло.\n\n1\\. Зажечь.\n\n2\\. Ждать.\n\n* * *\n\n— Ночь, — сказала она.\n\n* * *\n\n— Утро.',
    );
  });

  it('reads a chapter whose text is all in sections under it as that chapter, and a title with nothing under it as a heading, never a chapter of no text', async () => {
    const { chapters, work, plan } = await importBytes(
      strToU8(
        fb2(
          '<body><section><title><p>Chapter One</p></title><section><title><p>At the lake</p></title><p>Water.</p></section>' +
            '<section><title><p>At night</p></title><p>Dark.</p></section></section>' +
            '<section><title><p>Chapter Two</p></title><p>Morning.</p></section><section><title><p>The end of the day</p></title><empty-line/></section>' +
            '<section><title><p>Part Two</p></title><section><title><p>Chapter Three</p></title><p>Later.</p></section></section></body>',
        ),
      ),
      'nested.fb2',
    );
    expect(chapters.map(({ front, body }) => [front.title, front.part, body])).toEqual([
      ['Chapter 1', undefined, '## At the lake\n\nWater.\n\n## At night\n\nDark.'],
      ['Chapter 2', undefined, 'Morning.\n\n## The end of the day'],
      ['Chapter 3', 'Part Two', 'Later.'],
    ]);
    expect(work.notices.join('\n')).toMatch(/kept 3 sections .*“At the lake”, “At night”, “The end of the day”/);
    expectEveryWordKept(plan);
  });

  it('keeps words written loose among a section’s paragraphs (as pandoc writes a block FictionBook has no element for) as a paragraph where they stood', async () => {
    const { chapters, plan } = await importBytes(
      strToU8(
        fb2(
          '<body><section><title><p>Chapter 1</p></title><p>Before.</p>Loose <strong>bold</strong> words.<p>After.</p>\n<epigraph>Quoted <emphasis>loose</emphasis>.</epigraph></section></body>',
        ),
      ),
      'loose.fb2',
    );
    expect(chapters[0]!.body).toBe('Before.\n\nLoose **bold** words.\n\nAfter.\n\n> Quoted *loose*.');
    expectEveryWordKept(plan);
  });

  it('reads one in Windows-1251 or zipped (story.fb2.zip) alike, and names the line of a broken one', async () => {
    const book = fb2('<body><section><title><p>Глава 1</p></title><p>Ночь.</p></section></body>', 'windows-1251');
    // Windows-1251 has А–я at 0xC0–0xFF and ё at 0xB8, ASCII as ASCII.
    const cp1251 = Uint8Array.from([...book], (char) =>
      char === 'ё' ? 0xb8 : /[А-я]/.test(char) ? char.charCodeAt(0) - 0x410 + 0xc0 : char.charCodeAt(0),
    );
    const { chapters, story } = await importBytes(cp1251, 'book.fb2');
    expect(story!.front.author).toBe('Анна Фонарёва');
    expect(chapters.map(({ front, body }) => [front.title, body])).toEqual([['Глава 1', 'Ночь.']]);
    const zipped = await importBytes(
      zipSync({ 'Фонарщица.fb2': strToU8(fb2('<body><section><p>Ночь.</p></section></body>')) }),
      'story.fb2.zip',
    );
    expect(zipped.chapters.map(({ front }) => front.title)).toEqual(['Фонарщица']);
    await expect(importBytes(strToU8(fb2('<body><section><p>Ночь.</section></body>')), 'book.fb2')).rejects.toThrow(
      /^book\.fb2:4: the file is not well-formed XML/,
    );
  });
});

describe('a chapter’s page saved from a blog (a WordPress-hosted serial)', () => {
  it('is the post’s entry, titled and dated as the post is, without the blog’s boxes and the links between chapters', async () => {
    const page = `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Chapter 3: The Boat &#8211; The Lamp Serial</title></head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">The Lamp Serial</a></p><nav><ul><li><a href="/toc/">Table of Contents</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-chapters">
<header class="entry-header"><h1 class="entry-title">Chapter 3: The Boat</h1><div class="entry-meta"><span class="posted-on">Posted on <a href="/2024/03/15/"><time class="entry-date published" datetime="2024-03-15T10:00:00+00:00">March 15, 2024</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/ada/">Ada</a></span></span></div></header>
<div class="entry-content">
<p><a href="/chapter-2/">Previous Chapter</a> | <a href="/chapter-4/">Next Chapter</a></p>
<p>The boat came in at dawn, its lamp still lit.</p>
<p>Meg waited on the pier.</p>
<p style="text-align:center;"><a href="/chapter-2/">Previous Chapter</a> | <a href="/toc/">Table of Contents</a> | <a href="/chapter-4/">Next Chapter</a></p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="?share=twitter">Twitter</a></li><li><a href="?share=facebook">Facebook</a></li></ul></div>
<div id="jp-post-flair"><div class="sharedaddy sd-like"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder"><span class="loading">Loading...</span></div></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/chapters/">Chapters</a></span><span class="comments-link"><a href="#respond">Leave a comment</a></span></footer>
</article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/chapter-2/">Chapter 2: The Shore</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on &ldquo;Chapter 3: The Boat&rdquo;</h2><ol class="comment-list"><li><p>Loved it!</p></li></ol></div>
</main></div></body></html>
`;
    const { chapters, work, plan } = await importBytes(strToU8(page), 'chapter-3.html');
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, front.published, body])).toEqual([
      ['chapter-3', 'Chapter 3: The Boat', '2024-03-15', 'The boat came in at dawn, its lamp still lit.\n\nMeg waited on the pier.'],
    ]);
    expect(work.dropped).toEqual([
      'the blog’s share, like and related-posts boxes',
      'the links between chapters (“Previous Chapter”, “Next Chapter”…), which the site makes itself',
    ]);
    expectEveryWordKept(plan);
    // A post titled as no chapter heading is, as serials title theirs, keeps its title: the post's, not the page's.
    const titled = await importBytes(
      strToU8(
        '<html><head><title>Gestation 1.1 – Worm</title></head><body><article><h1 class="entry-title">Gestation 1.1</h1><div class="entry-content"><p>Brief.</p></div></article></body></html>',
      ),
      'gestation.html',
    );
    expect(titled.chapters.map(({ front }) => front.title)).toEqual(['Gestation 1.1']);
    // A page of several posts (a blog's front page) is refused: reading its first would lose the others unsaid.
    const post = (title: string) =>
      `<article class="post hentry"><h2 class="entry-title">${title}</h2><div class="entry-content"><p>Text of ${title}.</p></div></article>`;
    await expect(importBytes(strToU8(`<html><body>${post('Chapter 2')}${post('Chapter 1')}</body></html>`), 'blog.html')).rejects.toThrow(
      /^blog\.html: a blog's page of 2 posts .*save each chapter's own page/,
    );
    // Tumblr's page of several posts too; but readers' comments, article or not, are no posts.
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const tumblr = `<html><body><article class="post"><p>${words(60)}</p></article><article class="post"><p>${words(60)}</p></article></body></html>`;
    await expect(importBytes(strToU8(tumblr), 'tumblr.html')).rejects.toThrow(/^tumblr\.html: a blog's page of 2 posts/);
    const withComments = `<html><body><article><h1>Chapter 4</h1><p>${words(80)}</p></article><div id="comments"><article class="comment-body"><p>${words(60)}</p></article></div></body></html>`;
    expect((await importBytes(strToU8(withComments), 'chapter-4.html')).chapters).toHaveLength(1);
    // A post's page showing excerpts of other posts around it is the one post.
    const excerpt = `<article class="post"><h3>Chapter 9</h3><div class="entry-summary"><p>${words(60)}</p></div></article>`;
    const single = `<html><body><article class="post hentry"><h1 class="entry-title">Chapter 4</h1><div class="entry-content"><p>${words(80)}</p></div></article><aside>${excerpt}${excerpt}</aside></body></html>`;
    expect((await importBytes(strToU8(single), 'chapter-4.html')).chapters.map(({ front }) => front.title)).toEqual(['Chapter 4']);
    const plain = `<html><body><article><h1>Chapter 4</h1><p>${words(80)}</p></article><div class="related-stories">${excerpt}${excerpt}</div></body></html>`;
    expect((await importBytes(strToU8(plain), 'chapter-4.html')).chapters.map(({ front }) => front.title)).toEqual(['Chapter 4']);
  });
});

describe('a forum thread’s page in reader mode (SpaceBattles, Sufficient Velocity)', () => {
  it('reads each threadmarked post as a chapter, its paragraphs apart by blank lines as posts write them, the forum around them left out', async () => {
    const page = `<html><head><title>The Lantern Keeper (Phantom of the Opera) | Reader | Sufficient Velocity</title></head><body>
<div class="p-body-header"><h1 class="p-title-value">The Lantern Keeper (Phantom of the Opera)</h1></div>
<div class="block-body">
<article class="message message--post hasThreadmark js-post" data-author="Ada" id="js-post-1">
 <div class="message-inner"><div class="message-cell message-cell--user"><h4 class="message-name">Ada</h4><div class="message-userTitle">Writer</div></div>
 <div class="message-cell message-cell--main"><div class="message-main">
  <div class="message-cell--threadmark-header"><span class="threadmarkLabel">Chapter 1: Wick</span></div>
  <header class="message-attribution"><time datetime="2024-03-01T10:00:00+0000">Mar 1, 2024</time></header>
  <div class="message-content"><div class="message-userContent"><article class="message-body js-selectToQuote"><div class="bbWrapper">Erik had kept the lamps for eleven years.<br />
<br />
Nobody had noticed him at all.<br />
<br />
<b>Tonight</b> was different.</div></article></div></div>
  <footer class="message-footer"><div class="reactionsBar">Meg, Christine and 12 others like this</div></footer>
 </div></div></div>
</article>
<article class="message message--post hasThreadmark js-post" data-author="Ada" id="js-post-2">
 <div class="message-inner"><div class="message-cell message-cell--main"><div class="message-main">
  <div class="message-cell--threadmark-header"><span class="threadmarkLabel">Chapter 2: Flame</span></div>
  <div class="message-content"><div class="message-userContent"><article class="message-body"><div class="bbWrapper">The flame rose.<br />
<br />
<div class="bbCodeBlock bbCodeBlock--unfurl"></div><i>He smiled.</i></div></article></div></div>
 </div></div></div>
</article>
</div></body></html>
`;
    const { work, story, chapters, plan } = await importBytes(strToU8(page), 'reader.html');
    expect(work.format).toBe('HTML (forum thread)');
    expect(story!.front).toMatchObject({ title: 'The Lantern Keeper (Phantom of the Opera)', author: 'Ada' });
    expect(chapters.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      [
        'chapter-1',
        'Chapter 1: Wick',
        'Erik had kept the lamps for eleven years.\n\nNobody had noticed him at all.\n\n**Tonight** was different.',
      ],
      ['chapter-2', 'Chapter 2: Flame', 'The flame rose.\n\n*He smiled.*'],
    ]);
    // Every word of every post: a page of several is never read as its first alone.
    expectEveryWordKept(plan);
    expect(plan.fidelity.source).toBe(22);

    // A thread's own page: readers' replies between the story's posts are no chapters.
    const reply =
      '<article class="message message--post js-post" data-author="Meg"><div class="bbWrapper">Great chapter! More please.</div></article>';
    const thread = await importBytes(
      strToU8(page.replace('<article class="message message--post hasThreadmark js-post" data-author="Ada" id="js-post-2">', `${reply}$&`)),
      'thread.html',
    );
    expect(thread.chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: Wick', 'Chapter 2: Flame']);
    expect(thread.work.dropped).toContain('1 reply by readers, between the story’s posts');
    expectEveryWordKept(thread.plan);
  });
});

describe('a WordPress export (a web serial’s site)', () => {
  /** A WXR file as WordPress's Tools → Export writes it: the site, its author, then its items. */
  const wxr = (
    items: string,
    channel = '<title>The Lamp Serial</title><description>Just another WordPress site</description><language>en-GB</language>',
  ) =>
    new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>${channel}\n<wp:wxr_version>1.2</wp:wxr_version>\n<wp:author><wp:author_login><![CDATA[ada]]></wp:author_login><wp:author_display_name><![CDATA[Ada Quill]]></wp:author_display_name></wp:author>\n${items}\n</channel>\n</rss>\n`,
    );
  const item = (title: string, fields: Record<string, string>, content: string, more = '') =>
    `<item><title><![CDATA[${title}]]></title><dc:creator><![CDATA[ada]]></dc:creator><content:encoded><![CDATA[${content}]]></content:encoded>${Object.entries(
      fields,
    )
      .map(([name, value]) => `<wp:${name}><![CDATA[${value}]]></wp:${name}>`)
      .join('')}${more}</item>\n`;
  const post = (title: string, date: string, content: string, status = 'publish', more = '') =>
    item(title, { post_date: date, status, post_type: 'post' }, content, more);

  it('reads each post as a chapter, in the order published, with its date, its paragraphs and line breaks as WordPress shows them', async () => {
    const { work, chapters, story, plan } = await importBytes(
      wxr(
        // Exports list the newest first, or by id: the order is the dates'.
        post(
          'Chapter 2: The Shore',
          '2024-03-08 10:00:00',
          '<!-- wp:paragraph -->\n<p>She slept on the <em>shore</em>.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->\n\n<!-- wp:paragraph -->\n<p>Morning came.</p>\n<!-- /wp:paragraph -->',
          'publish',
          '<wp:comment><wp:comment_content><![CDATA[Loved it!]]></wp:comment_content></wp:comment><wp:comment><wp:comment_content><![CDATA[More!]]></wp:comment_content></wp:comment>',
        ) +
          // The classic editor's text: blank lines are paragraphs, a newline a line break.
          post(
            'Chapter 1: The Lake',
            '2024-03-01 18:30:00',
            'She swam across the lake.\n\nRoses are red,\nthe lake is cold.\n\n[caption id="attachment_7" align="alignnone"]<img src="lake.jpg" alt="The lake"> The lake at dawn[/caption]',
          ) +
          item('About', { status: 'publish', post_type: 'page' }, '<p>I write serials.</p>') +
          item('lake.jpg', { status: 'inherit', post_type: 'attachment' }, '') +
          post('Chapter 3: The Boat', '2099-01-01 09:00:00', '<p>A boat.</p>', 'future') +
          post('Chapter 4: The Island', '2024-04-01 09:00:00', '<p>Not yet.</p>', 'draft'),
      ),
      'lampserial.WordPress.2024-04-01.xml',
    );
    expect(work.format).toBe('WordPress export');
    expect(story!.front).toEqual({ title: 'The Lamp Serial', author: 'Ada Quill', language: 'en-GB' });
    // The default tagline is no summary.
    expect(story!.body.trim()).toBe('');
    expect(chapters.map(({ slug, front }) => [slug, front.title, front.order, front.published, front.draft])).toEqual([
      ['chapter-1', 'Chapter 1: The Lake', 1, '2024-03-01', undefined],
      ['chapter-2', 'Chapter 2: The Shore', 2, '2024-03-08', undefined],
      ['chapter-3', 'Chapter 3: The Boat', 3, '2099-01-01', undefined],
      ['chapter-4', 'Chapter 4: The Island', 4, undefined, true],
    ]);
    expect(chapters[0]!.body).toBe(
      'She swam across the lake.\n\nRoses are red,\\\nthe lake is cold.\n\n![The lake](lake.jpg) The lake at dawn',
    );
    expect(chapters[1]!.body).toBe('She slept on the *shore*.\n\n* * *\n\nMorning came.');
    expect(work.dropped).toEqual(['the site’s page “About”, which is no post', '2 readers’ comments, which stay on WordPress']);
    expect(work.notices).toEqual(
      expect.arrayContaining([
        'read the 4 posts as chapters, in the order they were published, each dated as WordPress dated it',
        'kept 1 post WordPress had not published as draft (draft: true)',
        'kept 1 scheduled post scheduled: each goes live on its date',
      ]),
    );
    expectEveryWordKept(plan);
  });

  it('leaves out the links between chapters each post carries, and nothing of the story', async () => {
    const links = '<p><a href="https://lamp.blog/1/">Previous Chapter</a> | <a href="https://lamp.blog/3/">Next Chapter</a></p>';
    const { chapters, work, plan } = await importBytes(
      wxr(
        post(
          'Chapter 2',
          '2024-03-08 10:00:00',
          `${links}\n\n<p>She read the <a href="https://lamp.blog/1/">last chapter</a> twice.</p>\n\n<p><a href="https://lamp.blog/next/">Next</a></p>\n\n${links}`,
        ),
      ),
      'export.xml',
    );
    expect(chapters[0]!.body).toBe('She read the [last chapter](https://lamp.blog/1/) twice.');
    expect(work.dropped).toContain(
      'the links between chapters (“Previous Chapter”, “Next Chapter”…) at the top or bottom of 1 post, which the site makes itself',
    );
    expectEveryWordKept(plan);
  });

  it('reads what WordPress lets into an export that XML forbids (a pasted line break, a bare &), and names the line of a broken one', async () => {
    const { chapters, story, plan } = await importBytes(
      wxr(post('Chapter 1', '2024-03-01 10:00:00', 'She swam\vacross. Tom &amp; Meg\fwaved.'), '<title>Tom & Meg</title>'),
      'export.xml',
    );
    expect(story!.front.title).toBe('Tom & Meg');
    expect(chapters[0]!.body).toBe('She swam\\\nacross. Tom & Meg\n\nwaved.');
    expectEveryWordKept(plan);
    await expect(importBytes(wxr('<item><title>Oops</item>'), 'export.xml')).rejects.toThrow(
      /^export\.xml:6: the file is not well-formed XML \(.*\); export it again/,
    );
  });

  it('refuses an export with no post, and a news feed, saying what to export instead', async () => {
    await expect(importBytes(wxr(''), 'site.xml')).rejects.toThrow(/site\.xml: a WordPress export that holds no post/);
    const rss = new TextEncoder().encode(
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title><item><title>Chapter 1</title><description>&lt;p&gt;Short.&lt;/p&gt;</description></item></channel></rss>',
    );
    await expect(importBytes(rss, 'feed.xml')).rejects.toThrow(/feed\.xml: a news feed, which holds a site's latest posts only/);
    const atom = new TextEncoder().encode(
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><entry><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>',
    );
    await expect(importBytes(atom, 'atom.xml')).rejects.toThrow(/atom\.xml: a news feed/);
  });
});

describe('the word check on an import', () => {
  it('reports a loss, with the passage', async () => {
    const work = await readInput(strToU8('Chapter 1\n\nThe lamp was already burning.'), 'chapter-1.txt');
    const lossy: ImportedWork = { ...work, source: `${work.source}\n\nA paragraph the reader dropped.` };
    const plan = await planImport(lossy, []);
    expect(plan.fidelity.kept).toBeLessThan(plan.fidelity.source);
    expect(plan.fidelity.firstLoss).toMatch(/paragraph the reader dropped/);
  });
});

describe('a manuscript of the author’s own, in Word', () => {
  const manuscript: [string, string][] = [
    ['Dedication', 'For my mother.'],
    ['Chapter 1: The Storm', 'The first chapter.'],
    ['Chapter 2: The Road', 'The second chapter.'],
    ['Acknowledgments', 'Thanks to my editor.'],
    ['About the Author', 'Mira lives by the sea.'],
  ];
  it.each([
    ['Word', () => makeDocx(manuscript.flatMap(([heading, text]) => [paragraph(heading, 'Heading1'), paragraph(text)])), 'salt-road.docx'],
    [
      'a web page',
      () => strToU8(`<html><body>${manuscript.map(([heading, text]) => `<h1>${heading}</h1><p>${text}</p>`).join('')}</body></html>`),
      'salt-road.html',
    ],
  ])(
    'in %s: reads a dedication above the chapters as the story’s notes, acknowledgements and about the author after them as its end notes, not chapters',
    async (_, make, name) => {
      const { plan, chapters, story, work } = await importBytes(make(), name);
      expectEveryWordKept(plan);
      expect(chapters.map(({ front, body }) => [front.title, front.authorsNote, body])).toEqual([
        ['Chapter 1: The Storm', undefined, 'The first chapter.'],
        ['Chapter 2: The Road', undefined, 'The second chapter.'],
      ]);
      expect(story?.front).toMatchObject({
        notes: '# Dedication\n\nFor my mother.',
        endNotes: '# Acknowledgments\n\nThanks to my editor.\n\n# About the Author\n\nMira lives by the sea.',
      });
      expect(work.notices).toEqual(
        expect.arrayContaining([
          'read “Dedication” above the chapters as the story’s notes',
          'read “Acknowledgments”, “About the Author” after the chapters as the story’s end notes, not chapters',
        ]),
      );
    },
  );

  it('keeps acknowledgements as the chapter they are when the work has one chapter besides', async () => {
    const docx = makeDocx([
      paragraph('Chapter 1: The Storm', 'Heading1'),
      paragraph('The only chapter.'),
      paragraph('Acknowledgments', 'Heading1'),
      paragraph('Thanks to my editor.'),
    ]);
    const { plan, chapters } = await importBytes(docx, 'one.docx');
    expectEveryWordKept(plan);
    expect(chapters.map(({ front }) => front.title)).toEqual(['Chapter 1: The Storm', 'Acknowledgments']);
  });
});

describe('a passage in another language than the story’s', () => {
  it('stays marked as that language (a foreign phrase, a prayer, a row of a table), and the story’s own language said again is not', async () => {
    const epub = makeEpub({
      version: 3,
      metadata: '<dc:title>Orchard</dc:title><dc:creator>Wren</dc:creator><dc:language>en-GB</dc:language>',
      spine: [
        {
          path: 'c1.xhtml',
          html:
            '<h1>Chapter 1</h1><p>She said <i xml:lang="fr">bonjour</i> to the <span lang="en-US">color</span> guard.</p>' +
            '<div lang="he"><p>שלום עולם.</p><p>Then <span lang="en">Amen</span>.</p></div>' +
            '<table><tr lang="de"><td>Apfel</td></tr></table><ul><li lang="ja">林檎</li></ul><p lang="und">Plain.</p>',
        },
      ],
      toc: [{ title: 'Chapter 1', href: 'c1.xhtml' }],
    });
    const { chapters, plan } = await importBytes(epub, 'orchard.epub');
    expectEveryWordKept(plan);
    expect(chapters[0]!.body).toBe(
      [
        'She said <span lang="fr">*bonjour*</span> to the color guard.',
        '<div lang="he">',
        'שלום עולם.',
        'Then <span lang="en">Amen</span>.',
        '</div>',
        '|                              |\n| ---------------------------- |\n| <span lang="de">Apfel</span> |',
        '- <span lang="ja">林檎</span>',
        'Plain.',
      ].join('\n\n'),
    );
  });
});
