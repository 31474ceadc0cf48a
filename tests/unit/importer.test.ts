import { describe, expect, it } from 'vitest';
import {
  assignOrder,
  chapterFile,
  decodeText,
  escapeMarkdown,
  isSceneBreak,
  parseChapter,
  parseNumber,
  parseTitleLine,
} from '../../src/importer/plain-text';
import { slugify } from '../../src/core/slug';

const parse = (text: string, stem = 'input') => parseChapter(text, `${stem}.txt`, stem);

describe('title lines', () => {
  it.each([
    ['Prologue', 'Prologue', 0, 'prologue'],
    ['PROLOGUE', 'Prologue', 0, 'prologue'],
    ['Chapter 12', 'Chapter 12', 12, 'chapter-12'],
    ['Chapter 12: The Mask', 'Chapter 12: The Mask', 12, 'chapter-12'],
    ['Chapter Twelve', 'Chapter 12', 12, 'chapter-12'],
    ['Chapter twenty-one - Below', 'Chapter 21: Below', 21, 'chapter-21'],
    ['Ch. 12 - Title', 'Chapter 12: Title', 12, 'chapter-12'],
    ['Ch 3', 'Chapter 3', 3, 'chapter-3'],
    ['Chapter XIV', 'Chapter 14', 14, 'chapter-14'],
    ['Epilogue', 'Epilogue', undefined, 'epilogue'],
    ['Interlude', 'Interlude', undefined, 'interlude'],
    ['Interlude: Letters & Lies', 'Interlude: Letters & Lies', undefined, 'interlude-letters-lies'],
  ])('reads "%s"', (line, title, order, slug) => {
    expect(parseTitleLine(line)).toMatchObject({ title, order, slug });
  });

  it.each(['The opera house was quiet.', 'Chapters of my life were long', 'Chapter', 'Prologues are hard to write, she said.'])(
    'does not take "%s" for a title',
    (line) => {
      expect(parseTitleLine(line)).toBeUndefined();
    },
  );

  it('reads number words and roman numerals', () => {
    expect([parseNumber('one'), parseNumber('Nineteen'), parseNumber('forty-two'), parseNumber('XII'), parseNumber('7')]).toEqual([
      1, 19, 42, 12, 7,
    ]);
    expect(parseNumber('many')).toBeUndefined();
  });

  it('slugifies titles without accents or punctuation', () => {
    expect(slugify('Interlude: Daaé’s Letters!')).toBe('interlude-daaes-letters');
  });
});

describe("author's notes", () => {
  it.each(["Author's Note:", "Author's note:", 'AUTHOR’S NOTE -', 'A/N:', 'a/n:', 'AN:', 'Authors Note:'])(
    'recognises "%s" at the top',
    (label) => {
      const chapter = parse(`${label} Hello there.\n\nChapter 1\n\nText.`);
      expect(chapter.authorsNote).toBe('Hello there.');
      expect(chapter.body).toBe('Text.');
    },
  );

  it('takes every paragraph up to the title line into the note', () => {
    const chapter = parse("Author's Note: One.\n\nTwo.\n\nThree.\n\nPrologue\n\nText.");
    expect(chapter.authorsNote).toBe('One.\n\nTwo.\n\nThree.');
  });

  it('takes a note at the end into endNote', () => {
    const chapter = parse('Chapter 2\n\nText.\n\nMore text.\n\nA/N: Thanks for reading!\n\nSee you soon.');
    expect(chapter.body).toBe('Text.\n\nMore text.');
    expect(chapter.endNote).toBe('Thanks for reading!\n\nSee you soon.');
  });

  it('leaves words like "And" or "Anne:" alone', () => {
    const chapter = parse('Chapter 2\n\nAnne: hello.\n\nAnd then.');
    expect(chapter.authorsNote).toBeUndefined();
    expect(chapter.endNote).toBeUndefined();
  });
});

describe('the text', () => {
  it('keeps every paragraph and joins prose lines wrapped inside one', () => {
    const wrapped =
      'Small, soft fingers ran across the mask as a soft cry escaped her lips.\nSuch pain-such sadness-! It was all held in the mask; the feelings of\ninsecurity.';
    expect(parse(`Chapter 1\n\n${wrapped}\n\nNext.`).body).toBe(
      'Small, soft fingers ran across the mask as a soft cry escaped her lips. Such pain-such sadness-! It was all held in the mask; the feelings of insecurity.\n\nNext.',
    );
  });

  it('keeps the lines of verse as lines, stanzas together in one verse block', () => {
    expect(parse('Chapter 1\n\nShe sang:\n\nThe music of the night,\nit sings to you alone.\n\nClose your eyes,\nand let it take you.\n\nThen silence.').body).toBe(
      'She sang:\n\n:::verse\nThe music of the night,\nit sings to you alone.\n\nClose your eyes,\nand let it take you.\n:::\n\nThen silence.',
    );
  });

  it('never turns "-the man." or other line starts into Markdown structure', () => {
    const body = parse('Chapter 1\n\n-the man.\n\n1. First\n\n# tag\n\n> quote\n\n* star\n\n+ plus\n\n- dash\n\n===').body;
    expect(body.split('\n\n')).toEqual(['-the man.', '1\\. First', '\\# tag', '\\> quote', '\\* star', '\\+ plus', '\\- dash', '* * *']);
  });

  it('escapes emphasis markers, code, brackets, HTML and entities used as plain text', () => {
    expect(escapeMarkdown('*sigh* snake_case `code` [x] <3 <b>hi</b> &amp; ~~no~~ back\\slash')).toBe(
      '\\*sigh\\* snake\\_case \\`code\\` \\[x\\] \\<3 \\<b>hi\\</b> \\&amp; \\~\\~no\\~\\~ back\\\\slash',
    );
  });

  it.each(['* * *', '***', '---', '~~~', 'oOo', 'xXx', '-x-', '=====', '_____', '~oOo~', '-xXx-'])(
    'writes the scene break "%s" as * * *',
    (line) => {
      expect(isSceneBreak(line)).toBe(true);
      expect(parse(`Chapter 1\n\nBefore.\n\n${line}\n\nAfter.`).body).toBe('Before.\n\n* * *\n\nAfter.');
    },
  );

  it('does not take ordinary short lines for scene breaks', () => {
    expect(['oh', 'xo', '...', '- -', 'Ooh!'].map(isSceneBreak)).toEqual([false, false, false, false, false]);
  });

  it('uses the file name when the text has no title line', () => {
    expect(parse('Just the text.', 'chapter-7')).toMatchObject({ title: 'Chapter 7', order: 7, body: 'Just the text.' });
  });

  it('refuses text with no title line and no telling file name, naming the file', () => {
    expect(() => parse('Just the text.', 'notes')).toThrow(/^notes\.txt: no title line found/);
  });

  it('refuses a chapter with only a title', () => {
    expect(() => parse('Chapter 3\n\n')).toThrow(/input\.txt: the chapter has no text/);
  });

  it('counts the words of the chapter text', () => {
    expect(parse('Chapter 1\n\nOne two three.\n\n* * *\n\nFour.').words).toBe(4);
  });
});

describe('encodings', () => {
  const text = 'Chapter 1\n\nDaaé — “quoted”.\n';
  const utf16le = (s: string) =>
    Uint8Array.from([0xff, 0xfe, ...Array.from(s).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  const utf16be = (s: string) =>
    Uint8Array.from([0xfe, 0xff, ...Array.from(s).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);

  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(text);
    expect(decodeText(bytes, 'a.txt')).toBe(text);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]), 'a.txt')).toBe(text);
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    expect(decodeText(utf16le(text), 'a.txt')).toBe(text);
    expect(decodeText(utf16be(text), 'a.txt')).toBe(text);
  });

  it('reads Windows-1252', () => {
    // "café — “x”" in Windows-1252: é=E9, em dash=97, curly quotes=93/94.
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x93, 0x78, 0x94]), 'a.txt')).toBe('café — “x”');
  });

  it('reads CRLF line ends as paragraphs', () => {
    expect(parse('Chapter 1\r\n\r\nOne.\r\n\r\nTwo.\r\n').body).toBe('One.\n\nTwo.');
  });

  it('refuses binary and empty files, naming the file', () => {
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]), 'story.docx')).toThrow(
      /^story\.docx: this looks like a binary file/,
    );
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow(/^empty\.txt: the file is empty/);
    expect(() => decodeText(new TextEncoder().encode(' \n\n '), 'blank.txt')).toThrow(/blank\.txt: the file is empty/);
  });
});

describe('order and output', () => {
  it('puts an epilogue after the last chapter and an interlude after the chapter before it', () => {
    const epilogue = parse('Epilogue\n\nEnd.');
    const interlude = parse('Interlude\n\nBetween.');
    expect(assignOrder(epilogue, [0, 1, 2, 3])).toBe(4);
    expect(assignOrder(interlude, [0, 1, 2])).toBe(2.5);
    expect(assignOrder(parse('Chapter 5\n\nText.'), [0, 9])).toBe(5);
  });

  it('writes frontmatter an author can read, quoting only where YAML needs it', () => {
    const chapter = parse("Author's Note: Hi :)\n\nTwo.\n\nChapter 1: The Mask\n\nText.\n\nA/N: Bye.");
    expect(chapterFile(chapter, 1)).toBe(
      '---\ntitle: "Chapter 1: The Mask"\norder: 1\nauthorsNote: |-\n  Hi :)\n\n  Two.\nendNote: |-\n  Bye.\n---\n\nText.\n',
    );
    expect(chapterFile(parse('Prologue\n\nText.'), 0)).toBe('---\ntitle: Prologue\norder: 0\n---\n\nText.\n');
  });
});
