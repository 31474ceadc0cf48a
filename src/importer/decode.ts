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
    text = decodeMostlyUtf8(body);
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

/** UTF-8 where it is valid; each byte of an invalid sequence as Windows-1252. All Windows-1252 when little is UTF-8. */
function decodeMostlyUtf8(bytes: Uint8Array): string {
  let out = '';
  let start = 0;
  let invalid = 0;
  let multibyte = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += new TextDecoder('utf-8').decode(bytes.subarray(start, i)) + windows1252.decode(bytes.subarray(i, i + 1));
      invalid++;
      i++;
      start = i;
    } else {
      if (length > 1) multibyte++;
      i += length;
    }
  }
  out += new TextDecoder('utf-8').decode(bytes.subarray(start));
  // A file with more stray bytes than UTF-8 characters is Windows-1252 through and through.
  return invalid > multibyte ? windows1252.decode(bytes) : out;
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
