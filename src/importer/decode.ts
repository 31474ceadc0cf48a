import { controlCharacter } from '../source/content-files.ts';
import { ImportError } from './model.ts';
import { problems } from '../core/problems.ts';

const windows1252 = new TextDecoder('windows-1252');

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252. A
 * UTF-8 file with a stray Windows-1252 byte (a curly quote pasted from Word) keeps its
 * UTF-8 and has only that byte read as Windows-1252. Binary and empty files are refused.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  const sixteen = utf16WithoutMark(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (sixteen) text = new TextDecoder(sixteen).decode(bytes);
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (body.includes(0)) {
      throw new ImportError(problems.BinaryFile.message(file));
    }
    text = decodeLegacy(body) ?? decodeMostlyUtf8(body);
  }
  // eslint-disable-next-line no-control-regex -- counting control characters is how binary input is told apart
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 1000) {
    throw new ImportError(problems.BinaryFile.message(file));
  }
  if (text.trim() === '') throw new ImportError(problems.EmptyFile.message(file));
  return text;
}

/** Invisible control characters (Word's U+001F, a stray escape): not words, and no page or EPUB can hold them; the ones the build refuses. */
const controls = new RegExp(controlCharacter.source, 'g');
/** Breaks typed as control characters: Word's manual line break (U+000B) and page break (U+000C). */
const lineBreak = /\v/g;
const pageBreak = /\f/g;

/**
 * The text without invisible control characters, and how many there were (to tell the
 * author). A line break or page break typed as one becomes a new line or a new paragraph:
 * it stands between two words, which must stay two.
 */
export function withoutControls(text: string): { text: string; removed: number } {
  const breaks = text.replace(lineBreak, '\n').replace(pageBreak, '\n\n');
  const removed = breaks.match(controls)?.length ?? 0;
  return { text: removed ? breaks.replace(controls, '') : breaks, removed };
}

/**
 * The words of a text as its reader sees them, for the import's word check: read from the text
 * as given, a break character standing between words as any space does, not from the text as
 * the importer cleaned it.
 */
export function sourceText(text: string): string {
  return text.replace(/[\v\f]/g, ' ').replace(controls, '');
}

/**
 * UTF-16 saved without its byte-order mark (Notepad's "Unicode" on some systems): text in a
 * Latin, Cyrillic or Greek script has a zero byte in every other place, on one side only.
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * A text that is not UTF-8, in the encoding it names (an HTML page's `<meta charset>`) or,
 * naming none, the one its bytes read as: GBK (GB18030) or Big5 Chinese, Shift_JIS Japanese,
 * EUC-KR Korean, KOI8 or the Cyrillic, Greek, Hebrew, Arabic and Thai Windows code pages — as
 * Chinese web novels, Aozora Bunko's books and older Russian fan fiction are saved. Undefined when the bytes are UTF-8 (even with a stray
 * Windows-1252 quote), or no encoding reads them as its language's text.
 */
function decodeLegacy(bytes: Uint8Array): string | undefined {
  if (strictly('utf-8', bytes) !== undefined) return undefined;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    const text = strictly(declared, bytes) ?? loosely(declared, bytes);
    if (text !== undefined) return text;
  }
  // Not enough that is not ASCII to tell by: left to the UTF-8 / Windows-1252 reading.
  let high = 0;
  for (const byte of bytes) if (byte >= 0x80) high++;
  if (high < 16) return undefined;
  // Told from the first 64 KB (a character cut at its end waits for its bytes), then the whole read in the encoding found.
  const sample = bytes.subarray(0, 65536);
  const read = (label: string) => strictly(label, sample, true);
  const whole = (label: string) => strictly(label, bytes) ?? loosely(label, bytes);
  const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const japanese = read('shift_jis');
  // Japanese is one part kana in three or more; Chinese read as Shift_JIS has next to none.
  if (japanese && count(japanese, /[\u3041-\u30ff]/g) >= count(japanese, /[\u0080-\uffff]/g) * 0.15) return whole('shift_jis');
  const korean = read('euc-kr');
  // Korean is Hangul with spaces between its words; Chinese read as EUC-KR is Hangul without them.
  if (korean) {
    const hangul = count(korean, /[\uac00-\ud7a3]/g);
    if (hangul >= count(korean, /[\u0080-\uffff]/g) * 0.5 && count(korean, / /g) >= hangul / 12) return whole('euc-kr');
  }
  // Chinese: of GBK and Big5, the one whose text has the characters every Chinese text is full of.
  const common = /[的一是不了人我他在有这這个個们們来來说說上大中你她到也就]/g;
  const chinese = ['gb18030', 'big5']
    .map((label) => ({ text: read(label), label }))
    .filter((found): found is { text: string; label: string } => found.text !== undefined)
    .map((found) => ({ ...found, score: count(found.text, common) / Math.max(1, count(found.text, /[\u0080-\uffff]/g)) }))
    .sort((a, b) => b.score - a.score)[0];
  if (chinese && chinese.score >= 0.05) return whole(chinese.label);
  // One byte a letter: the code page whose letters are its script's, and most often its language's commonest.
  const single = singleByte
    .map(({ label, letters, common, spaced }) => {
      const text = read(label);
      const inScript = text ? count(text, letters) : 0;
      // A language that spaces its words has words of a dozen letters at most, not runs of fifty.
      const words = text ? count(text, new RegExp(`(?:${letters.source})+`, 'g')) : 0;
      // Its letters stand in words of their own: inside Latin words ("יtait") they are another code page's accents.
      const ok =
        text !== undefined &&
        inScript >= count(text, /[\u0080-\uffff]/g) * 0.7 &&
        count(text, new RegExp(`[A-Za-z](?=${letters.source})|(?<=${letters.source})[A-Za-z]`, 'g')) <= inScript * 0.05 &&
        (!spaced || inScript <= words * 12) &&
        // Nor capitals inside their words ("аёНаґФ", Thai read as Cyrillic).
        count(text, /\p{Ll}\p{Lu}/gu) <= inScript * 0.03;
      return { label, score: ok ? count(text!, common) / Math.max(1, inScript) : 0 };
    })
    .sort((a, b) => b.score - a.score)[0];
  if (single && single.score >= 0.3) return whole(single.label);
  return undefined;
}

/** Code pages of one byte a letter, with their script's letters and its language's commonest ones. */
const singleByte = [
  { label: 'windows-1251', letters: /[\u0400-\u04ff]/g, common: /[оеаинтсрвОЕАИНТСРВ]/g, spaced: true },
  // Russian and Ukrainian as Unix and older Russian sites saved them (KOI8-U is KOI8-R with Ukrainian's letters).
  { label: 'koi8-u', letters: /[\u0400-\u04ff]/g, common: /[оеаинтсрвОЕАИНТСРВ]/g, spaced: true },
  { label: 'windows-1253', letters: /[\u0370-\u03ff]/g, common: /[αοιετνσΑΟΙΕΤΝΣ]/g, spaced: true },
  { label: 'windows-1255', letters: /[\u05d0-\u05ea]/g, common: /[יוהלאמ]/g, spaced: true },
  { label: 'windows-1256', letters: /[\u0621-\u064a]/g, common: /[اليمونه]/g, spaced: true },
  // Thai writes no spaces between its words.
  { label: 'windows-874', letters: /[\u0e01-\u0e5b]/g, common: /[\u0e48\u0e32\u0e19\u0e2d\u0e23\u0e01\u0e21\u0e40]/g, spaced: false },
];

/** Bytes in an encoding, or undefined when they are not valid in it (or it is unknown); `partial` when the bytes may end inside a character. */
function strictly(label: string, bytes: Uint8Array, partial = false): string | undefined {
  try {
    return textDecoder(label, true)?.decode(bytes, { stream: partial });
  } catch {
    return undefined;
  }
}

/** Bytes in an encoding, invalid ones replaced; undefined when the encoding is unknown. */
function loosely(label: string, bytes: Uint8Array): string | undefined {
  return textDecoder(label)?.decode(bytes);
}

/** A decoder for an encoding by any of its names (`gbk`, `windows-1251`, `shift_jis`); none when no decoder knows it. */
export function textDecoder(label: string | undefined, fatal = false): TextDecoder | undefined {
  try {
    return label === undefined ? undefined : new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** UTF-8 where it is valid; each byte of an invalid sequence as Windows-1252. All Windows-1252 when little is UTF-8. */
function decodeMostlyUtf8(bytes: Uint8Array): string {
  // Counted first: a file with more stray bytes than UTF-8 characters is Windows-1252 through and through.
  let invalid = 0;
  let multibyte = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) invalid++;
    else if (length > 1) multibyte++;
    i += length || 1;
  }
  if (invalid > multibyte) return windows1252.decode(bytes);
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      parts.push(utf8.decode(bytes.subarray(start, i)), windows1252.decode(bytes.subarray(i, i + 1)));
      start = i + 1;
    }
    i += length || 1;
  }
  parts.push(utf8.decode(bytes.subarray(start)));
  return parts.join('');
}

/** The length of a valid UTF-8 sequence starting at `i`, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const byte = bytes[i]!;
  if (byte < 0x80) return 1;
  const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
  for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  if (length === 3 && byte === 0xe0 && bytes[i + 1]! < 0xa0) return 0;
  if (length === 4 && byte === 0xf0 && bytes[i + 1]! < 0x90) return 0;
  return length;
}
