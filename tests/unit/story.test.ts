import { describe, expect, it } from 'vitest';
import { linkedChapter } from '../../src/core/links';
import { scheduleWarnings, upcoming } from '../../src/core/schedule';
import { plainRenderer } from '../support/renderer';
import {
  assembleStory,
  chapterWarnings,
  slugOf,
  storyParts,
  storyWarnings,
  StoryError,
  validateStory,
  type StorySource,
} from '../../src/core/story';
import { chapterSource, storySource } from '../support/story-sources';

const story = storySource();
const chapter = chapterSource;
/** The site's Markdown pipeline, for what the warnings read of a rendered text. */
const renderer = plainRenderer;

const now = new Date('2026-01-01T00:00:00Z');
const build = { now, preview: false };

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
    expect(assembleStory([story], sources, { now, preview: true }).chapters.map((c) => c.slug)).toEqual(['one', 'two']);
  });

  it('heads the chapters of a part that are out with it when the chapter opening it is a draft or still scheduled', () => {
    const sources = [
      chapter('one', { order: 1, part: 'Book One' }),
      chapter('two', { order: 2 }),
      chapter('three', { order: 3, part: 'Book Two', draft: true }),
      chapter('four', { order: 4 }),
      chapter('five', { order: 5, part: 'Book Three', published: new Date('2026-03-01') }),
      chapter('six', { order: 6, published: new Date('2025-06-01') }),
    ];
    const parts = (options: typeof build) => assembleStory([story], sources, options).chapters.map((c) => [c.slug, c.part]);
    expect(parts(build)).toEqual([
      ['one', 'Book One'],
      ['two', undefined],
      ['four', 'Book Two'],
      ['six', 'Book Three'],
    ]);
    // In dev, every chapter where the author put it.
    expect(parts({ now, preview: true })).toEqual([
      ['one', 'Book One'],
      ['two', undefined],
      ['three', 'Book Two'],
      ['four', undefined],
      ['five', 'Book Three'],
      ['six', undefined],
    ]);
  });

  it('reads a part named again on each of its chapters as one part', () => {
    const sources = [
      chapter('one', { order: 1, part: 'Book One' }),
      chapter('two', { order: 2, part: 'Book One' }),
      chapter('three', { order: 3, part: 'Book Two' }),
      chapter('four', { order: 4, part: 'Book Two' }),
    ];
    const { chapters } = assembleStory([story], sources, build);
    expect(chapters.map((c) => c.part)).toEqual(['Book One', undefined, 'Book Two', undefined]);
    expect(storyParts(chapters).map((part) => [part.name, part.chapters.length])).toEqual([
      ['Book One', 2],
      ['Book Two', 2],
    ]);
  });

  it('previews scheduled chapters in dev, marked as scheduled, and still announces the next release', () => {
    const sources = [chapter('one', { order: 1 }), chapter('two', { order: 2, published: new Date('2026-03-01') })];
    const dev = assembleStory([story], sources, { now, preview: true });
    expect(dev.chapters.map((c) => [c.slug, c.scheduled])).toEqual([
      ['one', false],
      ['two', true],
    ]);
    expect(dev.nextRelease).toEqual(new Date('2026-03-01'));
    expect(assembleStory([story], sources, build).chapters.map((c) => c.slug)).toEqual(['one']);
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

  it('dates the story by its first and its latest chapter out', () => {
    const result = assembleStory(
      [story],
      [
        chapter('two', { order: 2, published: new Date('2025-11-01') }),
        chapter('one', { order: 1, published: new Date('2025-10-01') }),
        chapter('three', { order: 3, published: new Date('2026-05-01') }),
      ],
      build,
    );
    expect([result.published, result.updated]).toEqual([new Date('2025-10-01'), new Date('2025-11-01')]);
  });

  it('is complete for readers only once no chapter is still scheduled, counting the scheduled ones in the total', () => {
    const complete = { ...story, data: { ...story.data, status: 'complete' as const } };
    const sources = [chapter('one', { order: 1 }), chapter('two', { order: 2, published: new Date('2026-01-08') })];
    const early = assembleStory([complete], sources, build);
    expect([early.status, early.chapters.length, early.expectedChapters, early.nextRelease]).toEqual([
      'in-progress',
      1,
      2,
      new Date('2026-01-08'),
    ]);
    const late = assembleStory([complete], sources, { now: new Date('2026-01-08'), preview: false });
    expect([late.status, late.chapters.length, late.expectedChapters, late.nextRelease]).toEqual(['complete', 2, 2, undefined]);
  });

  it('expects the chapters the author expects while in progress, more when more are written', () => {
    const expecting = (expectedChapters: number) => ({ ...story, data: { ...story.data, expectedChapters } });
    const sources = [chapter('one', { order: 1 }), chapter('two', { order: 2, published: new Date('2026-02-01') })];
    expect(assembleStory([expecting(12)], sources, build).expectedChapters).toBe(12);
    expect(assembleStory([story], sources, build).expectedChapters).toBeUndefined();
  });

  it('uses the slug field over the file name', () => {
    const result = assembleStory([story], [chapter('ch1', { order: 1, slug: 'the-mask' })], build);
    expect(result.chapters[0]?.slug).toBe('the-mask');
  });

  it('sets titles as the text is set, in the story’s quotation marks, and keeps the addresses made from them', () => {
    const sources = [
      chapter('ch1', { order: 1, title: `Chapter 1: "Don't," she said -- and...`, part: "Book One: Meg's" }),
      chapter('ch2', { order: 2, title: 'Chapter 2', part: "Book One: Meg's" }),
    ];
    const english = assembleStory(
      [storySource({ title: 'The Lamplighter\'s "Daughter"', series: { title: "Meg's", part: 2 } })],
      sources,
      build,
    );
    expect(english.meta.title).toBe('The Lamplighter’s “Daughter”');
    expect(english.meta.series?.title).toBe('Meg’s');
    expect(english.chapters.map((c) => [c.title, c.part])).toEqual([
      ['Chapter 1: “Don’t,” she said — and…', 'Book One: Meg’s'],
      ['Chapter 2', undefined],
    ]);
    expect(english.chapters[0]?.slug).toBe('ch1');
    const german = assembleStory(
      [storySource({ language: 'de', title: '"Die Lampe"' })],
      [chapter('a', { order: 1, title: "'Nacht'" })],
      build,
    );
    expect([german.meta.title, german.chapters[0]?.title]).toEqual(['„Die Lampe“', '‚Nacht‘']);
    const straight = assembleStory([storySource({ quotes: 'straight', title: '"As typed"' })], [chapter('a', { order: 1 })], build);
    expect(straight.meta.title).toBe('"As typed"');
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

  it('makes an address from a file name an author saved by hand (Chapter One.md → chapter-one), and rejects one with nothing to make it from unless slug is set', () => {
    expect(validateStory([story], [chapter('Chapter One', { order: 1 })])).toEqual([]);
    expect(slugOf({ id: 'Chapter_3 - The Lake', data: { slug: undefined } } as never)).toBe('chapter-3-the-lake');
    expect(slugOf({ id: 'Café Noir', data: { slug: undefined } } as never)).toBe('café-noir');
    expect(validateStory([story], [chapter('🌙', { order: 1 })]).join()).toMatch(/🌙\.md: the file name "🌙" holds no letter or digit/);
    expect(validateStory([story], [chapter('🌙', { order: 1, slug: 'moon' })])).toEqual([]);
    // Two names that make one address are one chapter too many.
    expect(validateStory([story], [chapter('Chapter One', { order: 1 }), chapter('chapter-one', { order: 2 })]).join()).toMatch(
      /slug chapter-one is used by both .*Chapter One\.md and .*chapter-one\.md/,
    );
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

  it('takes a link to a chapter’s page as another site or a book named it for that chapter, so a page that is none is named', () => {
    expect(['chapter-3.html', 'chapter-3.htm', '../chapter-3.xhtml#p2'].map(linkedChapter)).toEqual(Array(3).fill('chapter-3'));
    expect(['index.html', '../read/index.html'].map(linkedChapter)).toEqual([undefined, undefined]);
  });
});

describe('storyWarnings', () => {
  it('warns of a gap in chapter numbers', () => {
    const sources = [1, 2, 4].map((n) => chapter(`chapter-${n}`, { order: n, title: `Chapter ${n}` }));
    expect(storyWarnings(sources)).toEqual(['content/chapters/chapter-4.md: order jumps from 2 to 4; chapter 3 is missing']);
  });

  it('does not count a chapter split in parts (2a and 2b, at orders 2.01 and 2.02) as a gap', () => {
    const sources = [
      chapter('chapter-1', { order: 1, title: 'Chapter 1' }),
      chapter('chapter-2a', { order: 2.01, title: 'Chapter 2a: Up' }),
      chapter('chapter-2b', { order: 2.02, title: 'Chapter 2b: Down' }),
      chapter('chapter-3', { order: 3, title: 'Chapter 3' }),
    ];
    expect(storyWarnings(sources)).toEqual([]);
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
    expect(chapterWarnings(chapter('a', { order: 1 }, '"Hello," she said. “Goodbye.”'))).toEqual([
      expect.stringMatching(/^content\/chapters\/a\.md: mixes straight/),
    ]);
    expect(chapterWarnings(chapter('a', { order: 1 }, '“Hello,” she said. “Goodbye.”'))).toEqual([]);
  });

  it('warns of a heading opening the text that says the title again, as the pipeline renders it', async () => {
    const warned = async (title: string, markdown: string) =>
      chapterWarnings({ ...chapter('01-start', { order: 1, title }), body: await renderer.chapter(markdown) }).filter((warning) =>
        warning.includes('opens with the heading'),
      );
    const repeated = [
      ['The Start', '# The Start\n\nShe left.'],
      ['Chapter 1: The Start', '## Chapter 1 — the start!\n\nShe left.'],
      ['Chapter 1: The Start', 'The Start\n=========\n\nShe left.'],
      ['Chapter 1: The Start', '### Chapter 1\n\nShe left.'],
      ['Prologue', '<h2>PROLOGUE</h2>\n\nShe left.'],
    ] as const;
    for (const [title, markdown] of repeated)
      expect(await warned(title, markdown), markdown).toEqual([
        expect.stringMatching(
          /^content\/chapters\/01-start\.md: the text opens with the heading “.+”, which says again what the chapter’s title says;.* Delete the heading/,
        ),
      ]);
    // A heading of its own, one further down, or none: nothing to say.
    expect(await warned('The Start', '# Part One\n\nShe left.')).toEqual([]);
    expect(await warned('The Start', 'She left.\n\n# The Start')).toEqual([]);
    expect(await warned('The Start', 'The Start of it all was a letter.')).toEqual([]);
  });

  it('warns of a sentence that --- or === straight under it made a heading (a scene break typed without its blank line)', async () => {
    const warned = async (markdown: string) =>
      chapterWarnings({ ...chapter('a', { order: 1 }), body: await renderer.chapter(markdown) }).filter((warning) =>
        warning.includes('---'),
      );
    expect(await warned('She left the *room.*\n---\nNext scene.')).toEqual([
      'content/chapters/a.md: “She left the *room.*” shows as a heading, because a line of --- or === is straight under it; for a scene break, leave a blank line between the text and the line (or write * * *)',
    ]);
    expect(await warned('"Go," she said.\n-----\n\nNext scene.')).toHaveLength(1);
    expect(await warned('She screamed.\n===\n\nThen silence.')).toHaveLength(1);
    // A heading meant as one, a scene break with its blank line, and # headings: nothing to say.
    for (const fine of ['Part Two\n---\n\nText.', 'She left.\n\n---\n\nNext scene.', '## She left.\n\nText.', 'A title\n===\n\nText.'])
      expect(await warned(fine), fine).toEqual([]);
  });
});

describe('upcoming', () => {
  it('lists the chapters still to come, soonest first, with the time when one is given, and no drafts', () => {
    const sources = [
      chapter('chapter-3', { order: 3, published: new Date('2026-03-01T18:30:00Z') }),
      chapter('chapter-2', { order: 2, published: new Date('2026-02-01') }),
      chapter('chapter-1', { order: 1, published: new Date('2025-12-01') }),
      chapter('draft', { order: 4, published: new Date('2026-02-02'), draft: true }),
    ];
    expect(upcoming(sources, now)).toEqual([
      'content/chapters/chapter-2.md  2026-02-01',
      'content/chapters/chapter-3.md  2026-03-01 18:30 UTC',
    ]);
    expect(upcoming(sources, now, 1)).toEqual(['content/chapters/chapter-2.md  2026-02-01', 'and 1 more']);
    expect(upcoming(sources, new Date('2027-01-01'))).toEqual([]);
    // In the story's time zone, as the author wrote them: 18:30 UTC is 13:30 in New York; the day's start there is no time of day.
    expect(
      upcoming([...sources, chapter('chapter-5', { order: 5, published: new Date('2026-04-01T04:00:00Z') })], now, 5, 'America/New_York'),
    ).toEqual([
      'content/chapters/chapter-2.md  2026-01-31 19:00 America/New_York',
      'content/chapters/chapter-3.md  2026-03-01 13:30 America/New_York',
      'content/chapters/chapter-5.md  2026-04-01',
    ]);
  });
});

describe('scheduleWarnings', () => {
  const complete = (extra: Partial<StorySource['data']> = {}) => ({
    ...story,
    data: { ...story.data, status: 'complete' as const, ...extra },
  });

  it('warns when a chapter goes out before an earlier one still scheduled, naming both and the fix', () => {
    const sources = [
      chapter('chapter-11', { order: 11 }),
      chapter('chapter-12', { order: 12, published: new Date('2026-01-08') }),
      chapter('chapter-13', { order: 13 }),
    ];
    expect(scheduleWarnings(story, sources, now)).toEqual([
      'content/chapters/chapter-13.md comes after content/chapters/chapter-12.md in reading order but goes out first (now), while content/chapters/chapter-12.md is scheduled for 2026-01-08: until then, Next on the chapter before it skips to content/chapters/chapter-13.md. Date content/chapters/chapter-13.md on or after 2026-01-08, or give content/chapters/chapter-12.md an earlier date',
    ]);
  });

  it('warns of two scheduled chapters released in the wrong order, with times when given', () => {
    const sources = [
      chapter('a', { order: 1, published: new Date('2026-02-01T18:30:00Z') }),
      chapter('b', { order: 2, published: new Date('2026-01-15') }),
    ];
    expect(scheduleWarnings(story, sources, now)).toEqual([
      expect.stringMatching(
        /^content\/chapters\/b\.md comes after .* goes out first \(on 2026-01-15\), .* scheduled for 2026-02-01 18:30 UTC/,
      ),
    ]);
  });

  it('says nothing of a schedule in reading order, of drafts, or of chapters already out', () => {
    const sources = [
      chapter('a', { order: 1, published: new Date('2025-12-01') }),
      chapter('b', { order: 2, published: new Date('2026-01-08') }),
      chapter('c', { order: 3, published: new Date('2026-01-15') }),
      chapter('d', { order: 2.5, draft: true }),
    ];
    expect(scheduleWarnings(story, sources, now)).toEqual([]);
    expect(
      scheduleWarnings(story, [chapter('x', { order: 2, published: new Date('2025-01-01') }), chapter('y', { order: 1 })], now),
    ).toEqual([]);
  });

  it('warns of a complete story with chapters still scheduled', () => {
    const sources = [chapter('a', { order: 1 }), chapter('b', { order: 2, published: new Date('2026-01-08') })];
    expect(scheduleWarnings(complete(), sources, now)).toEqual([
      'content/story.md: status is complete, but content/chapters/b.md is still scheduled (the last for 2026-01-08): until then readers see "In progress" and the date of the next chapter',
    ]);
  });

  it('warns when expectedChapters disagrees with the chapters there are', () => {
    const two = [chapter('a', { order: 1 }), chapter('b', { order: 2 })];
    expect(scheduleWarnings(complete({ expectedChapters: 1 }), two, now)).toEqual([
      'content/story.md: expectedChapters is 1, but there are 2 chapters; raise it',
    ]);
    expect(scheduleWarnings(complete({ expectedChapters: 3 }), two, now)).toEqual([
      'content/story.md: status is complete with 2 chapters, but expectedChapters is 3; lower it to 2, or set status: in-progress',
    ]);
    expect(scheduleWarnings({ ...story, data: { ...story.data, expectedChapters: 2 } }, two, now)).toEqual([
      expect.stringMatching(/^content\/story\.md: all 2 expected chapters are out, but status is in-progress/),
    ]);
    expect(scheduleWarnings(complete({ expectedChapters: 2 }), two, now)).toEqual([]);
  });
});
