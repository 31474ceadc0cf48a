import { hasCommandModifier, isTyping } from './keys.ts';

/** `<quire-search-form>`: with `data-shortcut`, "/" anywhere on the page focuses its field, as on many sites. */
export class SearchForm extends HTMLElement {
  #onKey = (event: KeyboardEvent) => {
    if (event.key !== '/' || event.defaultPrevented || hasCommandModifier(event) || isTyping(event)) return;
    const field = this.querySelector('input');
    if (!field) return;
    event.preventDefault();
    field.focus();
  };

  connectedCallback(): void {
    if (this.hasAttribute('data-shortcut')) addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback(): void {
    removeEventListener('keydown', this.#onKey);
  }
}
