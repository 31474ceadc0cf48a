import { slugify } from '../core/slug.ts';
import { isCjk, scriptOf, translationFor } from '../shared/i18n/languages.ts';
import {
  cjkNotes,
  hebrewNumeral,
  languages,
  maxTitleLine,
  namedNumber,
  ordinalNumber,
  numberWords,
  partOrder,
  ownLabels,
  readTitle,
  wordsOf,
  volumeLabel,
  type Words,
} from '../core/chapter-labels.ts';

/** Title lines and note labels, read with the grammar and language data of `src/core/chapter-labels.ts`. */

/** A chapter heading as the importer understands it. */
export interface TitleLine {
  kind: 'prologue' | 'chapter' | 'interlude' | 'epilogue';
  /** The chapter's number (4.5 for "Chapter 4.5"); none for prologues, epilogues and interludes. */
  number: number | undefined;
  /** The title as readers will see it, its number in digits: "Chapter 12: The Lake". */
  title: string;
  /** The file name it suggests: chapter-12, chapter-4-5, prologue, interlude-letters. */
  slug: string;
  /**
   * The heading as the source writes it ("CHAPTER TWELVE.", "Kapitel drei – Der See"), where the
   * title was read from a line of the author's; none where the title was made from something else
   * (a file's name, an archive's numbered menu).
   */
  written?: string | undefined;
}

/**
 * The heading as the source wrote it, where the title put in the site's form reads otherwise: the
 * author is told, not changed silently. Spacing, and the marks around a heading ("**…**", a
 * closing full stop), are no difference; a number in words or numerals, capitals or another
 * mark between label and name are.
 */
export function headingWrittenOtherwise(title: string, written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  const key = (text: string) => text.replace(/\s+/g, ' ').replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  const shown = written.replace(/\s+/g, ' ').trim();
  return key(shown) === key(title) ? undefined : shown;
}

/** "12", "4.5", "Twelve", "twenty-one", "XII", "四", "十二" → the number; anything else → undefined. */
export function parseNumber(word: string): number | undefined {
  const digits = word.replace(/\p{Nd}/gu, digitValue);
  // Thousands set apart by commas ("1,000"); else a comma or a point before a part ("4.5", "4,5").
  if (/^\d{1,3}(?:,\d{3})+$/.test(digits)) return Number(digits.replaceAll(',', ''));
  if (/^\d+(?:[.,]\d+)?$/.test(digits)) return Number(digits.replace(',', '.'));
  const lower = word.toLowerCase();
  const hundreds = /^(\p{L}+)[-\s]hundred(?:[-\s](?:and[-\s])?(.+))?$/u.exec(lower);
  if (hundreds) {
    const count = numberWords.units.indexOf(hundreds[1]!);
    const rest = hundreds[2] === undefined ? 0 : parseNumber(hundreds[2]);
    return count >= 1 && count <= 9 && rest !== undefined && Number.isInteger(rest) && rest < 100 ? count * 100 + rest : undefined;
  }
  const small = numberWords.units.indexOf(lower);
  if (small !== -1) return small;
  const [tens = '', unit] = lower.split(/[-\s]/);
  const t = numberWords.tens.indexOf(tens);
  if (t >= 2) {
    if (unit === undefined) return t * 10;
    const u = numberWords.units.indexOf(unit);
    if (u >= 1 && u <= 9) return t * 10 + u;
  }
  if (/^[ivxlc]+$/i.test(word)) return parseRoman(word.toUpperCase());
  if (/^[〇零一二三四五六七八九十百千两兩]+$/u.test(word)) return parseHanNumber(word);
  if (wholeHebrewNumeral.test(word)) return parseHebrewNumeral(word);
  return undefined;
}

const wholeHebrewNumeral = new RegExp(`^(?:${hebrewNumeral})$`, 'u');

/** א׳ → 1, י״ב → 12, ט״ו → 15, ק״כ → 120: the letters' values added, the marks left out (final forms count as the letter). */
function parseHebrewNumeral(text: string): number | undefined {
  const values = 'אבגדהוזחטיכלמנסעפצקרשת';
  const finals: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
  let total = 0;
  for (const char of text.replace(/[׳״'"]/gu, '')) {
    const index = values.indexOf(finals[char] ?? char);
    total += index < 9 ? index + 1 : index < 18 ? (index - 8) * 10 : (index - 17) * 100;
  }
  return total || undefined;
}

/**
 * A decimal digit of any script as an ASCII one ("٥", "۵", "५", "๕", "５" → "5"). Unicode sets each
 * script's digits 0 to 9 in a row of ten (or of tens, for mathematical digits), from a code point
 * before which no digit stands.
 */
function digitValue(digit: string): string {
  const code = digit.codePointAt(0)!;
  let zero = code;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((code - zero) % 10);
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

/** A line naming a story's author on its title page: "by Wren Ashdown", "par …", "von …", "por …", "di …", "作者：…", "지은이: …", "Автор: …". */
const byLine = /^\s*(?:(?:by|written by|par|von|por|di|door|av|af|przez)\s+|(?:作者|著者|作|지은이|작가|글|автор|авторка)\s*[:：]\s*)/iu;

/** Whether a line typed by hand could title a story on its title page: short, no sentence, no author's line. */
export const titlePageTitle = (line: string): boolean => line.length <= 120 && !/[.!?,;:]$/.test(line) && !byLine.test(line);

/** The author a title page's line names ("by Wren Ashdown" → "Wren Ashdown"), if it is such a line. */
export const titlePageAuthor = (line: string): string | undefined =>
  byLine.test(line) && line.length <= 80 ? line.replace(byLine, '').trim() : undefined;

/**
 * A person's name alone on a line ("Анна Петрова", "J. R. Hartley", "Mary-Ann O'Neill"): two to
 * four words, each opening with a capital, of letters alone (with a hyphen, an apostrophe or an
 * initial's full stop); not a subtitle in capitalised words ("The Lighthouse Keeper").
 */
export function titlePageName(line: string): string | undefined {
  const words = line.trim().split(/\s+/u);
  const name = words.length >= 2 && words.length <= 4 && line.length <= 60;
  return name &&
    words.every((word) => /^\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*\.?$/u.test(word)) &&
    !words.some((word) => smallTitleWords.has(word.toLowerCase())) &&
    !dedicationWords.has(words[0]!.toLowerCase())
    ? words.join(' ')
    : undefined;
}

/** The articles a title's subtitle may open with, which no name has (the small words inside a title are not capitalised). */
const smallTitleWords = new Set('a an the le la les un une der die das ein eine el los las il lo gli uno una'.split(' '));

/** What a dedication opens with ("For Anna Petrova", "To My Mother"), which no name does. */
const dedicationWords = new Set('for to für pour para per voor dla для'.split(' '));

/** Opening brackets and their closers, as titles set a label in them. */
const bracketPairs = new Map(
  ['【】', '〔〕', '［］', '[]', '「」', '『』', '（）', '()', '〈〉', '《》', '〖〗'].map((pair) => [pair[0]!, pair[1]!]),
);

/**
 * A title line as typed, or with marks around it: "CHAPTER I." (as old books end it), "~ Chapter 1 ~",
 * "**Chapter 1**", "# Chapter 1". A full stop after a title's name ends a sentence ("Chapter 3
 * Was the longest."), which is no title line.
 */
function readMarkedTitle(trimmed: string): { text: string; found: ReturnType<typeof readTitle> } {
  const found = readTitle(trimmed);
  if (found) return { text: trimmed, found };
  const before = /^[\p{P}\p{S}\s]+(?=\p{L})/u.exec(trimmed)?.[0] ?? '';
  const after = /(?<=[\p{L}\p{N}])[\p{P}\p{S}\s]+$/u.exec(trimmed)?.[0] ?? '';
  const text = trimmed.slice(before.length, trimmed.length - after.length);
  // A label in brackets before the name ("【第1話】出会い", "[Chapter 1] The Lamp"): read without them, kept as written.
  const closer = bracketPairs.get(before.at(-1) ?? '');
  const closed = closer === undefined ? -1 : text.indexOf(closer);
  if (closed > 0 && closed < text.length - 1) {
    const bracketed = readTitle(`${text.slice(0, closed)} ${text.slice(closed + 1).trimStart()}`);
    if (bracketed) return { text: trimmed, found: bracketed };
  }
  const marked = text !== trimmed ? readTitle(text) : undefined;
  if (!marked || (/[.!?…。！？]/u.test(after) && marked.name)) return { text: trimmed, found: undefined };
  return { text, found: marked };
}

/**
 * A title line without a name ("CHAPTER I.", "Chapter One") joined with the line set under it as
 * its name ("A WEDDING", "The Storm"), as old books and many manuscripts set a chapter's title:
 * the title line they make ("CHAPTER I: A WEDDING", which reads as "Chapter 1: A WEDDING").
 * Undefined when the line names its chapter already, or the line below is no name (a sentence,
 * a chapter heading of its own, a note's label).
 */
export function lineWithNameBelow(line: string, below: string): string | undefined {
  const second = below.trim();
  const capitals = /\p{Lu}/u.test(second) && second === second.toUpperCase();
  if (
    !second ||
    !/[\p{L}\p{N}]/u.test(second) ||
    namesItsChapter(line) ||
    second.length > 100 ||
    parseTitleLine(second) ||
    isNoteHeading(second)
  )
    return undefined;
  if (!capitals && /[.!?…"”’。！？」』]$/u.test(second)) return undefined;
  const joined = `${line.trim().replace(/[\s.:：]+$/, '')}: ${second}`;
  return parseTitleLine(joined) ? joined : undefined;
}

/** The title a title line without a name and the line under it make together (`lineWithNameBelow`). */
export function titleWithNameBelow(line: string, below: string): string | undefined {
  const joined = lineWithNameBelow(line, below);
  return joined === undefined ? undefined : parseTitleLine(joined)!.title;
}

/**
 * A part's heading and the name set on the line under it ("Part One", then "The Coast"), as book
 * makers and manuscripts set a part's page: the part's title they make ("Part One: The Coast").
 * Undefined when the line is no name: a sentence, a heading of its own, a note's label.
 */
export function partWithName(heading: string, below: string): string | undefined {
  const name = below.replace(/\s+/g, ' ').trim();
  if (
    volumeLabel(heading.trim()) === undefined ||
    !/[\p{L}\p{N}]/u.test(name) ||
    name.split(' ').length > 12 ||
    /[.!?…"”’。！？」』]$|[.!?…。！？]\s/u.test(name) ||
    parseTitleLine(name) ||
    volumeLabel(name) !== undefined ||
    isNoteHeading(name)
  )
    return undefined;
  return `${heading.trim().replace(/[\s.:：]+$/, '')}: ${name}`;
}

/**
 * A part's heading closing a run of lines, the lines of its blocks (`undefined` for a block that
 * is no single line), as it opens the chapter below: the last line a volume's heading
 * (`isVolume`: "PART TWO: THE HILLS"), one block taken; or a volume's heading and its name on
 * the line under it ("Part Two", then "The Hills"), two blocks taken, making the part `name`.
 */
export function partAtEnd(
  lines: readonly (string | undefined)[],
  isVolume: (line: string) => boolean = (line) => volumeLabel(line) !== undefined,
): { taken: 1 } | { taken: 2; name: string } | undefined {
  const [last, before] = [lines.at(-1), lines.at(-2)];
  if (last !== undefined && isVolume(last)) return { taken: 1 };
  const name = last !== undefined && before !== undefined ? partWithName(before, last) : undefined;
  return name === undefined ? undefined : { taken: 2, name };
}

/** Whether a title line gives its chapter a name ("Chapter 3: The Lake", "第一章 灯塔"), not only a label and number ("CHAPTER III."). */
export function namesItsChapter(line: string): boolean {
  return Boolean(readMarkedTitle(line.trim()).found?.name);
}

/** The heading a title line stands for, or undefined when the line is not a heading. */
export function parseTitleLine(line: string): TitleLine | undefined {
  const read = titleLineOf(line);
  return read && { ...read, written: line.trim() };
}

function titleLineOf(line: string): TitleLine | undefined {
  const { text, found } = readMarkedTitle(line.trim());
  if (!found) return undefined;
  // A chapter label and its number make a title line whatever follows ("Chapter 7: In which…", 300 characters long).
  if (!['numbered', 'ordinal', 'volume', 'cjk-volume'].includes(found.form) && text.length > maxTitleLine) return undefined;
  const { kind, name } = found;
  // The label, and the name after it as the title's language separates them; a name in brackets after a
  // space alone ("Chapter 15 (Volume 2): The Duel") keeps its space: no colon goes before a bracket.
  const titled = (label: string, pick: (words: Words) => string[] = (words) => words.chapter) =>
    name
      ? `${label}${/^\s+$/.test(found.separator) && /^[([]/.test(name) ? ' ' : colon(found.word!, found.separator, pick)}${name}`
      : label;
  switch (found.form) {
    case 'numbered': {
      // A part of a chapter split in two ("Chapter 7a", "7b"): after 7 and before 7.1 (7.01, 7.02…), addressed as written.
      const part = /^(\p{Nd}+)([a-z])$/iu.exec(found.number!);
      const number = part
        ? partOrder(parseNumber(part[1]!)!, part[2]!.toLowerCase().charCodeAt(0) - 96)
        : (parseNumber(found.number!) ?? namedNumber(found.word!, found.number!));
      if (number === undefined) return undefined;
      const label = canonical(found.word!, (words) => words.chapter);
      // In digits: as written when they are ("١٢", "๑๒" stay the story's own), else as a number ("Twelve", "XII" → 12).
      const shown = /^\p{Nd}/u.test(found.number!) ? found.number! : String(number);
      // A part of a chapter ("Chapter 7, Part 2", "Chapter 7 pt. 2"): after 7 and before 8 (7.01, 7.02…), in the site's form.
      const split = found.part && !part ? parseNumber(found.part.number) : undefined;
      if (split !== undefined && Number.isInteger(split) && split >= 1 && split < 100)
        return {
          kind,
          number: partOrder(number, split),
          title: titled(`${label} ${shown}, ${partWord(found.part!.word)} ${split}`),
          slug: `chapter-${String(number).replace('.', '-')}-part-${split}`,
        };
      return {
        kind,
        number,
        title: titled(`${label} ${shown}`),
        slug: part ? `chapter-${String(parseNumber(part[1]!))}${part[2]!.toLowerCase()}` : `chapter-${String(number).replace('.', '-')}`,
      };
    }
    case 'cjk-volume':
      // As written, as every CJK title is; addressed by its label ("第一卷 第三章").
      return { kind, number: undefined, title: text, slug: slugify(found.label) || 'chapter' };
    case 'volume': {
      // Numbered within its volume ("Volume 2, Chapter 1" follows "Volume 1, Chapter 30"): its place is where the story has it, and its address its label's.
      return { kind, number: undefined, title: titled(found.label), slug: slugify(found.label) || 'chapter' };
    }
    case 'ordinal': {
      // As written: the number is the title's own word order ("1. fejezet: Kezdet", "Erstes Kapitel").
      const number = parseNumber(found.number!) ?? ordinalNumber(found.word!, found.number!);
      if (number === undefined) return undefined;
      return {
        kind,
        number,
        title: name ? titled(found.label) : text,
        slug: `chapter-${number}`,
      };
    }
    case 'cjk-numbered': {
      const number = parseNumber(found.number!);
      return number === undefined ? undefined : { kind, number, title: text, slug: `chapter-${number}` };
    }
    case 'cjk-named':
      // Side stories and interludes are many: each its own address from its title (`番外一-春天`); a prologue or epilogue is the one.
      return { kind, number: undefined, title: text, slug: kind === 'interlude' ? slugify(text) || kind : kind };
    case 'named': {
      const pick = (words: Words) => words[kind as 'prologue' | 'epilogue' | 'interlude'];
      // The number a serial's second interlude or epilogue has ("Interlude 2", "Epilogue II"), as written.
      const numbered = found.label.slice(found.word!.length);
      const label = `${canonical(found.word!, pick)}${numbered}`;
      // An interlude's address from its number and name, under its own label where it has one
      // ("interlude-2-lisa", "side-story-the-ball"); a second epilogue's from its number ("epilogue-2").
      const own = ownLabels.some((word) => word.toLowerCase() === found.word!.toLowerCase());
      const slug =
        (kind === 'interlude' && (name || own)) || numbered
          ? slugify(`${own ? label : `${kind}${numbered}`} ${kind === 'interlude' ? (name ?? '') : ''}`) || kind
          : kind;
      return { kind, number: undefined, title: titled(label, pick), slug };
    }
    case 'final':
      // Placed after the chapter before it, as the next number; addressed by its label ("final-chapter").
      return { kind, number: undefined, title: titled(found.label, (words) => words.final ?? []), slug: slugify(found.label) || 'chapter' };
    case 'worded':
      // "Chapter the First: A Storm" is a title on the site, but its number is not one the importer can file it under.
      return undefined;
  }
}

/** The heading a file's name stands for: `chapter-7.txt`, and `007-chapter-7.txt` as numbered downloads are named. */
export function fileTitle(stem: string): TitleLine | undefined {
  const words = fileWords(stem);
  // Made from the file's name, no heading of the author's.
  return titleLineOf(words) ?? titleLineOf(words.replace(/^\d+\s+(?=\D)/, ''));
}

/** A file name's words, its hyphens, underscores and dots as spaces (`chapter_006` → "chapter 006"). */
const fileWords = (stem: string): string => stem.replace(/[-_.]+/g, ' ').trim();

/**
 * Whether a heading titles a page of the author's words about the book, not its story (as a
 * book of the author's own sets them, in an EPUB or a manuscript): before the chapters
 * ('front') a dedication, an epigraph, a foreword or a preface; after them ('back')
 * acknowledgements, about the author, the author's other books.
 */
export function authorsPageTitle(title: string): 'front' | 'back' | undefined {
  const name = title.trim();
  if (/^(?:dedication|epigraph|foreword|preface)$/i.test(name)) return 'front';
  if (
    /^(?:acknowledg(?:e)?ments?|about the authors?|also by\b.*|(?:other|more) (?:books|novels|works|titles) by\b.*|books by\b.*|by the same author)$/i.test(
      name,
    )
  )
    return 'back';
  return undefined;
}

/**
 * A title line, or an entry of a contents or a chapter menu that numbers its chapter before its
 * name ("3. Flame" → "Chapter 3: Flame", "Kapitel 3: Flame" in a German book, as FanFiction.net's
 * menu and many ebooks' contents list them; "3." alone → "Chapter 3"). Undefined for any other line.
 */
export function numberedEntry(line: string, language = 'en'): TitleLine | undefined {
  const entry = /^(\d{1,4})\.(?:\s+(.*))?$/.exec(line.trim());
  // A title whose number comes first is the author's own ("1. Kapitel", "2. fejezet: Kezdet"), no menu's number.
  const whole = parseTitleLine(line);
  if (!entry || whole) return whole;
  const [, number, name = ''] = entry;
  // The number is the menu's, not the author's heading: the title's name is theirs as written,
  // under the chapter label of the book's language ("Kapitel 3: Flamme" in a German book).
  const named = parseTitleLine(name);
  if (named) return named;
  return numberTitle(Number(number), name, language);
}

/**
 * The title of a chapter its source numbers without a label (an archive's menu, a file named
 * `03 The Morning`, an EPUB's third untitled section): the number under the chapter label of
 * the story's language, then its name ("Kapitel 3: Der Morgen", "第3章 朝"); English's label
 * where the language's does not read as a title line.
 */
export function numberTitle(number: number, name: string, language: string): TitleLine {
  const { label, separator } = chapterLabel(number, language);
  const english = name ? `Chapter ${number}: ${name}` : `Chapter ${number}`;
  return (
    titleLineOf(name ? `${label}${separator}${name}` : label) ??
    titleLineOf(english) ?? { kind: 'chapter', number, title: english, slug: `chapter-${number}` }
  );
}

/**
 * "Chapter 3" as a language writes it, for a title the importer gives a chapter its source
 * numbers without a label: the language's own chapter word before the number ("Kapitel 3",
 * "Глава 3"), after it in Hungarian ("3. fejezet"), 第3章 in Chinese and Japanese and 제3장 in
 * Korean (a space, not a colon, before the name); English's where the language has none.
 */
function chapterLabel(number: number, language: string): { label: string; separator: string } {
  if (scriptOf(language) === 'Kore') return { label: `제${number}장`, separator: ' ' };
  if (isCjk(language)) return { label: `第${number}章`, separator: ' ' };
  const words = translationFor(language, Object.keys(languages));
  if (words === 'hu') return { label: `${number}. fejezet`, separator: ': ' };
  return { label: `${languages[words]!.chapter[0]} ${number}`, separator: ': ' };
}

/**
 * The title a chapter's file name gives a text with no title line of its own: as `fileTitle`, or
 * its chapter's number, as authors keep a folder of chapters: `01`, `2`, or the number and the
 * chapter's name, `03 The Morning` → "Chapter 3: The Morning" (three digits at most: `1984 Notes`
 * is no chapter 1984), under the chapter label of the text's `language` ("Kapitel 3"). Only where nothing else titles the text: a number that orders files says
 * nothing against a title line.
 */
export function titleFromFileName(stem: string, language = 'en'): TitleLine | undefined {
  const found = fileTitle(stem);
  if (found) return found;
  const match = /^0*(\d{1,3})(?:\s+(\D.*))?$/u.exec(fileWords(stem));
  const number = Number(match?.[1]);
  if (!match || number === 0) return undefined;
  return numberTitle(number, match[2]?.trim() ?? '', language);
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

/**
 * The word titles are written with, for a word as it was found: a short form or a spelling
 * without its accents spelled out ("Ch." → "Chapter", "Chuong" → "Chương"), any other word as
 * its language's list spells it ("prólogo" → "Prólogo"), never a synonym in its place
 * ("Lời mở đầu" stays, though "Mở đầu" comes first). A label of its own (ownLabels) stays as
 * written. A short form several languages share for different words ("Cap." is Spanish,
 * Italian and Romanian; "Kap." German and Czech) stays: which language it is, the line does not say.
 */
/** A part's word as its language writes titles with it: "Part" for "pt." or "PART", "Часть" for "часть". */
function partWord(found: string): string {
  const lower = found.toLowerCase();
  return Object.values(languages).find((words) => words.parts?.some((word) => word.toLowerCase() === lower))?.parts?.[0] ?? found;
}

function canonical(found: string, pick: (words: Words) => string[]): string {
  const lower = found.toLowerCase();
  if (ownLabels.some((word) => word.toLowerCase() === lower)) return found;
  const lists = Object.values(languages)
    .map(pick)
    .filter((list) => list.some((word) => word.toLowerCase() === lower));
  const fuller = new Set(lists.map((list) => list[0]!).filter((first) => shortOrPlainFor(found, first)));
  if (fuller.size === 1) return [...fuller][0]!;
  return lists[0]?.find((word) => word.toLowerCase() === lower) ?? found;
}

/** Whether a label's word is a short form ("Ch.", "Ch", "Chap.") or an unaccented spelling ("Capitulo") of a fuller word. */
function shortOrPlainFor(found: string, word: string): boolean {
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const stem = plain(found).replace(/\.$/, '');
  const full = plain(word);
  return full === stem || ((found.endsWith('.') || stem.length <= 4) && abbreviates(stem, full));
}

/** Whether `short` is `word` shortened: its first letter, then others of it in order ("ch", "chap", "chp" of "chapter"). */
const abbreviates = (short: string, word: string): boolean => {
  let at = 0;
  for (const letter of word) if (letter === short[at]) at++;
  return short[0] === word[0] && at === short.length;
};

/**
 * The colon between a title's label and its name, as the title's language sets it: French puts
 * a no-break space before it ("Chapitre 3 : Le lac"), when the label is French alone or the
 * author spaced the colon so; every other language none.
 */
function colon(found: string, written: string, pick: (words: Words) => string[]): string {
  const lower = found.toLowerCase();
  const speakers = Object.entries(languages).filter(([, words]) => pick(words).some((word) => word.toLowerCase() === lower));
  const french = (speakers.length === 1 && speakers[0]![0] === 'fr') || /^\s+:/.test(written);
  return french ? '\u00a0: ' : ': ';
}

/** Every language's note labels ("Author's Note", "A/N", "作者有话要说"), as alternatives of a pattern. */
const noteLabels = [...wordsOf((w) => w.notes), ...cjkNotes].map(RegExp.escape).join('|');

/** A note label, then a colon or a spaced dash: never the first letters of a word ("An-Mei"). */
const noteLine = new RegExp(String.raw`^(?:${noteLabels})\s*(?::|：|\s[-–—]\s)\s*`, 'iu');

/** A note label alone, as a heading over the note: "Author's Note", "A/N:", "作者有话要说". */
const noteAlone = new RegExp(String.raw`^(?:${noteLabels})\s*[:：]?$`, 'iu');

/** Whether a heading is a note's label and nothing more ("Author's Note"): it heads the author's words, not a chapter. */
export function isNoteHeading(text: string): boolean {
  return noteAlone.test(text.trim());
}

/** The label that opens a note at the start of a line ("A/N: ", "Nota de la autora: "), if there is one. */
export function noteLabel(line: string): string | undefined {
  return noteLine.exec(line.trimStart())?.[0];
}

/**
 * A text divided into parts alone ("Part 1", "Part Two: The Hills"), as two-shots are: the
 * lines (one per block, undefined for a block that is no line alone) that head a part with
 * text under it, each read as a chapter titled as written and numbered in order; two at least.
 */
export function partHeadings(lines: readonly (string | undefined)[]): (TitleLine | undefined)[] | undefined {
  let number = 0;
  const part = (line: string | undefined) => line !== undefined && volumeLabel(line) !== undefined;
  const found = lines.map((line, i): TitleLine | undefined => {
    if (!part(line) || i === lines.length - 1 || part(lines[i + 1])) return undefined;
    return { kind: 'chapter', number: ++number, title: line!.trim(), slug: slugify(volumeLabel(line!)!) };
  });
  return number >= 2 ? found : undefined;
}

/**
 * Chapters headed by their number alone, as novels often are ("1", "ONE", "II.", "— 3 —"), or by
 * their number and a name ("1 - The Start"): the
 * lines (one per block, undefined for a block that is no line alone) that number them 1, 2, 3…
 * in order, two at least, each read as a chapter titled as written. Nothing when the numbers
 * are not that sequence (a list, a date, a year on a line of its own).
 */
export function numberedHeadings(lines: readonly (string | undefined)[]): (TitleLine | undefined)[] | undefined {
  let next = 1;
  const found = lines.map((line): TitleLine | undefined => {
    // Or its number and a name ("1 - The Start", "2. The Boat", "IV: Home"): a short name that ends as no sentence does.
    const named = line && /^(\d+|[IVXLC]+)\s*(?:--|[.:)\-–—])\s+(\S.{0,78})$/u.exec(line.trim());
    const text = named && !/[.!?…,;:"”]$/u.test(named[2]!) ? named[1] : line?.trim().replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
    if (!text || text.length > 20 || !/^(?:\d+|[ivxlc]+|[a-z]+(?:-[a-z]+)?)$/i.test(text)) return undefined;
    const number = parseNumber(text);
    if (number !== next) return undefined;
    next++;
    return { kind: 'chapter', number, title: line!.trim(), slug: `chapter-${number}` };
  });
  return next > 2 ? found : undefined;
}

/** Whether a line heads a table of contents ("Contents", "Table of Contents:"). */
export const isContentsHeading = (line: string): boolean => /^\s*(?:table of contents|contents)\s*:?\s*$/i.test(line);

/**
 * A table of contents typed into the text (or a word processor's, its entries plain paragraphs):
 * title lines one after another with no text between them (one a line, or one a block), whose
 * chapters all follow further down, and the "Contents" line above them. Blocks are the text's
 * blocks by their lines, undefined for one that is no text (a picture, a table). Gives the blocks
 * it spans (`start` to before `stop`) and how many titles it lists; the site makes its own.
 */
export function typedContents(
  blocks: readonly (readonly string[] | undefined)[],
): { start: number; stop: number; titles: number } | undefined {
  // A chapter's title line, or a part's ("第一部", "PART TWO: The Island"), listed with its chapters.
  const entries = blocks.map((block) =>
    block && block.length > 0 ? block.map((line) => volumeLabel(line) !== undefined || parseTitleLine(line) !== undefined) : [false],
  );
  // A chapter is known by what its title line says it is (its file name), however its title is set; a part by its line.
  const folded = (line: string) => line.replace(/\s+/g, ' ').trim().toLowerCase();
  const key = (line: string) => (volumeLabel(line) !== undefined ? `part: ${folded(line)}` : (parseTitleLine(line)?.slug ?? folded(line)));
  // Where each title line last stands as a block of its own (a chapter's heading, a part's).
  const lastAt = new Map<string, number>();
  blocks.forEach((block, i) => {
    if (block?.length === 1 && entries[i]![0]) lastAt.set(key(block[0]!), i);
  });
  for (let i = 0; i < blocks.length; i++) {
    let end = i;
    while (end < blocks.length && entries[end]!.every(Boolean)) end++;
    // The run's last title may already be the first chapter's heading, the text under it.
    const stop = [end, end - 1].find((to) => {
      const lines = to > i ? blocks.slice(i, to).flatMap((block) => block ?? []) : [];
      return (
        lines.length >= 2 &&
        lines.some((line) => volumeLabel(line) === undefined) &&
        lines.every((line) => (lastAt.get(key(line)) ?? i) >= to)
      );
    });
    if (stop === undefined) {
      i = Math.max(i, end - 1);
      continue;
    }
    const above = i > 0 ? blocks[i - 1] : undefined;
    const start = above?.length === 1 && isContentsHeading(above[0]!) ? i - 1 : i;
    return { start, stop, titles: blocks.slice(i, stop).flatMap((block) => block ?? []).length };
  }
  return undefined;
}
