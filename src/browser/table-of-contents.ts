import { data, readingKey } from '../shared/contract.ts';
import { durationLabel } from '../shared/format.ts';
import { noteVisit, parseReadingState } from '../shared/reading-progress.ts';
import { renameChapters } from '../shared/renamed-chapters.ts';
import { wordsLeft, type ChapterLength } from '../shared/time-left.ts';
import { readingMinutes } from '../shared/text-stats.ts';
import { safeStorage } from './storage.ts';
import { inLanguageOf, siteStrings } from './strings.ts';
import { markNews, newsLabels, renamesOf } from './news-marks.ts';

/**
 * `<quire-table-of-contents>`: marks the chapters this reader has finished, and those New or
 * Updated since their last visit (saying how many are new, with a link to the first), and
 * shows the time left from where they are.
 */
export class TableOfContents extends HTMLElement {
  connectedCallback(): void {
    const storage = safeStorage();
    const key = readingKey(import.meta.env.BASE_URL);
    const items = [...this.querySelectorAll<HTMLElement>(`li[${data.slug}]`)];
    const state = noteVisit(
      // Chapters renamed since are the reader's by their old addresses too.
      renameChapters(parseReadingState(storage?.getItem(key)), renamesOf(items)),
      Date.now(),
      items.map((item) => item.getAttribute(data.slug)!),
    );
    storage?.setItem(key, JSON.stringify(state));
    const t = siteStrings();
    const fresh = markNews(items, state, newsLabels(this.querySelector('nav')!));
    const since = this.querySelector<HTMLElement>('.since-last-visit');
    if (since && fresh.length > 0) {
      const link = since.querySelector('a')!;
      link.textContent = t('toc.newSince', { count: fresh.length });
      link.href = fresh[0]!.querySelector('a')!.href;
      since.hidden = false;
    }
    if (state.read.length === 0 && !state.last) return;
    for (const item of items) {
      if (!state.read.includes(item.getAttribute(data.slug)!)) continue;
      item.classList.add('is-read');
      const mark = inLanguageOf(document.createElement('span'), t, 'toc.read');
      mark.className = 'read-mark';
      mark.textContent = t('toc.read');
      (item.querySelector('.news-mark') ?? item.querySelector('a')!).after(mark);
    }
    const chapters: ChapterLength[] = items.map((item) => ({
      slug: item.getAttribute(data.slug)!,
      words: Number(item.getAttribute(data.words)),
      paragraphs: Number(item.getAttribute(data.paragraphs)),
    }));
    const left = this.querySelector('.time-left');
    if (left && state.last && chapters.some((chapter) => chapter.slug === state.last!.slug)) {
      left.textContent = t('toc.timeLeft', { duration: durationLabel(readingMinutes(wordsLeft(chapters, state), t.language), t) });
    }
  }
}
