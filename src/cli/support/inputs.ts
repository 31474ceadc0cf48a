import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { problems } from '../../core/problems.ts';
import { documentFile, importedExtensions, markdownFile } from '../../source/content-files.ts';
import { zipFormat } from '../../importer/read.ts';
import { isZip, maxEntryBytes, megabytes, unzipWithin, zipEntries } from '../../importer/zip.ts';

/** One file to import: what to call it in messages, its bytes, and where it is on disk (none for a file inside a zip). */
export interface Input {
  name: string;
  bytes: Uint8Array;
  path: string | undefined;
  /** The folder or zip it was found in, whose files are in the order their names give; none for a file named on its own. */
  from?: string;
}

/** The kinds of file a folder or a zip of chapters holds, by extension: what the importer reads. */
const chapterFile = (name: string) => documentFile.test(name) || markdownFile.test(name);

/** Names in reading order as people number them: "Chapter 2" before "Chapter 10". */
const naturally = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

/**
 * The files a command line names, as the importer reads them: a file as it is; a folder of
 * chapter files (one level, hidden files left out) as its files; a zip of chapter files (as
 * Google Drive downloads a folder) as the files inside it, in the order their names number
 * them. A folder that is a Scrivener project or a Pages document is refused with what to export.
 */
export function readInputs(paths: readonly string[]): { inputs: Input[]; errors: string[]; notes: string[] } {
  const inputs: Input[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) {
        if (/\.scriv\/?$/i.test(path)) throw new Error(problems.ScrivenerProject.message(path));
        if (/\.pages\/?$/i.test(path)) throw new Error(problems.PagesDocument.message(path));
        const files = readdirSync(path, { withFileTypes: true })
          .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && chapterFile(entry.name))
          .map((entry) => entry.name)
          .sort(naturally);
        if (files.length === 0) throw new Error(`${path}: a folder without chapter files (${importedExtensions})`);
        notes.push(`read the ${files.length} files in ${path} in this order: ${files.join(', ')}`);
        for (const file of files)
          inputs.push({ name: join(path, file), bytes: readWithin(join(path, file)), path: join(path, file), from: path });
        continue;
      }
      const bytes = readWithin(path);
      const inside = documentsInZip(bytes, path);
      if (!inside) {
        inputs.push({ name: path, bytes, path });
        continue;
      }
      notes.push(`read the ${inside.length} files in ${path} in this order: ${inside.join(', ')}`);
      const files = unzipWithin(bytes, path, 'zip file', (name) => inside.includes(name));
      for (const name of inside) inputs.push({ name: `${path}: ${name}`, bytes: files[name]!, path: undefined, from: path });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(
        code === 'ENOENT'
          ? `${path}: no such file`
          : code === undefined
            ? (error as Error).message
            : `${path}: cannot read it (${(error as Error).message})`,
      );
    }
  }
  return { inputs, errors, notes };
}

/**
 * A file's bytes, when it is no larger than one a zip may unpack to: a story's text is a few
 * dozen MB at most, and a file of gigabytes would fill memory before anything could be said.
 */
function readWithin(path: string): Uint8Array {
  const { size } = statSync(path);
  if (size > maxEntryBytes) throw new Error(problems.TooLargeFile.message(path, megabytes(size), megabytes(maxEntryBytes)));
  return readFileSync(path);
}

/**
 * The chapter files a zip holds, in reading order, when it is a zip of them and nothing the
 * importer reads whole (zipFormat: an EPUB, a Word or OpenDocument file, a web page and its pictures).
 */
function documentsInZip(bytes: Uint8Array, path: string): string[] | undefined {
  if (!isZip(bytes)) return undefined;
  const names = zipEntries(bytes, path, 'zip file').map((entry) => entry.name);
  if (zipFormat(names)) return undefined;
  const documents = names.filter((name) => chapterFile(name) && !/(?:^|\/)(?:__MACOSX\/|\._|\.)/.test(name));
  return documents.length > 0 ? documents.sort(naturally) : undefined;
}
