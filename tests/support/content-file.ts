import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** A content file as an author opens it (what the importer writes): its frontmatter and its text. */
export function parseContentFile(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a content file:\n${text}`);
  return { front: yaml.load(match[1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>, body: match[2]!.trimEnd() };
}

/** A chapter file: its frontmatter lines (each ending in a newline) and its text. */
export function chapterFile(front: string, text: string): string {
  return `---\n${front}---\n\n${text}\n`;
}

/** Writes a story's files into `dir` (story.md, and each chapter under chapters/); returns `dir`. */
export function writeStory(dir: string, storyMd: string, chapters: Record<string, string>): string {
  mkdirSync(join(dir, 'chapters'), { recursive: true });
  writeFileSync(join(dir, 'story.md'), storyMd);
  for (const [file, text] of Object.entries(chapters)) writeFileSync(join(dir, 'chapters', file), text);
  return dir;
}
