import { readingKey } from '../shared/contract.ts';
import { parseReadingState } from '../shared/reading-progress.ts';
import { KeyboardShortcuts } from './keys.ts';
import loadNewsMarks from 'lazy:./news-marks.ts';
import { safeStorage } from './storage.ts';

/**
 * `<quire-chapter-nav>`: previous/next chapter links. With `data-keys`, the arrow keys follow
 * this navigation's own links, like turning pages in an e-reader: the arrow pointing back
 * against the reading direction goes back (← in English, → in Arabic or Hebrew).
 */
export class ChapterNav extends KeyboardShortcuts {
  override connectedCallback(): void {
    super.connectedCallback();
    // The navigation with the chapter menu (above the text) notes the visit and marks what is news.
    // The menu marks what is new to a returning reader (one who has seen the contents): the code
    // for it loads only then. It only shows, and writes nothing, so a prerendered page may run it.
    const menu = this.querySelector<HTMLElement>('.menu');
    if (menu && parseReadingState(safeStorage()?.getItem(readingKey(import.meta.env.BASE_URL))).known !== undefined) {
      void loadNewsMarks().then(({ markMenu }) => markMenu(menu));
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
