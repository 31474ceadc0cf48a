import { describe, expect, it } from 'vitest';
import { trippedOnAnotherBuild } from '../support/build';

describe('a test build that tripped over another build’s file', () => {
  const rename = "ENOENT: no such file or directory, rename '/p/.astro/content-assets.mjs.tmp' -> '/p/.astro/content-assets.mjs'";

  it('is told from what the CLI printed, and from the error the build API threw, whose cause alone names the file', () => {
    expect(trippedOnAnotherBuild(`[content] Syncing content\n${rename}\n`)).toBe(true);
    const thrown = Object.assign(
      new Error('An unknown error occurred while reading or writing files to disk.', { cause: new Error(rename) }),
      {
        name: 'AstroError',
      },
    );
    expect(String(thrown)).not.toContain('content-assets');
    expect(trippedOnAnotherBuild(thrown)).toBe(true);
  });

  it('is told when the build read the file another build had half written', () => {
    const halfWritten =
      '[ERROR] [vite] ✗ Build failed in 847ms\n[PARSE_ERROR] Expected a semicolon or an implicit semicolon after a statement, but found none\n   ╭─[ .astro/content-assets.mjs:1:28 ]\n';
    expect(trippedOnAnotherBuild(halfWritten)).toBe(true);
    expect(trippedOnAnotherBuild(new Error(halfWritten))).toBe(true);
    // A parse error in a file of the story's own is the author's to fix.
    expect(trippedOnAnotherBuild('[PARSE_ERROR] Expected a semicolon\n   ╭─[ src/pages/index.astro:1:28 ]\n')).toBe(false);
  });

  it('and a build that failed for its own reasons is not', () => {
    expect(trippedOnAnotherBuild('The story has a problem:\n  - story.md: unknown key "autor"')).toBe(false);
    expect(trippedOnAnotherBuild(new Error('ENOENT: no such file or directory, open story.md'))).toBe(false);
  });
});
