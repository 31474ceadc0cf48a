import { fold } from './search-terms.ts';
import { cjkCharacter } from './text-stats.ts';

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
 * ignoring case, accents and the style of apostrophe. A Chinese, Japanese or Korean term
 * is found wherever it occurs, as those scripts put no spaces between words.
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
  const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byLength = (a: string, b: string) => b.length - a.length;
  const words = [...new Set(terms.filter((term) => !cjkCharacter.test(term)).map(stem))].filter(Boolean).sort(byLength).map(escape);
  const characters = [...new Set(terms.filter((term) => cjkCharacter.test(term)))].sort(byLength).map(escape);
  const alternatives = [
    ...(characters.length > 0 ? [`(?:${characters.join('|')})`] : []),
    ...(words.length > 0 ? [`(?<![\\p{L}\\p{N}])(?:${words.join('|')})[\\p{L}\\p{N}]*(?:'[\\p{L}]+)?`] : []),
  ];
  if (alternatives.length === 0) return [];
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  return [...folded.matchAll(pattern)].map((match) => ({
    start: origin[match.index]!,
    end: origin[match.index + match[0].length]!,
  }));
}
