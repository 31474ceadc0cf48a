import { cjkCharacter } from '../shared/text-stats.ts';

/**
 * Whether an import kept every word: the words a reader of the source sees (minus what was
 * set aside as metadata or dropped as boilerplate) against the words of the written files
 * as the site renders them. Words are compared as a multiset, so reordering (end notes moved
 * after the last chapter) is fine, and a loss anywhere is found.
 */

/** A CJK character in a token, to split before. */
const beforeCjk = new RegExp(`(?=${cjkCharacter.source})`, 'u');

/** The words of a text, for comparing: case, accents' composition and quote styles folded; CJK by character. */
export function fidelityWords(text: string): string[] {
  const words: string[] = [];
  for (const [token] of text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:'[\p{L}\p{N}\p{M}]+)*/gu)) {
    if (cjkCharacter.test(token)) words.push(...token.split(beforeCjk).filter(Boolean));
    else words.push(token);
  }
  return words;
}

/** What a check found: how many words were kept, and the first passage lost, if any; how many words were added. */
export interface Fidelity {
  source: number;
  kept: number;
  /** Some source words around the first one missing from the output. */
  firstLoss: string | undefined;
  /** Words of the output that the source does not have (text written twice, say). */
  added: number;
  /** Some output words around the first one added. */
  firstAddition: string | undefined;
  /** Chapters written in another order than the source has them, said as a sentence; none when in order. */
  disorder: string | undefined;
}

/** `words` less one of each of `removed` (a multiset difference), order kept. */
export function withoutWords(words: string[], removed: string[]): string[] {
  const left = new Map<string, number>();
  for (const word of removed) left.set(word, (left.get(word) ?? 0) + 1);
  return words.filter((word) => {
    const count = left.get(word) ?? 0;
    if (count === 0) return true;
    left.set(word, count - 1);
    return false;
  });
}

/** The words around `index`, for showing where something went wrong. */
function passage(words: string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  return `${index > 6 ? '… ' : ''}${words.slice(Math.max(0, index - 6), index + 7).join(' ')}${index + 7 < words.length ? ' …' : ''}`;
}

/** The index of the first word of `words` not found in `pool` (as a multiset, used up as it goes), and how many were not. */
function unmatched(words: string[], pool: string[]): { count: number; first: number | undefined } {
  const available = new Map<string, number>();
  for (const word of pool) available.set(word, (available.get(word) ?? 0) + 1);
  let count = 0;
  let first: number | undefined;
  words.forEach((word, index) => {
    const left = available.get(word) ?? 0;
    if (left > 0) available.set(word, left - 1);
    else {
      count++;
      first ??= index;
    }
  });
  return { count, first };
}

/**
 * Compares the source's words (in order) with the output's: what was lost, what was added,
 * and whether the chapters (each its title and its text's words) follow the source's order.
 */
export function compareWords(source: string[], output: string[], chapters: { title: string; words: string[] }[] = []): Fidelity {
  const lost = unmatched(source, output);
  const added = unmatched(output, source);
  return {
    source: source.length,
    kept: source.length - lost.count,
    firstLoss: passage(source, lost.first),
    added: added.count,
    firstAddition: passage(output, added.first),
    disorder: disorder(source, chapters),
  };
}

/**
 * Where chapters are written in another order than their text has in the source: each
 * chapter's opening words are looked for in the source after the chapter before it.
 */
function disorder(source: string[], chapters: { title: string; words: string[] }[]): string | undefined {
  const text = ` ${source.join(' ')} `;
  let last = 0;
  let before: string | undefined;
  for (const { title, words } of chapters) {
    // A short opening could stand anywhere; eight words stand in one place.
    if (words.length < 8) continue;
    const opening = ` ${words.slice(0, 8).join(' ')} `;
    const at = text.indexOf(opening, last);
    if (at >= 0) {
      last = at;
      before = title;
    } else if (text.includes(opening)) {
      return `“${title}” comes before “${before}” in the source, but after it in what would be written`;
    }
  }
  return undefined;
}
