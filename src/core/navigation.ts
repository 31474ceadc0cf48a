import { isoDate } from '../shared/format.ts';
import type { Chapter } from './story.ts';

/** A link to a neighbouring chapter. */
export interface ChapterLink {
  href: string;
  title: string;
  /** The part the linked chapter is in, where that is another part than this chapter's: the last of Book One leads on to Book Two's "Chapter 1". */
  part?: string | undefined;
}

/** Where a chapter sits in the story: its neighbours, and whether it is the last one. */
export interface ChapterPosition {
  prev: ChapterLink | undefined;
  next: ChapterLink | undefined;
  /** 1-based position in reading order. */
  number: number;
  total: number;
  /** The part of the story (a book, a volume, an arc) the chapter is in: the last one opened at or before it. */
  part: string | undefined;
  /** Whether another chapter has the same title (each book's "Chapter 1"): the page's title then names its part too. */
  titleShared?: boolean | undefined;
}

/** The previous and next chapters of `chapters[index]`, with hrefs built by `href`. */
export function chapterPosition(chapters: readonly Chapter[], index: number, href: (chapter: Chapter) => string): ChapterPosition {
  if (!Number.isInteger(index) || index < 0 || index >= chapters.length) {
    throw new RangeError(`No chapter at index ${index} of ${chapters.length}`);
  }
  const part = partOf(chapters, index);
  const link = (at: number): ChapterLink | undefined => {
    const chapter = chapters[at];
    if (!chapter) return undefined;
    const other = partOf(chapters, at);
    return { href: href(chapter), title: chapter.title, ...(other !== undefined && other !== part ? { part: other } : {}) };
  };
  return {
    prev: link(index - 1),
    next: link(index + 1),
    number: index + 1,
    total: chapters.length,
    part,
    titleShared: chapters.some((other, at) => at !== index && other.title === chapters[index]!.title),
  };
}

/** The part of the story `chapters[index]` is in: the last one opened at or before it. */
export function partOf(chapters: readonly Chapter[], index: number): string | undefined {
  return chapters.slice(0, index + 1).findLast((chapter) => chapter.part !== undefined)?.part;
}

/** An entry of the chapter menu on a chapter page. */
export interface MenuEntry {
  href: string;
  title: string;
  /** The chapter's slug, and the day it was revised (`YYYY-MM-DD`), for the reader's New and Updated marks. */
  slug: string;
  revised: string | undefined;
  /** The chapter's old slugs, by which a reader may have read it. */
  aliases: readonly string[];
  /** 1-based position in reading order, as the chapter's own page counts it ("3 of 12"). */
  number: number;
  /** Whether it is the chapter the reader is on. */
  current: boolean;
  /** The part of the story it opens, or, first in the menu, the part it is in: named over it. */
  part: string | undefined;
}

/**
 * The chapters a chapter page lists in its menu: all of them in a story of up to
 * `2 × around + 1` chapters, else the `around` on each side of the current one (a serial of
 * two thousand chapters stays light on every page); the full contents are a link away.
 */
export function chapterMenu(chapters: readonly Chapter[], index: number, href: (chapter: Chapter) => string, around = 3): MenuEntry[] {
  const start = Math.max(0, Math.min(index - around, chapters.length - 2 * around - 1));
  return chapters.slice(start, start + 2 * around + 1).map((chapter, offset) => ({
    href: href(chapter),
    title: chapter.title,
    slug: chapter.slug,
    revised: chapter.revised && isoDate(chapter.revised),
    aliases: chapter.aliases,
    number: start + offset + 1,
    current: chapter === chapters[index],
    part: offset === 0 ? partOf(chapters, start) : chapter.part,
  }));
}
