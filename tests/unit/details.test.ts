import { describe, expect, it } from 'vitest';
import { storyDetails } from '../../src/core/details';
import { assembleStory, type ChapterSource, type StorySource } from '../../src/core/story';
import { stringsFor } from '../../src/shared/i18n';
import { chapterSource, storySource } from '../support/story-sources';

const source = (status: 'in-progress' | 'complete', expectedChapters?: number): StorySource =>
  storySource({ status, ...(expectedChapters === undefined ? {} : { expectedChapters }) }, 'Words.');
const chapter = (order: number, published?: string): ChapterSource =>
  chapterSource(`chapter-${order}`, { title: `Chapter ${order}`, order, published: published ? new Date(published) : undefined }, 'Words.');

/** The home page's details as label → shown value. */
function details(story: StorySource, chapters: ChapterSource[], now = '2026-01-01') {
  const t = stringsFor('en');
  return Object.fromEntries(
    storyDetails(assembleStory([story], chapters, { now: new Date(now), preview: false }), t).map(({ label, value }) => [
      label,
      'date' in value ? value.date.toISOString().slice(0, 10) : 'list' in value ? value.list.join(', ') : value.text,
    ]),
  );
}

describe('the story’s details', () => {
  it('show when a story in progress began and was last updated, and the next chapter', () => {
    expect(details(source('in-progress'), [chapter(1, '2025-10-01'), chapter(2, '2025-11-01'), chapter(3, '2026-01-08')])).toMatchObject({
      Status: 'In progress',
      Chapters: '2/?',
      Published: '2025-10-01',
      Updated: '2025-11-01',
      'Next chapter': '2026-01-08',
    });
  });

  it('say Completed, not Updated, once the story is complete', () => {
    const shown = details(source('complete'), [chapter(1, '2025-10-01'), chapter(2, '2025-11-01')]);
    expect(shown).toMatchObject({ Status: 'Complete', Chapters: '2/2', Published: '2025-10-01', Completed: '2025-11-01' });
    expect(shown).not.toHaveProperty('Updated');
  });

  it('never show Complete beside Next chapter: a complete story with a chapter to come is in progress until it is out', () => {
    const chapters = [chapter(1, '2025-10-01'), chapter(2, '2025-11-01'), chapter(3, '2026-01-08')];
    const before = details(source('complete', 3), chapters);
    expect(before).toMatchObject({ Status: 'In progress', Chapters: '2/3', Updated: '2025-11-01', 'Next chapter': '2026-01-08' });
    expect(before).not.toHaveProperty('Completed');
    expect(details(source('complete', 3), chapters, '2026-01-08')).toMatchObject({
      Status: 'Complete',
      Chapters: '3/3',
      Completed: '2026-01-08',
    });
  });

  it('count toward the chapters the author expects', () => {
    expect(details(source('in-progress', 12), [chapter(1), chapter(2)])).toMatchObject({ Chapters: '2/12' });
  });

  it('show the archive’s categories as their own row, between the warnings and the characters, and none when there are none', () => {
    const story = source('complete');
    story.data = { ...story.data, warnings: ['No Archive Warnings Apply'], categories: ['F/M', 'Gen'], characters: ['Meg'] };
    const labels = Object.keys(details(story, [chapter(1)]));
    expect(details(story, [chapter(1)])).toMatchObject({ Categories: 'F/M, Gen' });
    expect(labels.indexOf('Categories')).toBe(labels.indexOf('Warnings') + 1);
    expect(labels.indexOf('Characters')).toBe(labels.indexOf('Categories') + 1);
    expect(details(source('complete'), [chapter(1)])).not.toHaveProperty('Categories');
  });

  it('give a one-chapter story its date once, as Published', () => {
    const shown = details(source('complete'), [chapter(1, '2025-10-01')]);
    expect(shown).toMatchObject({ Published: '2025-10-01' });
    expect(Object.keys(shown)).not.toContain('Completed');
  });
});
