import { fold } from './search-terms.ts';
import { cjkCharacter } from './text-stats.ts';

/** The known name closest to a mistyped one ("autorsNote" → "authorsNote"), if any is close enough. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** Levenshtein distance, counting a swap of two neighbours as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * "Did you mean": the query with each word the story never uses replaced by the closest one
 * it does (`chessbord` → `chessboard`); `vocabulary` is the story's words, folded, the most
 * used first (which wins a tie). Nothing when every word is the story's, or none is close.
 */
export function suggestQuery(query: string, vocabulary: readonly string[]): string | undefined {
  const known = new Set(vocabulary);
  let changed = false;
  const suggested = query.replace(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu, (word) => {
    const folded = fold(word).replace(/’/g, "'");
    if (known.has(folded) || folded.length < 3) return word;
    const near = closest(
      folded,
      vocabulary.filter((candidate) => Math.abs(candidate.length - folded.length) <= 2),
    );
    if (near === undefined) return word;
    changed = true;
    return near;
  });
  return changed ? suggested : undefined;
}

/** The story's words for `suggestQuery`: folded, those of spaced scripts, the most used first. */
export function vocabulary(texts: Iterable<string>): string[] {
  // A long story says the same few thousand words again and again: each is counted as written,
  // then folded once.
  const written = new Map<string, number>();
  for (const text of texts) {
    for (const [word] of text.matchAll(/[\p{L}\p{M}]{3,}(?:['’][\p{L}\p{M}]+)*/gu)) written.set(word, (written.get(word) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [word, count] of written) {
    if (cjkCharacter.test(word)) continue;
    const folded = fold(word).replace(/’/g, "'");
    counts.set(folded, (counts.get(folded) ?? 0) + count);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}
