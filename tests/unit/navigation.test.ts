import { describe, expect, it } from 'vitest';
import { chapterPosition } from '../../src/core/navigation';
import type { Chapter } from '../../src/core/story';

const chapters = ['prologue', 'chapter-1', 'epilogue'].map((slug, order) => ({ slug, title: slug.toUpperCase(), order }) as Chapter);
const href = (chapter: Chapter) => `/base/${chapter.slug}/`;

describe('chapterPosition', () => {
  it('has no previous link on the first chapter', () => {
    const position = chapterPosition(chapters, 0, href);
    expect(position.prev).toBeUndefined();
    expect(position.next).toEqual({ href: '/base/chapter-1/', title: 'CHAPTER-1' });
  });

  it('links both neighbours in the middle', () => {
    const position = chapterPosition(chapters, 1, href);
    expect(position.prev?.href).toBe('/base/prologue/');
    expect(position.next?.href).toBe('/base/epilogue/');
    expect([position.number, position.total]).toEqual([2, 3]);
  });

  it('has no next link on the last chapter', () => {
    expect(chapterPosition(chapters, 2, href).next).toBeUndefined();
  });

  it('has neither link when the story has one chapter', () => {
    const position = chapterPosition(chapters.slice(0, 1), 0, href);
    expect([position.prev, position.next]).toEqual([undefined, undefined]);
  });

  it('refuses an index outside the story', () => {
    expect(() => chapterPosition(chapters, 3, href)).toThrow(RangeError);
    expect(() => chapterPosition(chapters, -1, href)).toThrow(RangeError);
  });
});
