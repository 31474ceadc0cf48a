/** Word counts and reading time, the same on the build and in the browser. */

const wordChar = /[\p{L}\p{N}]/u;
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
let segmenter: Intl.Segmenter | undefined;

/**
 * Counts words the way readers and archives do: runs of text between spaces that hold a
 * letter or digit ("pain-such" and "Giry's" are one word each). Scripts written without
 * spaces (Chinese, Japanese, Thai) are counted by the platform's word segmenter.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (!wordChar.test(token)) continue;
    if (cjk.test(token)) {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const segment of segmenter.segment(token)) if (segment.isWordLike) words++;
    } else {
      words++;
    }
  }
  return words;
}

/** Words a minute for estimated reading time: a common figure for adult silent reading of fiction. */
export const wordsPerMinute = 230;

/** Estimated reading time in whole minutes, at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
