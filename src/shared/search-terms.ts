/** Query helpers shared by the search page and the in-chapter highlighter. */

/**
 * Latin letters that are a plain letter marked, or two letters, but that Unicode writes as one
 * of their own (no accent to strip): a reader at a keyboard without them types "zloto" for
 * "złoto", "isik" for "ışık", "Sorensen" for "Sørensen", "strasse" for "Straße" (as German
 * itself writes it in capitals and in Switzerland).
 */
const ownLetters: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ħ: 'h', ŧ: 't' };
const ownLetter = new RegExp(`[${Object.keys(ownLetters).join('')}]`, 'g');

/**
 * Lowercases and strips accents: "Daaé" → "daae", "Straße" → "strasse". Only the accents of
 * Latin, Greek and Cyrillic letters: a Japanese が stays が, and Korean syllables stay whole.
 */
function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]+/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(ownLetter, (letter) => ownLetters[letter]!);
}

/**
 * The two ways of typing yeh and kaf in Arabic letters: Arabic's (ي ى ك), and Persian's and
 * Urdu's (ی ک), which keyboards give by the language they are set to, so that the same word of
 * a Persian story is often typed both ways.
 */
const arabicForms: Readonly<Record<string, string>> = { ی: 'ي', ى: 'ي', ک: 'ك' };
const persianForms: Readonly<Record<string, string>> = { ي: 'ی', ى: 'ی', ك: 'ک' };
/** Languages written with Persian's yeh and kaf. */
const persianLetters = new Set(['fa', 'ur', 'ps', 'ckb']);
/** Whether a language types yeh and kaf as Persian does (ی ک), not as Arabic (ي ك). */
export const typesPersianLetters = (language: string): boolean => persianLetters.has(language.toLowerCase().split('-')[0]!);

/** A word as a search compares it: without case and accents (`fold`), yeh and kaf in one form whichever way they were typed. */
export function fold(word: string): string {
  return foldAccents(word).replace(/[یىک]/g, (letter) => arabicForms[letter]!);
}

/**
 * A query with yeh and kaf as the story's language types them (`ايستاده` → `ایستاده` on a
 * Persian story, `کتاب` → `كتاب` on an Arabic one): the index holds the words as the story has
 * them, and a reader's keyboard may give the other form.
 */
export function withLetterForms(query: string, language: string): string {
  return typesPersianLetters(language)
    ? query.replace(/[يىك]/g, (letter) => persianForms[letter]!)
    : query.replace(/[یک]/g, (letter) => arabicForms[letter]!);
}

/**
 * Words of the story that carry diacritics, keyed by their folded form, for words that
 * never appear without them: `{ daae: 'daaé' }`. Pagefind matches accents exactly, so
 * the search page swaps a typed "Daae" for "daaé" before querying.
 */
export function accentVariants(texts: Iterable<string>): Record<string, string> {
  const plain = new Set<string>();
  const accented = new Map<string, Map<string, number>>();
  // A long story says the same few thousand words again and again: each is folded once.
  const folds = new Map<string, string>();
  for (const text of texts) {
    for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{M}]+/gu)) {
      let folded = folds.get(word);
      if (folded === undefined) folds.set(word, (folded = foldAccents(word)));
      if (folded === word) {
        plain.add(word);
        continue;
      }
      const forms = accented.get(folded) ?? new Map<string, number>();
      forms.set(word.normalize('NFC'), (forms.get(word.normalize('NFC')) ?? 0) + 1);
      accented.set(folded, forms);
    }
  }
  const variants: Record<string, string> = {};
  for (const [folded, forms] of [...accented].sort(([a], [b]) => a.localeCompare(b))) {
    if (plain.has(folded)) continue;
    const [mostUsed] = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (mostUsed) variants[folded] = mostUsed[0];
  }
  return variants;
}

/** Replaces each query word typed without accents by the story's accented spelling. */
export function withAccents(query: string, variants: Readonly<Record<string, string>>): string {
  return query.replace(/[\p{L}\p{M}]+/gu, (word) => (Object.hasOwn(variants, word.toLowerCase()) ? variants[word.toLowerCase()]! : word));
}

/**
 * The pieces zero-width joiners and non-joiners join into a word: they shape letters inside it
 * (Persian `می‌بارید`, Indic conjuncts) and writers put them in or leave them out, so the
 * highlighter neither splits a word at one nor tells a word typed with one from the same word without.
 */
export function joinedPieces(word: string): string[] {
  return word.split(/[\u200c\u200d]/);
}

/** Text without its joiners and non-joiners (`joinedPieces`). */
export function withoutJoiners(text: string): string {
  return joinedPieces(text).join('');
}

/** The words of a query, lowercased and folded, for highlighting hits in a chapter. */
export function queryTerms(query: string): string[] {
  const terms = [...withoutJoiners(query).matchAll(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu)].map(([word]) =>
    fold(word).replace(/’/g, "'"),
  );
  return [...new Set(terms)].filter((term) => term.length > 0);
}
