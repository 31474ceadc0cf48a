import { hasCommandModifier, isTyping } from './keys.ts';

/**
 * `<quire-chapter-nav>`: previous/next chapter links. With `data-keys`, ArrowLeft and
 * ArrowRight follow this navigation's own links, like turning pages in an e-reader.
 */
export class ChapterNav extends HTMLElement {
  #onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || hasCommandModifier(event) || event.shiftKey || isTyping(event)) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const link = this.querySelector<HTMLAnchorElement>(`a[rel="${event.key === 'ArrowLeft' ? 'prev' : 'next'}"]`);
    if (!link) return;
    event.preventDefault();
    link.click();
  };

  connectedCallback(): void {
    if (this.hasAttribute('data-keys')) addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback(): void {
    removeEventListener('keydown', this.#onKey);
  }
}
