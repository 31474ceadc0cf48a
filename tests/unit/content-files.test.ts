import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentFileError, imageLookup, pictureFiles, readContentFile, scanChapters } from '../../src/source/content-files';
import { problems } from '../../src/core/problems';
import { holdsSample } from '../../src/cli/support/sample';
import { fixtureStory, sampleStory } from '../support/sites';

const root = mkdtempSync(join(tmpdir(), 'quire-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const chapter = '---\ntitle: One\norder: 1\n---\n\nText.\n';

describe('which files are chapters', () => {
  const dir = join(root, 'content');
  mkdirSync(join(dir, 'chapters', 'old'), { recursive: true });
  mkdirSync(join(dir, 'chapters', 'book-2', 'part-1'), { recursive: true });
  mkdirSync(join(dir, 'chapters', 'art'), { recursive: true });
  writeFileSync(join(dir, 'chapters', 'art', 'map.png'), '');
  writeFileSync(join(dir, 'chapters', 'book-2', 'part-1', 'chapter-9.md'), chapter);
  for (const name of [
    'chapter-1.md',
    'Chapter-2.MD',
    'chapter-3.markdown',
    'chapter-4.md.txt',
    '.chapter-6.md',
    'chapter-1.md~',
    'cover.jpg',
    'outline.pdf',
    '.DS_Store',
  ]) {
    writeFileSync(join(dir, 'chapters', name), chapter);
  }
  symlinkSync(join(dir, 'nowhere.md'), join(dir, 'chapters', 'chapter-5.md'));
  const scan = scanChapters(dir, (path) => path.slice(dir.length + 1));

  it('are the .md files directly in chapters/', () => {
    expect(scan.files.map((path) => path.slice(dir.length + 1))).toEqual(['chapters/chapter-1.md']);
  });

  it('and a file meant as one but named otherwise, or a link to nothing, is a problem that says how to fix it', () => {
    expect(scan.problems.filter((problem) => !problem.startsWith('chapters/book-2/'))).toEqual([
      'chapters/Chapter-2.MD: chapter files must end in .md; rename it to Chapter-2.md (or import it: npm run import -- chapters/Chapter-2.MD)',
      expect.stringMatching(/^chapters\/chapter-3\.markdown: chapter files must end in \.md; rename it to chapter-3\.md/),
      expect.stringMatching(/^chapters\/chapter-4\.md\.txt: chapter files must end in \.md; rename it to chapter-4\.md/),
      'chapters/chapter-5.md: a link to a file that does not exist; fix or remove it',
    ]);
  });

  it('and so is a folder holding chapter files, which would not be published', () => {
    expect(scan.problems.find((problem) => problem.startsWith('chapters/book-2/'))).toBe(
      'chapters/book-2/: holds a chapter file (part-1/chapter-9.md), but chapters are the .md files directly in chapters/, so it would not be published; move it into chapters/ (order: in each keeps the reading order; two files of one name need a slug: each), or keep notes outside the content folder',
    );
  });

  it('while hidden files, backups, other files and folders are skipped, each said', () => {
    expect(scan.skipped).toEqual([
      'chapters/.chapter-6.md: a hidden file; rename it without the leading dot to make it a chapter',
      'chapters/chapter-1.md~: a backup file',
      'chapters/old/: a folder; chapters are the .md files directly in chapters/',
      'chapters/outline.pdf: not a chapter file (chapters end in .md)',
    ]);
  });

  it('and so are a chapter saved beside story.md and a document dropped there or among the chapters, each with where it goes', () => {
    const beside = join(root, 'beside');
    mkdirSync(join(beside, 'chapters'), { recursive: true });
    for (const name of ['story.md', 'README.md', 'chapter-9.md', 'chapter-10.docx', 'imported-from.yaml', '.hidden.md'])
      writeFileSync(join(beside, name), '');
    writeFileSync(join(beside, 'chapters', 'chapter-1.md'), '');
    writeFileSync(join(beside, 'chapters', 'chapter-11.odt'), '');
    expect(scanChapters(beside, (path) => path.slice(beside.length + 1)).skipped).toEqual([
      'chapters/chapter-11.odt: not a chapter file (chapters end in .md); import it as one: npm run import -- chapters/chapter-11.odt',
      'chapter-10.docx: not published; import it as a chapter: npm run import -- chapter-10.docx',
      'chapter-9.md: beside story.md, so not published; move it into chapters/ to make it a chapter',
    ]);
  });

  it('and a picture beside the chapters, or a folder of them, is nothing skipped: the chapters show it (![](cover.jpg)), and it is published', () => {
    expect(scan.skipped.join('\n')).not.toMatch(/cover\.jpg|art/);
    expect(pictureFiles(dir)).toEqual(['chapters/art/map.png', 'chapters/cover.jpg']);
  });
});

describe('reading a content file', () => {
  const file = (name: string, bytes: string | Uint8Array) => {
    const path = join(root, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('splits the frontmatter from the text, keeping dates as written and the body’s first line', () => {
    const read = readContentFile(file('a.md', '---\ntitle: One\npublished: 2026-02-30\n---\n\nText.\n'), 'a.md');
    expect(read.frontmatter).toEqual({ title: 'One', published: '2026-02-30' });
    expect(read.body).toBe('\nText.\n');
    expect(read.bodyLine).toBe(5);
  });

  it('refuses frontmatter that would go unread: never closed, below blank lines, or TOML; a file without any is a body alone', () => {
    expect(() => readContentFile(file('open.md', '---\ntitle: One\norder: 1\n\nText.\n'), 'open.md')).toThrow(
      new ContentFileError('open.md:1: the frontmatter opened by --- on line 1 is never closed; add a line of --- under its last key'),
    );
    expect(() => readContentFile(file('low.md', `\n\n${chapter}`), 'low.md')).toThrow(
      new ContentFileError('low.md:3: the frontmatter must begin on line 1; delete the 2 blank lines above its ---'),
    );
    expect(() => readContentFile(file('hugo.md', '+++\ntitle = "The Start"\nweight = 1\n+++\n\nText.\n'), 'hugo.md')).toThrow(
      new ContentFileError(
        'hugo.md:1: the frontmatter is TOML, between +++ lines as Hugo writes it, and Quire reads YAML: make both +++ lines ---, and write each key = value as key: value (title: "The Start")',
      ),
    );
    expect(readContentFile(file('bare.md', '\n---\n\nText.\n'), 'bare.md')).toMatchObject({ frontmatter: {}, body: '\n---\n\nText.\n' });
  });

  it('reads lines ended by a carriage return alone (classic Mac OS), the frontmatter’s too', () => {
    expect(readContentFile(file('mac.md', chapter.replace(/\n/g, '\r')))).toMatchObject({
      frontmatter: { title: 'One', order: 1 },
      body: '\nText.\n',
    });
  });

  it('refuses UTF-16 (Notepad’s “Unicode”) as what it is, saying how to save it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chapter, 'utf16le')]);
    expect(() => readContentFile(file('notepad.md', utf16), 'notepad.md')).toThrow(
      /^notepad\.md:1: the file is UTF-16 \(Notepad's "Unicode"\), not UTF-8; save it as UTF-8/,
    );
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(readContentFile(file('bom.md', `\ufeff${chapter}`)).frontmatter).toEqual({ title: 'One', order: 1 });
  });

  it('refuses a file that is not UTF-8, naming it and the line', () => {
    const latin1 = Buffer.concat([
      Buffer.from('---\ntitle: One\norder: 1\n---\n\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' na'),
      Buffer.from([0xef, 0x76, 0x65]),
    ]);
    expect(() => readContentFile(file('latin1.md', latin1), 'latin1.md')).toThrow(/^latin1\.md:6: the file is not UTF-8 .*npm run import/);
  });

  it('refuses invisible control characters, naming the line', () => {
    expect(() => readContentFile(file('ctl.md', `${chapter}A line\u001f with Word’s mark.\n`), 'ctl.md')).toThrow(
      new ContentFileError('ctl.md:7: an invisible control character (U+001F) is in the text; delete it'),
    );
  });

  it('refuses a file of gigabytes before reading it, saying to split it', () => {
    const huge = file('huge.md', chapter);
    truncateSync(huge, 2 * 1024 ** 3);
    expect(() => readContentFile(huge, 'huge.md')).toThrow(
      new ContentFileError('huge.md: 2,048 MB, more than any chapter holds (at most 20 MB, some 3 million words); split it into chapters'),
    );
  });

  it('names the line of broken YAML', () => {
    expect(() => readContentFile(file('yaml.md', '---\ntitle: One\norder: [1\n---\n\nText.\n'), 'yaml.md')).toThrow(
      /^yaml\.md:\d+: the frontmatter is not valid YAML/,
    );
  });

  it.each([
    ['a title holding ": " unquoted', 'title: Chapter 1: Start', ':2:', 'put a value holding ": " in quotes: title: "Chapter 1: Start"'],
    ['an apostrophe inside single quotes', "title: 'It's here'", ':2:', `an apostrophe inside '…' ends them: title: "It's here"`],
    ['a quote inside double quotes', 'title: "The "Best" Day"', ':2:', `a quote inside "…" ends them: title: 'The "Best" Day'`],
    ['a key given twice', 'title: One\ntitle: Two', ':3:', 'title is given twice, on lines 2 and 3: keep one'],
    ['a tab for indentation', 'title: One\n\tsummary: Two', ':3:', 'indent with spaces, not a tab, or not at all: summary: Two'],
    [
      'a value carried on to a line holding ": "',
      'title: One\nsummary: A line\n  and another with: a colon',
      ':4:',
      'to carry summary over several lines, write summary: | and put each of its lines below, indented by two spaces',
    ],
  ])('says how to mend %s, naming its line', (_, yaml, line, fix) => {
    let message = '';
    try {
      readContentFile(file('mend.md', `---\n${yaml}\n---\n\nText.\n`), 'mend.md');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`mend.md${line}`);
    expect(message.endsWith(`; ${fix}`)).toBe(true);
  });

  it('refuses a value that YAML would cut at " #" (Drabble #3), naming the line and the quotes to add; comments, quoted values and blocks stay', () => {
    const read = (yaml: string) => () => readContentFile(file('hash.md', `---\n${yaml}\n---\n\nText.\n`), 'hash.md');
    expect(read('title: Drabble #3\norder: 3')).toThrow(
      'hash.md:2: “#3” after Drabble is read as a YAML comment and dropped; if it is part of the value, put the value in quotes: title: "Drabble #3" (a comment has a space after its #)',
    );
    expect(read('title: One\ncontentNotes:\n  - Ficlet #12 again')).toThrow(
      /^hash\.md:4: “#12 again” after Ficlet .*: - "Ficlet #12 again"/,
    );
    for (const fine of [
      'title: Little Meg # required',
      'title: "Drabble #3"',
      "title: 'Drabble #3'",
      'title: A#B',
      'tags: [a, b] #todo',
      '# a comment\ntitle: One',
      'title: One\nsummary: |\n  The #1 fan.\n  - Ficlet #12',
      'title: One\nreviewUrl: https://example.org/works/1#comments',
    ])
      expect(read(fine), fine).not.toThrow();
    expect(readContentFile(file('kept.md', '---\ntitle: "Drabble #3"\n---\n\nText.\n'), 'kept.md').frontmatter.title).toBe('Drabble #3');
  });
});

describe('a picture the text names', () => {
  it('in another case than its file (Map.png for map.png) is told the name on disk, which the machine that builds needs', () => {
    const dir = join(root, 'cased-pictures');
    mkdirSync(join(dir, 'images'), { recursive: true });
    mkdirSync(join(dir, 'chapters'), { recursive: true });
    writeFileSync(join(dir, 'images', 'map.png'), '');
    const image = imageLookup(dir);
    expect(image('images/map.png')).toEqual({ path: 'images/map.png' });
    expect(image('../images/map.png')).toEqual({ path: 'images/map.png' });
    expect(image('images/Map.png')).toEqual({ problem: problems.PictureCase.message('images/Map.png', 'images/map.png') });
    expect(image('IMAGES/MAP.PNG')).toEqual({ problem: problems.PictureCase.message('IMAGES/MAP.PNG', 'images/map.png') });
    expect(image('images/lake.png')).toEqual({
      problem: problems.PictureOutside.message('images/lake.png', 'cased-pictures/images', 'lake.png'),
    });
  });
});

describe('the sample story', () => {
  it('is recognised in its test copy, as Quire ships it in content/', () => {
    expect(holdsSample(sampleStory)).toBe(true);
  });

  it('is not recognised once the author has changed it, nor in another story', () => {
    const dir = join(root, 'edited-sample');
    cpSync(sampleStory, dir, { recursive: true });
    expect(holdsSample(dir)).toBe(true);
    writeFileSync(join(dir, 'story.md'), readFileSync(join(dir, 'story.md'), 'utf8').replace('Little Meg', 'Big Meg'));
    expect(holdsSample(dir)).toBe(false);
    expect(holdsSample(fixtureStory)).toBe(false);
  });
});
