import { describe, expect, it } from 'vitest';
import type { ChapterData } from '../../src/core/schema';
import { linkedChapter } from '../../src/core/links';
import { assembleStory, storyWarnings, StoryError, validateStory, type ChapterSource, type StorySource } from '../../src/core/story';

/** Text as the Markdown pipeline would hand it over (its tests are in render.test.ts). */
const rendered = (text: string) => ({
  html: text.trim() ? `<p>${text}</p>` : '',
  text: text.trim(),
  footnotes: '',
  paragraphs: text.trim() ? 1 : 0,
});

const story: StorySource = {
  filePath: 'content/story.md',
  summary: rendered('A summary.'),
  notes: undefined,
  endNotes: undefined,
  data: {
    title: 'T',
    author: 'A',
    language: 'en',
    labels: {},
    status: 'in-progress',
    warnings: [],
    characters: [],
    relationships: [],
    tags: [],
    related: [],
  },
};

function chapter(id: string, data: Partial<ChapterData> & { order: number }, text = 'Some words here.'): ChapterSource {
  return {
    id,
    filePath: `content/chapters/${id}.md`,
    body: rendered(text),
    notes: { summary: undefined, authors: undefined, end: undefined },
    data: { title: id, draft: false, contentNotes: [], ...data },
  };
}

const now = new Date('2026-01-01T00:00:00Z');
const build = { now, includeDrafts: false };

describe('assembleStory', () => {
  it('orders chapters by their order field, decimals included', () => {
    const result = assembleStory(
      [story],
      [
        chapter('epilogue', { order: 10 }),
        chapter('interlude', { order: 4.5 }),
        chapter('prologue', { order: 0 }),
        chapter('chapter-5', { order: 5 }),
      ],
      build,
    );
    expect(result.chapters.map((c) => c.slug)).toEqual(['prologue', 'interlude', 'chapter-5', 'epilogue']);
  });

  it('leaves drafts out of a build and keeps them in dev', () => {
    const sources = [chapter('one', { order: 1 }), chapter('two', { order: 2, draft: true })];
    expect(assembleStory([story], sources, build).chapters.map((c) => c.slug)).toEqual(['one']);
    expect(assembleStory([story], sources, { now, includeDrafts: true }).chapters.map((c) => c.slug)).toEqual(['one', 'two']);
  });

  it('holds back chapters published after the build date and reports the next release', () => {
    const result = assembleStory(
      [story],
      [chapter('one', { order: 1, published: new Date('2025-12-01') }), chapter('two', { order: 2, published: new Date('2026-02-01') })],
      build,
    );
    expect(result.chapters.map((c) => c.slug)).toEqual(['one']);
    expect(result.updated).toEqual(new Date('2025-12-01'));
    expect(result.nextRelease).toEqual(new Date('2026-02-01'));
  });

  it('uses the slug field over the file name', () => {
    const result = assembleStory([story], [chapter('ch1', { order: 1, slug: 'the-mask' })], build);
    expect(result.chapters[0]?.slug).toBe('the-mask');
  });

  it('counts words of the chapters and the story', () => {
    const result = assembleStory([story], [chapter('a', { order: 1 }, 'One two three.'), chapter('b', { order: 2 }, 'Four five.')], build);
    expect(result.chapters.map((c) => c.words)).toEqual([3, 2]);
    expect(result.words).toBe(5);
  });

  it('fails when every chapter is a draft', () => {
    expect(() => assembleStory([story], [chapter('a', { order: 1, draft: true })], build)).toThrow(/no chapter is ready/);
  });
});

describe('validateStory', () => {
  it('names both files that share an order', () => {
    const problems = validateStory([story], [chapter('chapter-3', { order: 3 }), chapter('interlude', { order: 3 })]);
    expect(problems).toEqual([
      'order 3 is used by both content/chapters/chapter-3.md and content/chapters/interlude.md: each chapter needs its own order',
    ]);
  });

  it('names both files that share a slug', () => {
    const problems = validateStory([story], [chapter('one', { order: 1, slug: 'same' }), chapter('two', { order: 2, slug: 'same' })]);
    expect(problems.join('\n')).toMatch(/slug same is used by both content\/chapters\/one\.md and content\/chapters\/two\.md/);
  });

  it('rejects an empty chapter, naming the file', () => {
    expect(validateStory([story], [chapter('empty', { order: 1 }, '  \n\n ')])).toEqual([
      'content/chapters/empty.md: the chapter has no text (the body after the frontmatter is empty)',
    ]);
  });

  it('rejects a file name that cannot be a URL unless slug is set', () => {
    expect(validateStory([story], [chapter('Chapter One', { order: 1 })]).join()).toMatch(/Chapter One\.md: the file name/);
    expect(validateStory([story], [chapter('Chapter One', { order: 1, slug: 'chapter-one' })])).toEqual([]);
  });

  it('rejects a chapter named like one of the site pages', () => {
    expect(validateStory([story], [chapter('search', { order: 1 })]).join()).toMatch(/search\.md: slug "search"/);
  });

  it('reports a missing story.md and a story without chapters', () => {
    expect(validateStory([], [])).toEqual([
      expect.stringMatching(/^story\.md is missing/),
      expect.stringMatching(/^chapters\/ holds no chapters/),
    ]);
  });

  it('throws one error listing every problem', () => {
    try {
      assembleStory([], [chapter('a', { order: 1 }, '')], build);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StoryError);
      expect((error as StoryError).problems).toHaveLength(2);
      expect((error as Error).message).toMatch(/^The story has 2 problems:/);
    }
  });
});

describe('links between chapters', () => {
  it('reads the chapter a link points at, in the forms authors write', () => {
    expect(['chapter-3.md', './chapter-3.md', '../chapter-3/', '/chapter-3/', 'chapter-3.md#p-4'].map(linkedChapter)).toEqual(
      Array(5).fill('chapter-3'),
    );
    expect(['https://example.org/chapter-3/', '#p-2', 'mailto:a@b.c', '../', '/search/', '//cdn/x'].map(linkedChapter)).toEqual(
      Array(6).fill(undefined),
    );
  });

  it('does not take a link to another kind of file for a chapter', () => {
    expect(['images/map.png', 'faro.png', 'notes.pdf'].map(linkedChapter)).toEqual([undefined, undefined, undefined]);
    expect(linkedChapter('chapter-3')).toBe('chapter-3');
  });
});

describe('storyWarnings', () => {
  it('warns of a gap in chapter numbers', () => {
    const sources = [1, 2, 4].map((n) => chapter(`chapter-${n}`, { order: n, title: `Chapter ${n}` }));
    expect(storyWarnings(sources)).toEqual(['content/chapters/chapter-4.md: order jumps from 2 to 4; chapter 3 is missing']);
  });

  it('does not count an epilogue or interlude as a gap', () => {
    const sources = [
      chapter('chapter-1', { order: 1, title: 'Chapter 1' }),
      chapter('interlude', { order: 1.5 }),
      chapter('epilogue', { order: 10, title: 'Epilogue' }),
    ];
    expect(storyWarnings(sources)).toEqual([]);
  });

  it('warns of a chapter far longer than the others', () => {
    const sources = [
      chapter('a', { order: 1 }, 'word '.repeat(100)),
      chapter('b', { order: 2 }, 'word '.repeat(120)),
      chapter('c', { order: 3 }, 'word '.repeat(1000)),
    ];
    expect(storyWarnings(sources)).toEqual([
      expect.stringMatching(/^content\/chapters\/c\.md: 1000 words, more than four times the usual chapter \(120\)/),
    ]);
  });

  it('warns of straight quotes left beside curly ones in the text as readers see it', () => {
    expect(storyWarnings([chapter('a', { order: 1 }, '"Hello," she said. “Goodbye.”')])).toEqual([
      expect.stringMatching(/^content\/chapters\/a\.md: mixes straight/),
    ]);
    expect(storyWarnings([chapter('a', { order: 1 }, '“Hello,” she said. “Goodbye.”')])).toEqual([]);
  });
});
