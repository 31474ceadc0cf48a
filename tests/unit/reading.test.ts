import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '../../src/shared/reader-settings';
import { markRead, parseReadingState, recordPosition } from '../../src/shared/reading-progress';
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
    });
  });

  it('counts the words left from where the reader is', () => {
    expect(wordsLeft(chapters, parseReadingState(null))).toBe(6000);
    expect(wordsLeft(chapters, recordPosition(parseReadingState(null), 'chapter-1', 'Chapter 1', 'p-11'))).toBe(1000 + 3000);
    expect(wordsLeft(chapters, recordPosition(parseReadingState(null), 'chapter-2', 'Chapter 2', 'p-1'))).toBe(3000);
    expect(wordsLeft(chapters, recordPosition(parseReadingState(null), 'gone', 'Gone', 'p-1'))).toBe(6000);
  });
});
