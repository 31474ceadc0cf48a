import { language, messages, own, wording } from 'virtual:quire/strings';
import { createStrings, type StringKey, type Translate } from '../shared/i18n/strings.ts';

let strings: Translate | undefined;

/** The story's strings in its language, bundled at build time (src/integrations/strings.ts). */
export function siteStrings(): Translate {
  strings ??= createStrings(language, messages, wording, new Set(own));
  return strings;
}

/** `element`, marked with the language of the message `key` when it is not the page's (the site's own words on a page in a language not translated). */
export function inLanguageOf<T extends HTMLElement>(element: T, t: Translate, key: StringKey): T {
  const lang = t.lang(key);
  if (lang) element.lang = lang;
  return element;
}
