import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { quoteStyle, type QuoteStyleName } from '../core/typography.ts';
import { createRenderer, textStrings, type Rendered } from '../markdown/render.ts';
import { stringsFor, type Message } from '../shared/i18n/index.ts';
import { imageLookup, pictureFiles } from './content-files.ts';
import { codeVersion } from './code-version.ts';
import { FileCache } from './file-cache.ts';

/** What every renderer of one story shares: enough for a worker to build its own. */
export interface RenderContext {
  base: string;
  /** Chapter file names and slugs to slugs, for links between chapters. */
  chapters: [string, string][];
  language: string;
  labels: Record<string, Message>;
  contentDir: string;
  /** Whether pictures from other sites may be shown (`remoteImages: allow` in story.md). */
  remoteImages: boolean;
  /** story.md's `quotes`, when the author chose other quotation marks than the language's. */
  quotes?: QuoteStyleName | undefined;
  /** The pictures the text may show, by name under `images/`, where they are not in the content folder yet (an import's). */
  images?: string[] | undefined;
  /** The language of the words the pipeline adds (footnotes' labels), where it is not the story's. */
  strings?: string | undefined;
}

/** One piece of Markdown to render: a chapter's text, or a note with its id prefix. */
export interface RenderJob {
  kind: 'chapter' | 'note';
  markdown: string;
  idPrefix?: string | undefined;
}

/** Below this many pieces to render, starting workers costs more than it saves. */
const parallelFrom = 40;

/**
 * Renders a story's Markdown, reusing what an earlier build rendered from the same text
 * (`cacheDir`), and spreading the rest over the machine's cores (worker threads, each
 * with its own pipeline). A cached result is reused only when everything it depends on is
 * the same: the text, the pipeline's code and dependencies, the base path and the strings;
 * and for a text with links or pictures, the chapters and pictures it could point at.
 */
export async function renderJobs(
  context: RenderContext,
  jobs: readonly RenderJob[],
  cacheDir: string | undefined,
): Promise<(Rendered & { key: string | undefined })[]> {
  const cache = new FileCache<Rendered>(cacheDir);
  // Kept only where there is a cache to keep them in: no key is worth hashing the whole story for otherwise.
  const keys = cacheDir === undefined ? jobs.map(() => undefined) : jobs.map(keyMaker(context));
  const results: (Rendered | undefined)[] = keys.map((key) => (key === undefined ? undefined : cache.get(key)));
  const missing = jobs.flatMap((_, index) => (results[index] ? [] : [index]));
  const rendered = await renderInParallel(
    context,
    missing.map((index) => jobs[index]!),
  );
  missing.forEach((index, i) => {
    results[index] = rendered[i];
    if (keys[index] !== undefined) cache.set(keys[index], rendered[i]!);
  });
  cache.save();
  // Where each result is kept (when it could be): the pages read their text from there, not a second copy.
  return results.map((result, index) => ({ ...result!, key: cacheDir === undefined ? undefined : keys[index] }));
}

/**
 * How much Markdown a thread takes at a time, at most: small enough that the threads finish
 * together (a worker starts later than this thread, loading the pipeline first), large enough
 * that handing work over costs little. A short story is cut in at least four batches a thread.
 */
const batchLength = 40_000;

async function renderInParallel(context: RenderContext, jobs: RenderJob[]): Promise<Rendered[]> {
  const workers = jobs.length >= parallelFrom ? Math.min(availableParallelism() - 1, 3) : 0;
  if (workers < 1) return shareRenderer(context)(jobs);
  // Every thread, this one and the workers, takes the next batch as it finishes one.
  const total = jobs.reduce((sum, job) => sum + job.markdown.length, 0);
  const batches = batchesOf(jobs, Math.min(batchLength, Math.ceil(total / ((workers + 1) * 4))));
  const results: Rendered[] = [];
  let taken = 0;
  const done = ([start]: [number, number], rendered: Rendered[]) => rendered.forEach((result, i) => (results[start + i] = result));
  const inWorkers = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: context });
        let batch = batches[taken++];
        const next = () => {
          if (batch) return worker.postMessage(jobs.slice(...batch));
          resolve();
          void worker.terminate();
        };
        worker.on('message', (rendered: Rendered[]) => {
          done(batch!, rendered);
          batch = batches[taken++];
          next();
        });
        worker.once('error', reject);
        next();
      }),
  );
  const render = shareRenderer(context);
  for (let batch = batches[taken++]; batch; batch = batches[taken++]) {
    done(batch, await render(jobs.slice(...batch)));
    // Lets the workers' finished batches in, and their next ones out, before this thread goes on.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(inWorkers);
  return results;
}

/** A pipeline of its own, for this thread or a worker (render-worker.ts), rendering the jobs it is given in order. */
export function shareRenderer(context: RenderContext): (jobs: readonly RenderJob[]) => Promise<Rendered[]> {
  const renderer = createRenderer({
    base: context.base,
    chapters: new Map(context.chapters),
    t: stringsFor(context.strings ?? context.language, context.labels),
    image: context.images ? listedImage(new Set(context.images)) : imageLookup(context.contentDir),
    remoteImages: context.remoteImages,
    quotes: quoteStyle(context.language, context.quotes),
    language: context.language,
  });
  return async (jobs) => {
    const out: Rendered[] = [];
    for (const job of jobs)
      out.push(await (job.kind === 'chapter' ? renderer.chapter(job.markdown) : renderer.note(job.markdown, job.idPrefix!)));
    return out;
  };
}

/** A picture among those listed, as `images/<name>` (or `../images/<name>`, from a chapter's file) refers to it. */
function listedImage(names: ReadonlySet<string>): (src: string) => { path: string } | { problem: string } {
  return (src) => {
    const name = src.replace(/^(?:\.\.\/)?images\//, '');
    return names.has(name) ? { path: `images/${name}` } : { problem: `missing image ${src}` };
  };
}

/** The jobs in runs of about `size` characters of Markdown, in order: each run's first index and the index after its last. */
function batchesOf(jobs: RenderJob[], size: number): [number, number][] {
  const batches: [number, number][] = [];
  let start = 0;
  let length = 0;
  jobs.forEach((job, index) => {
    length += job.markdown.length;
    if (length >= size || index === jobs.length - 1) {
      batches.push([start, index + 1]);
      [start, length] = [index + 1, 0];
    }
  });
  return batches;
}

/**
 * Text that can point at chapters or pictures (Markdown's links and pictures, inline or by
 * reference, Obsidian's `[[chapter-2]]` and `![[lamp.png]]`, HTML's): its rendering depends on them too.
 */
const pointing = /\]\(|\]\[|!\[|\[\[|<a\s|<img\s|^\s{0,3}\[[^\]]+\]:/im;

/** The cache key of each job, or undefined when nothing can be cached (the pipeline's source was not found). */
function keyMaker(context: RenderContext): (job: RenderJob) => string | undefined {
  // The Markdown pipeline's code, and the story logic and shared code it imports (the messages,
  // the scene-break and link rules): a change to any renders everything again.
  const pipeline = codeVersion(['markdown', 'core', 'shared']);
  if (pipeline === undefined) return () => undefined;
  const strings = Object.values(textStrings(stringsFor(context.strings ?? context.language, context.labels)));
  const settings = JSON.stringify([
    pipeline,
    context.base,
    context.language,
    context.remoteImages,
    quoteStyle(context.language, context.quotes),
    ...strings.map((string) => (typeof string === 'function' ? string('#') : string)),
  ]);
  const surroundings = JSON.stringify([context.chapters, context.images ?? picturesIn(context.contentDir)]);
  return (job) =>
    createHash('sha256')
      .update(settings)
      .update(pointing.test(job.markdown) ? surroundings : '')
      .update(`\0${job.kind}\0${job.idPrefix ?? ''}\0`)
      .update(job.markdown)
      .digest('base64url');
}

/** The pictures of the content folder, by name, size and time: a picture replaced renders its chapters again. */
function picturesIn(contentDir: string): string[] {
  return pictureFiles(contentDir).map((name) => {
    const stat = statSync(join(contentDir, name));
    return `${name}:${stat.size}:${stat.mtimeMs}`;
  });
}
