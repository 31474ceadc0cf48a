import type { Translate } from './i18n/strings.ts';
import { wallClock } from './wall-clock.ts';
import { scriptOf } from './i18n/languages.ts';

/** Dates, numbers and durations as readers of the story's language expect them. */

/** A date in the story's language, e.g. "5 January 2026" or "January 5, 2026": the day it is in the story's time zone (UTC when it names none). */
export function formatDate(date: Date, language: string, timeZone = 'UTC'): string {
  const key = `${language}\0${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone })));
  return format.format(date);
}

/** One formatter per language and zone: making one costs more than formatting a thousand dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The machine-readable form of a date for `<time datetime>`: its day in the story's time zone (`2026-01-05`). */
export function isoDate(date: Date, timeZone = 'UTC'): string {
  return wallClock(date, timeZone).slice(0, 10);
}

/** A whole number with the language's grouping, e.g. "12,345". */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Archive-style chapter count: "3/?" while the total is unknown, "3/12" when 12 are expected, "12/12" once complete. */
export function chapterCountLabel(published: number, expected: number | undefined, language: string): string {
  return `${formatNumber(published, language)}/${expected === undefined ? '?' : formatNumber(expected, language)}`;
}

/** "1 word", "2,310 words". */
export function wordsLabel(words: number, t: Translate): string {
  return t('count.words', { count: words });
}

/** "12 min", "1 h 15 min". */
export function durationLabel(minutes: number, t: Translate): string {
  return minutes < 60
    ? t('duration.minutes', { minutes })
    : t('duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** "1 min read", "1 h 15 min read". */
export function readingTimeLabel(minutes: number, t: Translate): string {
  return t('duration.read', { duration: durationLabel(minutes, t) });
}

/** A file size: "12 KB", "1.3 MB". */
export function fileSizeLabel(bytes: number, t: Translate): string {
  const mb = bytes / 1024 / 1024;
  return mb < 1
    ? t('size.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) })
    : t('size.megabytes', { size: new Intl.NumberFormat(t.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(mb) });
}

/**
 * What separates the items of a list (tags, characters) in a language: the one
 * `Intl.ListFormat` puts between the first items (", " in English, "、" in Japanese and
 * Chinese, " " in Thai); Arabic-script languages take the Arabic comma "، " (ICU joins them
 * with "and").
 */
export function listSeparator(language: string): string {
  if (scriptOf(language) === 'Arab') return '، ';
  const [first] = new Intl.ListFormat(language, { type: 'conjunction' })
    .formatToParts(['a', 'b', 'c', 'd'])
    .filter((part) => part.type === 'literal');
  return first?.value ?? ', ';
}
