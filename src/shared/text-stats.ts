/** Word counts and reading time, the same on the build and in the browser. */

import { isCjk } from './i18n/languages.ts';

const wordChar = /[\p{L}\p{N}]/u;
/**
 * A character of a script written without spaces between words, each a word to readers and
 * archives (AO3 counts them so): Chinese, Japanese kana, Korean syllables.
 */
export const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const character = new RegExp(cjkCharacter.source, 'gu');
/** Scripts written without spaces whose words the platform's segmenter finds (Thai and its neighbours). */
export const unspaced = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;

/**
 * Counts words the way readers and archives do: runs of text between spaces that hold a
 * letter or digit ("pain-such" and "Giry's" are one word each); each Chinese, Japanese or
 * Korean character counts as one (as on AO3, and as those readers count length); Thai and
 * its neighbours, written without spaces, by the platform's word segmenter. Mixed text
 * counts each part its own way.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (!wordChar.test(token)) continue;
    const characters = token.match(character)?.length ?? 0;
    words += characters;
    const rest = characters > 0 ? token.replace(character, ' ') : token;
    if (characters > 0) {
      for (const part of rest.split(/\s+/)) if (wordChar.test(part)) words += countSpaced(part);
    } else {
      words += countSpaced(rest);
    }
  }
  return words;
}

function countSpaced(token: string): number {
  if (!unspaced.test(token)) return 1;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(token)) if (segment.isWordLike) words++;
  return words;
}

/** Words a minute for estimated reading time: a common figure for adult silent reading of fiction. */
export const wordsPerMinute = 230;
/** Characters a minute for Chinese, Japanese and Korean text, read by character. */
export const charactersPerMinute = 500;

/** Estimated reading time in whole minutes, at least one for any text, at the pace of the story's language. */
export function readingMinutes(words: number, language: string): number {
  if (words === 0) return 0;
  return Math.max(1, Math.round(words / (isCjk(language) ? charactersPerMinute : wordsPerMinute)));
}
