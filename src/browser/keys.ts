/** Whether a key press belongs to a field the reader is typing in, where shortcuts must not act. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** Whether Ctrl, Alt or Meta is held (Shift is left out: some layouts need it to type "/"). */
export function hasCommandModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey;
}

/**
 * A custom element with page-wide keyboard shortcuts, active while it is on the page and
 * carries `data-keys`. Presses while the reader types in a field, or holds Ctrl, Alt or
 * Meta, never reach `onKey`.
 */
export abstract class KeyboardShortcuts extends HTMLElement {
  protected abstract onKey(event: KeyboardEvent): void;

  #listener = (event: KeyboardEvent) => {
    if (!event.defaultPrevented && !hasCommandModifier(event) && !isTyping(event)) this.onKey(event);
  };

  connectedCallback(): void {
    if (this.hasAttribute('data-keys')) addEventListener('keydown', this.#listener);
  }

  disconnectedCallback(): void {
    removeEventListener('keydown', this.#listener);
  }
}
