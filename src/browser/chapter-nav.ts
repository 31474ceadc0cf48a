import { KeyboardShortcuts } from './keys.ts';

/**
 * `<quire-chapter-nav>`: previous/next chapter links. With `data-keys`, the arrow keys follow
 * this navigation's own links, like turning pages in an e-reader: the arrow pointing back
 * against the reading direction goes back (← in English, → in Arabic or Hebrew).
 */
export class ChapterNav extends KeyboardShortcuts {
  protected onKey(event: KeyboardEvent): void {
    if (event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const back = getComputedStyle(this).direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const link = this.querySelector<HTMLAnchorElement>(`a[rel="${event.key === back ? 'prev' : 'next'}"]`);
    if (!link) return;
    event.preventDefault();
    link.click();
  }
}
