/**
 * What a language tag says about writing: which translation fits it, which way its text
 * runs, and whether it is written without spaces between words. Pure, for build and browser.
 */

/** Languages written right to left (by their primary subtag), and scripts that are. */
const rtlLanguages = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'ha-arab',
  'he',
  'iw',
  'ks',
  'ku-arab',
  'lrc',
  'mzn',
  'nqo',
  'pa-arab',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const rtlScripts = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);

/** The subtags of a tag, lowercased: `zh-Hant-TW` → ['zh', 'hant', 'tw']. */
function subtags(language: string): string[] {
  return language.toLowerCase().split(/[-_]/);
}

/** `rtl` for Arabic, Hebrew, Persian, Urdu… (or any tag naming a right-to-left script), else `ltr`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const [primary = '', ...rest] = subtags(language);
  const script = rest.find((part) => part.length === 4);
  if (script) return rtlScripts.has(script) ? 'rtl' : 'ltr';
  return rtlLanguages.has(primary) ? 'rtl' : 'ltr';
}

/** Chinese, Japanese and Korean: counted by character, read by character. */
export function isCjk(language: string): boolean {
  return ['zh', 'ja', 'ko', 'yue', 'wuu', 'cmn', 'lzh'].includes(subtags(language)[0] ?? '');
}

/** Regions and scripts of Chinese written in traditional characters. */
const traditionalChinese = new Set(['hant', 'tw', 'hk', 'mo']);

/**
 * The translation for a tag, among `available` (tags such as `pt`, `zh-Hant`): the tag
 * itself, then Chinese by script (`zh-TW` → `zh-Hant`, `zh`/`zh-CN` → `zh-Hans`), then the
 * primary language (`pt-BR` → `pt`), then English.
 */
export function translationFor(language: string, available: readonly string[]): string {
  const lower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  const exact = lower.get(language.toLowerCase());
  if (exact) return exact;
  const [primary = '', ...rest] = subtags(language);
  if (primary === 'zh' || primary === 'yue' || primary === 'cmn') {
    const traditional = rest.some((part) => traditionalChinese.has(part)) || (primary === 'yue' && !rest.includes('hans'));
    const chinese = lower.get(traditional ? 'zh-hant' : 'zh-hans');
    if (chinese) return chinese;
  }
  return lower.get(primary === 'iw' ? 'he' : primary) ?? 'en';
}
