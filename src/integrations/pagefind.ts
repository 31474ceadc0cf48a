import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index of the built site on `astro:build:done`, so one
 * `astro build` gives the site and its index. Pages opt in with `data-pagefind-body`
 * (only chapter text is indexed).
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'quire:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind found no chapter pages to index');
          const outputPath = `${site}pagefind`;
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
