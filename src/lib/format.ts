/** Labels shown to readers, formatted for the story's language. */

/** A date as readers expect it in the story's language, e.g. "5 January 2026" or "January 5, 2026". */
export function formatDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The machine-readable form of a date for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A whole number with the language's grouping, e.g. "12,345". */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Archive-style chapter count: "3/?" while a story is in progress, "12/12" once complete. */
export function chapterCountLabel(published: number, status: 'in-progress' | 'complete'): string {
  return `${published}/${status === 'complete' ? published : '?'}`;
}

/** "1 word", "2,310 words". */
export function wordsLabel(words: number, language: string): string {
  return `${formatNumber(words, language)} ${words === 1 ? 'word' : 'words'}`;
}

/** "12 min", "1 h 15 min". */
export function durationLabel(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1 min read", "1 h 15 min read". */
export function readingTimeLabel(minutes: number): string {
  return `${durationLabel(minutes)} read`;
}
