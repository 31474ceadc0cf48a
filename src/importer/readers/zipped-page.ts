import { posix } from 'node:path';
import { decodeSafely } from '../../shared/paths.ts';
import { problems } from '../../core/problems.ts';
import { decodeText } from '../decode.ts';
import { ImportError, type ImportedWork } from '../model.ts';
import { elsewhere, pictureIn, picturesFound, type FoundPicture } from '../remote-pictures.ts';
import { isPageName, unzipWithin, zipEntries } from '../zip.ts';

/**
 * A web page saved as a zip with its pictures: Google Docs' "Web page (.html, zipped)", a page
 * and its `_files` folder zipped to send. The page reads as the same page unzipped would
 * (`readPage`), its pictures and stylesheets from the zip: only files inside the page's own folder there, never
 * anything beside the zip on disk. A zip of several pages is refused: which comes first is for
 * the author to say.
 */
export async function readZippedPage(
  bytes: Uint8Array,
  file: string,
  readPage: (text: string, stem: string, stylesheet: (href: string) => string | undefined) => Promise<ImportedWork>,
): Promise<ImportedWork> {
  // Known from the zip's directory, before anything is inflated.
  const pages = zipEntries(bytes, file, 'zip file')
    .map((entry) => entry.name)
    .filter(isPageName);
  if (pages.length !== 1) throw new ImportError(problems.ZippedPages.message(file, pages));
  const page = pages[0]!;
  const files = unzipWithin(bytes, file, 'zip file');
  const folder = posix.dirname(page);
  // A file the page names, from inside its own folder in the zip only.
  const inFolder = (src: string): string | undefined => {
    if (elsewhere(src)) return undefined;
    const path = posix.normalize(posix.join(folder, decodeSafely(src.split(/[?#]/)[0]!)));
    return path === '..' || path.startsWith('../') || (folder !== '.' && !path.startsWith(`${folder}/`)) ? undefined : path;
  };
  // Its stylesheets (as Calibre's zipped pages set italics, bold and alignment by their classes).
  const stylesheet = (href: string): string | undefined => {
    const path = inFolder(href);
    return path && files[path] ? decodeText(files[path], `${file}: ${path}`) : undefined;
  };
  const work = await readPage(decodeText(files[page]!, `${file}: ${page}`), posix.basename(page).replace(/\.[^.]*$/, ''), stylesheet);
  const find = async (src: string): Promise<FoundPicture> => {
    const path = inFolder(src);
    if (path === undefined) return { problem: 'outside the page’s folder' };
    const picture = files[path];
    return picture ? pictureIn(picture, path) : { problem: 'not in the zip' };
  };
  const notices = await picturesFound(work, find, ' from the zip');
  return { ...work, format: `${work.format}, zipped`, notices: [...work.notices, ...notices] };
}
