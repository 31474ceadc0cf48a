import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cache kept between builds in a folder of its own (in Astro's cache folder), one JSON file
 * per entry: a build reads only the entries it looks up and writes only the ones it adds, so a
 * rebuild after one new chapter costs one chapter's worth, not a parse and a rewrite of the
 * whole story. On `save`, what no build has looked up or stored for an hour is deleted, so the
 * folder holds one story's worth and what the last hour's edits left, and a build never loses
 * what another running beside it (`npm run dev` and `npm run build`, whose drafts make other
 * entries) still reads. An entry that cannot be read or written costs time, never correctness:
 * it is rendered again.
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
    const name = entryName(key);
    try {
      const value = JSON.parse(readFileSync(join(this.#dir, name), 'utf8')) as T;
      this.#used.add(name);
      return value;
    } catch {
      return undefined; // not kept yet, or a broken entry
    }
  }

  set(key: string, value: T): void {
    this.#added.set(key, value);
  }

  /** Writes the entries added (each whole or not at all), and deletes those no build has used for an hour. */
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
      const now = new Date();
      for (const name of readdirSync(this.#dir)) {
        const path = join(this.#dir, name);
        try {
          // An entry's time is when a build last used it.
          if (this.#used.has(name)) utimesSync(path, now, now);
          else if (now.getTime() - statSync(path).mtimeMs > kept) rmSync(path, { force: true });
        } catch {
          // deleted by another build meanwhile
        }
      }
      // The whole cache in one file beside the folder, as Quire kept it before: never read again.
      rmSync(`${this.#dir}.json`, { force: true });
    } catch {
      // see above
    }
  }
}

/** How long an entry no build uses is kept. */
const kept = 60 * 60 * 1000;

/** An entry's file name: its key when that is a safe name (the hashes the callers use), else a hash of it. */
function entryName(key: string): string {
  return `${/^[\w-]{1,128}$/.test(key) ? key : createHash('sha256').update(key).digest('base64url')}.json`;
}
