/**
 * A language's BCP 47 tag from how people write it: as archives name languages (AO3 shows each
 * in its own language), as tools write tags (`en_US`), or in words in English or in the
 * language itself (`Tagalog`, `Chinese (Traditional)`, `中文`), as `Intl` names them. The
 * importer reads a source's language with it; the story check suggests the tag to write.
 */

/** Languages as archives name them, to their tags. */
const names: Record<string, string> = {
  english: 'en',
  español: 'es',
  spanish: 'es',
  'português brasileiro': 'pt-BR',
  'português europeu': 'pt-PT',
  português: 'pt',
  portuguese: 'pt',
  français: 'fr',
  french: 'fr',
  deutsch: 'de',
  german: 'de',
  italiano: 'it',
  italian: 'it',
  nederlands: 'nl',
  dutch: 'nl',
  polski: 'pl',
  polish: 'pl',
  русский: 'ru',
  russian: 'ru',
  українська: 'uk',
  ukrainian: 'uk',
  türkçe: 'tr',
  turkish: 'tr',
  'bahasa indonesia': 'id',
  indonesian: 'id',
  'tiếng việt': 'vi',
  vietnamese: 'vi',
  '中文-普通话 國語': 'zh',
  '中文-普通话 国语': 'zh',
  中文: 'zh',
  chinese: 'zh',
  '中文-广东话 粵語': 'yue',
  日本語: 'ja',
  japanese: 'ja',
  한국어: 'ko',
  한국말: 'ko',
  korean: 'ko',
  العربية: 'ar',
  arabic: 'ar',
  עברית: 'he',
  hebrew: 'he',
  فارسی: 'fa',
  čeština: 'cs',
  svenska: 'sv',
  suomi: 'fi',
  dansk: 'da',
  norsk: 'no',
  magyar: 'hu',
  română: 'ro',
  ελληνικά: 'el',
  català: 'ca',
  filipino: 'fil',
  tagalog: 'tl',
  farsi: 'fa',
  ภาษาไทย: 'th',
  'lietuvių kalba': 'lt',
  slovenčina: 'sk',
  hrvatski: 'hr',
  српски: 'sr',
  български: 'bg',
  'bahasa malaysia': 'ms',
};

/**
 * The BCP 47 tag for a language as a source gives it: a name ("Español" → es), or a tag as
 * written by tools that do not follow BCP 47 (`en_US` → en-US, `"fr"` → fr, `zh_Hant_TW` →
 * zh-Hant-TW), in its canonical form; undefined for what is no language (`C`, `POSIX`, `und`).
 */
export function languageTag(name: string): string | undefined {
  const key = name
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .trim()
    .toLowerCase();
  if (Object.hasOwn(names, key)) return names[key];
  const tag = key.replace(/_/g, '-').replace(/\.[\w-]+$/, '');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(tag)) return languageNamed(key);
  if (tag === 'und') return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * Whether a tag is one browsers take (`en`, `fr-CA`, `zh-Hant`): a BCP 47 tag's shape that the
 * browser's own language data (`Intl`) knows. The shape alone lets through tags no browser
 * knows ("en-12"), on which dates and plurals fail.
 */
export function isLanguageTag(tag: string): boolean {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** Tags with a script or region that stories are told in, named apart ("Traditional Chinese", "Brazilian Portuguese"). */
const variants = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK', 'pt-BR', 'pt-PT', 'en-US', 'en-GB', 'es-MX', 'es-419', 'fr-CA', 'sr-Latn'];

/**
 * The tag of a language named in words, in English or in itself, among the two-letter codes
 * `Intl` knows and the variants above, as a menu or a heading names them ("Traditional
 * Chinese", "Chinese (Traditional)", "繁體中文"); undefined for any other text.
 */
function languageNamed(name: string): string | undefined {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const wanted = fold(name);
  // A code is no name ("en"); a name in letters of another script may be two long (中文).
  if (/^[a-z]{0,3}$/.test(wanted)) return undefined;
  // Each tag named as a menu and as a heading would name it ("Traditional Chinese", "Chinese (Traditional)").
  const namers = (locale: string) =>
    (['dialect', 'standard'] as const).flatMap((languageDisplay) => {
      try {
        return [new Intl.DisplayNames([locale], { type: 'language', fallback: 'none', languageDisplay })];
      } catch {
        // a code Intl names but holds no data in
        return [];
      }
    });
  const english = namers('en');
  const named = (tag: string, by: Intl.DisplayNames[]) => by.some((namer) => fold(namer.of(tag) ?? '') === wanted);
  return [...variants, ...twoLetterCodes()].find((tag) => named(tag, english) || named(tag, namers(tag)));
}

/** Every two-letter code, aa to zz, for `Intl` to name. */
const twoLetterCodes = (): string[] =>
  Array.from({ length: 26 * 26 }, (_, index) => String.fromCharCode(97 + Math.floor(index / 26), 97 + (index % 26)));
