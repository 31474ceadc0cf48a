import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/**
 * The content folder as files: which files are chapters and how a file's frontmatter is
 * read. The build's content collections, `npm run check`, the importer and the benchmark
 * all read the story through here, so they agree on what it holds.
 */

/** `story.md` in a content folder. */
export function storyFile(contentDir: string): string {
  return join(contentDir, 'story.md');
}

/** The folder of chapter files in a content folder. */
export function chaptersDir(contentDir: string): string {
  return join(contentDir, 'chapters');
}

/** The chapter files of a content folder, in file-name order: `chapters/*.md`. */
export function chapterFiles(contentDir: string): string[] {
  return markdownFiles(chaptersDir(contentDir));
}

/** The chapter files in a folder of chapters, in file-name order. */
export function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

/** A chapter's id: its file name without `.md`. */
export function chapterId(file: string): string {
  return basename(file, '.md');
}

/** A Markdown file with frontmatter, split. */
export interface ContentFile {
  frontmatter: Record<string, unknown>;
  body: string;
}

/** A file that cannot be read as a content file; the message names it. */
export class ContentFileError extends Error {
  override name = 'ContentFileError';
}

/** Reads a Markdown file's frontmatter (YAML) and body; `name` is how messages call the file. */
export function readContentFile(path: string, name: string = path): ContentFile {
  const text = readFileSync(path, 'utf8');
  try {
    const { frontmatter, content } = parseFrontmatter(text);
    return { frontmatter: frontmatter as Record<string, unknown>, body: content };
  } catch (error) {
    throw new ContentFileError(`${name}: the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}
