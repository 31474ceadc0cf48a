import { paragraphNumber } from './contract.ts';
import type { ReadingState } from './reading-progress.ts';

/** A chapter as the table of contents knows it, for the time left. */
export interface ChapterLength {
  slug: string;
  words: number;
  paragraphs: number;
}

/**
 * Words left to read from where the reader is: the rest of the last chapter opened
 * (by paragraph) and every chapter after it. All of them when nothing was opened yet.
 */
export function wordsLeft(chapters: readonly ChapterLength[], state: ReadingState): number {
  const index = state.last ? chapters.findIndex((chapter) => chapter.slug === state.last!.slug) : -1;
  if (index === -1) return chapters.reduce((sum, chapter) => sum + chapter.words, 0);
  const current = chapters[index]!;
  const done = Math.min(1, Math.max(0, (paragraphNumber(state.last!.paragraph) - 1) / Math.max(1, current.paragraphs)));
  const rest = chapters.slice(index + 1).reduce((sum, chapter) => sum + chapter.words, 0);
  return Math.round(current.words * (1 - done)) + rest;
}
