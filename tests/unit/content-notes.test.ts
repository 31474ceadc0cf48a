import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { readContentNotes, splitList } from '../../src/importer/content-notes.ts';
import type { ImportedWork } from '../../src/importer/model.ts';

function work(...notes: string[]): ImportedWork {
  return {
    format: 'test',
    story: undefined,
    chapters: notes.map((html, index) => ({
      kind: 'chapter',
      number: index + 1,
      title: `Chapter ${index + 1}`,
      slug: undefined,
      notes: fromHtml(html, { fragment: true }),
      body: fromHtml('<p>Text.</p>', { fragment: true }),
    })),
    images: new Map(),
    source: '',
    setAside: [],
    dropped: [],
    notices: [],
  };
}

describe('content warnings in chapter notes', () => {
  it('reads the labels authors use into contentNotes and leaves the rest of the notes', () => {
    const read = work(
      '<p>CW: blood, grief (a funeral; a wake).</p><p>Thanks for reading!</p>',
      '<p>TW - self-harm; a fire<br>Enjoy the chapter.</p>',
      '<p>Content warnings: none of note</p>',
      '<p>Trigger warning for: violence</p>',
    );
    readContentNotes(read);
    const [first, second, third, fourth] = read.chapters;
    expect(first!.contentNotes).toEqual(['blood', 'grief (a funeral; a wake)']);
    expect(toHtml(first!.notes!)).toBe('<p>Thanks for reading!</p>');
    expect(second!.contentNotes).toEqual(['self-harm', 'a fire']);
    expect(toHtml(second!.notes!)).toBe('<p>Enjoy the chapter.</p>');
    expect(third!.contentNotes).toEqual(['none of note']);
    expect(third!.notes).toBeUndefined();
    expect(fourth!.contentNotes).toEqual(['violence']);
    expect(read.notices.join('\n')).toContain('4 chapters');
    expect(read.setAside).toHaveLength(4);
  });

  it('leaves a warning mentioned inside the notes, and words that only begin like a label, as prose', () => {
    const read = work('<p>Thanks to my beta. CW: blood.</p>', '<p>Twilight: a note on the title.</p>', '<p>Content: nothing.</p>');
    readContentNotes(read);
    expect(read.chapters.map((chapter) => chapter.contentNotes)).toEqual([undefined, undefined, undefined]);
    expect(read.notices).toEqual([]);
    expect(toHtml(read.chapters[0]!.notes!)).toBe('<p>Thanks to my beta. CW: blood.</p>');
  });

  it('splits lists at commas and semicolons outside brackets', () => {
    expect(splitList(' blood, grief (a funeral, a wake) ; fire. ')).toEqual(['blood', 'grief (a funeral, a wake)', 'fire']);
    expect(splitList(' , ; ')).toEqual([]);
  });
});
