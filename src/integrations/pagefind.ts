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
 *
 * Astro renders two pages at a time (`build.concurrency`), which may finish in either order;
 * Pagefind numbers pages as they come, so each page takes a turn when it starts (`searchTurn`)
 * and is handed over in that order, or the same story would give an index of other bytes.
 */

interface Indexing {
  index: Promise<PagefindIndex>;
  added: Promise<unknown>[];
  pages: number;
  errors: string[];
  /** The turns given out, and the next one to hand to Pagefind. */
  turns: number;
  next: number;
  /** Pages (or `undefined`: a turn with no page to index) that finished before an earlier turn did. */
  waiting: Map<number, { sourcePath: string; html: string } | undefined>;
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

function indexing(): Indexing {
  return (shared[key] ??= {
    index: createIndex({}).then((response) => {
      const { index } = checked(response, 'start');
      if (!index) throw new Error('Pagefind could not start');
      return index;
    }),
    added: [],
    pages: 0,
    errors: [],
    turns: 0,
    next: 0,
    waiting: new Map(),
  });
}

/** A page's place in the index, taken as its rendering starts (src/middleware.ts); `indexPage` or `passTurn` ends it. */
export function searchTurn(): number {
  return indexing().turns++;
}

/** Hands a rendered page to the index, by its path in the site (`chapter-1/index.html`), in its turn. */
export function indexPage(turn: number, sourcePath: string, html: string): void {
  const state = indexing();
  state.pages++;
  state.waiting.set(turn, { sourcePath, html });
  handOver(state);
}

/** Ends a turn whose page the index does not hold. */
export function passTurn(turn: number): void {
  const state = indexing();
  state.waiting.set(turn, undefined);
  handOver(state);
}

/** Hands Pagefind the pages whose turn has come: the next turn's, and each after it that has ended. */
function handOver(state: Indexing): void {
  while (state.waiting.has(state.next)) {
    const turn = state.next++;
    const page = state.waiting.get(turn);
    state.waiting.delete(turn);
    if (!page) continue;
    state.added.push(
      state.index
        .then((index) => index.addHTMLFile({ sourcePath: page.sourcePath, content: page.html }))
        .then((result) => state.errors.push(...result.errors.map((error) => `${page.sourcePath}: ${error}`))),
    );
  }
}

/**
 * Writes the index to `outputPath`: the pages handed over during the build, or else (an
 * integration-only build, a page not seen) every opted-in page read from `site`. Gives how
 * many pages it holds.
 */
export async function finishSearchIndex(outputPath: string, fromDisk: () => Promise<[string, string][]>): Promise<number> {
  try {
    if (!shared[key]) for (const [path, html] of await fromDisk()) if (isIndexed(html)) indexPage(searchTurn(), path, html);
    const state = shared[key];
    if (!state || state.pages === 0) throw new Error('Pagefind found no chapter pages to index');
    // Every page left, in turn: a turn never ended (a page whose rendering failed) is skipped.
    for (const turn of [...state.waiting.keys()].sort((a, b) => a - b)) {
      state.next = Math.max(state.next, turn);
      handOver(state);
    }
    await Promise.all(state.added);
    checked({ errors: state.errors }, 'index the site');
    checked(await (await state.index).writeFiles({ outputPath }), 'write the index');
    return state.pages;
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
