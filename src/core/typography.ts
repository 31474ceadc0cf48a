import { translationFor } from '../shared/i18n/languages.ts';

/**
 * Typographer's quotes, dashes and ellipses, the SmartyPants way: `"` and `'` become
 * the story language's quotation marks by what surrounds them, `--` and `---` an em dash
 * (the typewriter convention fiction pasted as plain text follows), `...` an ellipsis; in
 * French, no-break spaces where French typesetting puts them. Only punctuation and spacing
 * change; every letter stays as written. Used by the Markdown pipeline.
 */

/** How a language writes quotations: the outer pair, the pair inside them, and French spacing. */
export interface QuoteStyle {
  double: readonly [open: string, close: string];
  single: readonly [open: string, close: string];
  /** A no-break space inside « » and before : (U+00A0), and a narrow one before ; ! ? (U+202F). */
  frenchSpacing?: boolean;
}

const english: QuoteStyle = { double: ['“', '”'], single: ['‘', '’'] };
const guillemets: QuoteStyle = { double: ['«', '»'], single: ['“', '”'] };
const eastSlavic: QuoteStyle = { double: ['«', '»'], single: ['„', '“'] };
const corner: QuoteStyle = { double: ['「', '」'], single: ['『', '』'] };
const german: QuoteStyle = { double: ['„', '“'], single: ['‚', '‘'] };
const lowHigh: QuoteStyle = { double: ['„', '”'], single: ['«', '»'] };
const nordic: QuoteStyle = { double: ['”', '”'], single: ['’', '’'] };
const norwegian: QuoteStyle = { double: ['«', '»'], single: ['‘', '’'] };

/**
 * Each language's quotation marks, by the tags `translationFor` gives (a regional tag falls back
 * to its language): the interface languages' (CLDR's, and the translations review's for Hebrew
 * and Arabic), and CLDR 47's for the languages of Europe and around it that write other marks than
 * English does; any other language writes English's. `straight` keeps `"` and `'` as typed.
 */
export const quoteStyles = {
  en: english,
  de: german,
  fr: { ...guillemets, frenchSpacing: true },
  es: guillemets,
  it: guillemets,
  pt: english,
  'pt-PT': guillemets,
  nl: english,
  pl: lowHigh,
  ru: eastSlavic,
  uk: eastSlavic,
  tr: english,
  id: english,
  vi: english,
  th: english,
  'zh-Hans': english,
  'zh-Hant': corner,
  ja: corner,
  ko: english,
  ar: guillemets,
  he: { double: ['„', '”'], single: ['‚', '’'] },
  // Beyond the interface languages.
  be: eastSlavic,
  bg: { double: ['„', '“'], single: ['„', '“'] },
  lt: { double: ['„', '“'], single: ['„', '“'] },
  bs: { double: ['„', '”'], single: ['‘', '’'] },
  ca: guillemets,
  cs: german,
  sk: german,
  sl: german,
  hr: german,
  mk: german,
  et: german,
  is: german,
  el: guillemets,
  eu: guillemets,
  sq: guillemets,
  kk: guillemets,
  fa: { double: ['«', '»'], single: ['‹', '›'] },
  'fr-CH': { double: ['«', '»'], single: ['‹', '›'] },
  fi: nordic,
  sv: nordic,
  nb: norwegian,
  nn: norwegian,
  no: norwegian,
  hu: { double: ['„', '”'], single: ['»', '«'] },
  hy: { double: ['«', '»'], single: ['«', '»'] },
  ka: { double: ['„', '“'], single: ['«', '»'] },
  ro: lowHigh,
  sr: { double: ['„', '”'], single: ['’', '’'] },
  straight: { double: ['"', '"'], single: ["'", "'"] },
} satisfies Record<string, QuoteStyle>;

export type QuoteStyleName = keyof typeof quoteStyles;

/** The quotation marks of a story: the author's choice (`quotes:` in story.md), else its language's, else English. */
export function quoteStyle(language: string, choice?: QuoteStyleName): QuoteStyle {
  return quoteStyles[choice ?? (translationFor(language, Object.keys(quoteStyles)) as QuoteStyleName)] ?? english;
}

/** Characters after which a quote opens rather than closes. */
const opensAfter = /[\s([{<“‘]/u;
/** After a dash a quote opens a word ("-'twas") and closes otherwise ("awfu-"). */
const dash = /[\u2014\u2013\-/]/u;
const wordChar = /[\p{L}\p{N}]/u;

function opens(previous: string, next: string): boolean {
  return opensAfter.test(previous) || (dash.test(previous) && wordChar.test(next));
}

/** A height or a length in feet and inches as typed (`5'10"`, `6' 2.5"`): primes, not quotes. */
const feetAndInches = /(\d)'(\s?\d{1,2}(?:\.\d+)?)"/g;
/** "Rock 'n' roll", "fish 'n' chips": two apostrophes (letters left out), no quotation. */
const andBetween = /(?<=\s)'n'(?=\s)/g;

/** Smartens one text, given the character that came before it, with a language's quotation marks. */
export function smarten(text: string, before = ' ', style: QuoteStyle = english): string {
  const dashed = text
    .replace(/-{2,3}/g, '\u2014')
    .replace(/\.\.\.|\. \. \./g, '\u2026')
    .replace(feetAndInches, style === quoteStyles.straight ? '$&' : '$1\u2032$2\u2033')
    .replace(andBetween, style === quoteStyles.straight ? '$&' : '\u2019n\u2019');
  let out = '';
  let previous = before;
  let singleOpen = false;
  for (let i = 0; i < dashed.length; i++) {
    const char = dashed[i]!;
    const next = dashed[i + 1] ?? ' ';
    if (char === '"') {
      out += style.double[opens(previous, next) ? 0 : 1];
    } else if (char === "'") {
      // An apostrophe is one in every language (it's, Giry's, dancers', '90s); quotes are the language's.
      // After a word it closes a quotation opened before it (`'the lamp'?`), else it is an apostrophe.
      const apostrophe = style === quoteStyles.straight ? "'" : '’';
      if (wordChar.test(previous) && !(singleOpen && !wordChar.test(next))) out += apostrophe;
      else if (/\d/.test(next) && /\d\d(?:s|\b)/.test(dashed.slice(i + 1, i + 4))) out += apostrophe;
      else {
        singleOpen = opens(previous, next);
        out += style.single[singleOpen ? 0 : 1];
      }
    } else {
      out += char;
    }
    previous = char;
  }
  return style.frenchSpacing ? frenchSpaced(out, before) : out;
}

const nbsp = '\u00a0';
const narrow = '\u202f';

/**
 * French spacing: a no-break space inside « » and before a colon, a narrow no-break space
 * before ; ! ? — replacing the space typed there, or added where none was (`Quoi?` →
 * `Quoi ?`), only before punctuation that ends a clause (a web address's `://` is left alone).
 */
export function frenchSpaced(text: string, before = ' '): string {
  const spaced = text
    .replace(/«[ \t\u00a0\u202f]*/g, `«${nbsp}`)
    .replace(/[ \t\u00a0\u202f]*»/g, `${nbsp}»`)
    .replace(/[ \t\u00a0]+(?=[;!?])/g, narrow)
    .replace(/[ \t\u202f]+(?=:)/g, nbsp);
  // Where no space was typed, one is added; the character before this text decides at its start.
  const added = (before + spaced)
    .replace(/(?<=[\p{L}\p{N}»”’)\]…])(?=[;!?]+(?:$|[\s»”’)\]…,.]))/gu, narrow)
    .replace(/(?<=[\p{L}»”’)\]…])(?=:(?:$|\s))/gu, nbsp);
  return added.slice(before.length);
}
