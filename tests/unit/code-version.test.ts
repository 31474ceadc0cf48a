import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion } from '../../src/source/code-version';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const work = makeWorkDir('code-version-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of Quire as far as the digest reads it: `src/<folder>/` files and the lock file beside `src/`. */
function project(name: string, files: Record<string, string>): string {
  const root = join(work, name, 'src');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(root, '../package-lock.json'), '{"lockfileVersion": 3}');
  return `${root}/`;
}

describe('the code a cache is keyed by', () => {
  const files = { 'epub/xhtml.ts': 'export const a = 1;', 'epub/zip.ts': 'export const b = 2;', 'pages/index.astro': '<p>Home</p>' };

  it('is the same for the same code, and changes with any file of the folders named', () => {
    const before = codeVersion(['epub'], project('one', files));
    expect(before).toMatch(/^[\w-]{43}$/);
    expect(codeVersion(['epub'], project('same', files))).toBe(before);
    expect(codeVersion(['epub'], project('changed', { ...files, 'epub/zip.ts': 'export const b = 3;' }))).not.toBe(before);
    // A file of another folder is not the EPUB's code.
    expect(codeVersion(['epub'], project('elsewhere', { ...files, 'pages/index.astro': '<p>Welcome</p>' }))).toBe(before);
  });

  it('is nothing (so nothing is cached) when the code cannot be read', () => {
    expect(codeVersion(['epub'], join(work, 'nowhere/'))).toBeUndefined();
  });
});
