import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';
import { chapterSchema, storyFields } from '../core/schema.ts';
import { problems as catalogue } from '../core/problems.ts';
import { svgThreats } from '../core/svg.ts';
import type { Message } from '../shared/i18n/strings.ts';

/**
 * The content folder as files: which files are chapters, which are skipped and why, and
 * how a file is read (UTF-8, frontmatter). The build's content collections, `npm run
 * check`, the importer and the benchmark all read the story through here, so they agree.
 */

/** `story.md` in a content folder. */
export function storyFile(contentDir: string): string {
  return join(contentDir, 'story.md');
}

/** The folder of chapter files in a content folder. */
export function chaptersDir(contentDir: string): string {
  return join(contentDir, 'chapters');
}

/** A chapter's id: its file name without `.md`. */
export function chapterId(file: string): string {
  return basename(file, '.md');
}

/** What is in `chapters/`: the chapter files, what was left aside (and why), and what is wrong. */
export interface ChapterScan {
  /** Absolute paths of the chapter files, in file-name order. */
  files: string[];
  /** Files that are not chapters, each with the reason, so nothing is skipped in silence. */
  skipped: string[];
  /** Files that look meant as chapters but cannot be read as one. */
  problems: string[];
}

/** A Markdown file beside story.md (but a README): a chapter saved in the wrong folder. */
export const besideStory = (name: string): boolean => /\.md$/i.test(name) && !/^(?:story|readme)\.md$/i.test(name);

/**
 * The documents `npm run import` reads, by extension: named on their own, in a folder or in a zip
 * of chapters, or dropped among the chapters as they are. Markdown besides (`markdownFile`),
 * which in `content/` is a chapter already.
 */
const documentExtensions = ['txt', 'docx', 'odt', 'fodt', 'rtf', 'epub', 'html', 'htm', 'xhtml', 'fb2'];
export const documentFile = new RegExp(`\\.(?:${documentExtensions.join('|')})$`, 'i');

/** A Markdown file, by extension, as the importer reads one. */
export const markdownFile = /\.(?:md|markdown)$/i;

/** Every extension the importer reads, for messages: ".md, .txt, .docx…". */
export const importedExtensions = ['md', ...documentExtensions].map((extension) => `.${extension}`).join(', ');

/** Files systems and editors leave behind, skipped without a word. */
const systemFiles = /^(?:\.DS_Store|Thumbs\.db|desktop\.ini|\.gitkeep|\.keep)$/i;

/**
 * Lists `chapters/`: every `*.md` file directly in it is a chapter (symbolic links are
 * followed). A file named like a chapter in another way (`.MD`, `.markdown`, `.md.txt`) or a
 * link to nothing is a problem, and so is a sub-folder holding .md files (which would not be
 * published); hidden files, backups, other files and other sub-folders are skipped and said so. `name` turns a path into how messages show it.
 */
export function scanChapters(contentDir: string, name: (path: string) => string = (path) => path): ChapterScan {
  const dir = chaptersDir(contentDir);
  const scan: ChapterScan = { files: [], skipped: [], problems: [] };
  if (!existsSync(dir)) return scan;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const shown = name(path);
    if (systemFiles.test(entry)) continue;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      const link = lstatSync(path).isSymbolicLink();
      scan.problems.push(link ? catalogue.DanglingLink.message(shown) : catalogue.UnreadableFile.message(shown));
      continue;
    }
    if (stat.isDirectory() && /\.md$/i.test(entry)) {
      scan.problems.push(catalogue.FolderNamedLikeChapter.message(shown, name(dir)));
    } else if (stat.isDirectory()) {
      const inside = filesInside(path);
      // Chapter files in it (not hidden) would not be published; a folder of the chapters' pictures
      // (`![](art/map.png)`) is published and checked with every picture.
      const chapters = entry.startsWith('.')
        ? []
        : inside.filter((file) => file.endsWith('.md') && !file.split('/').some((part) => part.startsWith('.')));
      if (chapters.length > 0) scan.problems.push(catalogue.ChaptersInFolder.message(shown, chapters, name(dir)));
      else if (inside.length === 0 || !inside.every((file) => extname(file).toLowerCase() in imageTypes))
        scan.skipped.push(`${shown}/: a folder; chapters are the .md files directly in ${name(dir)}/`);
    } else if (entry.endsWith('.md') && !fileInside(contentDir, path)) {
      // A link to a file elsewhere (a co-author's pull request linking ~/.npmrc) would publish it.
      scan.problems.push(catalogue.ChapterOutside.message(shown, name(dir)));
    } else if (entry.startsWith('.')) {
      scan.skipped.push(`${shown}: a hidden file; rename it without the leading dot to make it a chapter`);
    } else if (/~$|\.(?:bak|swp|tmp)$/i.test(entry)) {
      scan.skipped.push(`${shown}: a backup file`);
    } else if (entry.endsWith('.md')) {
      scan.files.push(path);
    } else if (extname(entry).toLowerCase() in imageTypes) {
      // A picture beside the chapters that show it (`![](lake.jpg)`): published and checked with every picture.
      continue;
    } else if (/\.(?:md|markdown|mdown|mkd|txt|text)$/i.test(entry) || /\.md\.\w+$/i.test(entry)) {
      const stem = entry.replace(/(?:\.md)?\.\w+$/i, '');
      scan.problems.push(catalogue.NotMarkdownFile.message(shown, stem));
    } else if (documentFile.test(entry)) {
      scan.skipped.push(`${shown}: not a chapter file (chapters end in .md); import it as one: npm run import -- ${shown}`);
    } else {
      scan.skipped.push(`${shown}: not a chapter file (chapters end in .md)`);
    }
  }
  // A chapter saved beside story.md, or a document dropped there, is not published: said, with where it goes.
  for (const entry of readdirSync(contentDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const shown = name(join(contentDir, entry.name));
    if (besideStory(entry.name))
      scan.skipped.push(`${shown}: beside story.md, so not published; move it into ${name(dir)}/ to make it a chapter`);
    else if (documentFile.test(entry.name))
      scan.skipped.push(`${shown}: not published; import it as a chapter: npm run import -- ${shown}`);
  }
  return scan;
}

/** The files anywhere in a folder but those systems leave behind, by their path in it, in name order: read once for all that is asked of it. */
function filesInside(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && !systemFiles.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The chapter files in a folder of chapters, in file-name order (for tools that write chapters). */
export function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.md') && !entry.name.startsWith('.') && !entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** A Markdown file with frontmatter, split. */
export interface ContentFile {
  frontmatter: Record<string, unknown>;
  body: string;
  /** The line of the file the body starts on, so messages about the body give file lines. */
  bodyLine: number;
}

/** A file that cannot be read as a content file; the message names it (and the line). */
export class ContentFileError extends Error {
  override name = 'ContentFileError';
}

/** Invisible control characters that have no place in text (tab and line ends are fine). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;

/** The largest content file read: a whole long novel is a few MB; a file of gigabytes would fill memory before anything could be said. */
export const maxContentFileBytes = 20 * 1024 * 1024;

/**
 * Reads a content file: UTF-8 (a BOM is fine), no invisible control characters, frontmatter
 * as YAML between `---` lines. Dates stay as written, so the schema can refuse February 30th
 * rather than read it as March 2nd. `name` is how messages call the file.
 */
export function readContentFile(path: string, name: string = path): ContentFile {
  let bytes: Buffer;
  try {
    const { size } = statSync(path);
    if (size > maxContentFileBytes)
      throw new ContentFileError(
        `${name}: ${Math.round(size / 1024 / 1024).toLocaleString('en')} MB, more than any chapter holds (at most ${maxContentFileBytes / 1024 / 1024} MB, some 3 million words); split it into chapters`,
      );
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ContentFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentFileError(
      `${name}: ${code === 'EISDIR' ? 'a folder, not a file' : `cannot be read (${code ?? (error as Error).message})`}`,
    );
  }
  // Lines ended by a carriage return alone (classic Mac OS, some old exports) are lines as Markdown reads them, the frontmatter's too.
  const text = decodeUtf8(bytes, name).replace(/\r(?!\n)/g, '\n');
  const control = controlCharacter.exec(text);
  if (control) {
    const line = lineAt(text, control.index);
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new ContentFileError(`${name}:${line}: an invisible control character (U+${code}) is in the text; delete it`);
  }
  misplacedFrontmatter(text, name);
  return splitFrontmatter(text, name);
}

/**
 * A content file's frontmatter that is there but not read as one: opened by `---` and never
 * closed, begun below blank lines, or TOML between `+++` lines (Hugo's). Each would leave every key
 * unread ("title is required").
 */
function misplacedFrontmatter(text: string, name: string): void {
  if (frontmatterBlock(text).yaml !== undefined) return;
  if (/^\+\+\+[ \t]*\r?\n/.test(text)) {
    const [, key = 'title', value = '"Prologue"'] = /^\+\+\+[ \t]*\r?\n[ \t]*([\w-]+)[ \t]*=[ \t]*(.*\S)/.exec(text) ?? [];
    throw new ContentFileError(
      `${name}:1: the frontmatter is TOML, between +++ lines as Hugo writes it, and Quire reads YAML: make both +++ lines ---, and write each key = value as key: value (${key}: ${value})`,
    );
  }
  if (/^---[ \t]*\r?\n/.test(text)) {
    throw new ContentFileError(`${name}:1: the frontmatter opened by --- on line 1 is never closed; add a line of --- under its last key`);
  }
  const blank = /^(?:[ \t]*\r?\n)+(?=---[ \t]*\r?\n)/.exec(text)?.[0];
  if (blank && frontmatterBlock(text.slice(blank.length)).yaml !== undefined) {
    const lines = lineAt(blank, blank.length) - 1;
    throw new ContentFileError(
      `${name}:${lines + 1}: the frontmatter must begin on line 1; delete the ${lines === 1 ? 'blank line' : `${lines} blank lines`} above its ---`,
    );
  }
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  // UTF-16 with its byte order mark (Windows Notepad's "Unicode"): said for what it is, not as a code page.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16)
    throw new ContentFileError(
      `${name}:1: the file is UTF-16 (Notepad's "Unicode"), not UTF-8; save it as UTF-8 (Notepad: Save as, Encoding: UTF-8), or bring it in with npm run import, which converts it`,
    );
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const line = lineAt(new TextDecoder('utf-8').decode(body.subarray(0, Math.max(0, firstInvalidByte(body)))), Infinity);
    throw new ContentFileError(
      `${name}:${line}: the file is not UTF-8 (saved as Windows-1252 or Latin-1?); save it as UTF-8, or bring it in with npm run import, which converts it`,
    );
  }
}

/** Where UTF-8 first goes wrong: a byte that cannot start a character, or a sequence cut short. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    const follow =
      byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += follow + 1;
  }
  return 0;
}

/** A content file's frontmatter block (the YAML between its `---` lines) and the text after it; no YAML without one. */
export function frontmatterBlock(text: string): { yaml: string | undefined; body: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(text);
  return match && match.index === 0 ? { yaml: match[1]!, body: text.slice(match[0].length) } : { yaml: undefined, body: text };
}

/** Splits decoded text into its YAML frontmatter (checked, as `readContentFile` does) and its body. */
export function splitFrontmatter(text: string, name: string): ContentFile {
  const block = frontmatterBlock(text);
  if (block.yaml === undefined) return { frontmatter: {}, body: text, bodyLine: 1 };
  let data: unknown;
  try {
    // The core schema reads numbers, booleans and null, and leaves dates as the text written.
    data = yaml.load(block.yaml, { schema: yaml.CORE_SCHEMA, filename: name }) ?? {};
  } catch (error) {
    const mark = (error as yaml.YAMLException).mark;
    const where = mark ? `:${mark.line + 2}` : '';
    const fix = yamlFix(block.yaml.split(/\r?\n/), mark?.line, (error as yaml.YAMLException).reason ?? '');
    throw new ContentFileError(
      `${name}${where}: the frontmatter is not valid YAML: ${(error as yaml.YAMLException).reason ?? (error as Error).message}${fix ? `; ${fix}` : ''}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentFileError(`${name}: the frontmatter must be key: value lines, such as title: Prologue`);
  }
  if (exceedsValues(data, maxFrontmatterValues)) {
    throw new ContentFileError(
      `${name}: the frontmatter holds more than ${maxFrontmatterValues.toLocaleString('en')} values once its YAML aliases (*name) are read out; write each value where it belongs instead of repeating a list by alias`,
    );
  }
  droppedAsComment(block.yaml, name);
  return { frontmatter: data as Record<string, unknown>, body: block.body, bodyLine: lineAt(text, text.length - block.body.length) };
}

/**
 * More values than any story's frontmatter holds: YAML's aliases repeat a list by name, and a
 * few lines of lists of aliases of lists stand for billions of values ("a billion laughs"), which
 * everything that reads the values (the checks, the importer's record) would walk.
 */
const maxFrontmatterValues = 100_000;

/** Whether a value read from YAML holds more than `limit` values, each alias counted again as read out; stops counting there. */
function exceedsValues(value: unknown, limit: number): boolean {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (++count > limit) return true;
    const inside = Array.isArray(next) ? next : typeof next === 'object' && next !== null ? Object.values(next) : [];
    // One by one: a long list spread as arguments would overflow the call stack.
    for (const item of inside) stack.push(item);
  }
  return false;
}

/**
 * A value written on, unquoted, past " #" with a word right after it (`title: Drabble #3`,
 * `- Ficlet #12`): YAML reads the rest of the line as a comment and drops it, so the title
 * would silently lose it. A comment as comments are written, `# ` and words, is one.
 */
function droppedAsComment(yamlText: string, name: string): void {
  const lines = yamlText.split(/\r?\n/);
  // The lines of a block (`summary: |`), where a # is text.
  let block: number | undefined;
  for (const [index, line] of lines.entries()) {
    const indent = /^\s*/.exec(line)![0].length;
    if (block !== undefined && (line.trim() === '' || indent > block)) continue;
    block = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line) ? indent : undefined;
    const found = /^(\s*(?:-[ \t]+)?(?:[\w.-]+:[ \t]+)?)([^\s'"[{|>&*!#%@`-][^#]*?|-\S[^#]*?)[ \t]+#(\S.*)$/.exec(line);
    if (!found || (found[1]!.trim() === '' && !line.trimStart().startsWith('-'))) continue;
    const [, lead, value, after] = found as unknown as [string, string, string, string];
    const whole = `${value} #${after}`.trim();
    throw new ContentFileError(
      `${name}:${index + 2}: “#${after}” after ${value.trim()} is read as a YAML comment and dropped; if it is part of the value, put the value in quotes: ${lead.trim() ? `${lead.trim()} ` : ''}"${whole.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" (a comment has a space after its #)`,
    );
  }
}

/** A frontmatter line's key and value (`title: The Lake`), or undefined for any other line. */
const keyLine = (line: string | undefined) => /^\s*([\w.-]+):[ \t]+(.*?)\s*$/.exec(line ?? '') ?? undefined;

/**
 * How to mend the YAML mistakes authors make, told from the lines up to the one the parser stopped
 * at (0-based within the frontmatter): a value holding ": " unquoted (a title such as Chapter 1:
 * The Lake), quotes closed by an apostrophe or a quote inside them, a key given twice, a tab
 * for indentation, a value carried on to a line of its own. Empty when the mistake is another.
 */
export function yamlFix(lines: string[], at: number | undefined, reason: string): string {
  const upTo = lines.slice(0, (at ?? lines.length - 1) + 1).reverse();
  const quoted = (key: string, value: string) =>
    value.includes('"') && !value.includes("'") ? `${key}: '${value}'` : `${key}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (/duplicated mapping key/.test(reason) && at !== undefined) {
    const key = keyLine(lines[at])?.[1] ?? /^\s*([\w.-]+):/.exec(lines[at] ?? '')?.[1];
    const first = lines.findIndex((line) => key !== undefined && new RegExp(`^\\s*${RegExp.escape(key)}:`).test(line));
    if (key && first >= 0 && first !== at) return `${key} is given twice, on lines ${first + 2} and ${at + 2}: keep one`;
  }
  if (/tab characters/.test(reason) && at !== undefined) return `indent with spaces, not a tab, or not at all: ${lines[at]!.trim()}`;
  for (const line of upTo) {
    const found = keyLine(line);
    if (!found) continue;
    const [, key, value] = found as unknown as [string, string, string];
    // 'It's here': the apostrophe ends the quotes; "The "Best" day": so does the inner quote.
    const single = /^'(.*)'$/.exec(value)?.[1];
    if (single !== undefined && /(?<!')'(?!')/.test(single.replace(/''/g, '')))
      return `an apostrophe inside '…' ends them: ${quoted(key, single)}`;
    const double = /^"(.*)"$/.exec(value)?.[1];
    if (double !== undefined && /(?<!\\)"/.test(double)) return `a quote inside "…" ends them: ${quoted(key, double.replace(/\\"/g, '"'))}`;
    if (/^[^\s"'|>[{]/.test(value) && /:\s/.test(value)) return `put a value holding ": " in quotes: ${quoted(key, value)}`;
    break;
  }
  // A value carried on to the next line, where a ": " reads as a key of its own.
  const line = at !== undefined ? lines[at] : undefined;
  const above =
    at !== undefined
      ? keyLine(
          lines
            .slice(0, at)
            .reverse()
            .find((before) => before.trim() !== '' && !/^\s/.test(before)),
        )
      : undefined;
  if (line && /^\s+\S/.test(line) && above && above[2] !== '' && !/^[|>]/.test(above[2]!)) {
    return `to carry ${above[1]} over several lines, write ${above[1]}: | and put each of its lines below, indented by two spaces`;
  }
  return '';
}

/** The 1-based line of `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(index, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Pictures the site and the EPUB can carry: every reading system shows these. */
export const imageTypes: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * Whether `path` is a file really inside `root`, links followed: a picture linked in from
 * elsewhere (or through a linked folder) is not, nor is a link that leads nowhere or in a circle.
 */
export function fileInside(root: string, path: string): boolean {
  try {
    const real = realpathSync(path);
    return real.startsWith(`${realpathSync(root)}${sep}`) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds a picture the author refers to, in the content folder: `images/lake.jpg` (from the
 * folder), `../images/lake.jpg` (from the chapter file, as an editor previews it) or
 * `/images/lake.jpg` (from the folder as the site's root, as Jekyll and Hugo write it). Gives
 * its path in the content folder, or what is wrong.
 */
export function imageLookup(contentDir: string): (src: string) => { path: string } | { problem: string } {
  const root = resolve(contentDir);
  // Each folder listed once a lookup, however many pictures a story shows from it.
  const listings = new Map<string, string[] | undefined>();
  const listing = (dir: string) => {
    if (!listings.has(dir)) {
      try {
        listings.set(dir, readdirSync(dir));
      } catch {
        listings.set(dir, undefined);
      }
    }
    return listings.get(dir);
  };
  return (src) => {
    const type = imageTypes[extname(src).toLowerCase()];
    const fromRoot = src.startsWith('/') ? `.${src}` : src;
    const candidates = [resolve(root, fromRoot), resolve(chaptersDir(root), src)].filter((path) => path.startsWith(`${root}${sep}`));
    const found = candidates.find((path) => fileInside(root, path));
    // Named in another case than the file's (Map.png for map.png): a Mac or Windows finds it, the machine that builds the site does not.
    const written = (path: string) => relative(root, path).split(sep).join('/');
    const onDisk = (found ? [found] : candidates)
      .map((path) => ({ written: written(path), onDisk: namedOnDisk(root, path, listing) }))
      .find((name) => name.onDisk !== undefined);
    if (onDisk && onDisk.onDisk !== onDisk.written) return { problem: catalogue.PictureCase.message(src, onDisk.onDisk!) };
    if (!found) {
      return { problem: catalogue.PictureOutside.message(src, join(basename(root), 'images'), basename(src)) };
    }
    if (!type) return { problem: catalogue.PictureType.message(src) };
    return { path: written(found) };
  };
}

/** A path inside `root` as the names on disk spell it (`images/map.png` for `images/Map.png`), or undefined where a name is on no file there. */
function namedOnDisk(root: string, path: string, listing: (dir: string) => string[] | undefined): string | undefined {
  const names: string[] = [];
  let dir = root;
  for (const name of relative(root, path).split(sep)) {
    const entries = listing(dir);
    if (!entries) return undefined;
    const onDisk = entries.includes(name) ? name : entries.find((entry) => entry.toLowerCase() === name.toLowerCase());
    if (onDisk === undefined) return undefined;
    names.push(onDisk);
    dir = join(dir, onDisk);
  }
  return names.join('/');
}

/**
 * Every picture in the content folder, by its path there (`images/lake.jpg`): each is
 * published (the site and the EPUB carry them), so each is checked. Hidden folders are left
 * out, and so is anything a link brings in from outside the folder.
 */
export function pictureFiles(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => extname(entry.name).toLowerCase() in imageTypes && !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => fileInside(contentDir, path))
    .map((path) => relative(contentDir, path).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** The most pixels a picture may have: far beyond any screen or page, far below what exhausts a build. */
export const maxPicturePixels = 40_000_000;

/**
 * What is wrong with the pictures in the content folder, each naming the file: an SVG that
 * would run a script or load from elsewhere, a file that is not the picture its name says (or
 * is damaged), a picture too large to process.
 */
export async function pictureProblems(contentDir: string, name: (path: string) => string): Promise<string[]> {
  const problems: string[] = [];
  for (const picture of pictureFiles(contentDir)) {
    const path = join(contentDir, picture);
    const shown = name(path);
    if (extname(picture).toLowerCase() === '.svg') {
      try {
        const threats = svgThreats(readFileSync(path, 'utf8'));
        if (threats.length > 0) {
          problems.push(catalogue.PictureRuns.message(shown, threats));
        }
      } catch (error) {
        problems.push(catalogue.UnreadableSvg.message(shown, (error as Error).message));
      }
      continue;
    }
    // Loaded with the first picture to read: a story without any, and every command, starts without it.
    const { default: sharp } = await import('sharp');
    try {
      // Read from the file's header only: the pixels are not decoded here.
      const { width = 0, height = 0, format } = await sharp(path, { limitInputPixels: false }).metadata();
      const named = imageTypes[extname(picture).toLowerCase()]!.slice('image/'.length);
      if (format !== named) {
        problems.push(catalogue.PictureMisnamed.message(shown, format, named));
      } else if (width * height > maxPicturePixels) {
        problems.push(catalogue.PictureTooLarge.message(shown, width, height, maxPicturePixels));
      }
    } catch {
      problems.push(catalogue.NotAPicture.message(shown));
    }
  }
  return problems;
}

/** What the build's set-up needs from `story.md` before the story is read. */
export interface StoryBasics {
  language: string;
  labels: Record<string, Message>;
  /** `remoteImages: allow`: the pages' policy lets pictures load from other sites. */
  remoteImages: boolean;
}

/**
 * Every chapter's old addresses (`aliases`), as far as the chapter files give them soundly: the
 * pages at them send readers on, and the sitemap leaves them out. A file that cannot be read
 * gives none (the story check reports it, with the file and the field).
 */
export function chapterAliases(contentDir: string): string[] {
  return scanChapters(contentDir).files.flatMap((path) => {
    try {
      const aliases = chapterSchema.shape.aliases.safeParse(readContentFile(path).frontmatter.aliases);
      return aliases.success ? aliases.data : [];
    } catch {
      return [];
    }
  });
}

/**
 * The story's language, labels and picture policy, as far as `story.md` gives them soundly;
 * the defaults otherwise (a broken `story.md` is reported by the story check, with the file
 * and the field, not here).
 */
export function storyBasics(contentDir: string): StoryBasics {
  let frontmatter: Record<string, unknown> = {};
  try {
    frontmatter = readContentFile(storyFile(contentDir)).frontmatter;
  } catch {
    // missing or unreadable: the story check says so
  }
  const { shape } = storyFields;
  const language = shape.language.safeParse(frontmatter.language);
  const labels = shape.labels.safeParse(frontmatter.labels);
  return {
    language: language.success ? language.data : 'en',
    labels: labels.success ? labels.data : {},
    remoteImages: shape.remoteImages.safeParse(frontmatter.remoteImages).data === 'allow',
  };
}
