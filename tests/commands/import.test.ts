import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites, runImport, runImportProcess } from '../support/build';
import { wordsOf } from '../support/html';
import { sampleStory, seedText } from '../support/sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';
import { problems } from '../../src/core/problems.ts';
import { readStory } from '../../src/source/story-source.ts';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const work = makeWorkDir('import-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run import', () => {
  it('turns the seed into exactly the sample story’s chapters/prologue.md', async () => {
    const out = join(work, 'seed');
    const result = await runImport(seedText, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote .*prologue\.md {2}"Prologue" {2}order 0 {2}712 words/);
    const committed = readFileSync(join(sampleStory, 'chapters/prologue.md'), 'utf8').replace(/^published:.*\n/m, '');
    expect(readFileSync(join(out, 'prologue.md'), 'utf8')).toBe(committed);
  });

  it('imports several chapters in one run and places interludes and epilogues', async () => {
    const out = join(work, 'several');
    const files = ['ch1.txt', 'interlude.txt', 'ch2.txt', 'epilogue.txt'].map((name) => join(fixtures, name));
    const result = await runImport(...files, '--out', out);
    expect(result.stderr).toBe('');
    expect(
      result.stdout
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('wrote'))
        .map((line) => line.replace(/^wrote +\S+ +/, '')),
    ).toEqual([
      // The title in the site's form, and the heading as the author wrote it.
      '"Chapter 1: The Letter"  order 1  87 words  from the heading “Chapter One: The Letter”',
      '"Interlude: Letters"  order 1.5  10 words',
      '"Chapter 2"  order 2  16 words',
      '"Epilogue"  order 3  8 words',
    ]);
    expect(result.stdout).toMatch(/^note {3}a title is written in the site’s form .*put it in the title: of its chapter’s file$/m);
    expect(readdirSync(out).sort()).toEqual(['chapter-1.md', 'chapter-2.md', 'epilogue.md', 'interlude-letters.md']);
  });

  it('refuses to overwrite a chapter without --force, still imports the rest, and exits non-zero', async () => {
    const out = join(work, 'overwrite');
    expect((await runImport(join(fixtures, 'ch1.txt'), '--out', out)).code).toBe(0);
    const again = await runImport(join(fixtures, 'ch1.txt'), join(fixtures, 'ch2.txt'), '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/ch1\.txt: .*chapter-1\.md already exists; pass --force/);
    expect(again.stdout).toMatch(/chapter-2\.md/);
    expect((await runImport(join(fixtures, 'ch1.txt'), '--out', out, '--force')).code).toBe(0);
  });

  it('imports a folder of chapter files, or a zip of them as Google Drive downloads a folder, in the order their names number them', async () => {
    const folder = join(work, 'drive', 'The Lamp');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Chapter 10.txt'), 'Chapter 10\n\nThe tenth.\n');
    writeFileSync(join(folder, 'Chapter 2.txt'), 'Chapter 2\n\nThe second.\n');
    writeFileSync(join(folder, '.DS_Store'), 'not a chapter');
    const zip = join(work, 'drive', 'The Lamp.zip');
    writeFileSync(
      zip,
      zipSync({
        'The Lamp/Chapter 10.txt': strToU8('Chapter 10\n\nThe tenth.\n'),
        'The Lamp/Chapter 2.txt': strToU8('Chapter 2\n\nThe second.\n'),
        '__MACOSX/The Lamp/._Chapter 2.txt': strToU8('x'),
      }),
    );
    for (const [input, shown] of [
      [folder, `${folder} in this order: Chapter 2.txt, Chapter 10.txt`],
      [zip, `${zip} in this order: The Lamp/Chapter 2.txt, The Lamp/Chapter 10.txt`],
    ] as const) {
      const out = join(work, 'drive', `out-${input === zip ? 'zip' : 'folder'}`);
      const result = await runImport(input, '--out', out);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`note   read the 2 files in ${shown}`);
      expect(readdirSync(out).sort()).toEqual(['chapter-10.md', 'chapter-2.md']);
      expect(readFileSync(join(out, 'chapter-10.md'), 'utf8')).toMatch(/^order: 10$/m);
    }
  });

  it('names the file it cannot read and exits non-zero', async () => {
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    // A Scrivener project and a Pages document are folders on a Mac: what to export instead.
    const scrivener = join(work, 'My Novel.scriv');
    const pages = join(work, 'Draft.pages');
    for (const folder of [join(scrivener, 'Files'), join(pages, 'Index')]) mkdirSync(folder, { recursive: true });
    const result = await runImport(empty, join(work, 'missing.txt'), scrivener, pages, '--out', join(work, 'bad'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(result.stderr).toMatch(/missing\.txt: no such file/);
    expect(result.stderr).toContain(problems.ScrivenerProject.message(scrivener));
    expect(result.stderr).toContain(problems.PagesDocument.message(pages));
  });

  it('explains its usage when called without files', () => {
    const result = runImportProcess();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: npm run import/);
  });

  it('refuses an empty --out or one that is a file, with its usage and no stack trace', () => {
    const empty = runImportProcess(join(fixtures, 'ch1.txt'), '--out=');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^--out needs a folder/);
    const file = runImportProcess(join(fixtures, 'ch1.txt'), '--out', join(fixtures, 'ch2.txt'));
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/ch2\.txt: that is a file; give a folder/);
    expect(`${empty.stderr}${file.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('never lets two inputs write the same chapter, even with --force', async () => {
    const out = join(work, 'twice');
    const copy = join(work, 'chapter-2-again.txt');
    writeFileSync(copy, 'Chapter 2\n\nAnother text entirely.');
    const result = await runImport(join(fixtures, 'ch2.txt'), copy, '--out', out, '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/chapter-2-again\.txt: .*chapter-2\.md was already written from .*ch2\.txt in this run/);
    expect(readFileSync(join(out, 'chapter-2.md'), 'utf8')).not.toMatch(/Another text/);
  });

  it('imports a whole AO3 work into a content folder, telling what it dropped and that every word was kept', async () => {
    const content = join(work, 'ao3');
    const result = await runImport(join(fixtures, 'ao3/new-layout.html'), '--content', content);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^AO3 HTML download {2}.*new-layout\.html$/m);
    expect(result.stdout).toMatch(/^wrote {2}.*story\.md {2}"The Lantern Keeper" by Wren_Ashdown$/m);
    expect(result.stdout).toMatch(/^dropped {2}AO3’s “Posted originally on the Archive of Our Own at …”$/m);
    expect(result.stdout).toMatch(/^kept (\d+) of \1 words$/m);
    expect(readdirSync(join(content, 'chapters')).sort()).toEqual(['chapter-1.md', 'chapter-2.md', 'chapter-3.md']);

    // story.md is the author's once written: a second import keeps it unless --force.
    const again = await runImport(join(fixtures, 'ao3/single-chapter.html'), '--content', content, '--out', join(work, 'ao3-more'));
    expect(again.stdout).toMatch(/kept the existing .*story\.md; pass --force/);
    expect(readFileSync(join(content, 'story.md'), 'utf8')).toMatch(/title: The Lantern Keeper/);
  });

  it('renders what it imports into the cache of the build that reads the folder, so that build renders nothing again; another folder apart', async () => {
    const content = join(work, 'cached');
    const outDir = join(work, 'cached-dist');
    const rendered = join(`${outDir}-cache`, 'quire-rendered');
    const saved = { CONTENT_DIR: process.env.CONTENT_DIR, OUT_DIR: process.env.OUT_DIR };
    Object.assign(process.env, { CONTENT_DIR: content, OUT_DIR: outDir });
    try {
      expect((await runImport(join(fixtures, 'ao3/new-layout.html'), '--content', content)).code).toBe(0);
      const entries = readdirSync(rendered).sort();
      expect(entries.length).toBeGreaterThan(3);
      // The build's own reading of the folder finds every one of them: it renders (and adds) none.
      await readStory(content, { base: '/', now: new Date(), cacheDir: `${outDir}-cache` });
      expect(readdirSync(rendered).sort()).toEqual(entries);
      rmSync(rendered, { recursive: true, force: true });
      expect((await runImport(join(fixtures, 'ao3/new-layout.html'), '--content', join(work, 'cached-other'))).code).toBe(0);
      expect(existsSync(rendered)).toBe(false);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = value;
      }
    }
  });

  it('takes the title, author and language given: for chapters alone a story.md of them, for a whole work in place of its own', async () => {
    const alone = join(work, 'named-alone');
    const chapters = await runImport(
      join(fixtures, 'ch1.txt'),
      '--content',
      alone,
      '--title',
      'Meg’s Lamp',
      '--author',
      'Ada',
      '--language',
      'fr',
    );
    expect(chapters.code, chapters.stderr).toBe(0);
    expect(chapters.stdout).toMatch(/^wrote {2}.*story\.md {2}"Meg’s Lamp" by Ada$/m);
    expect(readFileSync(join(alone, 'story.md'), 'utf8')).toBe('---\ntitle: Meg’s Lamp\nauthor: Ada\nlanguage: fr\n---\n\n\n');

    const whole = join(work, 'named-whole');
    const ao3 = await runImport(join(fixtures, 'ao3/new-layout.html'), '--content', whole, '--title', 'The Keeper', '--language', 'en-GB');
    expect(ao3.code, ao3.stderr).toBe(0);
    const story = readFileSync(join(whole, 'story.md'), 'utf8');
    expect(story).toMatch(/^---\ntitle: The Keeper\nauthor: \S+.*\nlanguage: en-GB\n/);
    expect(story).toMatch(/^fandom: Phantom of the Opera/m);

    // Given again, with story.md there: it is the author's to edit; --update keeps it as edited.
    const again = await runImport(join(fixtures, 'ch2.txt'), '--content', alone, '--title', 'Another');
    expect([again.code, again.stderr]).toEqual([
      1,
      expect.stringMatching(/story\.md exists: change the title, author or language there \(or replace it: --force\)/),
    ]);
    const update = await runImport(join(fixtures, 'ao3/new-layout.html'), '--content', whole, '--update', '--author', 'Ada');
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/--update keeps story\.md as you edited it/);
  });

  it('takes the story a saved FanFiction.net chapter names in its header for a new story.md, and never replaces one', async () => {
    const page = join(fixtures, 'fanfiction-net.html');
    const fresh = join(work, 'ffn');
    const result = await runImport(page, '--content', fresh);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^note {3}took the story's title, author, summary and language from the page/m);
    expect(readFileSync(join(fresh, 'story.md'), 'utf8')).toBe(
      '---\ntitle: The Long Road\nauthor: Writerly\nlanguage: en\n---\n\nA journey across the country, one step at a time.\n',
    );
    const chapter = readFileSync(join(fresh, 'chapters/chapter-3.md'), 'utf8');
    expect(chapter).toMatch(
      /^title: "Chapter 3: Crossing"\norder: 3\nauthorsNote: "\*\*Thanks for all the reviews! This one is short\.\*\*"\nendNote: Review please!\n/m,
    );
    expect(chapter).not.toMatch(/Post Review|Prev|Privacy/);

    const edited = join(work, 'ffn-edited');
    mkdirSync(edited, { recursive: true });
    writeFileSync(join(edited, 'story.md'), '---\ntitle: My Own Title\nauthor: Me\n---\n');
    expect((await runImport(page, '--content', edited)).code).toBe(0);
    expect(readFileSync(join(edited, 'story.md'), 'utf8')).toBe('---\ntitle: My Own Title\nauthor: Me\n---\n');
  });
});

describe('import, then build', () => {
  /** The whole works imported, each into its own content folder, built beside it in `<folder>-dist`. */
  const wholeWorks = { ao3: 'ao3/new-layout.html', docx: 'pandoc/lantern.docx' } as const;
  const content = (name: string) => join(work, `whole-${name}`);
  const roundtrip = join(work, 'roundtrip');
  const dist = (dir: string) => `${dir}-dist`;
  // Imported first, then built side by side (one process builds them in turn).
  beforeAll(async () => {
    mkdirSync(roundtrip, { recursive: true });
    writeFileSync(join(roundtrip, 'story.md'), '---\ntitle: Round Trip\nauthor: Tester\n---\n\nImported chapters.\n');
    cpSync(join(work, 'several'), join(roundtrip, 'chapters'), { recursive: true });
    // One after another: an import in this process has the console to itself.
    const imports = [await runImport(seedText, '--out', join(roundtrip, 'chapters'))];
    for (const [name, input] of Object.entries(wholeWorks))
      imports.push(await runImport(join(fixtures, input), '--content', content(name)));
    for (const imported of imports) expect(imported.code, imported.stderr).toBe(0);
    await buildSites(
      [roundtrip, ...Object.keys(wholeWorks).map(content)].map((dir) => ({ name: dir, options: { contentDir: dir, outDir: dist(dir) } })),
    );
  }, 120_000);

  it('shows every word of each imported text, in order, on its chapter page', () => {
    const article = (slug: string) =>
      wordsOf(
        parseHTML(readFileSync(join(dist(roundtrip), slug, 'index.html'), 'utf8')).document.querySelector('#chapter-text')?.textContent ??
          '',
      );
    /** The story text of an input file: between its title line and its end note, without scene-break lines. */
    const inputWords = (file: string, title: string, endNote?: string) => {
      const text = decodeLoosely(readFileSync(file));
      const afterTitle = text.slice(text.indexOf(title) + title.length);
      const body = endNote ? afterTitle.slice(0, afterTitle.indexOf(endNote)) : afterTitle;
      return wordsOf(body.replace(/^\s*(?:oOo|~~~)\s*$/gm, ''));
    };

    expect(article('prologue')).toEqual(inputWords(seedText, '\nPrologue\n'));
    expect(article('chapter-1')).toEqual(inputWords(join(fixtures, 'ch1.txt'), 'Chapter One: The Letter', 'A/N: Next chapter'));
    expect(article('chapter-2')).toEqual(inputWords(join(fixtures, 'ch2.txt'), 'Chapter 2'));
    expect(article('interlude-letters')).toEqual(inputWords(join(fixtures, 'interlude.txt'), 'Interlude: Letters'));
    expect(article('epilogue')).toEqual(inputWords(join(fixtures, 'epilogue.txt'), 'Epilogue'));
  });

  describe('a whole work', () => {
    /** The words of a built chapter page's author's text (summary, content notes, notes, chapter, footnotes), in order. */
    const pageWords = (dist: string, slug: string) => {
      const { document } = parseHTML(readFileSync(join(dist, slug, 'index.html'), 'utf8'));
      // A footnote's marker is no word of the text ("wick" then "1").
      for (const marker of document.querySelectorAll('[data-footnote-ref]')) marker.remove();
      const parts = document.querySelectorAll('main article .prose, main article .content-notes .shown li');
      return wordsOf([...parts].map((part) => part.textContent).join(' '));
    };

    /**
     * Each AO3 chapter's words as the download shows them (read here with another HTML parser):
     * summary, notes, text, end notes. A note's "Content note:" label is the site's own heading.
     */
    const ao3Chapters = (file: string) => {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const chapters: string[][] = [];
      for (const node of document.querySelectorAll('#chapters > div')) {
        if (node.matches('.meta.group'))
          chapters.push(
            wordsOf([...node.querySelectorAll('blockquote')].map((quote) => quote.textContent!.replace(/^\s*Content note:/, '')).join(' ')),
          );
        else
          chapters
            .at(-1)
            ?.push(...wordsOf(node.matches('.meta') ? (node.querySelector('blockquote')?.textContent ?? '') : (node.textContent ?? '')));
      }
      return chapters;
    };

    /** Each chapter of pandoc's Markdown source: its words, with footnotes at the chapter's end as the page shows them. */
    const pandocChapters = (file: string) =>
      readFileSync(file, 'utf8')
        .split(/^# .*$/m)
        .slice(1)
        .map((section) => {
          const notes = [...section.matchAll(/^\[\^\d+\]: (.*)$/gm)].map((match) => match[1]);
          const text = section
            .replace(/^\[\^\d+\]: .*$/gm, '')
            .replace(/\[\^\d+\]/g, '')
            .replace(/^:::.*$/gm, '')
            .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/\[([^\]]*)\]\{[^}]*\}/g, '$1')
            .replace(/^(?:\* \* \*|oOo)$/gm, '');
          return wordsOf(`${text} ${notes.join(' ')}`);
        });

    it.each([
      ['an AO3 download', 'ao3', ['chapter-1', 'chapter-2', 'chapter-3'], ao3Chapters],
      ['a Word document', 'docx', ['chapter-1', 'chapter-2', 'epilogue'], () => pandocChapters(join(fixtures, 'pandoc/lantern.md'))],
    ] as const)('shows every word of %s on its pages, in order', (_, name, slugs, sourceChapters) => {
      const source = sourceChapters(join(fixtures, wholeWorks[name]));
      expect(source).toHaveLength(slugs.length);
      slugs.forEach((slug, i) => {
        const onPage = pageWords(dist(content(name)), slug);
        let at = 0;
        for (const word of source[i]!) {
          const found = onPage.indexOf(word, at);
          expect(found, `"${word}" (word ${at} of ${slug}) is on the page, after the words before it`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
      });
    });
  });
});

/** UTF-16 with a BOM, UTF-8 where valid, else Windows-1252: how the importer reads, written independently here. */
function decodeLoosely(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
