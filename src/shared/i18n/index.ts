import { en } from './en.ts';
import { createStrings, type Message, type Messages, type Translate } from './strings.ts';
import { ar } from './translations/ar.ts';
import { de } from './translations/de.ts';
import { es } from './translations/es.ts';
import { fa } from './translations/fa.ts';
import { fr } from './translations/fr.ts';
import { he } from './translations/he.ts';
import { id } from './translations/id.ts';
import { it } from './translations/it.ts';
import { ja } from './translations/ja.ts';
import { ko } from './translations/ko.ts';
import { nl } from './translations/nl.ts';
import { pl } from './translations/pl.ts';
import { pt } from './translations/pt.ts';
import { ru } from './translations/ru.ts';
import { th } from './translations/th.ts';
import { tr } from './translations/tr.ts';
import { uk } from './translations/uk.ts';
import { vi } from './translations/vi.ts';
import { zhHans } from './translations/zh-Hans.ts';
import { zhHant } from './translations/zh-Hant.ts';
import { textDirection, translationFor } from './languages.ts';

export { createStrings, type Message, type Messages, type StringKey, type Translate, type Values } from './strings.ts';
export { isCjk, scriptOf, textDirection, translationFor } from './languages.ts';

/** Every language the site speaks, by the tag `translationFor` gives. */
export const translations: Readonly<Record<string, Messages>> = {
  en,
  es,
  pt,
  fr,
  de,
  it,
  nl,
  pl,
  ru,
  uk,
  tr,
  id,
  vi,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ja,
  ko,
  ar,
  he,
  fa,
  th,
};

/**
 * The messages of the story's language (`pt-BR` → Portuguese, `zh-TW` → traditional
 * Chinese, a language not translated → English), with the author's own wording (`labels` in
 * `story.md`, checked by the story schema) over them. Build-time only: it holds every
 * language; browser scripts get just the story's (`virtual:quire/strings`).
 */
export function messagesFor(language: string, labels: Readonly<Record<string, Message>> = {}): Messages {
  const wording = interfaceLanguage(language);
  const base = translations[wording] ?? en;
  // English on a page written right to left (Urdu, Yiddish, Pashto): its arrows point the way the page reads, as the keys go.
  const turned = textDirection(language) === textDirection(wording) ? base : mirroredArrows(base);
  return { ...turned, ...ownMessages(labels) };
}

/** Messages with their arrows (← →) pointing the other way. */
function mirroredArrows(messages: Messages): Messages {
  const turn = (text: string) => text.replace(/[←→]/g, (arrow) => (arrow === '←' ? '→' : '←'));
  return Object.fromEntries(
    Object.entries(messages).map(([key, message]) => [
      key,
      typeof message === 'string'
        ? turn(message)
        : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, text && turn(text)])),
    ]),
  ) as Messages;
}

/** The keys the author worded (`labels`): in the story's language, whatever the interface's. */
export function ownKeys(labels: Readonly<Record<string, Message>>): string[] {
  return Object.keys(ownMessages(labels));
}

/** The author's own wording of the site's strings (`labels`), for the keys there are. */
function ownMessages(labels: Readonly<Record<string, Message>>): Partial<Messages> {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => Object.hasOwn(en, key))) as Partial<Messages>;
}

/** The strings of the story's language, for pages, the feed and the EPUB. */
export function stringsFor(language: string, labels: Readonly<Record<string, Message>> = {}): Translate {
  return createStrings(language, messagesFor(language, labels), interfaceLanguage(language), new Set(ownKeys(labels)));
}

/** The language the site's own words are in for a story in `language`: its translation's, else English. */
export function interfaceLanguage(language: string): string {
  return translationFor(language, Object.keys(translations));
}
