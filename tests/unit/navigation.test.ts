import { describe, expect, it } from 'vitest';
import { chapterMenu, chapterPosition } from '../../src/core/navigation';
import { storyParts, type Chapter } from '../../src/core/story';

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

  it('names the part a neighbour is in where it is another part than this chapter’s', () => {
    const parted = [
      { slug: 'prologue', title: 'Prologue' },
      { slug: 'one', title: 'Chapter 1', part: 'Book One' },
      { slug: 'two', title: 'Chapter 2' },
      { slug: 'again', title: 'Chapter 1', part: 'Book Two' },
    ].map((chapter, order) => ({ ...chapter, order }) as Chapter);
    const parts = (index: number) => {
      const { prev, next } = chapterPosition(parted, index, href);
      return [prev?.part, next?.part];
    };
    expect(parts(0)).toEqual([undefined, 'Book One']);
    expect(parts(1)).toEqual([undefined, undefined]);
    expect(parts(2)).toEqual([undefined, 'Book Two']);
    expect(parts(3)).toEqual(['Book One', undefined]);
    // Each book's "Chapter 1": the page's title names the part too; a title of its own does not need it.
    expect([1, 2, 3].map((index) => chapterPosition(parted, index, href).titleShared)).toEqual([true, false, true]);
  });

  it('refuses an index outside the story', () => {
    expect(() => chapterPosition(chapters, 3, href)).toThrow(RangeError);
    expect(() => chapterPosition(chapters, -1, href)).toThrow(RangeError);
  });
});

describe('chapterMenu', () => {
  const many = Array.from({ length: 100 }, (_, i) => ({ slug: `c${i}`, title: `Chapter ${i}` }) as Chapter);
  const href = (chapter: Chapter) => `/${chapter.slug}/`;

  it('lists every chapter of a short story, marking the current one', () => {
    const menu = chapterMenu(many.slice(0, 5), 2, href);
    expect(menu.map((entry) => entry.href)).toEqual(['/c0/', '/c1/', '/c2/', '/c3/', '/c4/']);
    expect(menu.filter((entry) => entry.current).map((entry) => entry.title)).toEqual(['Chapter 2']);
  });

  it('lists the chapters around the current one in a long serial, always as many', () => {
    expect(chapterMenu(many, 50, href, 3).map((entry) => entry.title)).toEqual([47, 48, 49, 50, 51, 52, 53].map((n) => `Chapter ${n}`));
    expect(chapterMenu(many, 0, href, 3).map((entry) => entry.href)).toEqual(['/c0/', '/c1/', '/c2/', '/c3/', '/c4/', '/c5/', '/c6/']);
    expect(
      chapterMenu(many, 99, href, 3)
        .map((entry) => entry.href)
        .at(-1),
    ).toBe('/c99/');
    expect(chapterMenu(many, 99, href, 3)).toHaveLength(7);
  });

  it('numbers each entry by its place in reading order, not its place in the menu', () => {
    expect(chapterMenu(many, 50, href, 3).map((entry) => entry.number)).toEqual([48, 49, 50, 51, 52, 53, 54]);
    expect(chapterMenu(many, 0, href, 3)[0]?.number).toBe(1);
  });
});

describe('parts of a story', () => {
  const parted = ['prologue', 'chapter-1', 'chapter-2', 'chapter-3'].map(
    (slug, order) => ({ slug, title: slug, order, part: { 'chapter-1': 'Book One', 'chapter-3': 'Book Two' }[slug] }) as Chapter,
  );
  it('group the chapters from each one that opens a part to the next, those before the first alone', () => {
    expect(storyParts(parted).map(({ name, chapters: its }) => [name, its.map((chapter) => chapter.slug)])).toEqual([
      [undefined, ['prologue']],
      ['Book One', ['chapter-1', 'chapter-2']],
      ['Book Two', ['chapter-3']],
    ]);
    expect(storyParts([])).toEqual([]);
  });

  it('name the part a chapter is in on its page, and in its menu over the chapter opening it, or the first the menu shows', () => {
    expect(parted.map((_, index) => chapterPosition(parted, index, href).part)).toEqual([undefined, 'Book One', 'Book One', 'Book Two']);
    expect(chapterMenu(parted, 3, href, 1).map(({ slug, part }) => [slug, part])).toEqual([
      ['chapter-1', 'Book One'],
      ['chapter-2', undefined],
      ['chapter-3', 'Book Two'],
    ]);
    expect(chapterMenu(parted, 3, href, 0).map(({ slug, part }) => [slug, part])).toEqual([['chapter-3', 'Book Two']]);
    expect(chapterMenu(parted, 2, href, 0).map(({ slug, part }) => [slug, part])).toEqual([['chapter-2', 'Book One']]);
  });
});
