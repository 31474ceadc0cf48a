import { fold } from './search-terms.ts';

/**
 * Hebrew and Arabic (and, for its verbs, Persian) join short words to the next one: ב (in), ה (the), ו (and)… in Hebrew,
 * ال (the), و (and), ب (with)… in Arabic. `במגדלור` is "in the lighthouse": a search for
 * `מגדלור` must find it. Only these known prefixes, in the orders the languages join them,
 * are taken off (never any letters a word happens to start with), so results are not flooded.
 */

const hebrew = (() => {
  const forms: string[] = [];
  for (const and of ['', 'ו'])
    for (const that of ['', 'ש', 'כש'])
      for (const preposition of ['', 'מ', 'ל', 'ב', 'כ'])
        for (const the of ['', 'ה']) {
          const prefix = and + that + preposition + the;
          if (prefix) forms.push(prefix);
        }
  return forms;
})();

const arabic = (() => {
  const forms: string[] = [];
  for (const and of ['', 'و', 'ف'])
    for (const preposition of ['', 'ب', 'ك', 'ل'])
      for (const the of ['', 'ال']) {
        // ل + ال is written لل.
        const prefix = preposition === 'ل' && the ? `${and}لل` : and + preposition + the;
        if (prefix) forms.push(prefix);
      }
  return forms;
})();

/**
 * Persian writes the present and continuous of every verb with می (نمی negated) before the stem,
 * joined by a zero-width non-joiner or, as many type it, by nothing: `می‌بارید`, "was raining",
 * holds `بارید`, "rained". The one prefix, both ways it is typed.
 */
const persian = ['نمی\u200c', 'می\u200c', 'نمی', 'می'];

/** The prefixes a language joins to words, longest first; none for other languages. */
export function wordPrefixes(language: string): readonly string[] {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  const list = primary === 'he' || primary === 'iw' ? hebrew : primary === 'ar' ? arabic : primary === 'fa' ? persian : [];
  return [...list].sort((a, b) => b.length - a.length);
}

/** A word as the text may write it: itself, and with each prefix of the language (none in other languages). */
export function prefixedForms(word: string, language: string): string[] {
  return [word, ...wordPrefixes(language).map((prefix) => prefix + word)];
}

/**
 * Whether `word` (from the text) is `term` with one of the language's prefixes; both as written
 * or both folded as a search compares them (`fold`: Persian's yeh as Arabic's).
 */
export function hasPrefixOf(word: string, term: string, language: string): boolean {
  return word.length > term.length && word.endsWith(term) && prefixForms(language).has(word.slice(0, word.length - term.length));
}

/** Each language's prefixes as written and as folded, made once: the highlighter asks for every word of a chapter. */
const prefixSets = new Map<string, ReadonlySet<string>>();
function prefixForms(language: string): ReadonlySet<string> {
  let forms = prefixSets.get(language);
  if (!forms) prefixSets.set(language, (forms = new Set(wordPrefixes(language).flatMap((prefix) => [prefix, fold(prefix)]))));
  return forms;
}
