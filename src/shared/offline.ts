import { decodeSafely, withSlash } from './paths.ts';

/**
 * What the service worker (src/worker/service-worker.ts), the page that keeps the whole story
 * offline (src/browser/offline-keep.ts) and the build that lists the site's files
 * (src/integrations/offline.ts) agree on: where things are, and what may be kept.
 */

/** Every file the site may keep offline, written at build time as `offline.json`. */
export interface OfflineList {
  /** Changes whenever any listed file does: a new release. */
  version: string;
  /** Site-relative path (`chapter-1/`, `_astro/x.css`) → its size in bytes and a hash of its content. */
  files: Record<string, OfflineFile>;
}

export interface OfflineFile {
  size: number;
  hash: string;
}

/** The worker's script and the list, both under the base path. */
export const offlineFiles = {
  worker: 'sw.js',
  list: 'offline.json',
  /** The page shown for a page never kept. */
  page: 'offline/',
} as const;

/** Whether a file's content never changes under its name (hashed names: cache first, never refetched). */
export function isImmutable(path: string): boolean {
  return path.startsWith('_astro/') || /^pagefind\/(?:index|fragment|filter)\//.test(path);
}

/**
 * Whether a built file belongs offline: pages, what they load, search, and the manifest and
 * icons; not the EPUB (a download of its own), the feeds, catalogues and host files, nor the
 * worker and list themselves.
 */
export function keepsOffline(path: string): boolean {
  if (path === offlineFiles.worker || path === offlineFiles.list || path === '404.html') return false;
  if (/\.(?:epub|xml|txt)$/i.test(path) || /(?:^|\/)_headers$|^_redirects$/.test(path)) return false;
  return true;
}

/** What every page needs offline, kept from the first visit: the offline page, styles and scripts. */
export function isShell(path: string): boolean {
  return path === offlineFiles.page || /^_astro\/[^/]+\.(?:css|js)$/.test(path);
}

/** The site-relative address a built file is served at: `chapter-1/index.html` → `chapter-1/`. */
export function servedPath(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** A site-relative path of a URL under `base`, without its query or fragment; undefined outside it. */
export function sitePath(url: URL, base: string): string | undefined {
  const prefix = withSlash(base);
  return url.pathname.startsWith(prefix) ? decodeSafely(url.pathname.slice(prefix.length)) : undefined;
}

/** The size of everything the list holds, in bytes (as kept on the device: uncompressed). */
export function offlineSize(list: OfflineList): number {
  return Object.values(list.files).reduce((sum, file) => sum + file.size, 0);
}

/** What to fetch to go from the files kept (`kept`, undefined for none) to `list`: the new and the changed. */
export function changedFiles(list: OfflineList, kept: OfflineList | undefined): string[] {
  return Object.entries(list.files)
    .filter(([path, file]) => kept?.files[path]?.hash !== file.hash)
    .map(([path]) => path);
}

/** Reads `offline.json`; undefined for anything else. */
export function parseOfflineList(text: string): OfflineList | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return undefined;
    const { version, files } = value as Record<string, unknown>;
    if (typeof version !== 'string' || !files || typeof files !== 'object') return undefined;
    const entries = Object.entries(files as Record<string, unknown>);
    const valid = (file: unknown) => {
      const { size, hash } = (file ?? {}) as Record<string, unknown>;
      return typeof size === 'number' && size >= 0 && typeof hash === 'string';
    };
    if (!entries.every(([, file]) => valid(file))) return undefined;
    return { version, files: Object.fromEntries(entries) as Record<string, OfflineFile> };
  } catch {
    return undefined;
  }
}

/**
 * Fetches files (site-relative paths) into `cache`: pages and other files that may change
 * each time, hashed files only when not kept already. Four at a time; `progress` after each.
 * Throws (after the others finish) if any file could not be fetched.
 */
export async function keepFiles(
  paths: readonly string[],
  cache: Cache,
  address: (path: string) => string,
  fetchFile: (url: string) => Promise<Response>,
  progress: (done: number, total: number) => void = () => {},
): Promise<void> {
  let next = 0;
  let done = 0;
  let failed: unknown;
  const one = async (path: string) => {
    const url = address(path);
    if (isImmutable(path) && (await cache.match(url))) return;
    const response = await fetchFile(url);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await cache.put(url, response);
  };
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      try {
        await one(path);
      } catch (error) {
        failed ??= error;
      }
      progress(++done, paths.length);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  if (failed) throw failed;
}
