import { KeyboardShortcuts } from './keys.ts';

/**
 * `<quire-chapter-nav>`: previous/next chapter links. With `data-keys`, ArrowLeft and
 * ArrowRight follow this navigation's own links, like turning pages in an e-reader.
 */
export class ChapterNav extends KeyboardShortcuts {
  protected onKey(event: KeyboardEvent): void {
    if (event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const link = this.querySelector<HTMLAnchorElement>(`a[rel="${event.key === 'ArrowLeft' ? 'prev' : 'next'}"]`);
    if (!link) return;
    event.preventDefault();
    link.click();
  }
}
