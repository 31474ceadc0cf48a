import { problems } from '../core/problems.ts';
import { ImportError } from './model.ts';

/**
 * The most paragraphs and other elements an input may hold: the longest serials (four million
 * words) hold some 400,000, read in about half a minute; each costs time and memory, and a small
 * hostile file of millions of empty paragraphs (a 70 KB Word document holds 700,000) would take
 * many minutes and more memory than the import has. More than this, the file is refused, before
 * it is parsed where its text can be counted.
 */
export const maxInputElements = 600_000;

/** The refusal of an input of more than `maxInputElements`. */
export const overfull = (file: string) => new ImportError(problems.ManyElements.message(file, maxInputElements));

/**
 * Refuses, naming the file, a text holding more than `maxInputElements` of the elements to come,
 * found by `pattern` (`per` matches to an element: a tag opens and closes); counts no further.
 */
export function refuseOverfull(text: string, file: string, pattern: RegExp, per = 1): void {
  if (matchesUpTo(text, pattern, maxInputElements * per) > maxInputElements * per) throw overfull(file);
}

/** How many times `pattern` matches in `text`, counting no further than one past `limit`. */
export function matchesUpTo(text: string, pattern: RegExp, limit: number): number {
  const found = new RegExp(pattern.source, 'gu');
  let count = 0;
  while (count <= limit && found.exec(text)) count++;
  return count;
}

/** An element's start tag in markup (`<p>`, `<p/>`): a count of the elements to come, before parsing. */
export const startTag = /<[A-Za-z]/;

/**
 * The deepest an input's elements may nest: written stories nest a few dozen deep (a Word page's
 * boxes, quotes in lists), and every step after reading walks the tree by recursion, which a
 * hostile file nesting thousands deep would overflow, and in time growing with its depth (a page
 * of 6,000 nested blocks took twenty seconds to be refused). Deeper than this, the file is
 * refused, as soon as it is parsed.
 */
export const maxInputDepth = 1000;

/** Thrown by a parser whose tree nests deeper than `maxInputDepth`; the import refuses the file, naming it. */
export class NestedTooDeepError extends Error {}
