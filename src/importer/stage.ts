import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Files written all at once. Each goes first into a staging folder beside the content folder
 * (`content.importing-<pid>/`); once every file of the run is there and checked, each is moved
 * into place, a rename apiece. An import killed before that leaves the content folder as it
 * was (the next import clears what it left), never a `story.md` with one chapter of two hundred.
 */
export class StagedFiles {
  readonly #stage: string;
  readonly #files = new Map<string, string>();
  readonly #removals = new Set<string>();

  /** Stages beside `content` (the folder most of a run's files go to). */
  constructor(content: string) {
    this.#stage = `${resolve(content)}.importing-${process.pid}`;
    rmSync(this.#stage, { recursive: true, force: true });
    mkdirSync(this.#stage, { recursive: true });
  }

  /** Stages a file to be written at `target`. */
  write(target: string, content: string | Uint8Array): void {
    const staged = join(this.#stage, String(this.#files.size));
    writeFileSync(staged, content);
    this.#files.set(resolve(target), staged);
  }

  /** Stages a file to be deleted (with the others, on commit). */
  remove(target: string): void {
    this.#removals.add(resolve(target));
  }

  /**
   * A copy of `dir` as it will be once the staged files are in place, for checking, in a
   * folder beside it (files linked, not copied, where the file system allows). Removed by `abandon`.
   */
  preview(dir: string): string {
    const root = resolve(dir);
    const copy = `${root}.checking-${process.pid}`;
    rmSync(copy, { recursive: true, force: true });
    if (existsSync(root)) linkTree(root, copy);
    else mkdirSync(copy, { recursive: true });
    for (const [target, staged] of this.#files) {
      const path = relative(root, target);
      if (path.startsWith('..') || isAbsolute(path)) continue;
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      rmSync(join(copy, path), { force: true });
      copyFileSync(staged, join(copy, path));
    }
    for (const target of this.#removals) {
      const path = relative(root, target);
      if (!path.startsWith('..') && !isAbsolute(path)) rmSync(join(copy, path), { force: true });
    }
    return copy;
  }

  /** Moves every staged file into place. */
  commit(): void {
    for (const [target, staged] of this.#files) {
      mkdirSync(dirname(target), { recursive: true });
      try {
        renameSync(staged, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        copyFileSync(staged, target);
        unlinkSync(staged);
      }
    }
    for (const target of this.#removals) rmSync(target, { force: true });
    this.#files.clear();
    this.#removals.clear();
  }

  /** Removes the staging folder and any preview; what was not committed is not written. */
  abandon(): void {
    rmSync(this.#stage, { recursive: true, force: true });
    rmSync(this.#stage.replace(/\.importing-(\d+)$/, '.checking-$1'), { recursive: true, force: true });
  }
}

/** A folder's files linked into `copy` (copied where links cannot be made). */
function linkTree(from: string, copy: string): void {
  mkdirSync(copy, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(copy, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    } else cpSync(source, target, { verbatimSymlinks: true });
  }
}

/** Whether a process is still running (an import's leftovers are only cleared once it is gone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clears what an import stopped halfway left beside `content`, and says so. */
export function clearUnfinished(content: string): string[] {
  const folder = resolve(content);
  const parent = dirname(folder);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return [];
  const prefix = `${basename(folder)}.`;
  const said: string[] = [];
  for (const name of readdirSync(parent)) {
    const match = name.startsWith(prefix) ? /^(?:importing|checking)-(\d+)$/.exec(name.slice(prefix.length)) : null;
    if (!match || running(Number(match[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    said.push(`cleared ${name}/, left by an import that was stopped halfway`);
  }
  return said;
}
