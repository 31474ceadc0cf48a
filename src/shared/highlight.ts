import { fold } from './search-terms.ts';

/** A stretch of a text that matched a search term. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Cuts common English endings so "dancers" also marks "dancer" (Pagefind stems queries too). */
function stem(term: string): string {
  return term.length > 4 ? term.replace(/(?:'s|ies|es|s|ing|ed)$/, '') : term;
}

/**
 * Where the query terms occur in `text`: words that start with a term (or its stem),
 * ignoring case, accents and the style of apostrophe.
 */
export function findMatches(text: string, terms: readonly string[]): TextMatch[] {
  if (terms.length === 0) return [];
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = fold(char).replace(/’/g, "'");
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += char.length;
  }
  origin.push(offset);
  const alternatives = [...new Set(terms.map(stem))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{N}]*(?:'[\\p{L}]+)?`, 'gu');
  return [...folded.matchAll(pattern)].map((match) => ({
    start: origin[match.index]!,
    end: origin[match.index + match[0].length]!,
  }));
}
