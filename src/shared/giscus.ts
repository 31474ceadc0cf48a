/**
 * giscus (https://giscus.app), the comments the site can show under each chapter: where it
 * is, and which of its interface languages and themes a page asks for. Shared by the page
 * (its policy, its markup) and the browser script that loads it when a reader asks.
 */

/** giscus's origin: the page policy allows it, on chapter pages, only when comments are configured. */
export const giscusOrigin = 'https://giscus.app';

/** giscus's interface languages (its `locales`), by the tags it uses. */
const languages = ['ar', 'de', 'en', 'es', 'fr', 'he', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'vi', 'zh-CN', 'zh-TW'];

/** The giscus language for a story's language: zh-Hans → zh-CN, zh-Hant → zh-TW, else the base language, else English. */
export function giscusLanguage(tag: string): string {
  const locale = new Intl.Locale(tag).maximize();
  if (locale.language === 'zh') return locale.script === 'Hant' ? 'zh-TW' : 'zh-CN';
  return languages.includes(locale.language) ? locale.language : 'en';
}

/** The giscus theme for the reader's theme (`data-theme` on `<html>`): auto follows the system, sepia reads as light. */
export function giscusTheme(readerTheme: string | undefined): string {
  if (readerTheme === 'dark') return 'dark';
  if (readerTheme === 'light' || readerTheme === 'sepia') return 'light';
  return 'preferred_color_scheme';
}
