/**
 * Languages as archives name them (AO3 shows each in its own language), to their BCP 47
 * tags for `story.md`.
 */
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
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(tag) || tag === 'und') return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
