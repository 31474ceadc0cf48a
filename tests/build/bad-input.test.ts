import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const storyMd = '---\ntitle: Bad Input\nauthor: Tester\n---\n\nA summary.\n';
const chapter = (front: string, body = 'Some words of the chapter.') => `---\n${front}\n---\n\n${body}\n`;

/** Builds a story made of `files` (path → content) and returns the failed build's output. */
async function buildFails(files: Record<string, string>): Promise<string> {
  const root = makeWorkDir('bad-');
  roots.push(root);
  const content = join(root, 'content');
  await mkdir(join(content, 'chapters'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(content, path)), { recursive: true });
    await writeFile(join(content, path), text);
  }
  const result = await buildSite({ contentDir: content, outDir: join(root, 'dist') });
  expect(result.code, result.output).not.toBe(0);
  expect(result.output).not.toMatch(/Complete!/);
  return result.output;
}

const valid = { 'story.md': storyMd, 'chapters/prologue.md': chapter('title: Prologue\norder: 0') };

describe.concurrent('the build fails and names the file', () => {
  it('when a required field is missing', async () => {
    const output = await buildFails({ ...valid, 'chapters/chapter-1.md': chapter('order: 1') });
    expect(output).toMatch(/chapters\/chapter-1\.md/);
    expect(output).toMatch(/title/);
  });

  it('when a field has the wrong type', async () => {
    const output = await buildFails({ ...valid, 'chapters/chapter-1.md': chapter('title: One\norder: three') });
    expect(output).toMatch(/chapters\/chapter-1\.md/);
    expect(output).toMatch(/order/);
  });

  it('when the frontmatter is not valid YAML', async () => {
    const output = await buildFails({ ...valid, 'chapters/chapter-1.md': chapter('title: "One\norder: [1') });
    expect(output).toMatch(/chapter-1\.md/);
  });

  it('when the story as a whole is unsound, listing every problem (the checks are unit-tested in story.test.ts)', async () => {
    const output = await buildFails({
      ...valid,
      'chapters/chapter-1.md': chapter('title: One\norder: 1', ''),
      'chapters/chapter-3.md': chapter('title: Three\norder: 3'),
      'chapters/interlude.md': chapter('title: Interlude\norder: 3'),
    });
    expect(output).toMatch(/chapters\/chapter-1\.md: the chapter has no text/);
    expect(output).toMatch(/order 3 is used by both \S*chapters\/chapter-3\.md and \S*chapters\/interlude\.md/);
  });

  it('when story.md lacks its title', async () => {
    const output = await buildFails({ ...valid, 'story.md': '---\nauthor: Tester\n---\n\nSummary.\n' });
    expect(output).toMatch(/story/);
    expect(output).toMatch(/title/);
  });
});
