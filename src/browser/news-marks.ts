import { data, readingKey } from '../shared/contract.ts';
import { chapterMarks } from '../shared/news.ts';
import { parseReadingState, type ReadingState } from '../shared/reading-progress.ts';
import { renameChapters } from '../shared/renamed-chapters.ts';
import { safeStorage } from './storage.ts';

/** The words of the marks, as the page gives them on the list (`newsMarkAttributes`), so no strings are loaded for them. */
export interface NewsLabels {
  new: string;
  updated: string;
  /** Their language, when not the page's (`data-marks-lang`). */
  lang: string | undefined;
}

/** The labels a list carries. */
export function newsLabels(list: HTMLElement): NewsLabels {
  return {
    new: list.getAttribute(data.newMark) ?? '',
    updated: list.getAttribute(data.updatedMark) ?? '',
    lang: list.getAttribute(data.marksLang) ?? undefined,
  };
}

/** The chapters renamed since a reader may have known them, as list entries tell (`data-aliases`): each old slug to the chapter's. */
export function renamesOf(items: readonly HTMLElement[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const item of items) {
    const slug = item.getAttribute(data.slug)!;
    for (const alias of item.getAttribute(data.aliases)?.split(' ') ?? []) if (alias) renames.set(alias, slug);
  }
  return renames;
}

/**
 * Marks list entries (`li[data-slug]`, the contents or a chapter's menu) New or Updated for
 * this reader, after the entry's link; gives the entries marked New, in list order.
 */
export function markNews(items: HTMLElement[], state: ReadingState, labels: NewsLabels): HTMLElement[] {
  const marks = chapterMarks(
    state,
    items.map((item) => ({ slug: item.getAttribute(data.slug)!, revised: item.getAttribute(data.revised) ?? undefined })),
  );
  const fresh: HTMLElement[] = [];
  for (const item of items) {
    const mark = marks.get(item.getAttribute(data.slug)!);
    if (!mark) continue;
    if (mark === 'new') fresh.push(item);
    const label = document.createElement('span');
    label.className = `news-mark ${mark}`;
    if (labels.lang) label.lang = labels.lang;
    label.textContent = labels[mark];
    item.querySelector('a')?.after(' ', label);
  }
  return fresh;
}

/** Marks a chapter menu's New and Updated chapters, and the menu itself when any is new. */
export function markMenu(menu: HTMLElement): void {
  const items = [...menu.querySelectorAll<HTMLElement>(`li[${data.slug}]`)];
  const state = renameChapters(parseReadingState(safeStorage()?.getItem(readingKey(import.meta.env.BASE_URL))), renamesOf(items));
  const labels = newsLabels(menu);
  if (markNews(items, state, labels).length > 0) {
    const mark = Object.assign(document.createElement('span'), { className: 'news-mark new', textContent: labels.new });
    if (labels.lang) mark.lang = labels.lang;
    menu.querySelector('summary')?.append(' ', mark);
  }
}
