/**
 * The service worker (`sw.js`, bundled by src/integrations/offline.ts with this site's base
 * path and release): a chapter read online reopens offline.
 *
 * - Pages and other files that change between releases: network first (a reader online
 *   always sees the newest), the kept copy when the network fails.
 * - Hashed files (`_astro/`, Pagefind's index and fragments): kept copy first.
 * - A page never kept, offline: the site's own offline page.
 * - Only files in this release's list (`offline.json`) are kept: never a draft, a scheduled
 *   chapter, the EPUB or the feeds. A file a new release no longer has is let go.
 * - When the reader asked for the whole story (src/browser/offline-keep.ts), a new release
 *   is kept in full on the next visit online.
 */
import { joinBase } from '../shared/paths.ts';
import {
  changedFiles,
  isImmutable,
  isShell,
  keepFiles,
  keepsOffline,
  offlineFiles,
  parseOfflineList,
  sitePath,
  type OfflineList,
} from '../shared/offline.ts';
import { keptMarker, offlineCache } from '../shared/contract.ts';

declare const __QUIRE_BASE__: string;
declare const __QUIRE_VERSION__: string;

/** The parts of the service worker's global scope used here (the DOM library does not describe it). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<readonly { url: string }[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const base = __QUIRE_BASE__;
const address = (path: string) => new URL(joinBase(base, path), worker.location.origin).href;
const listAddress = address(offlineFiles.list);
const marker = keptMarker(worker.location.origin, base);
const open = () => caches.open(offlineCache(base));

let list: Promise<OfflineList | undefined> | undefined;

/** This release's list: kept with the files, fetched when not kept (or kept from another release). */
function currentList(): Promise<OfflineList | undefined> {
  list ??= (async () => {
    const cache = await open();
    const kept = parseOfflineList((await (await cache.match(listAddress))?.text()) ?? '');
    if (kept?.version === __QUIRE_VERSION__) return kept;
    const text = await (await fetch(listAddress, { cache: 'no-store' })).text();
    const fetched = parseOfflineList(text);
    if (fetched) await cache.put(listAddress, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
    return fetched;
  })().catch(() => (list = undefined));
  return list;
}

const listed = async (path: string) => (await currentList())?.files[path] !== undefined;

/** A response worth keeping: the file itself (not an error, a redirect or another site's). */
const keepable = (response: Response) => response.ok && response.type === 'basic' && !response.redirected;

async function keep(path: string, response: Response): Promise<void> {
  if (keepable(response) && (await listed(path))) await (await open()).put(address(path), response);
}

async function networkFirst(event: FetchEvent, path: string): Promise<Response> {
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(path, response.clone()));
    return response;
  } catch (error) {
    const cache = await open();
    const kept = await cache.match(address(path));
    if (kept) return kept;
    if (event.request.mode === 'navigate') {
      const page = await cache.match(address(offlineFiles.page));
      if (page) return page;
    }
    throw error;
  }
}

async function cacheFirst(event: FetchEvent, path: string): Promise<Response> {
  const kept = await (await open()).match(address(path));
  if (kept) return kept;
  const response = await fetch(event.request);
  event.waitUntil(keep(path, response.clone()));
  return response;
}

let syncing: Promise<void> | undefined;

/**
 * When the reader keeps the whole story: what this release adds or changes (a new chapter,
 * revised text, the pages that list them, the search index), once per release, on the first
 * request this worker handles. Not while activating, which would hold up the page's requests.
 */
function keepWholeStory(): Promise<void> {
  syncing ??= (async () => {
    const cache = await open();
    const kept = await cache.match(marker);
    const current = await currentList();
    if (!kept || !current) return;
    const before = parseOfflineList(await kept.text());
    if (before?.version === current.version) return;
    await keepFiles(changedFiles(current, before), cache, address, (url) => fetch(url, { cache: 'no-cache' }));
    await cache.put(marker, new Response(JSON.stringify(current)));
  })().catch(() => (syncing = undefined));
  return syncing;
}

/**
 * Keeps the listed pictures (and other hashed files besides the styles and scripts, which the
 * install kept) that the browser already holds in its HTTP cache: those of the page that was
 * open when this worker started, loaded before it could see them. Nothing is fetched.
 */
async function keepFromBrowserCache(): Promise<void> {
  const current = await currentList();
  if (!current) return;
  const cache = await open();
  for (const path of Object.keys(current.files)) {
    if (!path.startsWith('_astro/') || isShell(path) || (await cache.match(address(path)))) continue;
    const held = await fetch(address(path), { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => undefined);
    if (held) await keep(path, held);
  }
}

/** Lets go of what this release no longer has: old hashed files, removed pages. */
async function prune(): Promise<void> {
  const current = await currentList();
  if (!current) return;
  const cache = await open();
  for (const request of await cache.keys()) {
    if (request.url === marker || request.url === listAddress) continue;
    const path = sitePath(new URL(request.url), base);
    if (path === undefined || current.files[path] === undefined) await cache.delete(request);
  }
}

worker.addEventListener('install', (event) => {
  // The offline page and what every page loads (styles and scripts), ready before any is needed.
  list = undefined;
  event.waitUntil(
    (async () => {
      const current = await currentList();
      if (!current) throw new Error(`${offlineFiles.list} could not be read`);
      const shell = Object.keys(current.files).filter(isShell);
      await keepFiles(shell, await open(), address, (url) => fetch(url, { cache: 'no-cache' }));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await worker.clients.claim();
      await prune();
      // The pages open now were loaded before this worker: keep them as if they had just been read,
      // and the pictures they showed, from the browser's own cache (never fetched again).
      for (const client of await worker.clients.matchAll({ type: 'window' })) {
        const path = sitePath(new URL(client.url), base);
        if (path !== undefined && (await listed(path))) await keep(path, await fetch(address(path)).catch(() => Response.error()));
      }
      await keepFromBrowserCache();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  const path = sitePath(url, base);
  if (path === undefined) return;
  event.waitUntil(keepWholeStory());
  if (request.mode === 'navigate') event.respondWith(networkFirst(event, path));
  // The EPUB, feeds and catalogues always come from the network.
  else if (keepsOffline(path)) event.respondWith(isImmutable(path) ? cacheFirst(event, path) : networkFirst(event, path));
});
