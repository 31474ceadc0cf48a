import type { en } from './en.ts';

/** A message with one form per plural category of the language (`other` always). */
export type PluralMessage = { other: string } & { [category in Exclude<Intl.LDMLPluralRule, 'other'>]?: string | undefined };
/** A user-facing string: plain, or by plural category. `{name}` marks a value. */
export type Message = string | PluralMessage;
/** Every key of the strings module; English (`en.ts`) defines them all. */
export type StringKey = keyof typeof en;
/** A complete set of strings for one language. */
export type Messages = Record<StringKey, Message>;
/** Values for a message's `{placeholders}`; numbers are formatted for the language. */
export type Values = Record<string, string | number>;
/** A piece of a message split at its placeholders, for markup between the words. */
export type Part = string | { placeholder: string };

/** Looks up the strings of one language; built by `createStrings`. */
export interface Translate {
  (key: StringKey, values?: Values): string;
  /** The BCP 47 tag the strings follow (dates, numbers, plurals). */
  readonly language: string;
  /** A message split at its placeholders, e.g. for a link inside a sentence. */
  parts(key: StringKey, values?: Values): Part[];
  /**
   * The `lang` an element showing this message needs, when its words are in another language
   * than the page's (WCAG 3.1.2): the interface's (`en`) on a page in a language not translated,
   * unless the author gave the message in their own words (`labels`); else none.
   */
  lang(key: StringKey): string | undefined;
  /** The `lang` for the story's own words put inside this message (a chapter title, a date): the page's, when the message is marked with another. */
  langInside(key: StringKey): string | undefined;
}

/**
 * Builds the lookup for `language` from its messages. Numbers follow `Intl.NumberFormat` in
 * `language`; plurals follow `Intl.PluralRules` of the language the messages are written in
 * (`wording`: English's for a story in a language not translated, so "1 match", not Thai's
 * "1 matches"). A key with no message shows the key itself, so a gap is visible, not silent.
 */
export function createStrings(
  language: string,
  messages: Partial<Messages>,
  wording = language,
  /** The keys whose messages are the author's own, in the page's language whatever `wording` is. */
  own: ReadonlySet<string> = new Set(),
): Translate {
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const foreign = primary(wording) === primary(language) ? undefined : wording;
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  const choose = (message: Message, values: Values): string => {
    if (typeof message === 'string') return message;
    const count = values.count;
    if (typeof count !== 'number') return message.other;
    plurals ??= new Intl.PluralRules(wording);
    return message[plurals.select(count)] ?? message.other;
  };
  const show = (value: string | number) => {
    if (typeof value === 'string') return value;
    numbers ??= new Intl.NumberFormat(language);
    return numbers.format(value);
  };
  const parts = (key: StringKey, values: Values = {}): Part[] => {
    const message = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (message === undefined) return [key];
    const result: Part[] = [];
    for (const [index, piece] of choose(message, values)
      .split(/\{(\w+)\}/)
      .entries()) {
      if (index % 2 === 0) {
        if (piece) result.push(piece);
      } else if (Object.hasOwn(values, piece)) {
        result.push(show(values[piece]!));
      } else {
        result.push({ placeholder: piece });
      }
    }
    return result;
  };
  const lang = (key: StringKey) => (foreign === undefined || own.has(key) ? undefined : foreign);
  const t = (key: StringKey, values?: Values) =>
    parts(key, values)
      .map((part) => (typeof part === 'string' ? part : `{${part.placeholder}}`))
      .join('');
  return Object.assign(t, {
    language,
    parts,
    lang,
    langInside: (key: StringKey) => (lang(key) === undefined ? undefined : language),
  });
}
