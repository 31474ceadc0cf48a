import { KeyboardShortcuts } from './keys.ts';

/** `<quire-search-form>`: with `data-keys`, "/" anywhere on the page focuses its field, as on many sites. */
export class SearchForm extends KeyboardShortcuts {
  protected onKey(event: KeyboardEvent): void {
    const field = this.querySelector('input');
    if (event.key !== '/' || !field) return;
    event.preventDefault();
    field.focus();
  }
}
