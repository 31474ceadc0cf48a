import { parentPort, workerData } from 'node:worker_threads';
import { shareRenderer, type RenderContext, type RenderJob } from './render-pool.ts';

/** A second (third…) core rendering its share of a story's Markdown: see render-pool.ts. */
const render = shareRenderer(workerData as RenderContext);

parentPort!.on('message', async (jobs: RenderJob[]) => {
  parentPort!.postMessage(await render(jobs));
});
