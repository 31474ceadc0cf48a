import { en } from './en.ts';
import { createStrings, type Messages, type Translate } from './strings.ts';

export { createStrings, type Message, type Messages, type StringKey, type Translate, type Values } from './strings.ts';

/**
 * The messages of the story's language, with the author's own wording (`labels` in
 * `story.md`) over them. Build-time only: it holds every language; browser scripts get
 * just the story's (`virtual:quire/strings`).
 */
export function messagesFor(_language: string, labels: Partial<Record<string, unknown>> = {}): Messages {
  const own = Object.fromEntries(Object.entries(labels).filter(([key]) => key in en)) as Partial<Messages>;
  return { ...en, ...own };
}

/** The strings of the story's language, for pages, the feed and the EPUB. */
export function stringsFor(language: string, labels: Partial<Record<string, unknown>> = {}): Translate {
  return createStrings(language, messagesFor(language, labels));
}
