import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderJobs, type RenderContext, type RenderJob } from '../../src/source/render-pool';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const work = makeWorkDir('render-pool-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const context: RenderContext = {
  base: '/',
  chapters: [['chapter-2', 'chapter-2']],
  language: 'en',
  labels: {},
  contentDir: work,
  remoteImages: false,
};
const chapter = (n: number): RenderJob => ({ kind: 'chapter', markdown: `Paragraph ${n}, *emphasis* and a note.[^1]\n\n[^1]: Note ${n}.` });

describe('rendering a story’s Markdown', () => {
  it('gives the same result on every core as on one', async () => {
    const jobs = Array.from({ length: 60 }, (_, n) => chapter(n));
    const parallel = await renderJobs(context, jobs, undefined);
    const single = await renderJobs(context, jobs.slice(0, 5), undefined);
    expect(parallel).toHaveLength(60);
    expect(parallel.slice(0, 5)).toEqual(single);
    expect(parallel[59]?.html).toContain('Paragraph 59');
  });

  it('keeps what it rendered for the next build, and renders again only what changed', async () => {
    const cacheFile = join(work, 'cache.json');
    const jobs = [chapter(1), chapter(2), { kind: 'note', markdown: 'A *note*.', idPrefix: 'an--' } as RenderJob];
    const first = await renderJobs(context, jobs, cacheFile);
    expect(existsSync(cacheFile)).toBe(true);
    const keys = Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')));
    expect(keys).toHaveLength(3);
    expect(await renderJobs(context, jobs, cacheFile)).toEqual(first);

    const changed = [chapter(1), { kind: 'chapter', markdown: 'A new second chapter.' } as RenderJob, jobs[2]!];
    const second = await renderJobs(context, changed, cacheFile);
    expect(second[1]?.html).toContain('A new second chapter.');
    const after = Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')));
    expect(after.filter((key) => keys.includes(key))).toHaveLength(2);
    expect(after).toHaveLength(3);
  });

  it('renders a text with links again when the chapters it could point at change', async () => {
    const cacheFile = join(work, 'links.json');
    const linking: RenderJob = { kind: 'chapter', markdown: 'See [the next one](chapter-3.md).' };
    const before = await renderJobs(context, [linking], cacheFile);
    expect(before[0]?.problems.length).toBeGreaterThan(0);
    const after = await renderJobs({ ...context, chapters: [...context.chapters, ['chapter-3', 'chapter-3']] }, [linking], cacheFile);
    expect(after[0]?.problems).toEqual([]);
    expect(after[0]?.html).toContain('href="/chapter-3/"');
  });
});
