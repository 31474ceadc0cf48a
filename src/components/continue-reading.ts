import { durationLabel } from '../lib/format';
import { safeStorage } from '../lib/storage';
import { parseReadingState, readingKey, wordsLeft, type ChapterLength } from '../lib/reading-progress';
import { readingMinutes } from '../lib/text';

/** Shows where a returning reader stopped, marks chapters read and updates the time left. */
export function startContinueReading(container: HTMLElement): void {
  const state = parseReadingState(safeStorage()?.getItem(readingKey(import.meta.env.BASE_URL)));
  const items = [...document.querySelectorAll<HTMLElement>('.toc li[data-slug]')];
  const chapters: ChapterLength[] = items.map((item) => ({
    slug: item.dataset.slug!,
    words: Number(item.dataset.words),
    paragraphs: Number(item.dataset.paragraphs),
  }));

  for (const item of items) {
    if (!state.read.includes(item.dataset.slug!)) continue;
    item.classList.add('is-read');
    const mark = document.createElement('span');
    mark.className = 'read-mark';
    mark.textContent = 'Read';
    item.querySelector('a')!.after(mark);
  }

  const last = state.last && items.find((item) => item.dataset.slug === state.last!.slug);
  if (!last) return;
  const link = container.querySelector('a')!;
  const chapterLink = last.querySelector('a')!;
  link.href = `${chapterLink.getAttribute('href')}${state.last!.paragraph ? `#${state.last!.paragraph}` : ''}`;
  container.querySelector('.continue-title')!.textContent = chapterLink.textContent;
  container.hidden = false;

  const left = document.querySelector('.time-left');
  if (left) left.textContent = `About ${durationLabel(readingMinutes(wordsLeft(chapters, state)))} left to read from where you are`;
}
