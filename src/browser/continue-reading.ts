import { readingKey } from '../shared/contract.ts';
import { joinBase, chapterPath } from '../shared/paths.ts';
import { parseReadingState } from '../shared/reading-progress.ts';
import { safeStorage } from './storage.ts';

/** `<quire-continue-reading>`: for a returning reader, a link back to the chapter and paragraph where they stopped. */
export class ContinueReading extends HTMLElement {
  connectedCallback(): void {
    const { last } = parseReadingState(safeStorage()?.getItem(readingKey(import.meta.env.BASE_URL)));
    const link = this.querySelector('a');
    const title = this.querySelector('.continue-title');
    if (!last?.title || !link || !title) return;
    link.href = `${joinBase(import.meta.env.BASE_URL, chapterPath(last.slug))}${last.paragraph ? `#${last.paragraph}` : ''}`;
    title.textContent = last.title;
    this.querySelector<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  }
}
