import { unzipSync } from 'fflate';
import { ImportError } from './model.ts';
import { problems } from '../core/problems.ts';

/**
 * Zip files (EPUBs, Word documents) read within bounds: a small file can claim a gigabyte
 * inside, or thousands of entries. The central directory is read first, without inflating
 * anything; a file whose entries claim more than an ebook or a document could need is
 * refused, naming the entry, and only then is anything inflated (fflate sizes its output to
 * what an entry claims, so a lying entry comes out cut, never larger).
 */

/** The most one entry may hold once inflated: a long novel's text is a few megabytes, a full-page picture tens. */
export const maxEntryBytes = 100 * 1024 * 1024;
/** The most all entries together may hold. */
export const maxTotalBytes = 400 * 1024 * 1024;
/** The most entries a zip may have. */
export const maxEntries = 20_000;

/** Whether bytes are a zip (an EPUB, a Word or OpenDocument file, a zip of files): its local file header's signature. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A web page among a zip's files (not the resource forks a Mac adds when it zips a folder). */
export const isPageName = (name: string) => /\.x?html?$/i.test(name) && !/(?:^|\/)(?:__MACOSX\/|\._)/.test(name);

/** An entry as the central directory describes it. */
interface ZipEntry {
  name: string;
  /** Its size once inflated, as the zip claims. */
  size: number;
}

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

/** The entries of a zip as its central directory lists them, nothing inflated; a damaged zip is refused. */
export function zipEntries(bytes: Uint8Array, file: string, kind: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, originalSize }) => {
        entries.push({ name, size: originalSize });
        return false;
      },
    });
  } catch {
    throw new ImportError(problems.DamagedZip.message(file, kind));
  }
  return entries;
}

/** A zip's entries checked against the bounds; one beyond them is refused, naming what is too large. */
function checkBounds(entries: ZipEntry[], file: string, kind: string): void {
  if (entries.length > maxEntries) {
    throw new ImportError(problems.TooManyFiles.message(file, entries.length, kind));
  }
  const huge = entries.find((entry) => entry.size > maxEntryBytes);
  if (huge) {
    throw new ImportError(problems.TooLargeEntry.message(file, huge.name, megabytes(huge.size), kind, megabytes(maxEntryBytes)));
  }
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > maxTotalBytes) {
    throw new ImportError(problems.TooLargeUnpacked.message(file, megabytes(total), kind, megabytes(maxTotalBytes)));
  }
}

/** Inflates the entries of a zip that `wanted` picks, after checking the whole zip against the bounds. */
export function unzipWithin(
  bytes: Uint8Array,
  file: string,
  kind: string,
  wanted: (name: string) => boolean = () => true,
): Record<string, Uint8Array> {
  checkBounds(zipEntries(bytes, file, kind), file, kind);
  try {
    return unzipSync(bytes, { filter: ({ name }) => wanted(name) });
  } catch {
    throw new ImportError(problems.DamagedZip.message(file, kind));
  }
}
