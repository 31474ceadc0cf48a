import { close, createIndex, type PagefindIndex } from 'pagefind';

/**
 * The search index, built while the pages are: each chapter page is handed to Pagefind (its
 * own process, so on the machine's other core) as soon as Astro renders it, instead of all
 * of them read back from disk once every page is written. `finishSearchIndex` writes it out.
 */

interface Indexing {
  index: Promise<PagefindIndex>;
  added: Promise<unknown>[];
  pages: number;
  errors: string[];
}

const key = Symbol.for('quire.searchIndex');
const shared = globalThis as typeof globalThis & { [key]?: Indexing | undefined };

/** Whether a page is one the index holds: chapter pages opt in with `data-pagefind-body`. */
export function isIndexed(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/** Hands a rendered page to the index, by its path in the site (`chapter-1/index.html`). */
export function indexPage(sourcePath: string, html: string): void {
  const indexing = (shared[key] ??= {
    index: createIndex({}).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
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
    if (indexing.errors.length > 0) throw new Error(`Pagefind could not index the site: ${indexing.errors.join('; ')}`);
    const written = await (await indexing.index).writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    return indexing.pages;
  } finally {
    shared[key] = undefined;
    await close();
  }
}
