/** Plain text of a chapter's Markdown: markup, link targets and HTML tags removed, paragraphs kept. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^ {0,3}(?:[*_-] *){3,}$/gm, '')
    .replace(/^ {0,3}(?:#{1,6} +|> ?|[*+-] +(?=\S)|\d+[.)] +)/gm, '')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const wordChar = /[\p{L}\p{N}]/u;
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

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

/** The first sentences of a text, cut at a word boundary to at most `max` characters. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** "Interlude: Letters & Lies" → "interlude-letters-lies". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
