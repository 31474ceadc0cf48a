import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceRoot = fileURLToPath(new URL('../', import.meta.url));
const known = new Map<string, string | undefined>();

/**
 * A digest of Quire's own code in `folders` (under `src/`, or `root`) and of the locked
 * dependencies, for the caches kept between builds: an entry is keyed by the code that made
 * it, so a new version of Quire (pulled into an author's copy, whose deploy restores the last
 * cache) never reuses what older code wrote. Undefined when the code cannot be read: then
 * nothing is cached.
 */
export function codeVersion(folders: readonly string[], root = sourceRoot): string | undefined {
  const id = `${root}\0${folders.join('\0')}`;
  if (known.has(id)) return known.get(id);
  let version: string | undefined;
  try {
    const hash = createHash('sha256');
    for (const folder of folders) {
      const dir = join(root, folder);
      for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort())
        hash.update(file.slice(root.length)).update(readFileSync(file));
    }
    hash.update(readFileSync(join(root, '../package-lock.json')));
    version = hash.digest('base64url');
  } catch {
    version = undefined;
  }
  known.set(id, version);
  return version;
}
