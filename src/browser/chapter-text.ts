import { ids, paragraphNumber, paragraphSelector, params, readingKey } from '../shared/contract.ts';
import { markOpened, markRead, noteVisit, parseReadingState, recordPosition, type ReadingState } from '../shared/reading-progress.ts';
import loadHighlighter from 'lazy:./search-highlight.ts';
import loadFootnotePreview from 'lazy:./footnote-preview.ts';
import { safeStorage } from './storage.ts';

/**
 * `<quire-chapter-text>`: the chapter's text. Remembers how far the reader got (in their
 * browser only), offers to jump back on a later visit, marks the chapter read at its end,
 * and marks search hits when opened from a result (the highlighter loads only then).
 */
export class ChapterText extends HTMLElement {
  connectedCallback(): void {
    const text = this.querySelector<HTMLElement>(`#${ids.chapterText}`);
    if (!text) return;
    if (new URLSearchParams(location.search).has(params.highlight)) {
      void loadHighlighter().then(({ highlightSearch }) => highlightSearch(text));
    }
    if (text.querySelector('[data-footnote-ref]')) void loadFootnotePreview().then(({ previewFootnotes }) => previewFootnotes(text));
    // A chapter prerendered ahead of the reader (the next one) is not read until it is shown.
    if ((document as Document & { prerendering?: boolean }).prerendering) {
      document.addEventListener('prerenderingchange', () => this.#trackPosition(text), { once: true });
    } else {
      this.#trackPosition(text);
    }
  }

  #trackPosition(text: HTMLElement): void {
    const storage = safeStorage();
    const { slug, title } = this.dataset;
    if (!storage || !slug) return;
    const key = readingKey(import.meta.env.BASE_URL);
    const load = () => parseReadingState(storage.getItem(key));
    const save = (state: ReadingState) => storage.setItem(key, JSON.stringify(state));

    const saved = load().positions[slug];
    const arrivedAt = location.hash || new URLSearchParams(location.search).has(params.highlight);
    const now = Date.now();
    save(noteVisit(markOpened(recordPosition(load(), slug, title, undefined), slug, now), now));

    // Offer to jump back when the reader had got past the opening and came in at the top.
    const prompt = this.querySelector<HTMLElement>('.resume');
    if (prompt && saved && paragraphNumber(saved) > 2 && !arrivedAt) {
      const jump = prompt.querySelector<HTMLAnchorElement>('.resume-jump')!;
      jump.href = `#${saved}`;
      prompt.hidden = false;
      const close = () => (prompt.hidden = true);
      jump.addEventListener('click', close);
      prompt.querySelector('.resume-close')!.addEventListener('click', close);
      addEventListener('scroll', () => scrollY > innerHeight && close(), { passive: true });
    }

    // The topmost paragraph in view is where the reader is.
    const visible = new Set<Element>();
    let timer: number | undefined;
    const paragraphs = text.querySelectorAll(paragraphSelector);
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        const top = [...paragraphs].find((p) => visible.has(p));
        if (!top) return;
        save(recordPosition(load(), slug, title, top.id));
        // Where the reader is in the text, kept while they go up to the settings ("Copy a link to here").
        if (text.getBoundingClientRect().top < 0) this.dataset.place = top.id;
      }, 400);
    });
    paragraphs.forEach((p) => observer.observe(p));

    // Reaching the end of the text marks the chapter read.
    const end = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        save(markRead(load(), slug));
        end.disconnect();
      }
    });
    const last = paragraphs[paragraphs.length - 1];
    if (last) end.observe(last);
  }
}
