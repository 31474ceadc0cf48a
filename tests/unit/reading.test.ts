import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '../../src/shared/reader-settings';
import { chapterMarks } from '../../src/shared/news';
import { markOpened, markRead, noteVisit, parseReadingState, recordPosition, visitGap } from '../../src/shared/reading-progress';
import { renameChapters } from '../../src/shared/renamed-chapters';
import { wordsLeft, type ChapterLength } from '../../src/shared/time-left';

describe('reader settings', () => {
  it('starts from the defaults', () => {
    expect(parseSettings(null)).toEqual({
      theme: 'auto',
      size: '3',
      font: 'serif',
      leading: 'normal',
      width: 'normal',
      notes: 'show',
      contentNotes: 'show',
      justify: 'off',
    });
  });

  it('keeps known choices and drops unknown names, values and broken data', () => {
    expect(parseSettings('{"theme":"sepia","size":"5","font":"comic","evil":"x"}')).toEqual({
      ...defaultSettings,
      theme: 'sepia',
      size: '5',
    });
    expect(parseSettings('not json')).toEqual(defaultSettings);
    expect(parseSettings('[1,2]')).toEqual(defaultSettings);
  });
});

describe('what is new since the last visit', () => {
  const day = 24 * 60 * 60_000;
  const start = Date.parse('2026-11-01T12:00:00Z');
  const listed = (slugs: string[], revised: Record<string, string> = {}) => slugs.map((slug) => ({ slug, revised: revised[slug] }));
  /** The state as stored and read back, as the browser keeps it between pages. */
  const stored = (state: ReturnType<typeof parseReadingState>) => parseReadingState(JSON.stringify(state));

  it('shows a first-time visitor nothing, then marks the chapters out since, and those revised since they were opened', () => {
    let state = stored(noteVisit(parseReadingState(null), start, ['one', 'two']));
    expect(chapterMarks(state, listed(['one', 'two']))).toEqual(new Map());
    state = stored(markOpened(state, 'one', start + 60_000));
    state = stored(markOpened(state, 'two', start + 120_000));

    // A week later the release has two more chapters and a revised chapter two.
    const later = start + 7 * day;
    state = stored(noteVisit(state, later, ['one', 'two', 'three', 'four']));
    const chapters = listed(['one', 'two', 'three', 'four'], { two: '2026-11-05' });
    expect(chapterMarks(state, chapters)).toEqual(
      new Map([
        ['two', 'updated'],
        ['three', 'new'],
        ['four', 'new'],
      ]),
    );
    // Within the visit the marks stay, but a chapter opened is no longer new, nor one read again updated.
    state = stored(markOpened(state, 'three', later + 60_000));
    state = stored(markOpened(state, 'two', later + 90_000));
    state = stored(noteVisit(state, later + 120_000, ['one', 'two', 'three', 'four']));
    expect(chapterMarks(state, chapters)).toEqual(new Map([['four', 'new']]));
    // The next visit knows all four: nothing is new since it any more.
    state = stored(noteVisit(state, later + 120_000 + visitGap + 1, ['one', 'two', 'three', 'four']));
    expect(chapterMarks(state, chapters)).toEqual(new Map());
  });

  it('knows a chapter renamed since by its old address (its aliases): read, opened and known there, so not New, and Updated if revised since', () => {
    let state = stored(noteVisit(parseReadingState(null), start, ['chapter-1', 'chapter-2']));
    state = stored(markOpened(state, 'chapter-2', start + 60_000));
    state = stored(markRead(recordPosition(state, 'chapter-2', 'Two', 'p-9'), 'chapter-2'));
    const renames = new Map([
      ['chapter-2', 'the-lake'],
      ['draft-3', 'chapter-3'],
    ]);
    state = stored(noteVisit(renameChapters(state, renames), start + 7 * day, ['chapter-1', 'the-lake', 'chapter-3']));
    expect(state).toMatchObject({
      read: ['the-lake'],
      opened: { 'the-lake': start + 60_000 },
      positions: { 'the-lake': 'p-9' },
      last: { slug: 'the-lake', paragraph: 'p-9' },
      since: ['chapter-1', 'the-lake'],
    });
    const listedNow = [
      { slug: 'chapter-1', revised: undefined },
      { slug: 'the-lake', revised: '2026-11-05' },
      { slug: 'chapter-3', revised: undefined },
    ];
    expect(chapterMarks(state, listedNow)).toEqual(
      new Map([
        ['the-lake', 'updated'],
        ['chapter-3', 'new'],
      ]),
    );
    expect(renameChapters(state, new Map())).toBe(state);
  });

  it('does not take a chapter page for the contents: a visit that starts there knows no more than before', () => {
    let state = noteVisit(parseReadingState(null), start, ['one']);
    state = noteVisit(state, start + day);
    expect(state.known).toEqual(['one']);
    expect(state.since).toEqual(['one']);
  });

  it('reads an old or damaged state as a first visit', () => {
    const state = parseReadingState('{"read":["one"],"known":"x","opened":{"one":"yesterday"},"seenAt":"soon"}');
    expect(state).toMatchObject({ read: ['one'], known: undefined, opened: {}, seenAt: undefined });
    expect(chapterMarks(state, listed(['one', 'two']))).toEqual(new Map());
  });
});

describe('reading progress', () => {
  const chapters: ChapterLength[] = [
    { slug: 'prologue', words: 1000, paragraphs: 10 },
    { slug: 'chapter-1', words: 2000, paragraphs: 20 },
    { slug: 'chapter-2', words: 3000, paragraphs: 30 },
  ];

  it('remembers the last chapter and the paragraph reached in each', () => {
    let state = parseReadingState(null);
    state = recordPosition(state, 'prologue', 'Prologue', 'p-4');
    state = recordPosition(state, 'chapter-1', 'Chapter 1', 'p-2');
    expect(state.last).toEqual({ slug: 'chapter-1', title: 'Chapter 1', paragraph: 'p-2' });
    expect(state.positions).toEqual({ prologue: 'p-4', 'chapter-1': 'p-2' });
    expect(recordPosition(state, 'prologue', 'Prologue', undefined).last).toEqual({
      slug: 'prologue',
      title: 'Prologue',
      paragraph: 'p-4',
    });
  });

  it('marks chapters read once', () => {
    const state = markRead(markRead(parseReadingState(null), 'prologue'), 'prologue');
    expect(state.read).toEqual(['prologue']);
  });

  it('survives a round trip through storage and ignores malformed data', () => {
    const state = markRead(recordPosition(parseReadingState(null), 'chapter-1', 'Chapter 1', 'p-3'), 'prologue');
    expect(parseReadingState(JSON.stringify(state))).toEqual(state);
    expect(parseReadingState('{"last":{"slug":"x","paragraph":"<script>"},"positions":{"a":5},"read":[1,"b"]}')).toEqual({
      last: { slug: 'x', title: undefined, paragraph: undefined },
      positions: {},
      read: ['b'],
      opened: {},
      known: undefined,
      since: undefined,
      seenAt: undefined,
    });
  });

  it('counts the words left from where the reader is', () => {
    expect(wordsLeft(chapters, parseReadingState(null))).toBe(6000);
    expect(wordsLeft(chapters, recordPosition(parseReadingState(null), 'chapter-1', 'Chapter 1', 'p-11'))).toBe(1000 + 3000);
    expect(wordsLeft(chapters, recordPosition(parseReadingState(null), 'chapter-2', 'Chapter 2', 'p-1'))).toBe(3000);
    expect(wordsLeft(chapters, recordPosition(parseReadingState(null), 'gone', 'Gone', 'p-1'))).toBe(6000);
  });
});

describe('reading saved to a file', () => {
  it('restores only a file of this story, keeping what this browser knows as well', async () => {
    const { savedReading, parseSavedReading, mergeReading } = await import('../../src/shared/saved-reading');
    const { defaultSettings } = await import('../../src/shared/reader-settings');
    const there = markRead(recordPosition(parseReadingState(null), 'chapter-5', 'Chapter 5', 'p-9'), 'chapter-4');
    const file = savedReading('Lamplight', { ...defaultSettings, theme: 'dark' }, there);
    expect(parseSavedReading(file, 'Another Story')).toBeUndefined();
    expect(parseSavedReading('not json', 'Lamplight')).toBeUndefined();
    const restored = parseSavedReading(file, 'Lamplight')!;
    expect(restored.settings.theme).toBe('dark');
    const here = markRead(recordPosition(parseReadingState(null), 'chapter-1', 'Chapter 1', 'p-2'), 'prologue');
    const merged = mergeReading(here, restored.reading);
    expect(merged.read.sort()).toEqual(['chapter-4', 'prologue']);
    expect(merged.positions).toEqual({ 'chapter-1': 'p-2', 'chapter-5': 'p-9' });
    expect(merged.last?.slug).toBe('chapter-5');
  });
});
