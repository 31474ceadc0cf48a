import { parseDate } from '../core/dates.ts';
import type { ImportedWork } from './model.ts';

/**
 * Files of chapters alone in the order they were published, when each is one dated chapter and
 * none is numbered: a blog's posts (Jekyll's, Hugo's, WordPress's), which a folder lists by
 * name (`a-storm.md` before `the-calm.md`) and the blog by date. Undefined when that is not what
 * they are, or they are in that order already; the sort is stable, so posts of one day keep theirs.
 */
export function publishedOrder<T extends { work: ImportedWork }>(works: readonly T[]): T[] | undefined {
  if (works.length < 2) return undefined;
  const dates = works.map(({ work }) => {
    const [chapter] = work.chapters;
    if (work.story !== undefined || work.chapters.length !== 1 || chapter!.kind !== 'chapter' || chapter!.number !== undefined)
      return undefined;
    // A Markdown post's date stays in its frontmatter, written as it was.
    const published = chapter!.published ?? chapter!.markdown?.frontmatter.published;
    return typeof published === 'string' ? parseDate(published)?.getTime() : undefined;
  });
  if (dates.some((date) => date === undefined)) return undefined;
  const sorted = works.map((item, index) => ({ item, date: dates[index]! })).sort((a, b) => a.date - b.date);
  return sorted.some(({ item }, index) => item !== works[index]) ? sorted.map(({ item }) => item) : undefined;
}
