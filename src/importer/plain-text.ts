import { markdownToPlainText } from '../core/plain-text.ts';
import { slugify } from '../core/slug.ts';
import { countWords } from '../shared/text-stats.ts';

/**
 * Turns a plain-text chapter, as authors paste it from word processors and archives,
 * into a chapter file: author's note and end note into frontmatter, the title line into
 * `title`/`order`/slug, and every word of the text kept, escaped so Markdown shows it as is.
 */

/** A chapter read from a text file, ready to write as `<slug>.md`. */
export interface ImportedChapter {
  slug: string;
  title: string;
  /** Reading order; `undefined` for an epilogue or interlude until the story's chapters are known. */
  order: number | undefined;
  kind: 'prologue' | 'chapter' | 'interlude' | 'epilogue';
  authorsNote: string | undefined;
  endNote: string | undefined;
  /** The chapter text as Markdown. */
  body: string;
  words: number;
}

/** Bad input, with a message that names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Decodes UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; refuses binary and empty files. */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (body.includes(0))
      throw new ImportError(
        `${file}: this looks like a binary file (a .docx or .pdf?); save the chapter as plain text (.txt) and import that`,
      );
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder('windows-1252').decode(body);
    }
  }
  // eslint-disable-next-line no-control-regex -- counting control characters is how binary input is told apart
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 1000) {
    throw new ImportError(`${file}: this looks like a binary file, not plain text; save the chapter as plain text (.txt)`);
  }
  if (text.trim() === '') throw new ImportError(`${file}: the file is empty`);
  return text;
}

const noteLabel = /^(?:author['’]?s['’]?\s+notes?|a\s*\/\s*n|an)\s*[:\-–—]\s*/i;
const numberWords = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const tensWords = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "12", "Twelve", "twenty-one", "XII" → 12; anything else → undefined. */
export function parseNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const lower = word.toLowerCase();
  const small = numberWords.indexOf(lower);
  if (small !== -1) return small;
  const [tens = '', unit] = lower.split(/[-\s]/);
  const t = tensWords.indexOf(tens);
  if (t >= 2) {
    if (unit === undefined) return t * 10;
    const u = numberWords.indexOf(unit);
    if (u >= 1 && u <= 9) return t * 10 + u;
  }
  if (/^[ivxlc]+$/i.test(word)) return parseRoman(word.toUpperCase());
  return undefined;
}

function parseRoman(roman: string): number | undefined {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i]!]!;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : undefined;
}

const numberPattern = String.raw`(\d+|[ivxlc]+|(?:${[...numberWords.slice(1), ...tensWords.slice(2)].join('|')})(?:[-\s](?:${numberWords.slice(1, 10).join('|')}))?)`;
const subtitle = String.raw`(?:\s*[:.\-–—]\s*(.+?))?`;
const chapterLine = new RegExp(String.raw`^(?:chapter|ch\.?)\s+${numberPattern}${subtitle}\s*$`, 'i');
const namedLine = new RegExp(String.raw`^(prologue|epilogue|interlude)${subtitle}\s*$`, 'i');

/** The heading a title line stands for, or undefined when the line is not a title. */
export function parseTitleLine(line: string): Pick<ImportedChapter, 'title' | 'order' | 'kind' | 'slug'> | undefined {
  const text = line.trim();
  if (text.length > 120) return undefined;
  const chapter = chapterLine.exec(text);
  if (chapter) {
    const number = parseNumber(chapter[1]!);
    if (number === undefined) return undefined;
    const name = chapter[2]?.trim();
    return { kind: 'chapter', order: number, slug: `chapter-${number}`, title: name ? `Chapter ${number}: ${name}` : `Chapter ${number}` };
  }
  const named = namedLine.exec(text);
  if (named) {
    const kind = named[1]!.toLowerCase() as 'prologue' | 'epilogue' | 'interlude';
    const label = kind[0]!.toUpperCase() + kind.slice(1);
    const name = named[2]?.trim();
    const title = name ? `${label}: ${name}` : label;
    return {
      kind,
      order: kind === 'prologue' ? 0 : undefined,
      slug: kind === 'interlude' && name ? slugify(title) : kind,
      title,
    };
  }
  return undefined;
}

const sceneBreak = /^(?:(?:[*~=_#+•·-]\s*){3,}|[-~=\s]*(?:o+O+o+|O+o+O+|x+X+x+|X+x+X+|-x-|~x~)[-~=\s]*)$/;

/** Whether a line is a scene break as fanfic writes them (`* * *`, `~~~`, `oOo`, `xXx`, `-x-`…). */
export function isSceneBreak(line: string): boolean {
  return sceneBreak.test(line.trim());
}

/**
 * Escapes what Markdown would reinterpret, so the rendered words equal the written ones:
 * emphasis and code markers, brackets, HTML-like `<`, entities, and line starts that would
 * make a heading, quote, list or code block.
 */
export function escapeMarkdown(line: string): string {
  const escaped = line
    .replace(/\\/g, '\\\\')
    .replace(/[*_`[\]<~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&');
  return escaped.replace(/^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|[=-](?=[=\s-]*$))/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A block of lines is verse-like (a poem, a song, a letter's lines) when every line is short. */
function isVerse(lines: string[]): boolean {
  return lines.length > 1 && lines.every((line) => line.trim().length <= 60);
}

/** One blank-line-separated block as a Markdown paragraph: joined, or kept as lines if verse. */
function blockToMarkdown(lines: string[]): string {
  if (lines.length === 1 && isSceneBreak(lines[0]!)) return '* * *';
  const escaped = lines.map((line) => escapeMarkdown(line.trim()));
  return isVerse(lines) ? escaped.join('\n') : escaped.join(' ');
}

/**
 * Blocks as Markdown, runs of verse-like blocks (a poem's stanzas, a song) gathered in one
 * `:::verse` block, where every line is kept as written.
 */
export function blocksToMarkdown(blocks: string[][]): string {
  const out: string[] = [];
  let stanzas: string[] = [];
  const closeVerse = () => {
    if (stanzas.length > 0) out.push(`:::verse\n${stanzas.join('\n\n')}\n:::`);
    stanzas = [];
  };
  for (const lines of blocks) {
    if (isVerse(lines)) {
      stanzas.push(blockToMarkdown(lines));
      continue;
    }
    closeVerse();
    out.push(blockToMarkdown(lines));
  }
  closeVerse();
  return out.join('\n\n');
}

function blocksOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\s+$/, ''))
        .filter((line) => line.trim() !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** A note's paragraphs, with its label ("Author's Note:", "A/N:") removed from the first. */
function noteMarkdown(blocks: string[][]): string {
  const [first, ...rest] = blocks;
  const firstLines = [...first!];
  firstLines[0] = firstLines[0]!.replace(noteLabel, '');
  return [firstLines, ...rest]
    .filter((lines) => lines.some((line) => line.trim() !== ''))
    .map(blockToMarkdown)
    .join('\n\n');
}

const startsNote = (lines: string[]) => noteLabel.test(lines[0]!.trim());

/** Parses one plain-text chapter; the file name stands in for a missing title line ("chapter-3.txt"). */
export function parseChapter(text: string, file: string, fileStem: string): ImportedChapter {
  const blocks = blocksOf(text);
  if (blocks.length === 0) throw new ImportError(`${file}: the file is empty`);

  // The title line: the first one-line block that reads like a chapter heading.
  const titleIndex = blocks.findIndex((lines, index) => index < 12 && lines.length === 1 && parseTitleLine(lines[0]!) !== undefined);
  let authorsNote: string | undefined;
  let start = 0;
  if (startsNote(blocks[0]!)) {
    const noteEnd = titleIndex > 0 ? titleIndex : 1;
    authorsNote = noteMarkdown(blocks.slice(0, noteEnd));
    start = noteEnd;
  }
  let heading = titleIndex >= start && titleIndex !== -1 ? parseTitleLine(blocks[titleIndex]![0]!) : undefined;
  if (heading) start = titleIndex + 1;
  heading ??= parseTitleLine(fileStem.replace(/[-_]+/g, ' '));
  if (!heading) {
    throw new ImportError(
      `${file}: no title line found (such as "Prologue", "Chapter 12: Title", "Epilogue" or "Interlude"); add one above the text, or name the file chapter-12.txt`,
    );
  }

  // An end note: the last block that starts with a note label, to the end.
  let end = blocks.length;
  for (let i = blocks.length - 1; i > start; i--) {
    if (startsNote(blocks[i]!)) {
      end = i;
      break;
    }
  }
  const endNote = end < blocks.length ? noteMarkdown(blocks.slice(end)) : undefined;
  const bodyBlocks = blocks.slice(start, end);
  if (bodyBlocks.length === 0) throw new ImportError(`${file}: the chapter has no text after its title line`);
  const body = blocksToMarkdown(bodyBlocks);
  return {
    ...heading,
    authorsNote: authorsNote || undefined,
    endNote: endNote || undefined,
    body,
    words: countWords(markdownToPlainText(body)),
  };
}

/**
 * Gives epilogues and interludes their place: an epilogue after the last chapter, an
 * interlude halfway to the next whole number after the chapter before it.
 */
export function assignOrder(chapter: ImportedChapter, existingOrders: readonly number[]): number {
  if (chapter.order !== undefined) return chapter.order;
  const last = existingOrders.length > 0 ? Math.max(...existingOrders) : 0;
  return chapter.kind === 'epilogue' ? Math.floor(last) + 1 : Math.floor(last) + 0.5;
}

/** YAML for a one-line string: plain when safe, double-quoted otherwise. */
function yamlString(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.!?'’()&-]*$/u.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}

/** YAML for Markdown that may span paragraphs: a literal block, indented. */
function yamlBlock(value: string): string {
  return `|-\n${value
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n')}`;
}

/** The chapter file's full text: frontmatter, a blank line, the body. */
export function chapterFile(chapter: ImportedChapter, order: number): string {
  const front = [`title: ${yamlString(chapter.title)}`, `order: ${order}`];
  if (chapter.authorsNote) front.push(`authorsNote: ${yamlBlock(chapter.authorsNote)}`);
  if (chapter.endNote) front.push(`endNote: ${yamlBlock(chapter.endNote)}`);
  return `---\n${front.join('\n')}\n---\n\n${chapter.body}\n`;
}
