import type { Chapter } from './story.ts';

/** One chapter in the feed. */
export interface FeedEntry {
  chapter: Chapter;
  /** The chapter's date, or for an undated chapter the date of the last dated chapter before it. */
  date: Date | undefined;
}

/**
 * Published chapters newest first. A chapter without `published` takes the date of the
 * closest dated chapter before it in reading order (or none), so the feed is the same on
 * every build of the same content.
 */
export function feedEntries(chapters: readonly Chapter[]): FeedEntry[] {
  let previous: Date | undefined;
  const entries = chapters.map((chapter, index) => {
    previous = chapter.published ?? previous;
    return { chapter, date: previous, index };
  });
  return entries
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || b.index - a.index)
    .map(({ chapter, date }) => ({ chapter, date }));
}
