import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { finishSearchIndex } from '../build/search-index.ts';

/**
 * Writes the Pagefind search index of the built site on `astro:build:done`, so one
 * `astro build` gives the site and its index. Chapter pages (those with `data-pagefind-body`)
 * are handed to Pagefind while they are rendered (src/middleware.ts, src/build/search-index.ts);
 * only the index files are left to write here.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'quire:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const fromDisk = async () =>
          Promise.all(
            (await readdir(site, { recursive: true }))
              .filter((name) => name.endsWith('.html'))
              .sort()
              .map(async (file): Promise<[string, string]> => [file.split(sep).join('/'), await readFile(join(site, file), 'utf8')]),
          );
        const pages = await finishSearchIndex(join(site, 'pagefind'), fromDisk);
        logger.info(`Indexed ${pages} pages (written in ${Math.round(performance.now() - started)} ms after the last page)`);
      },
    },
  };
}
