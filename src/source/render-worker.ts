import { parentPort, workerData } from 'node:worker_threads';
import { renderShare, type RenderContext, type RenderJob } from './render-pool.ts';

/** A second (third…) core rendering its share of a story's Markdown: see render-pool.ts. */
const context = workerData as RenderContext;

parentPort!.on('message', async (jobs: RenderJob[]) => {
  parentPort!.postMessage(await renderShare(context, jobs));
});
