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

/** What a check found: how many words were kept, and the first passage lost, if any. */
export interface Fidelity {
  source: number;
  kept: number;
  /** Some source words around the first one missing from the output. */
  firstLoss: string | undefined;
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

/** Compares the source's words (in order) with the output's. */
export function compareWords(source: string[], output: string[]): Fidelity {
  const available = new Map<string, number>();
  for (const word of output) available.set(word, (available.get(word) ?? 0) + 1);
  let kept = 0;
  let firstLoss: number | undefined;
  source.forEach((word, index) => {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      available.set(word, left - 1);
      kept++;
    } else firstLoss ??= index;
  });
  const passage =
    firstLoss === undefined
      ? undefined
      : `${firstLoss > 6 ? '… ' : ''}${source.slice(Math.max(0, firstLoss - 6), firstLoss + 7).join(' ')}${firstLoss + 7 < source.length ? ' …' : ''}`;
  return { source: source.length, kept, firstLoss: passage };
}
