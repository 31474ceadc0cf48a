import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A cache kept in one JSON file between builds (in Astro's cache folder): what a build
 * looked up or stored is written back, everything else is dropped, so it never grows past
 * one story's worth. A file that cannot be read or written costs time, never correctness.
 */
export class FileCache<T> {
  readonly #file: string | undefined;
  readonly #old: Map<string, T>;
  readonly #used = new Map<string, T>();
  #changed = false;

  constructor(file: string | undefined) {
    this.#file = file;
    this.#old = new Map();
    if (!file) return;
    try {
      this.#old = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>));
    } catch {
      // no cache yet, or a broken one: start afresh
    }
  }

  get(key: string): T | undefined {
    const value = this.#used.get(key) ?? this.#old.get(key);
    if (value !== undefined) this.#used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.#used.set(key, value);
    this.#changed = true;
  }

  /** Writes what this build used, whole or not at all. */
  save(): void {
    if (!this.#file || (!this.#changed && this.#used.size === this.#old.size)) return;
    try {
      mkdirSync(dirname(this.#file), { recursive: true });
      const partial = `${this.#file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(Object.fromEntries(this.#used)));
      renameSync(partial, this.#file);
    } catch {
      // see above
    }
  }
}
