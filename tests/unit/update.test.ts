import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../src/importer/files';
import { parseRecord, planUpdate, recordFile, recordOf } from '../../src/importer/update';

const chapterText = (title: string, body: string, extra = '') => `---\ntitle: "${title}"\norder: 1\n${extra}---\n\n${body}\n`;
const storyText = (fields: string, summary: string) => `---\ntitle: Lamplight\nauthor: Wren\n${fields}---\n\n${summary}\n`;

function plan(chapters: [string, string][], story = storyText('status: in-progress\n', 'A summary.')): ImportPlan {
  return {
    chapters: chapters.map(([title, body], index) => ({
      slug: `chapter-${index + 1}`,
      order: index + 1,
      title,
      text: chapterText(title, body),
      words: body.split(' ').length,
    })),
    story,
    storyFilledIn: [],
    images: new Map(),
    fidelity: { source: 1, kept: 1, firstLoss: undefined, added: 0, firstAddition: undefined, disorder: undefined },
  };
}
const next = { source: 'work.html', format: 'AO3 HTML download', work: 'https://archiveofourown.org/works/1', imported: '2026-12-05' };

describe('planning an update', () => {
  const first = plan([
    ['One', 'First text.'],
    ['Two', 'Second text.'],
  ]);
  const record = recordOf({ ...next, plan: first, today: '2026-12-01' });

  it('reads back the record it writes', () => {
    expect(parseRecord(recordFile(record), 'imported-from.yaml')).toEqual(record);
    expect(() => parseRecord('chapters: 3', 'imported-from.yaml')).toThrow(/imported-from\.yaml is not a record of an import/);
    expect(() => parseRecord('work: [unclosed', 'imported-from.yaml')).toThrow(/imported-from\.yaml is not a record of an import/);
  });

  it('tells the author’s settings from the text: a date or draft set here is no edit, and survives a source change', () => {
    const current = new Map([
      ['chapters/chapter-1.md', chapterText('One', 'First text.', 'published: 2026-11-01\ndraft: true\n')],
      ['chapters/chapter-2.md', chapterText('Two', 'Second text.')],
    ]);
    const update = planUpdate({
      plan: plan([
        ['One', 'First text, mended.'],
        ['Two', 'Second text.'],
      ]),
      record,
      current: { chapters: current, story: first.story },
      take: new Set(),
      remove: false,
      next,
    });
    expect(update.chapters.map(({ outcome, file }) => [outcome, file])).toEqual([
      ['updated', 'chapters/chapter-1.md'],
      ['unchanged', 'chapters/chapter-2.md'],
    ]);
    expect(update.chapters[0]!.text).toMatch(/published: "2026-11-01"\ndraft: true\n---\n\nFirst text, mended\.\n$/);
  });

  it('reads a colon escaped as earlier imports wrote it (`10\\:30`) as the same text as one written as typed: unchanged, no update', () => {
    const escaped = plan([['One', 'At 10\\:30 she read John 1\\:5.']]);
    const update = planUpdate({
      plan: plan([['One', 'At 10:30 she read John 1:5.']]),
      record: recordOf({ ...next, plan: escaped, today: '2026-12-01' }),
      current: { chapters: new Map([['chapters/chapter-1.md', escaped.chapters[0]!.text]]), story: escaped.story },
      take: new Set(),
      remove: false,
      next,
    });
    expect(update.chapters.map(({ outcome }) => outcome)).toEqual(['unchanged']);
  });

  it('without a record, finds chapters here by title: the same text is kept, a different one is a conflict, not overwritten', () => {
    const current = new Map([
      ['chapters/one.md', chapterText('One', 'First text.')],
      ['chapters/two.md', chapterText('Two', 'Second text, edited here.')],
    ]);
    const update = planUpdate({
      plan: first,
      record: undefined,
      current: { chapters: current, story: undefined },
      take: new Set(),
      remove: false,
      next,
    });
    expect(update.chapters.map(({ outcome, file, text }) => [outcome, file, text === undefined])).toEqual([
      ['unchanged', 'chapters/one.md', true],
      ['conflict', 'chapters/two.md', true],
    ]);
  });

  it('merges story.md field by field, keeping its comments; a field changed on both sides stays the author’s', () => {
    const here = storyText('# the status, by hand\nstatus: in-progress\nrating: Mature # mine\n', 'A summary.');
    const incoming = plan([['One', 'First text.']], storyText('status: complete\nrating: Teen\n', 'A new summary.'));
    const baseline = recordOf({
      ...next,
      plan: plan([['One', 'First text.']], storyText('status: in-progress\nrating: General\n', 'A summary.')),
      today: '2026-12-01',
    });
    const update = planUpdate({
      plan: incoming,
      record: baseline,
      current: { chapters: new Map(), story: here },
      take: new Set(),
      remove: false,
      next,
    });
    expect(update.story.changed.sort()).toEqual(['status', 'summary']);
    expect(update.story.conflicts).toEqual(['rating']);
    expect(update.story.text).toBe(
      '---\ntitle: Lamplight\nauthor: Wren\n# the status, by hand\nstatus: complete\nrating: Mature # mine\n---\n\nA new summary.\n',
    );
  });

  it('leaves a title and author the source never gave (a Word document’s) to the author: no conflict, never “Untitled”', () => {
    // story.md as first written for a document without either, then named by the author.
    const unnamed: ImportPlan = {
      ...plan([['One', 'First text.']], '---\ntitle: Untitled\nauthor: Anonymous\n---\n'),
      storyFilledIn: ['title', 'author'],
    };
    const baseline = recordOf({ ...next, plan: unnamed, today: '2026-12-01' });
    expect(Object.keys(baseline.story)).toEqual([]);
    const update = planUpdate({
      plan: {
        ...unnamed,
        chapters: plan([
          ['One', 'First text.'],
          ['Two', 'Second text.'],
        ]).chapters,
      },
      record: baseline,
      current: { chapters: new Map([['chapters/chapter-1.md', chapterText('One', 'First text.')]]), story: storyText('', 'Mine.') },
      take: new Set(),
      remove: false,
      next,
    });
    expect(update.story).toEqual({ text: undefined, changed: [], conflicts: [] });
    expect(update.chapters.map(({ outcome }) => outcome)).toEqual(['unchanged', 'new']);
  });
});
