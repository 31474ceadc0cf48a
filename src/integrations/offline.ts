import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { keepsOffline, offlineFiles, servedPath, type OfflineList } from '../shared/offline.ts';
import { withSlash } from '../shared/paths.ts';

/** A file of the built site: its path under the output folder (with `/`), size and content hash. */
export interface BuiltFile {
  path: string;
  size: number;
  hash: string;
}

/**
 * Offline reading: on `astro:build:done`, after the search index is written, lists every file
 * a reader may keep (`offline.json`) and writes the service worker (`sw.js`) for this base
 * path and release. Pages register it (src/build/boot-script.ts); it is what keeps them
 * (src/worker/service-worker.ts).
 */
export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'quire:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withSlash(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const list = offlineList(await builtFiles(root));
        await writeFile(join(root, offlineFiles.list), JSON.stringify(list));
        await writeFile(join(root, offlineFiles.worker), await workerScript(base, list.version));
        logger.info(`offline: ${Object.keys(list.files).length} files can be kept (${offlineFiles.worker}, ${offlineFiles.list})`);
      },
    },
  };
}

/** What a reader may keep offline, by served address, and a version that changes with any byte of it. */
export function offlineList(files: readonly BuiltFile[]): OfflineList {
  const kept = files
    .filter((file) => keepsOffline(file.path))
    .map((file) => ({ ...file, path: servedPath(file.path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const version = createHash('sha256');
  for (const file of kept) version.update(`${file.path}\0${file.hash}\n`);
  return {
    version: version.digest('hex').slice(0, 16),
    files: Object.fromEntries(kept.map((file) => [file.path, { size: file.size, hash: file.hash.slice(0, 12) }])),
  };
}

/**
 * The files under the output folder a reader may keep, each hashed as it is read, a few at a
 * time: memory stays flat however long the story (a 1,000-chapter site is some 60 MB of files).
 */
export async function builtFiles(root: string): Promise<BuiltFile[]> {
  const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(keepsOffline);
  const files: BuiltFile[] = [];
  const read = async (path: string) => {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(join(root, path)) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
    files.push({ path, size, hash: hash.digest('hex') });
  };
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) await read(path);
    }),
  );
  return files;
}

/** The worker bundled for this site: its base path and release compiled in (a new release is a new script, so browsers update it). */
export async function workerScript(base: string, version: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../worker/service-worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2020',
    logLevel: 'silent',
    define: { __QUIRE_BASE__: JSON.stringify(base), __QUIRE_VERSION__: JSON.stringify(version) },
  });
  return result.outputFiles[0]!.text;
}
