/**
 * What a text's letters say of its language: the script most of them are in, and the language
 * that script names when it names one (Hangul: Korean; Thai; Hebrew; Han with kana: Japanese).
 * Latin letters, which dozens of languages share, name none. Used where a story's language was
 * never given (an import from Word or a text file) and to warn when the one given does not fit
 * its text (`language: en` left from the sample over chapters in Chinese): the page's language
 * decides how search splits words, how quotes are set and which way the text runs.
 */

/** Scripts by their ISO 15924 code, as `Intl.Locale#maximize` names a language's, with the language each alone names. */
const scripts: { code: string; test: RegExp; language?: string }[] = [
  { code: 'Latn', test: /\p{Script=Latin}/u },
  { code: 'Hani', test: /\p{Script=Han}/u },
  { code: 'Kana', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: 'ja' },
  { code: 'Hang', test: /\p{Script=Hangul}/u, language: 'ko' },
  { code: 'Cyrl', test: /\p{Script=Cyrillic}/u },
  { code: 'Grek', test: /\p{Script=Greek}/u, language: 'el' },
  { code: 'Arab', test: /\p{Script=Arabic}/u },
  { code: 'Hebr', test: /\p{Script=Hebrew}/u, language: 'he' },
  { code: 'Thai', test: /\p{Script=Thai}/u, language: 'th' },
  { code: 'Deva', test: /\p{Script=Devanagari}/u, language: 'hi' },
  { code: 'Beng', test: /\p{Script=Bengali}/u, language: 'bn' },
  { code: 'Taml', test: /\p{Script=Tamil}/u, language: 'ta' },
  { code: 'Telu', test: /\p{Script=Telugu}/u, language: 'te' },
  { code: 'Geor', test: /\p{Script=Georgian}/u, language: 'ka' },
  { code: 'Armn', test: /\p{Script=Armenian}/u, language: 'hy' },
  { code: 'Ethi', test: /\p{Script=Ethiopic}/u, language: 'am' },
  { code: 'Khmr', test: /\p{Script=Khmer}/u, language: 'km' },
  { code: 'Mymr', test: /\p{Script=Myanmar}/u, language: 'my' },
  { code: 'Sinh', test: /\p{Script=Sinhala}/u, language: 'si' },
];

/** The scripts a language's own script stands for: Japanese is written in Han and kana, Korean in Hangul and Han. */
const writtenWith: Record<string, string[]> = {
  Jpan: ['Hani', 'Kana'],
  Kore: ['Hang', 'Hani'],
  Hans: ['Hani'],
  Hant: ['Hani'],
};

/** How many letters to read: enough to know, few enough to stay quick on a long story. */
const sample = 20_000;

/** The script most of a text's letters are in (`Hani` for Chinese, Japanese counted as `Kana`…), and the language it names, if any. */
export function writtenIn(text: string): { script: string; language: string | undefined } | undefined {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const char of text) {
    if (letters >= sample) break;
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    const script = scripts.find(({ test }) => test.test(char));
    if (script) counts.set(script.code, (counts.get(script.code) ?? 0) + 1);
  }
  if (letters < 20) return undefined;
  const han = counts.get('Hani') ?? 0;
  const kana = counts.get('Kana') ?? 0;
  // Japanese: Han and kana together, kana a share of them (a Chinese text quoting a Japanese name has a few).
  if (kana > 0 && kana >= (han + kana) * 0.05) counts.set('Kana', han + kana);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] < letters * 0.5) return undefined;
  const [script] = top;
  return { script, language: script === 'Hani' ? 'zh' : languageOf(script, text) };
}

/** The language a script names, telling apart the languages that share it where their letters do. */
function languageOf(script: string, text: string): string | undefined {
  const head = text.slice(0, sample * 2);
  if (script === 'Cyrl') {
    if (/[іїєґ]/iu.test(head)) return 'uk';
    if (/[ђћџљњј]/iu.test(head)) return 'sr';
    return /[ыэъё]/iu.test(head) ? 'ru' : undefined;
  }
  if (script === 'Arab') {
    if (/[ٹڈڑںےھ]/u.test(head)) return 'ur';
    if (/[پچژگ]/u.test(head) || /ی/u.test(head)) return 'fa';
    return 'ar';
  }
  return scripts.find(({ code }) => code === script)?.language;
}

/** Whether a text in `script` (as writtenIn names it) is written as `language` is (`zh` and Hani, `ja` and Kana, `en` and Latn). */
export function fitsLanguage(script: string, language: string): boolean {
  let own: string | undefined;
  try {
    own = new Intl.Locale(language).maximize().script;
  } catch {
    return true;
  }
  if (!own) return true;
  return (writtenWith[own] ?? [own]).includes(script);
}
