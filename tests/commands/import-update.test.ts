import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../support/build';
import { ao3Work, type Ao3Chapter } from '../support/ao3';
import { makeDocx } from '../support/documents';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const work = makeWorkDir('update-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const url = 'https://archiveofourown.org/works/777';
const wick: Ao3Chapter = {
  title: 'Wick',
  summary: 'Christine finds a lamp.',
  paragraphs: ['The lamp was burning when she came.', 'Nobody answered.'],
};
const flame: Ao3Chapter = { title: 'Flame', paragraphs: ['Erik kept the lamps for eleven years.', 'He noticed her.'] };
const glass: Ao3Chapter = { title: 'Glass', paragraphs: ['The glass was cold.'] };
const smoke: Ao3Chapter = { title: 'Smoke', paragraphs: ['At dawn the lamps went out.'] };

/** One week's download of the work. */
function download(
  week: number,
  chapters: Ao3Chapter[],
  extra: { tags?: string[]; summary?: string; expected?: number | '?'; url?: string } = {},
) {
  const file = join(work, `week-${week}.html`);
  writeFileSync(
    file,
    ao3Work({
      title: 'Lamplight',
      url: extra.url ?? url,
      summary: extra.summary ?? 'Below the opera house, someone keeps the lamps lit.',
      tags: extra.tags ?? ['Slow Burn'],
      chapters,
      expected: extra.expected ?? '?',
      published: '2026-10-01',
      updated: `2026-10-${String(week + 7).padStart(2, '0')}`,
    }),
  );
  return file;
}

const content = join(work, 'content');
const read = (path: string) => readFileSync(join(content, path), 'utf8');
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(content, path), change(read(path)));

describe('the weekly update from AO3', () => {
  it('over three weeks: adds new chapters, brings source changes, keeps the author’s, lists what changed on both sides', async () => {
    // Week 1: two chapters, imported; the import records what it wrote.
    const first = await runImport(download(1, [wick, flame]), '--content', content);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/wrote {2}.*imported-from\.yaml/);
    expect(read('imported-from.yaml')).toMatch(/work: "?https:\/\/archiveofourown\.org\/works\/777/);

    // The author edits chapter 2 and story.md here (a comment, the fandom).
    edit('chapters/chapter-2.md', (text) => text.replace('eleven years', 'twelve long years'));
    edit('story.md', (text) => text.replace(/^fandom: .*$/m, '# my own wording\nfandom: The Phantom of the Opera'));
    const published = /published: "?([\d-]+)/.exec(read('chapters/chapter-2.md'))?.[1];
    expect(published).toBe('2026-10-08');

    // Week 2: the source fixed chapter 1, added chapter 3 and a tag.
    const fixedWick = { ...wick, paragraphs: ['The lamp was already burning when she came.', 'Nobody answered.'] };
    const week2 = download(2, [fixedWick, flame, glass], { tags: ['Slow Burn', 'Angst'] });
    const before = read('chapters/chapter-1.md');
    const dry = await runImport(week2, '--content', content, '--update', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^updated +.*chapter-1\.md {2}“Chapter 1: Wick” {2}changed at the source$/m);
    expect(dry.stdout).toMatch(/^kept +.*chapter-2\.md .*your changes kept/m);
    expect(dry.stdout).toMatch(/^new +.*chapter-3\.md {2}“Chapter 3: Glass” {2}order 3/m);
    expect(dry.stdout).toMatch(/^updated +.*story\.md {2}tags$/m);
    expect(dry.stdout).toMatch(/1 new, 1 updated, 1 kept, 0 conflicting/);
    expect(dry.stdout).toMatch(/dry run: nothing was written/);
    expect(read('chapters/chapter-1.md')).toBe(before);
    expect(existsSync(join(content, 'chapters/chapter-3.md'))).toBe(false);

    const second = await runImport(week2, '--content', content, '--update');
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(read('chapters/chapter-1.md')).toContain('The lamp was already burning');
    expect(read('chapters/chapter-1.md')).toMatch(/published: "?2026-10-01/);
    expect(read('chapters/chapter-2.md')).toContain('twelve long years');
    expect(read('chapters/chapter-2.md')).toMatch(/published: "?2026-10-08/);
    expect(read('chapters/chapter-3.md')).toContain('The glass was cold.');
    expect(read('story.md')).toMatch(/# my own wording\nfandom: The Phantom of the Opera/);
    expect(read('story.md')).toMatch(/tags:\n {2}- Slow Burn\n {2}- Angst/);

    // Week 3: the source rewrote chapter 2 too (a conflict), added the last chapter, and is complete.
    const newFlame = { ...flame, paragraphs: ['Erik had kept the lamps for eleven years.', 'He noticed her.'] };
    const week3 = download(3, [fixedWick, newFlame, glass, smoke], {
      tags: ['Slow Burn', 'Angst'],
      expected: 4,
      summary: 'Below the opera house, someone keeps the lamps lit, until dawn.',
    });
    const third = await runImport(week3, '--content', content, '--update');
    expect(third.stderr).toBe('');
    expect(third.stdout).toMatch(
      /^conflict +.*chapter-2\.md .*changed here and at the source: yours kept; to take the source's, add --take chapter-2$/m,
    );
    expect(third.stdout).toMatch(/^new +.*chapter-4\.md/m);
    expect(third.stdout).toMatch(/^same +.*chapter-1\.md/m);
    expect(third.stdout).toMatch(/^updated +.*story\.md {2}.*status.*summary|^updated +.*story\.md {2}.*summary.*status/m);
    expect(read('chapters/chapter-2.md')).toContain('twelve long years');
    expect(read('story.md')).toMatch(/^status: complete$/m);
    expect(read('story.md')).toContain('someone keeps the lamps lit, until dawn.');

    // The conflict is still one next time, until the author chooses the source's side.
    const again = await runImport(week3, '--content', content, '--update');
    expect(again.stdout).toMatch(/^conflict +.*chapter-2\.md/m);
    const taken = await runImport(week3, '--content', content, '--update', '--take', 'chapter-2');
    expect(taken.stdout).toMatch(/^taken +.*chapter-2\.md/m);
    expect(read('chapters/chapter-2.md')).toContain('Erik had kept the lamps for eleven years.');
    expect(read('chapters/chapter-2.md')).toMatch(/published: "?2026-10-08/);
  });

  it('refuses another work, a single chapter, and options that do not go together', async () => {
    const other = download(9, [wick], { url: 'https://archiveofourown.org/works/999' });
    const refused = await runImport(other, '--content', content, '--update');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/was imported from https:\/\/archiveofourown\.org\/works\/777/);
    const both = await runImport(other, '--content', content, '--update', '--force');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--force replaces every file, --update keeps your changes/);
  });

  it('leaves chapters gone from the source unless --remove', async () => {
    const folder = join(work, 'gone');
    expect((await runImport(download(11, [wick, flame, glass]), '--content', folder)).code).toBe(0);
    const fewer = download(12, [wick, flame]);
    const kept = await runImport(fewer, '--content', folder, '--update');
    expect(kept.stdout).toMatch(/^gone +.*chapter-3\.md .*--remove deletes it/m);
    expect(existsSync(join(folder, 'chapters/chapter-3.md'))).toBe(true);
    const removed = await runImport(fewer, '--content', folder, '--update', '--remove');
    expect(removed.stdout).toMatch(/^delete +.*chapter-3\.md/m);
    expect(existsSync(join(folder, 'chapters/chapter-3.md'))).toBe(false);
  });

  it('keeps the title and author given at the first import (--title, --author) through later updates', async () => {
    const folder = join(work, 'renamed');
    const source = (chapters: string[]) => {
      const file = join(work, `manuscript-${chapters.length}.md`);
      writeFileSync(
        file,
        `---\ntitle: Working Title\nauthor: pen name\n---\n\n${chapters.map((text, i) => `# Chapter ${i + 1}\n\n${text}\n`).join('\n')}`,
      );
      return file;
    };
    const first = await runImport(
      source(['The lamp was lit.', 'The storm came.']),
      '--content',
      folder,
      '--title',
      'Lamps Below',
      '--author',
      'Ada Quill',
    );
    expect(first.code).toBe(0);
    const update = await runImport(source(['The lamp was lit.', 'The storm came.', 'The calm.']), '--content', folder, '--update');
    expect(update.stderr).toBe('');
    expect(update.stdout).toMatch(/^new +.*chapter-3\.md/m);
    expect(update.stdout).not.toMatch(/^(?:updated|conflict) +.*story\.md/m);
    expect(readFileSync(join(folder, 'story.md'), 'utf8')).toMatch(/^title: Lamps Below\nauthor: Ada Quill$/m);
  });

  it('updates a story written in one document that names no work (Word, plain text), whatever the download is named', async () => {
    const weeks = [
      ['Chapter 1: The Storm', 'The lamp was lit.', 'Chapter 2: The Road', 'The storm came.'],
      // The new chapter headed as the author types it, which its title puts in the site's form.
      [
        'Chapter 1: The Storm',
        'The lamp was lit.',
        'Chapter 2: The Road',
        'The storm came, and went.',
        'Chapter Three – The Sea',
        'The calm.',
      ],
    ];
    const word = (lines: string[]) => makeDocx(lines.map((line) => `<w:p><w:r><w:t>${line}</w:t></w:r></w:p>`));
    for (const [kind, write] of [
      ['docx', word],
      ['txt', (lines: string[]) => `${lines.join('\n\n')}\n`],
    ] as const) {
      const folder = join(work, `document-${kind}`);
      const file = (name: string, week: number) => {
        const path = join(work, `${name}.${kind}`);
        writeFileSync(path, write(weeks[week]!));
        return path;
      };
      const first = await runImport(file('My Serial', 0), '--content', folder, '--title', 'Lamps Below', '--author', 'Ada');
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/wrote {2}.*imported-from\.yaml/);
      // The next week's download, renamed by the browser beside the first.
      const update = await runImport(file('My Serial (1)', 1), '--content', folder, '--update');
      expect(update.stderr).toBe('');
      expect(update.stdout).toMatch(/^same +.*chapter-1\.md/m);
      expect(update.stdout).toMatch(/^updated +.*chapter-2\.md/m);
      expect(update.stdout).toMatch(/^new +.*chapter-3\.md {2}“Chapter 3: The Sea” .* from the heading “Chapter Three – The Sea”$/m);
      expect(update.stdout).toMatch(/1 new, 1 updated, 1 kept, 0 conflicting/);
      expect(update.stdout).not.toMatch(/story\.md/);
      expect(readFileSync(join(folder, 'story.md'), 'utf8')).toMatch(/^title: Lamps Below\nauthor: Ada$/m);
      expect(readFileSync(join(folder, 'chapters/chapter-2.md'), 'utf8')).toContain('The storm came, and went.');
    }
  });

  it('names a chapter here it cannot read (broken frontmatter), and changes nothing', async () => {
    const folder = join(work, 'broken');
    expect((await runImport(download(13, [wick, flame]), '--content', folder)).code).toBe(0);
    const broken = '---\ntitle: Chapter 2: Flame\norder: 2\n---\n\nErik kept the lamps.\n';
    writeFileSync(join(folder, 'chapters/chapter-2.md'), broken);
    const result = await runImport(download(14, [wick, flame, glass]), '--content', folder, '--update');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error {2}chapters\/chapter-2\.md:2: the frontmatter is not valid YAML.*title: "Chapter 2: Flame"/m);
    expect(result.stderr).not.toMatch(/ at /);
    expect(readFileSync(join(folder, 'chapters/chapter-2.md'), 'utf8')).toBe(broken);
    expect(existsSync(join(folder, 'chapters/chapter-3.md'))).toBe(false);
  });
});
