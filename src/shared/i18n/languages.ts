/**
 * What a language tag says about writing: which translation fits it, which way its text
 * runs, and whether it is written without spaces between words. Pure, for build and browser.
 */

/** Scripts written right to left: Arabic, Hebrew, Syriac, Thaana, N’Ko, Adlam, Hanifi Rohingya. */
const rtlScripts = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg']);
/** Scripts of Chinese, Japanese and Korean. */
const cjkScripts = new Set(['Hani', 'Hans', 'Hant', 'Jpan', 'Kore', 'Hang']);

/**
 * The script a tag is written in, as the language's own data says (`Intl.Locale#maximize`:
 * `fa` → Arab, `zh-TW` → Hant, `ja` → Jpan); none for a tag `Intl` does not know.
 */
export function scriptOf(language: string): string | undefined {
  try {
    return new Intl.Locale(language.replace(/_/g, '-')).maximize().script;
  } catch {
    return undefined;
  }
}

/** `rtl` for Arabic, Hebrew, Persian, Urdu… (any tag whose script runs right to left), else `ltr`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return rtlScripts.has(scriptOf(language) ?? '') ? 'rtl' : 'ltr';
}

/** Chinese, Japanese and Korean: counted by character, read by character. */
export function isCjk(language: string): boolean {
  return cjkScripts.has(scriptOf(language) ?? '');
}

/** Japanese (`ja`, `ja-JP`: any tag written in its script), whose web novels mark ruby as `｜漢字《かんじ》`. */
export function isJapanese(language: string): boolean {
  return scriptOf(language) === 'Jpan';
}

/**
 * The translation for a tag, among `available` (tags such as `pt`, `zh-Hant`): the tag
 * itself, then Chinese by script (`zh-TW` → `zh-Hant`, `zh`/`zh-CN` → `zh-Hans`, Cantonese
 * traditional), then the primary language (`pt-BR` → `pt`), then English.
 */
export function translationFor(language: string, available: readonly string[]): string {
  const lower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  const exact = lower.get(language.toLowerCase());
  if (exact) return exact;
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'zh' || primary === 'yue' || primary === 'cmn') {
    const chinese = lower.get(scriptOf(language) === 'Hant' ? 'zh-hant' : 'zh-hans');
    if (chinese) return chinese;
  }
  return lower.get(primary === 'iw' ? 'he' : primary) ?? 'en';
}
