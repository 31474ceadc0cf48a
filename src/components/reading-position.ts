import { safeStorage } from '../lib/storage';
import { markRead, paragraphNumber, parseReadingState, readingKey, recordPosition, type ReadingState } from '../lib/reading-progress';

/** Saves the paragraph the reader has reached and offers to return to it on a later visit. */
export function startReadingPosition(prompt: HTMLElement): void {
  const storage = safeStorage();
  const text = document.getElementById('chapter-text');
  const slug = prompt.dataset.slug;
  if (!storage || !text || !slug) return;
  const key = readingKey(import.meta.env.BASE_URL);
  const load = () => parseReadingState(storage.getItem(key));
  const save = (state: ReadingState) => storage.setItem(key, JSON.stringify(state));

  const saved = load().positions[slug];
  const arrivedAt = location.hash || new URLSearchParams(location.search).has('highlight');
  save(recordPosition(load(), slug, undefined));

  // Offer to jump back when the reader had got past the opening and came in at the top.
  if (saved && paragraphNumber(saved) > 2 && !arrivedAt) {
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
  const paragraphs = text.querySelectorAll('[id^="p-"]');
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target);
      else visible.delete(entry.target);
    }
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const top = [...paragraphs].find((p) => visible.has(p));
      if (top) save(recordPosition(load(), slug, top.id));
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
