import { parseDate } from '../core/dates.ts';
import type { ImportedChapter, ImportedWork } from './model.ts';

/**
 * Files of chapters alone in the order of their weight, as Hugo orders a section's pages (lighter
 * first; a site's pages weighed 10, 20, 30), when each is one chapter with a weight. Undefined
 * when that is not what they are, or they are in that order already; stable, as Hugo is.
 */
export function weightOrder<T extends { work: ImportedWork }>(works: readonly T[]): T[] | undefined {
  return orderedBy(works, (chapter) => chapter.weight);
}

/**
 * Files of chapters alone in the order they were published, when each is one dated chapter and
 * none is numbered: a blog's posts (Jekyll's, Hugo's, WordPress's), which a folder lists by
 * name (`a-storm.md` before `the-calm.md`) and the blog by date. Undefined when that is not what
 * they are, or they are in that order already; the sort is stable, so posts of one day keep theirs.
 */
export function publishedOrder<T extends { work: ImportedWork }>(works: readonly T[]): T[] | undefined {
  return orderedBy(works, (chapter) => {
    if (chapter.kind !== 'chapter' || chapter.number !== undefined) return undefined;
    // A Markdown post's date stays in its frontmatter, written as it was.
    const published = chapter.published ?? chapter.markdown?.frontmatter.published;
    return typeof published === 'string' ? parseDate(published)?.getTime() : undefined;
  });
}

/**
 * Files each of one chapter alone, sorted (stably) by what `key` reads of it; undefined when a
 * file is not one chapter alone, or has no key, or they are in that order already.
 */
function orderedBy<T extends { work: ImportedWork }>(
  works: readonly T[],
  key: (chapter: ImportedChapter) => number | undefined,
): T[] | undefined {
  if (works.length < 2) return undefined;
  const keys = works.map(({ work }) => (work.story === undefined && work.chapters.length === 1 ? key(work.chapters[0]!) : undefined));
  if (keys.some((value) => value === undefined)) return undefined;
  const sorted = works.map((item, index) => ({ item, key: keys[index]! })).sort((a, b) => a.key - b.key);
  return sorted.some(({ item }, index) => item !== works[index]) ? sorted.map(({ item }) => item) : undefined;
}
