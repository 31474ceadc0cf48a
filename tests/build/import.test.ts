import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv, projectRoot } from '../support/build';
import { wordsOf } from '../support/html';
import { seedText } from '../support/sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const work = makeWorkDir('import-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run import -- …args` the way an author does (Node runs the TypeScript CLI). */
function runImport(...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'src/cli/import.ts'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: childEnv(),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import', () => {
  it('turns the seed into exactly content/chapters/prologue.md', () => {
    const out = join(work, 'seed');
    const result = runImport(seedText, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote .*prologue\.md {2}"Prologue" {2}order 0 {2}712 words/);
    const committed = readFileSync(join(projectRoot, 'content/chapters/prologue.md'), 'utf8').replace(/^published:.*\n/m, '');
    expect(readFileSync(join(out, 'prologue.md'), 'utf8')).toBe(committed);
  });

  it('imports several chapters in one run and places interludes and epilogues', () => {
    const out = join(work, 'several');
    const files = ['ch1.txt', 'interlude.txt', 'ch2.txt', 'epilogue.txt'].map((name) => join(fixtures, name));
    const result = runImport(...files, '--out', out);
    expect(result.stderr).toBe('');
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(/^wrote +\S+ +/, '')),
    ).toEqual([
      '"Chapter 1: The Letter"  order 1  87 words',
      '"Interlude: Letters"  order 1.5  10 words',
      '"Chapter 2"  order 2  16 words',
      '"Epilogue"  order 3  8 words',
    ]);
    expect(readdirSync(out).sort()).toEqual(['chapter-1.md', 'chapter-2.md', 'epilogue.md', 'interlude-letters.md']);
  });

  it('refuses to overwrite a chapter without --force, still imports the rest, and exits non-zero', () => {
    const out = join(work, 'overwrite');
    expect(runImport(join(fixtures, 'ch1.txt'), '--out', out).code).toBe(0);
    const again = runImport(join(fixtures, 'ch1.txt'), join(fixtures, 'ch2.txt'), '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/ch1\.txt: .*chapter-1\.md already exists; pass --force/);
    expect(again.stdout).toMatch(/chapter-2\.md/);
    expect(runImport(join(fixtures, 'ch1.txt'), '--out', out, '--force').code).toBe(0);
  });

  it('names the file it cannot read and exits non-zero', () => {
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const result = runImport(empty, join(work, 'missing.txt'), '--out', join(work, 'bad'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(result.stderr).toMatch(/missing\.txt: no such file/);
  });

  it('explains its usage when called without files', () => {
    const result = runImport();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: npm run import/);
  });
});

describe('import, then build', () => {
  it('shows every word of each imported text, in order, on its chapter page', async () => {
    const content = join(work, 'roundtrip');
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'story.md'), '---\ntitle: Round Trip\nauthor: Tester\n---\n\nImported chapters.\n');
    cpSync(join(work, 'several'), join(content, 'chapters'), { recursive: true });
    const imported = runImport(seedText, '--out', join(content, 'chapters'));
    expect(imported.code).toBe(0);
    const dist = join(work, 'roundtrip-dist');
    const build = await buildSite({ contentDir: content, outDir: dist });
    expect(build.code, build.output).toBe(0);

    const article = (slug: string) =>
      wordsOf(parseHTML(readFileSync(join(dist, slug, 'index.html'), 'utf8')).document.querySelector('#chapter-text')?.textContent ?? '');
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
