import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';

/**
 * The search index, in one module: each chapter page is handed to Pagefind (its own process,
 * so on the machine's other core) as soon as Astro renders it (`indexPage`, called by
 * src/middleware.ts), and the integration writes the index out on `astro:build:done`. The
 * pages render in Astro's prerender bundle, another instance of this module than the one the
 * integration runs in: what they share lives on `globalThis`, under one key.
 */

interface Indexing {
  index: Promise<PagefindIndex>;
  added: Promise<unknown>[];
  pages: number;
  errors: string[];
}

const key = Symbol.for('quire.searchIndex');
const shared = globalThis as typeof globalThis & { [key]?: Indexing | undefined };

/** A Pagefind response's value, or an error naming what failed and why (Pagefind's own errors as its cause). */
function checked<T extends { errors: string[] }>(response: T, what: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind could not ${what}: ${response.errors.join('; ')}`, { cause: response.errors });
  return response;
}

/** Whether a page is one the index holds: chapter pages opt in with `data-pagefind-body`. */
export function isIndexed(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/** Hands a rendered page to the index, by its path in the site (`chapter-1/index.html`). */
export function indexPage(sourcePath: string, html: string): void {
  const indexing = (shared[key] ??= {
    index: createIndex({}).then((response) => {
      const { index } = checked(response, 'start');
      if (!index) throw new Error('Pagefind could not start');
      return index;
    }),
    added: [],
    pages: 0,
    errors: [],
  });
  indexing.pages++;
  indexing.added.push(
    indexing.index
      .then((index) => index.addHTMLFile({ sourcePath, content: html }))
      .then((result) => indexing.errors.push(...result.errors.map((error) => `${sourcePath}: ${error}`))),
  );
}

/**
 * Writes the index to `outputPath`: the pages handed over during the build, or else (an
 * integration-only build, a page not seen) every opted-in page read from `site`. Gives how
 * many pages it holds.
 */
export async function finishSearchIndex(outputPath: string, fromDisk: () => Promise<[string, string][]>): Promise<number> {
  try {
    if (!shared[key]) for (const [path, html] of await fromDisk()) if (isIndexed(html)) indexPage(path, html);
    const indexing = shared[key];
    if (!indexing || indexing.pages === 0) throw new Error('Pagefind found no chapter pages to index');
    await Promise.all(indexing.added);
    checked({ errors: indexing.errors }, 'index the site');
    checked(await (await indexing.index).writeFiles({ outputPath }), 'write the index');
    return indexing.pages;
  } finally {
    shared[key] = undefined;
    await close();
  }
}

/**
 * Writes the Pagefind search index of the built site on `astro:build:done`, so one
 * `astro build` gives the site and its index; only the index files are left to write then.
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
