/**
 * giscus (https://giscus.app), the comments the site can show under each chapter: where it
 * is, and which of its interface languages and themes a page asks for. Shared by the page
 * (its policy, its markup) and the browser script that loads it when a reader asks.
 */

/** giscus's origin: the page policy allows it, on chapter pages, only when comments are configured. */
export const giscusOrigin = 'https://giscus.app';

/** giscus's interface languages (its `availableLanguages`, lib/i18n.tsx), by the tags it uses. */
const languages = new Set('ar be bg ca cs da de en eo es eu fa fr he hi hu id it ja ko nl pl pt ro ru th tr uk uz vi'.split(' '));
/** Languages giscus names by tags of its own: Greek `gr`, Khmer `kh`, Serbian, Croatian and Bosnian as Serbo-Croatian `hbs`. */
const ownTags: Readonly<Record<string, string>> = { el: 'gr', km: 'kh', sr: 'hbs', hr: 'hbs', bs: 'hbs', sh: 'hbs' };

/**
 * The giscus language for a story's language: zh-Hans → zh-CN, zh-Hant → zh-TW (Hong Kong's
 * zh-HK), Greek → gr, else the base language when giscus speaks it, else English.
 */
export function giscusLanguage(tag: string): string {
  const locale = new Intl.Locale(tag).maximize();
  if (locale.language === 'zh') return locale.script !== 'Hant' ? 'zh-CN' : locale.region === 'HK' ? 'zh-HK' : 'zh-TW';
  if (Object.hasOwn(ownTags, locale.language)) return ownTags[locale.language]!;
  return languages.has(locale.language) ? locale.language : 'en';
}

/** The giscus theme for the reader's theme (`data-theme` on `<html>`): auto follows the system, sepia reads as light. */
export function giscusTheme(readerTheme: string | undefined): string {
  if (readerTheme === 'dark') return 'dark';
  if (readerTheme === 'light' || readerTheme === 'sepia') return 'light';
  return 'preferred_color_scheme';
}
