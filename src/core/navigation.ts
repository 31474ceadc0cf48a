import type { Chapter } from './story.ts';

/** A link to a neighbouring chapter. */
export interface ChapterLink {
  href: string;
  title: string;
}

/** Where a chapter sits in the story: its neighbours, and whether it is the last one. */
export interface ChapterPosition {
  prev: ChapterLink | undefined;
  next: ChapterLink | undefined;
  /** 1-based position in reading order. */
  number: number;
  total: number;
}

/** The previous and next chapters of `chapters[index]`, with hrefs built by `href`. */
export function chapterPosition(chapters: readonly Chapter[], index: number, href: (chapter: Chapter) => string): ChapterPosition {
  if (!Number.isInteger(index) || index < 0 || index >= chapters.length) {
    throw new RangeError(`No chapter at index ${index} of ${chapters.length}`);
  }
  const link = (chapter: Chapter | undefined): ChapterLink | undefined => chapter && { href: href(chapter), title: chapter.title };
  return {
    prev: link(chapters[index - 1]),
    next: link(chapters[index + 1]),
    number: index + 1,
    total: chapters.length,
  };
}
