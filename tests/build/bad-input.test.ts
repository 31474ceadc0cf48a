import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAstroBuild } from '../../src/cli/support/astro-build.ts';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';
import { buildSite, childEnv, runCommand } from '../support/build';
import { builtSite } from '../support/html';
import { fixtureStory } from '../support/sites';

const work = makeWorkDir('bad-');
/** What an author's error must not print: a stack trace, or a path into Quire or the build's own folders. */
const noInternals = /Stack trace|Location:|\.prerender\/|node_modules\/astro|\n\s+at \S/;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a folder with a digest of its bytes, to tell whether anything changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
      }),
  );
}

/**
 * A copy of the fixture story to break, and an output folder holding a good build of it: the
 * fixture site the global setup built, the same bytes a build of this copy gives (builds are
 * reproducible, tests/build/quality.test.ts).
 */
function goodSite(name: string): { content: string; outDir: string; before: Record<string, string> } {
  const content = join(work, `${name}-content`);
  cpSync(fixtureStory, content, { recursive: true });
  const outDir = join(work, `${name}-dist`);
  cpSync(builtSite('fixture'), outDir, { recursive: true });
  return { content, outDir, before: snapshot(outDir) };
}

// Each test builds a story of its own in a process of its own: they run side by side (`concurrent`),
// the file then as long as its longest test rather than all seven builds in a row.
describe.concurrent('a story with faults', () => {
  it('fails the build naming every fault (file, field or line, and the fix), and the last good site stays as it was', async () => {
    const { content, outDir, before } = goodSite('faults');
    const chapters = join(content, 'chapters');
    const chapter = (front: string, body = 'Some words of the chapter.') => `---\n${front}\n---\n\n${body}\n`;
    writeFileSync(join(chapters, 'chapter-4.md'), chapter('title: Four\norder: 4\nautorsNote: Hello'));
    writeFileSync(
      join(chapters, 'chapter-5.md'),
      chapter('title: Five\norder: 5', 'She opened the door.\n\n<style>\n\nThe rest of the chapter.'),
    );
    writeFileSync(join(chapters, 'chapter-6.md'), Buffer.from(chapter('title: Six\norder: 6', 'Caf\u00e9 na\u00efve.'), 'latin1'));
    writeFileSync(join(chapters, 'chapter-7.MD'), chapter('title: Seven\norder: 7'));
    writeFileSync(join(chapters, 'chapter-8.md'), chapter('title: Eight\norder: 8\npublished: 2026-02-30'));
    writeFileSync(join(chapters, 'chapter-9.md'), chapter('title: Nine\norder: 9\nendNote: See [the next one](chapter-99.md).'));
    writeFileSync(join(chapters, 'interlude-2.md'), chapter('title: Again\norder: 3'));
    writeFileSync(join(chapters, 'empty.md'), chapter('title: Empty\norder: 12', ''));

    const result = await buildSite({ contentDir: content, outDir });
    expect(result.code).not.toBe(0);
    for (const fault of [
      /chapters\/chapter-4\.md: unknown key "autorsNote": did you mean authorsNote\?/,
      /chapters\/chapter-5\.md:8: <style> is opened but never closed/,
      /chapters\/chapter-6\.md:6: the file is not UTF-8/,
      /chapters\/chapter-7\.MD: chapter files must end in \.md; rename it to chapter-7\.md/,
      /chapters\/chapter-8\.md: published: published must be a date such as 2026-01-31 \("2026-02-30" is not a date on the calendar\)/,
      /chapters\/chapter-9\.md: endNote, line 1: the link to "chapter-99\.md" points at no chapter/,
      /order 3 is used by both \S*chapters\/chapter-3\.md and \S*chapters\/interlude-2\.md/,
      /chapters\/empty\.md: the chapter has no text/,
    ]) {
      expect(result.output).toMatch(fault);
    }
    // The author's problems alone: nothing of Quire's code or of the build's own folders.
    expect(result.output).not.toMatch(noInternals);
    expect(snapshot(outDir)).toEqual(before);
  });

  it('that stops the build part-way (killed, out of power) leaves the last good site as it was', async () => {
    const { content, outDir, before } = goodSite('killed');
    const build = startAstroBuild(childEnv({ CONTENT_DIR: content, OUT_DIR: outDir, BUILD_DATE: '2026-01-01' }));
    // Kill it once it has started writing pages.
    await new Promise<void>((resolve) => {
      build.child.stdout?.on('data', (chunk: Buffer) => {
        if (/generating static routes|prologue\/index\.html/.test(chunk.toString())) resolve();
      });
    });
    build.child.kill('SIGKILL');
    await build.done;
    expect(snapshot(outDir)).toEqual(before);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  });
});

describe.concurrent('one problem, one message', () => {
  it('a mistyped key in story.md is one problem with its suggestion, not also a missing file', async () => {
    const content = join(work, 'typo-content');
    cpSync(fixtureStory, content, { recursive: true });
    writeFileSync(join(content, 'story.md'), readFileSync(join(content, 'story.md'), 'utf8').replace(/^author:/m, 'autor:'));
    const result = await buildSite({ contentDir: content, outDir: join(work, 'typo-dist') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/The story has a problem:\n {2}- \S*story\.md: unknown key "autor": did you mean author\?\n/);
    expect(result.output).not.toMatch(/is missing|is required/);
    expect(result.output).not.toMatch(noInternals);
  });

  it('a mistyped key in a chapter is not also a gap in the chapter numbers', async () => {
    const content = join(work, 'chapter-typo-content');
    cpSync(fixtureStory, content, { recursive: true });
    const file = join(content, 'chapters', 'chapter-2.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^order:/m, 'oder:'));
    const result = await buildSite({ contentDir: content, outDir: join(work, 'chapter-typo-dist') });
    expect(result.output).toMatch(/The story has a problem:\n {2}- \S*chapter-2\.md: unknown key "oder": did you mean order\?\n/);
    expect(result.output).not.toMatch(/missing|jumps/);
  });

  it('a story with no chapter out yet says so, without a stack trace', async () => {
    const content = join(work, 'unreleased-content');
    mkdirSync(join(content, 'chapters'), { recursive: true });
    writeFileSync(join(content, 'story.md'), '---\ntitle: Soon\nauthor: A\n---\n\nComing.\n');
    writeFileSync(join(content, 'chapters', 'chapter-1.md'), '---\ntitle: One\norder: 1\npublished: 2030-01-01\n---\n\nText.\n');
    const result = await buildSite({ contentDir: content, outDir: join(work, 'unreleased-dist') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/story\.md: no chapter is ready to publish yet/);
    expect(result.output).not.toMatch(noInternals);
  });
});

describe.concurrent('story.md', () => {
  it('that is missing fails the build, saying what to create', async () => {
    const content = join(work, 'no-story');
    mkdirSync(join(content, 'chapters'), { recursive: true });
    writeFileSync(join(content, 'chapters', 'prologue.md'), '---\ntitle: Prologue\norder: 0\n---\n\nText.\n');
    const result = await buildSite({ contentDir: content, outDir: join(work, 'no-story-dist') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/story\.md is missing: create it in the content folder with at least title and author/);
  });
});

describe.concurrent('a chapter file renamed', () => {
  it('builds, and the build and the deploy’s check against the live site warn that its address would break, naming where it is now', async () => {
    const { content, outDir } = goodSite('renamed');
    renameSync(join(content, 'chapters', 'chapter-3.md'), join(content, 'chapters', '03-the-lake.md'));
    const result = await buildSite({ contentDir: content, outDir });
    expect(result.code, result.output).toBe(0);
    const warning =
      /\/chapter-3\/ \(“Chapter 3: The Lake”\) is on (?:the last build|\S+) and gone from this build: readers' bookmarks and links to it would break\. The chapter at \/03-the-lake\/ has its title: if it was renamed, add aliases: \[chapter-3\] to its file/;
    expect(result.output).toMatch(warning);
    expect(readFileSync(join(outDir, 'addresses.txt'), 'utf8')).toContain('03-the-lake\tChapter 3: The Lake\n');
    // The live site, here the good build, against this one: the same warning; never a failed check.
    const verify = runCommand('verify', ['--dir', outDir, '--since', builtSite('fixture')]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stderr).toMatch(warning);
    // With the old address kept as an alias, nothing is lost.
    const lake = join(content, 'chapters', '03-the-lake.md');
    writeFileSync(lake, readFileSync(lake, 'utf8').replace('order: 3', 'order: 3\naliases: [chapter-3]'));
    expect((await buildSite({ contentDir: content, outDir })).output).not.toMatch(/gone from this build/);
  });
});
