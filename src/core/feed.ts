import { partOf } from './navigation.ts';
import type { Chapter } from './story.ts';

/** One chapter in the feed. */
export interface FeedEntry {
  chapter: Chapter;
  /** The chapter's date, or for an undated chapter the date of the last dated chapter before it. */
  date: Date | undefined;
  /** When it was revised (`revised`, after its date): the feed carries it as updated, at that date. */
  revised: Date | undefined;
  /** The part of the story it is in, which tells apart each book's "Chapter 1" in a reader showing the item alone. */
  part: string | undefined;
}

/**
 * Published chapters newest first, a revised chapter at its revision. A chapter without
 * `published` takes the date of the closest dated chapter before it in reading order (or
 * none), so the feed is the same on every build of the same content.
 */
export function feedEntries(chapters: readonly Chapter[]): FeedEntry[] {
  let previous: Date | undefined;
  const entries = chapters.map((chapter, index) => {
    previous = chapter.published ?? previous;
    const revised = chapter.revised && (!previous || chapter.revised > previous) ? chapter.revised : undefined;
    return { chapter, date: previous, revised, part: partOf(chapters, index), index };
  });
  const time = (entry: (typeof entries)[number]) => (entry.revised ?? entry.date)?.getTime() ?? 0;
  return entries
    .sort((a, b) => time(b) - time(a) || b.index - a.index)
    .map(({ chapter, date, revised, part }) => ({ chapter, date, revised, part }));
}
