import type { ChapterSource, StorySource } from './story.ts';

/** Whether a chapter dated `published` is still to come at `now`. An undated chapter is out with the next build. */
export function isScheduled(published: Date | undefined, now: Date): boolean {
  return published !== undefined && published.getTime() > now.getTime();
}

/** A release date as an author wrote it: `2027-01-08`, with the time (UTC) when it has one. */
export function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * What the schedule will show readers that the author may not mean, as of `now`: a chapter
 * out before an earlier one still scheduled (Next skips the earlier one until its day), a
 * story marked complete while chapters are still to come, and `expectedChapters` at odds
 * with the chapters there are.
 */
export function scheduleWarnings(story: StorySource | undefined, chapters: readonly ChapterSource[], now: Date): string[] {
  const warnings: string[] = [];
  const planned = chapters.filter((chapter) => !chapter.data.draft);
  const release = (chapter: ChapterSource) => Math.max(chapter.data.published?.getTime() ?? now.getTime(), now.getTime());
  const scheduled = planned.filter((chapter) => isScheduled(chapter.data.published, now));

  for (const held of scheduled) {
    const first = planned
      .filter((later) => later.data.order > held.data.order && release(later) < release(held))
      .sort((a, b) => release(a) - release(b) || a.data.order - b.data.order);
    if (first.length === 0) continue;
    const [next] = first as [ChapterSource];
    const when = isScheduled(next.data.published, now) ? `on ${dateText(next.data.published!)}` : 'now';
    const others = first.length > 1 ? ` (and ${first.length - 1} more after it)` : '';
    warnings.push(
      `${next.filePath}${others} comes after ${held.filePath} in reading order but goes out first (${when}), while ${held.filePath} is scheduled for ${dateText(held.data.published!)}: until then, Next on the chapter before it skips to ${next.filePath}. Date ${next.filePath} on or after ${dateText(held.data.published!)}, or give ${held.filePath} an earlier date`,
    );
  }

  if (!story) return warnings;
  const { status, expectedChapters } = story.data;
  if (status === 'complete' && scheduled.length > 0) {
    const last = scheduled.reduce((a, b) => (release(b) > release(a) ? b : a));
    warnings.push(
      `${story.filePath}: status is complete, but ${scheduled.length === 1 ? `${last.filePath} is` : `${scheduled.length} chapters are`} still scheduled (the last for ${dateText(last.data.published!)}): until then readers see "In progress" and the date of the next chapter`,
    );
  }
  if (expectedChapters !== undefined) {
    const count = planned.length;
    if (count > expectedChapters) {
      warnings.push(`${story.filePath}: expectedChapters is ${expectedChapters}, but there are ${count} chapters; raise it`);
    } else if (status === 'complete' && count < expectedChapters) {
      warnings.push(
        `${story.filePath}: status is complete with ${count} chapters, but expectedChapters is ${expectedChapters}; lower it to ${count}, or set status: in-progress`,
      );
    } else if (status === 'in-progress' && count === expectedChapters && scheduled.length === 0) {
      warnings.push(
        `${story.filePath}: all ${count} expected chapters are out, but status is in-progress (readers see ${count}/${count}, In progress); set status: complete if the story is finished, or raise expectedChapters`,
      );
    }
  }
  return warnings;
}
