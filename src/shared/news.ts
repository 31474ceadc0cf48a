import type { ReadingState } from './reading-progress.ts';

/** A chapter as its list entry tells it: its slug, and the day it was revised, if it was. */
export interface ListedChapter {
  slug: string;
  revised: string | undefined;
}

/**
 * What is news to this reader: chapters out since their last visit that they have not opened
 * (New), and chapters revised since they last opened them (Updated). Nothing on a first visit.
 */
export function chapterMarks(state: ReadingState, chapters: readonly ListedChapter[]): Map<string, 'new' | 'updated'> {
  const marks = new Map<string, 'new' | 'updated'>();
  if (!state.since) return marks;
  const since = new Set(state.since);
  for (const { slug, revised } of chapters) {
    const opened = state.opened[slug];
    if (!since.has(slug) && opened === undefined) marks.set(slug, 'new');
    else if (revised && opened !== undefined && opened < Date.parse(revised)) marks.set(slug, 'updated');
  }
  return marks;
}
