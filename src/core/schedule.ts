import { wallClock } from '../shared/wall-clock.ts';
import { problems } from './problems.ts';
import type { ChapterSource, StorySource } from './story.ts';

/** Whether a chapter dated `published` is still to come at `now`. An undated chapter is out with the next build. */
export function isScheduled(published: Date | undefined, now: Date): boolean {
  return published !== undefined && published.getTime() > now.getTime();
}

/** A release date as an author wrote it: `2027-01-08`, with the time and its zone (the story's, else UTC) when it has one. */
export function dateText(date: Date, timeZone = 'UTC'): string {
  const iso = wallClock(date, timeZone);
  return iso.endsWith('T00:00:00.000') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} ${timeZone}`;
}

/**
 * The chapters still to come at `now`, soonest first, each as "<file>  <when it goes out>", for
 * the author to see what the schedule holds; `most` at most, and how many more.
 */
export function upcoming(chapters: readonly ChapterSource[], now: Date, most = 5, timeZone?: string): string[] {
  const waiting = chapters
    .filter((chapter) => !chapter.data.draft && isScheduled(chapter.data.published, now))
    .sort((a, b) => a.data.published!.getTime() - b.data.published!.getTime() || a.data.order - b.data.order);
  const lines = waiting.slice(0, most).map((chapter) => `${chapter.filePath}  ${dateText(chapter.data.published!, timeZone)}`);
  return waiting.length > most ? [...lines, `and ${waiting.length - most} more`] : lines;
}

/**
 * What the schedule will show readers that the author may not mean, as of `now`: a chapter
 * out before an earlier one still scheduled (Next skips the earlier one until its day), a
 * story marked complete while chapters are still to come, and `expectedChapters` at odds
 * with the chapters there are.
 */
export function scheduleWarnings(story: StorySource | undefined, chapters: readonly ChapterSource[], now: Date): string[] {
  const warnings: string[] = [];
  const date = (when: Date) => dateText(when, story?.data.timeZone);
  const planned = chapters.filter((chapter) => !chapter.data.draft);
  const release = (chapter: ChapterSource) => Math.max(chapter.data.published?.getTime() ?? now.getTime(), now.getTime());
  const scheduled = planned.filter((chapter) => isScheduled(chapter.data.published, now));

  for (const held of scheduled) {
    const first = planned
      .filter((later) => later.data.order > held.data.order && release(later) < release(held))
      .sort((a, b) => release(a) - release(b) || a.data.order - b.data.order);
    if (first.length === 0) continue;
    const [next] = first as [ChapterSource];
    const when = isScheduled(next.data.published, now) ? `on ${date(next.data.published!)}` : 'now';
    warnings.push(problems.ReleasedOutOfOrder.message(next.filePath, first.length - 1, held.filePath, when, date(held.data.published!)));
  }

  if (!story) return warnings;
  const { status, expectedChapters } = story.data;
  if (status === 'complete' && scheduled.length > 0) {
    const last = scheduled.reduce((a, b) => (release(b) > release(a) ? b : a));
    warnings.push(problems.CompleteButScheduled.message(story.filePath, scheduled.length, last.filePath, date(last.data.published!)));
  }
  if (expectedChapters !== undefined) {
    const count = planned.length;
    if (count > expectedChapters) {
      warnings.push(problems.MoreThanExpected.message(story.filePath, expectedChapters, count));
    } else if (status === 'complete' && count < expectedChapters) {
      warnings.push(problems.CompleteBelowExpected.message(story.filePath, count, expectedChapters));
    } else if (status === 'in-progress' && count === expectedChapters && scheduled.length === 0) {
      warnings.push(problems.AllOutButInProgress.message(story.filePath, count));
    }
  }
  return warnings;
}
