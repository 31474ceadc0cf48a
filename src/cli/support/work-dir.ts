import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = fileURLToPath(new URL('../../../node_modules/.cache/quire/', import.meta.url));

/**
 * A fresh folder for a build's output, inside the project (under `node_modules/.cache`).
 * Astro writes a build's intermediate server chunks beside its output only when the output
 * is inside the project, and into one shared `.astro/` folder otherwise, where builds running
 * side by side (tests, benchmarks) would overwrite each other's files.
 */
export function makeWorkDir(prefix: string): string {
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(join(cache, prefix));
}
