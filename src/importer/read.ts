import { basename, extname } from 'node:path';
import { decodeText } from './decode.ts';
import { ImportError, treesOf, type ImportedWork } from './model.ts';
import { shapeOf } from './element.ts';
import { readDrawnLines } from './drawn-lines.ts';
import { maxInputDepth, maxInputElements, NestedTooDeepError, overfull, refuseOverfull } from './limits.ts';
import { readContentNotes } from './content-notes.ts';
import { readLabelledNotes } from './labelled-notes.ts';
import { readHandMadeFootnotes } from './hand-footnotes.ts';
import { isPageName, isZip, unzipWithin, zipEntries } from './zip.ts';
import { problems } from '../core/problems.ts';
import { markdownFile } from '../source/content-files.ts';
import { isWordPressExport } from './readers/wordpress.ts';
import { isFictionBook } from './readers/fb2.ts';

/** The kinds of input the importer reads. */
export type InputFormat = 'epub' | 'docx' | 'odt' | 'rtf' | 'ao3' | 'html' | 'zipped page' | 'markdown' | 'text' | 'wordpress' | 'fb2';

/**
 * What an input is, from its content (the extension only breaks ties): an EPUB or a Word
 * document is a zip with their own files, an AO3 download is HTML with AO3's marks,
 * an OpenDocument text is a zip with its `content.xml` (or that XML alone, a flat .fodt),
 * Rich Text opens with `{\rtf`, Markdown with frontmatter. Formats whose text cannot be read
 * back faithfully (PDF, Kindle books, an old .doc) are refused with what to export instead.
 */
export function detectFormat(bytes: Uint8Array, file: string): { format: InputFormat; text?: string } {
  if (isZip(bytes)) {
    // The names alone tell an EPUB from a Word document; nothing is inflated to know.
    const names = zipEntries(bytes, file, 'zip file').map((entry) => entry.name);
    const format = zipFormat(names);
    if (format) return { format };
    if (names.some((name) => /^Index\/Document\.iwa$|^index\.xml$/.test(name))) throw new ImportError(problems.PagesDocument.message(file));
    throw new ImportError(problems.UnknownZip.message(file));
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new ImportError(problems.PdfFile.message(file));
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(problems.OldWordFile.message(file));
  }
  // A Kindle book: a Palm database whose type and creator say BOOKMOBI (or TEXtREAd, the oldest MOBIs).
  const palm = String.fromCharCode(...bytes.subarray(60, 68));
  if (bytes.length > 78 && (palm === 'BOOKMOBI' || palm === 'TEXtREAd')) throw new ImportError(problems.KindleBook.message(file));
  // Rich Text is 7-bit text whose other bytes are its code page's (or a picture's): read byte for byte.
  if (/^\s*\{\\rtf/.test(Buffer.from(bytes.subarray(0, 16)).toString('latin1')))
    return { format: 'rtf', text: Buffer.from(bytes).toString('latin1') };
  const text = decodeText(bytes, file);
  const start = text.slice(0, 4000);
  // A flat OpenDocument text: its root element, after the XML declaration, comments and a DOCTYPE.
  if (/^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*<office:document[\s>]/.test(start))
    return { format: 'odt', text };
  if (isWordPressExport(start)) return { format: 'wordpress', text };
  if (isFictionBook(start)) return { format: 'fb2', text };
  // A news feed holds a site's latest posts, often cut short: not a story to import whole.
  if (
    /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(?:rss[\s>]|feed[\s>][^>]*xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom|rdf:RDF[\s>])/.test(
      start,
    )
  )
    throw new ImportError(problems.NewsFeed.message(file));
  if (
    /^\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(start) ||
    (/^\s*</.test(start) && /<(?:p|div|br|body)[\s>/]/i.test(start))
  ) {
    return { format: isAo3(text) ? 'ao3' : 'html', text };
  }
  if (/^\uFEFF?---\r?\n[\s\S]*?\r?\n---/.test(text) || markdownFile.test(file)) return { format: 'markdown', text };
  return { format: 'text', text };
}

/** What a zip is that the importer reads whole, from the names of its entries: an EPUB, a Word or OpenDocument file, a web page and its pictures. */
export function zipFormat(names: readonly string[]): InputFormat | undefined {
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('META-INF/container.xml')) return 'epub';
  if (names.includes('content.xml')) return 'odt';
  if (names.includes('mimetype')) return 'epub';
  // A FictionBook zipped, as libraries give them (`story.fb2.zip`): one .fb2 inside.
  if (names.filter((name) => /\.fb2$/i.test(name)).length === 1) return 'fb2';
  if (names.some(isPageName)) return 'zipped page';
  return undefined;
}

/**
 * What marks each element to come in a text input, counted before it is parsed, and how many
 * marks make one: in plain text and Markdown its lines, in Rich Text its paragraphs (`\par`),
 * in markup its tags (an element opens and closes).
 */
function elementMarks(format: InputFormat): [RegExp, number] {
  if (format === 'markdown' || format === 'text') return [/\n/, 1];
  if (format === 'rtf') return [/\\par(?![a-z])/, 1];
  return [/</, 2];
}

/** Reads one input, whatever its format. */
export async function readInput(bytes: Uint8Array, file: string): Promise<ImportedWork> {
  let work: ImportedWork;
  try {
    work = await readFormat(bytes, file);
  } catch (error) {
    // The parsers build their trees by recursion too: a file nested deep enough overflows them.
    if ((error instanceof RangeError && /call stack/i.test(error.message)) || error instanceof NestedTooDeepError)
      throw new ImportError(problems.NestedTooDeep.message(file, maxInputDepth));
    throw error;
  }
  const shapes = treesOf(work).map(shapeOf);
  if (shapes.some(({ depth }) => depth > maxInputDepth)) throw new ImportError(problems.NestedTooDeep.message(file, maxInputDepth));
  if (shapes.reduce((sum, { elements }) => sum + elements, 0) > maxInputElements) throw overfull(file);
  readHandMadeFootnotes(work);
  readDrawnLines(work);
  readLabelledNotes(work);
  readContentNotes(work);
  return work;
}

/** Each format's reader, loaded when a file of that format comes: a text file's import does not load the EPUB, Word and HTML readers. */
async function readFormat(bytes: Uint8Array, file: string): Promise<ImportedWork> {
  const stem = basename(file, extname(file));
  const { format, text } = detectFormat(bytes, file);
  if (text !== undefined) refuseOverfull(text, file, ...elementMarks(format));
  switch (format) {
    case 'epub':
      return (await import('./readers/epub.ts')).readEpub(bytes, file);
    case 'docx':
      return (await import('./readers/docx.ts')).readDocx(bytes, file, stem);
    case 'rtf':
      return (await import('./readers/rtf.ts')).readRtf(text!, file, stem);
    case 'odt':
      return (await import('./readers/odt.ts')).readOdt(bytes, file, stem, text);
    case 'ao3':
    case 'html':
      return readPage(text!, stem, file);
    case 'zipped page':
      return (await import('./readers/zipped-page.ts')).readZippedPage(bytes, file, (page, pageStem, stylesheet) =>
        readPage(page, pageStem, file, stylesheet),
      );
    case 'markdown':
      return (await import('./readers/markdown.ts')).readMarkdown(text!, file, stem);
    case 'fb2':
      return (await import('./readers/fb2.ts')).readFictionBook(text ?? fictionBookIn(bytes, file), file, stem.replace(/\.fb2$/i, ''));
    case 'wordpress':
      return (await import('./readers/wordpress.ts')).readWordPress(text!, file);
    case 'text':
      return (
        (await import('./readers/fanficfare-text.ts')).readFanFicFareText(text!) ??
        (await import('./readers/text.ts')).readText(text!, file, stem)
      );
  }
}

/** The one FictionBook a zip holds, as text. */
function fictionBookIn(bytes: Uint8Array, file: string): string {
  const entries = unzipWithin(bytes, file, 'zip file', (name) => /\.fb2$/i.test(name));
  const [name, book] = Object.entries(entries)[0]!;
  return decodeText(book, `${file}: ${name}`);
}

/** AO3's own layout, not a page that only names or links to AO3 (a FanFicFare download of an AO3 work does both). */
const isAo3 = (text: string) => /id="preface"|class="userstuff"|id="chapters"/.test(text);

/** A web page: an AO3 download, FanFicFare's, or any other; its linked stylesheets read with `stylesheet`, where it comes with them. */
async function readPage(
  text: string,
  stem: string,
  file: string,
  stylesheet?: (href: string) => string | undefined,
): Promise<ImportedWork> {
  if (isAo3(text)) return (await import('./readers/ao3.ts')).readAo3(text, file);
  return (
    (await import('./readers/fanficfare-html.ts')).readFanFicFareHtml(text) ??
    (await import('./readers/html.ts')).readHtml(text, stem, file, stylesheet)
  );
}
