import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
  it('gives the same result on every core as on one, each in its place, however long each text is', async () => {
    // Texts of very different lengths: the threads take batches of them as they finish one.
    const jobs = Array.from({ length: 60 }, (_, n): RenderJob =>
      n % 7 === 3 ? { kind: 'chapter', markdown: `${chapter(n).markdown}\n\n${'Long. '.repeat(800 * (n % 3))}` } : chapter(n),
    );
    const parallel = await renderJobs(context, jobs, undefined);
    // Under 40 texts at a time render on this thread alone.
    const single = [
      ...(await renderJobs(context, jobs.slice(0, 30), undefined)),
      ...(await renderJobs(context, jobs.slice(30), undefined)),
    ];
    expect(parallel).toHaveLength(60);
    expect(parallel).toEqual(single);
    expect(parallel[59]?.html).toContain('Paragraph 59');
  });

  it('keeps what it rendered for the next build, and renders again only what changed', async () => {
    const cacheDir = join(work, 'cache');
    writeFileSync(`${cacheDir}.json`, '{}'); // the cache in one file, as Quire kept it before
    const jobs = [chapter(1), chapter(2), { kind: 'note', markdown: 'A *note*.', idPrefix: 'an--' } as RenderJob];
    const first = await renderJobs(context, jobs, cacheDir);
    expect(existsSync(cacheDir)).toBe(true);
    expect(existsSync(`${cacheDir}.json`)).toBe(false);
    const keys = readdirSync(cacheDir);
    expect(keys).toHaveLength(3);
    expect(await renderJobs(context, jobs, cacheDir)).toEqual(first);

    const changed = [chapter(1), { kind: 'chapter', markdown: 'A new second chapter.' } as RenderJob, jobs[2]!];
    const second = await renderJobs(context, changed, cacheDir);
    expect(second[1]?.html).toContain('A new second chapter.');
    // The second chapter's old rendering is kept for an hour (a build running beside this one may read it)…
    expect(readdirSync(cacheDir)).toHaveLength(4);
    expect(readdirSync(cacheDir)).toEqual(expect.arrayContaining(keys));

    // …then it is gone, and the folder holds one story's worth; what is used stays, however old.
    const anHourAgo = new Date(Date.now() - 61 * 60 * 1000);
    for (const key of readdirSync(cacheDir)) utimesSync(join(cacheDir, key), anHourAgo, anHourAgo);
    expect(await renderJobs(context, changed, cacheDir)).toEqual(second);
    const after = readdirSync(cacheDir);
    expect(after.filter((key) => keys.includes(key))).toHaveLength(2);
    expect(after).toHaveLength(3);
  });

  it('renders again a text whose table or footnotes the author named otherwise (labels in story.md)', async () => {
    const cacheDir = join(work, 'labels');
    const jobs: RenderJob[] = [{ kind: 'chapter', markdown: '| Day | Weather |\n| --- | --- |\n| Mon | Rain |' }, chapter(3)];
    await renderJobs(context, jobs, cacheDir);
    expect((await renderJobs({ ...context, labels: { 'table.label': 'Chart' } }, jobs, cacheDir))[0]?.html).toContain('aria-label="Chart"');
    expect((await renderJobs({ ...context, labels: { 'footnotes.label': 'Endnotes' } }, jobs, cacheDir))[1]?.html).toContain('Endnotes');
  });

  it('renders again what a broken entry held, and keeps it anew', async () => {
    const cacheDir = join(work, 'broken');
    const first = await renderJobs(context, [chapter(7)], cacheDir);
    const [entry] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, entry!), '{"html": "<p>half a fi');
    expect(await renderJobs(context, [chapter(7)], cacheDir)).toEqual(first);
    expect(await renderJobs(context, [chapter(7)], cacheDir)).toEqual(first);
  });

  it('renders a text with links again when the chapters it could point at change', async () => {
    const cacheDir = join(work, 'links');
    // Written as Markdown does, and as Obsidian does.
    for (const markdown of ['See [the next one](chapter-3.md).', 'See [[chapter-3|the next one]].']) {
      const linking: RenderJob = { kind: 'chapter', markdown };
      const before = await renderJobs(context, [linking], cacheDir);
      expect(before[0]?.html, markdown).not.toContain('href="/chapter-3/"');
      const after = await renderJobs({ ...context, chapters: [...context.chapters, ['chapter-3', 'chapter-3']] }, [linking], cacheDir);
      expect(after[0]?.problems, markdown).toEqual([]);
      expect(after[0]?.html, markdown).toContain('href="/chapter-3/"');
    }
  });
});
