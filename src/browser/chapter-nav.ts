import { data, readingKey } from '../shared/contract.ts';
import { noteVisit, parseReadingState } from '../shared/reading-progress.ts';
import { KeyboardShortcuts } from './keys.ts';
import { markNews } from './news-marks.ts';
import { safeStorage } from './storage.ts';
import { siteStrings } from './strings.ts';

/**
 * `<quire-chapter-nav>`: previous/next chapter links. With `data-keys`, the arrow keys follow
 * this navigation's own links, like turning pages in an e-reader: the arrow pointing back
 * against the reading direction goes back (← in English, → in Arabic or Hebrew).
 */
export class ChapterNav extends KeyboardShortcuts {
  override connectedCallback(): void {
    super.connectedCallback();
    // The navigation with the chapter menu (above the text) notes the visit and marks what is news.
    const menu = this.querySelector('.menu');
    if (!menu) return;
    const storage = safeStorage();
    const key = readingKey(import.meta.env.BASE_URL);
    const state = noteVisit(parseReadingState(storage?.getItem(key)), Date.now());
    storage?.setItem(key, JSON.stringify(state));
    const t = siteStrings();
    if (markNews([...menu.querySelectorAll<HTMLElement>(`li[${data.slug}]`)], state, t).length > 0) {
      const mark = Object.assign(document.createElement('span'), { className: 'news-mark new', textContent: t('toc.new') });
      menu.querySelector('summary')?.append(' ', mark);
    }
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const back = getComputedStyle(this).direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const link = this.querySelector<HTMLAnchorElement>(`a[rel="${event.key === back ? 'prev' : 'next'}"]`);
    if (!link) return;
    event.preventDefault();
    link.click();
  }
}
