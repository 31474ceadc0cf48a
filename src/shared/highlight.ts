import { hasPrefixOf } from './prefixes.ts';
import { fold, joinedPieces, queryTerms } from './search-terms.ts';
import { cjkCharacter, unspaced } from './text-stats.ts';

/** A stretch of a text that matched a search term. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Cuts common English endings so "dancers" also marks "dancer" (Pagefind stems queries too). */
function stem(term: string): string {
  return term.length > 4 ? term.replace(/(?:'s|ies|es|s|ing|ed)$/, '') : term;
}

/** What a search asked for: phrases (quoted, their words together and in order) and single words. */
export interface SearchQuery {
  phrases: string[][];
  words: string[];
  /** The text's language, when its words take prefixes (Hebrew, Arabic): `מגדלור` marks `במגדלור`. */
  language?: string | undefined;
}

/**
 * Reads a query as the search box means it: `"the white mask"` is a phrase, every other word
 * a word. Terms are folded as the text is (case, accents, apostrophes).
 */
export function parseQuery(query: string, language?: string): SearchQuery {
  const { phrases, rest } = queryParts(query);
  return { phrases: phrases.map(queryTerms).filter((terms) => terms.length > 0), words: queryTerms(rest), language };
}

/** A query's quoted phrases (in any language's quotation marks) and the rest of it, as typed. */
export function queryParts(query: string): { phrases: string[]; rest: string } {
  const phrases: string[] = [];
  const rest = query.replace(/["“”„«»「」]([^"“”„«»「」]+)["“”„«»「」]?/gu, (_, phrase: string) => {
    phrases.push(phrase);
    return ' ';
  });
  return { phrases, rest };
}

/** A word of a text (folded), where it is in the original. */
interface Token {
  word: string;
  start: number;
  end: number;
}

/** The text folded character by character, with where each folded character came from. */
function folded(text: string): { folded: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = fold(char).replace(/’/g, "'");
    for (let i = 0; i < f.length; i++) origin.push(offset);
    out += f;
    offset += char.length;
  }
  origin.push(offset);
  return { folded: out, origin };
}

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a search's hits are in `text`: each phrase where its words stand together in order
 * (across spaces and punctuation), each word as a whole word or another form of it
 * ("dancers" marks "dancer", "the" never marks "they"). Chinese, Japanese and Korean terms,
 * written without spaces, are found wherever they occur (a phrase's parts joined); Thai ones
 * wherever they begin and end on the word boundaries of the platform's segmenter.
 * Ignores case, accents and the style of apostrophe.
 */
export function findHits(text: string, query: SearchQuery): TextMatch[] {
  const { folded: flat, origin } = folded(text);
  const hits: TextMatch[] = [];
  const at = (start: number, end: number) => hits.push({ start: origin[start]!, end: origin[end]! });
  // A zero-width (non-)joiner is inside a word (Persian's `می‌بارید`, `کتاب‌ها`): no end of one.
  const tokens: Token[] = [...flat.matchAll(/[\p{L}\p{N}\p{M}]+(?:['\u200c\u200d][\p{L}\p{N}\p{M}]+)*/gu)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const matches = (word: string, term: string) =>
    word === term || stem(word) === stem(term) || (query.language !== undefined && hasPrefixOf(word, term, query.language));
  // The word typed with its joiners or without (the query has none), or one of the pieces they join
  // (`کتاب` marks `کتاب‌ها`, "books"): the whole word is marked, as the results page marks it.
  const same = (word: string, term: string) => {
    const pieces = joinedPieces(word);
    return matches(pieces.join(''), term) || (pieces.length > 1 && pieces.some((piece) => matches(piece, term)));
  };
  const cjkTerms: string[] = [];
  const segmentedTerms: string[] = [];
  for (const phrase of query.phrases) {
    if (phrase.some((term) => cjkCharacter.test(term))) {
      cjkTerms.push(phrase.join(''));
      continue;
    }
    if (phrase.some((term) => unspaced.test(term))) {
      segmentedTerms.push(phrase.join(''));
      continue;
    }
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((term, j) => same(tokens[i + j]!.word, term))) at(tokens[i]!.start, tokens[i + phrase.length - 1]!.end);
    }
  }
  const words = query.words.filter((term) => !cjkCharacter.test(term) && !unspaced.test(term));
  cjkTerms.push(...query.words.filter((term) => cjkCharacter.test(term)));
  segmentedTerms.push(...query.words.filter((term) => unspaced.test(term) && !cjkCharacter.test(term)));
  if (segmentedTerms.length > 0) {
    // Thai and its neighbours: where the term starts and ends on the platform's word boundaries, never inside a word.
    const boundaries = new Set([flat.length]);
    for (const { index } of new Intl.Segmenter(query.language, { granularity: 'word' }).segment(flat)) boundaries.add(index);
    for (const term of new Set(segmentedTerms)) {
      for (let start = flat.indexOf(term); start >= 0; start = flat.indexOf(term, start + 1)) {
        if (boundaries.has(start) && boundaries.has(start + term.length)) at(start, start + term.length);
      }
    }
  }
  for (const token of tokens) if (words.some((term) => same(token.word, term))) at(token.start, token.end);
  if (cjkTerms.length > 0) {
    const pattern = new RegExp(
      [...new Set(cjkTerms)]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|'),
      'gu',
    );
    for (const match of flat.matchAll(pattern)) at(match.index, match.index + match[0].length);
  }
  // In reading order; where a word hit falls inside a phrase hit (or a CJK term inside a word), the longer stands.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((hit, index) => !hits.slice(0, index).some((other) => other.start <= hit.start && other.end >= hit.end));
}
