import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkDir } from '../../src/cli/support/work-dir';
import { upcoming } from '../../src/core/schedule';
import { chapter, readSoundStory } from '../support/hostile-stories';

const root = makeWorkDir('time-zone-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A story whose author, in New York, schedules chapter 2 for six in the evening there, read as of `now`. */
function story(timeZone: string | undefined, now: Date) {
  return readSoundStory(
    join(root, timeZone?.replace('/', '-') ?? 'utc'),
    {
      'story.md': `---\ntitle: The Lamp\nauthor: Wren\n${timeZone ? `timeZone: ${timeZone}\n` : ''}---\n`,
      'chapters/chapter-2.md': chapter('title: Two\norder: 2\npublished: 2027-01-08 18:00'),
    },
    now,
  );
}

describe('a story with a time zone', () => {
  it('releases a chapter at the time written, there: out at 23:00 UTC, not five hours early', async () => {
    const zoned = await story('America/New_York', new Date('2027-01-08T20:00:00Z'));
    expect(zoned.problems).toEqual([]);
    const two = zoned.chapters.find((source) => source.id === 'chapter-2')!;
    expect(two.data.published?.toISOString()).toBe('2027-01-08T23:00:00.000Z');
    // npm run check says when, as the author wrote it.
    expect(upcoming(zoned.chapters, new Date('2027-01-08T20:00:00Z'), 5, zoned.story?.data.timeZone)).toEqual([
      expect.stringMatching(/chapter-2\.md {2}2027-01-08 18:00 America\/New_York$/),
    ]);
  });

  it('and without one, at that time in UTC, as before', async () => {
    const utc = await story(undefined, new Date('2027-01-08T20:00:00Z'));
    expect(utc.chapters.find((source) => source.id === 'chapter-2')!.data.published?.toISOString()).toBe('2027-01-08T18:00:00.000Z');
  });
});
