import type { ReadingState } from './reading-progress.ts';
import type { Translate } from './i18n/strings.ts';
import { data } from './contract.ts';

/** The attributes of a list whose New and Updated marks the browser writes: their words, and their language when not the page's (news-marks.ts reads them). */
export function newsMarkAttributes(t: Translate): Record<string, string | undefined> {
  return { [data.newMark]: t('toc.new'), [data.updatedMark]: t('toc.updated'), [data.marksLang]: t.lang('toc.new') };
}

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
