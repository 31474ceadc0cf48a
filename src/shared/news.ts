import type { ReadingState } from './reading-progress.ts';

/** A chapter as its list entry tells it: its slug, the day it was revised, if it was, and its old slugs. */
export interface ListedChapter {
  slug: string;
  revised: string | undefined;
  /** The addresses it had before (its file renamed): a reader who knew or read it by one knows it. */
  aliases?: readonly string[];
}

/**
 * What is news to this reader: chapters out since their last visit that they have not opened
 * (New), and chapters revised since they last opened them (Updated). Nothing on a first visit.
 */
export function chapterMarks(state: ReadingState, chapters: readonly ListedChapter[]): Map<string, 'new' | 'updated'> {
  const marks = new Map<string, 'new' | 'updated'>();
  if (!state.since) return marks;
  const since = new Set(state.since);
  for (const { slug, revised, aliases = [] } of chapters) {
    const names = [slug, ...aliases];
    const times = names.flatMap((name) => (state.opened[name] === undefined ? [] : [state.opened[name]]));
    const opened = times.length > 0 ? Math.max(...times) : undefined;
    if (!names.some((name) => since.has(name)) && opened === undefined) marks.set(slug, 'new');
    else if (revised && opened !== undefined && opened < Date.parse(revised)) marks.set(slug, 'updated');
  }
  return marks;
}
