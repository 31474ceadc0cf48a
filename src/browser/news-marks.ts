import type { Translate } from '../shared/i18n/strings.ts';
import { data } from '../shared/contract.ts';
import { chapterMarks, type ReadingState } from '../shared/reading-progress.ts';

/**
 * Marks list entries (`li[data-slug]`, the contents or a chapter's menu) New or Updated for
 * this reader, after the entry's link; gives the entries marked New, in list order.
 */
export function markNews(items: HTMLElement[], state: ReadingState, t: Translate): HTMLElement[] {
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
    label.textContent = t(mark === 'new' ? 'toc.new' : 'toc.updated');
    item.querySelector('a')?.after(' ', label);
  }
  return fresh;
}
