import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cache kept between builds in a folder of its own (in Astro's cache folder), one JSON file
 * per entry: a build reads only the entries it looks up and writes only the ones it adds, so a
 * rebuild after one new chapter costs one chapter's worth, not a parse and a rewrite of the
 * whole story. On `save`, what this build neither looked up nor stored is deleted, so the
 * folder never grows past one story's worth. An entry that cannot be read or written costs
 * time, never correctness: it is rendered again.
 */
export class FileCache<T> {
  readonly #dir: string | undefined;
  readonly #used = new Set<string>();
  readonly #added = new Map<string, T>();

  constructor(dir: string | undefined) {
    this.#dir = dir;
  }

  get(key: string): T | undefined {
    const added = this.#added.get(key);
    if (added !== undefined || !this.#dir) return added;
    try {
      const value = JSON.parse(readFileSync(join(this.#dir, entryName(key)), 'utf8')) as T;
      this.#used.add(entryName(key));
      return value;
    } catch {
      return undefined; // not kept yet, or a broken entry
    }
  }

  set(key: string, value: T): void {
    this.#added.set(key, value);
  }

  /** Writes the entries added (each whole or not at all) and deletes those this build did not use. */
  save(): void {
    if (!this.#dir) return;
    try {
      mkdirSync(this.#dir, { recursive: true });
      for (const [key, value] of this.#added) {
        const name = entryName(key);
        const partial = join(this.#dir, `${name}.${process.pid}.partial`);
        writeFileSync(partial, JSON.stringify(value));
        renameSync(partial, join(this.#dir, name));
        this.#used.add(name);
      }
      this.#added.clear();
      for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) rmSync(join(this.#dir, name), { force: true });
      // The whole cache in one file beside the folder, as Quire kept it before: never read again.
      rmSync(`${this.#dir}.json`, { force: true });
    } catch {
      // see above
    }
  }
}

/** An entry's file name: its key when that is a safe name (the hashes the callers use), else a hash of it. */
function entryName(key: string): string {
  return `${/^[\w-]{1,128}$/.test(key) ? key : createHash('sha256').update(key).digest('base64url')}.json`;
}
