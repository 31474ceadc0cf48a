import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer, type Rendered } from '../markdown/render.ts';
import { stringsFor } from '../shared/i18n/index.ts';
import { imageLookup } from './content-files.ts';
import type { RenderContext, RenderJob } from './render-pool.ts';

/** A second (third…) core rendering its share of a story's Markdown: see render-pool.ts. */
const context = workerData as RenderContext;
const renderer = createRenderer({
  base: context.base,
  chapters: new Map(context.chapters),
  t: stringsFor(context.language, context.labels),
  image: imageLookup(context.contentDir),
});

parentPort!.on('message', async (jobs: RenderJob[]) => {
  const results: Rendered[] = [];
  for (const job of jobs)
    results.push(await (job.kind === 'chapter' ? renderer.chapter(job.markdown) : renderer.note(job.markdown, job.idPrefix!)));
  parentPort!.postMessage(results);
});
