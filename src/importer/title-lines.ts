import { slugify } from '../core/slug.ts';
import {
  all,
  chapterLine,
  cjkChapter,
  cjkNamed,
  englishNumbers,
  englishTens,
  escape,
  languages,
  maxTitleLine,
  namedLine,
  noteLine,
  type Words,
} from '../core/chapter-labels.ts';

/** Title lines and note labels read with the language data of `src/core/chapter-labels.ts`. */

/** A chapter heading as the importer understands it. */
export interface TitleLine {
  kind: 'prologue' | 'chapter' | 'interlude' | 'epilogue';
  /** The chapter's number (4.5 for "Chapter 4.5"); none for prologues, epilogues and interludes. */
  number: number | undefined;
  /** The title as readers will see it, its number in digits: "Chapter 12: The Lake". */
  title: string;
  /** The file name it suggests: chapter-12, chapter-4-5, prologue, interlude-letters. */
  slug: string;
}

/** "12", "4.5", "Twelve", "twenty-one", "XII", "四", "十二" → the number; anything else → undefined. */
export function parseNumber(word: string): number | undefined {
  const digits = word.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+(?:[.,]\d+)?$/.test(digits)) return Number(digits.replace(',', '.'));
  const lower = word.toLowerCase();
  const small = englishNumbers.indexOf(lower);
  if (small !== -1) return small;
  const [tens = '', unit] = lower.split(/[-\s]/);
  const t = englishTens.indexOf(tens);
  if (t >= 2) {
    if (unit === undefined) return t * 10;
    const u = englishNumbers.indexOf(unit);
    if (u >= 1 && u <= 9) return t * 10 + u;
  }
  if (/^[ivxlc]+$/i.test(word)) return parseRoman(word.toUpperCase());
  if (/^[〇零一二三四五六七八九十百千两兩]+$/u.test(word)) return parseHanNumber(word);
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

/** 四 → 4, 十二 → 12, 二十一 → 21, 一百零五 → 105. */
function parseHanNumber(text: string): number | undefined {
  const digit: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char in digit) current = digit[char]!;
    else {
      total += (current || 1) * unit[char]!;
      current = 0;
    }
  }
  return total + current || undefined;
}

/** The heading a title line stands for, or undefined when the line is not a heading. */
export function parseTitleLine(line: string): TitleLine | undefined {
  const text = line.trim();
  if (text.length === 0) return undefined;
  // A chapter label and its number make a title line whatever follows ("Chapter 7: In which…", 300 characters long).
  const chapter = chapterLine.exec(text);
  if (chapter) {
    const number = parseNumber(chapter[2]!);
    if (number === undefined) return undefined;
    const label = canonical(chapter[1]!, (words) => words.chapter);
    const name = chapter[3]?.trim();
    return {
      kind: 'chapter',
      number,
      title: name ? `${label} ${number}: ${name}` : `${label} ${number}`,
      slug: `chapter-${String(number).replace('.', '-')}`,
    };
  }
  if (text.length > maxTitleLine) return undefined;
  const cjk = cjkChapter.exec(text);
  if (cjk) {
    const number = parseNumber(cjk[1] ?? cjk[2] ?? cjk[3]!);
    if (number === undefined) return undefined;
    return { kind: 'chapter', number, title: text, slug: `chapter-${number}` };
  }
  for (const [kind, words] of Object.entries(cjkNamed) as [TitleLine['kind'], string[]][]) {
    const word = words.find((candidate) => text === candidate || new RegExp(`^${escape(candidate)}\\s*[:：\\-—–]`, 'u').test(text));
    if (word) return { kind, number: undefined, title: text, slug: kind };
  }
  const named = namedLine.exec(text);
  if (named) {
    const kind = (['prologue', 'epilogue', 'interlude'] as const).find((k) =>
      all((w) => w[k]).some((word) => word.toLowerCase() === named[1]!.toLowerCase()),
    )!;
    const label = canonical(named[1]!, (words) => words[kind]);
    const name = named[2]?.trim();
    const title = name ? `${label}: ${name}` : label;
    const slug = kind === 'interlude' && name ? slugify(`interlude ${name}`) || 'interlude' : kind;
    return { kind, number: undefined, title, slug };
  }
  return undefined;
}

/** The heading a file's name stands for: `chapter-7.txt`, and `007-chapter-7.txt` as numbered downloads are named. */
export function fileTitle(stem: string): TitleLine | undefined {
  const words = stem.replace(/[-_.]+/g, ' ').trim();
  return parseTitleLine(words) ?? parseTitleLine(words.replace(/^\d+\s+(?=\D)/, ''));
}

/**
 * Whether a heading is a number and nothing more — "I", "XII.", "3", "Chapter 3", "Part Two" —
 * which, as the title of a section within a larger one, needs its parent's to be read alone.
 */
export function isBareNumber(title: string): boolean {
  const text = title.trim().replace(/[.:]$/, '');
  if (parseNumber(text) !== undefined) return true;
  const line = parseTitleLine(text);
  if (line?.kind === 'chapter' && !/:/.test(line.title)) return true;
  const part = /^(?:part|section|book|act|scene|volume|vol\.)\s+(\S+)$/i.exec(text);
  return part !== null && parseNumber(part[1]!) !== undefined;
}

/** The word titles are written with, for a word as it was found ("Ch." → "Chapter", "prólogo" → "Prólogo"). */
function canonical(found: string, pick: (words: Words) => string[]): string {
  const lower = found.toLowerCase();
  for (const words of Object.values(languages)) {
    const list = pick(words);
    if (list.some((word) => word.toLowerCase() === lower)) return list[0]!;
  }
  return found;
}

/** The label that opens a note at the start of a line ("A/N: ", "Nota de la autora: "), if there is one. */
export function noteLabel(line: string): string | undefined {
  return noteLine.exec(line.trimStart())?.[0];
}
