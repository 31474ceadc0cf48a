import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { z } from 'astro/zod';
import { chapterFiles, chapterId, ContentFileError, readContentFile, storyFile } from '../build/content-files.ts';
import { readEnv } from '../build/env.ts';
import { chapterSchema, storySchema } from '../core/schema.ts';
import { missingStory, noChapters, storyWarnings, validateChapters, type ChapterSource } from '../core/story.ts';

/**
 * `npm run check`: validates the story without building it: each file's frontmatter
 * against the schema, then the story as a whole (the same checks the build runs), then
 * warnings an author would want. Exits non-zero on any error.
 */

type Parsed<T> = { ok: true; value: T } | { ok: false };

function readEntry<S extends z.ZodType>(file: string, schema: S, problems: string[]): Parsed<{ body: string; data: z.infer<S> }> {
  const name = relative(process.cwd(), file) || file;
  let parsed;
  try {
    parsed = readContentFile(file, name);
  } catch (error) {
    if (!(error instanceof ContentFileError)) throw error;
    problems.push(error.message);
    return { ok: false };
  }
  const result = schema.safeParse(parsed.frontmatter);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${name}: ${issue.path.join('.') || 'frontmatter'}: ${issue.message}`);
    return { ok: false };
  }
  return { ok: true, value: { body: parsed.body, data: result.data } };
}

function main(): number {
  const { contentDir } = readEnv();
  const problems: string[] = [];
  const chapters: ChapterSource[] = [];

  const story = storyFile(contentDir);
  if (existsSync(story)) readEntry(story, storySchema, problems);
  else problems.push(missingStory);
  const files = chapterFiles(contentDir);
  if (files.length === 0) problems.push(noChapters);
  for (const file of files) {
    const chapter = readEntry(file, chapterSchema, problems);
    if (chapter.ok) chapters.push({ id: chapterId(file), filePath: relative(process.cwd(), file), ...chapter.value });
  }
  // The checks the build runs on the story as a whole, over the chapters that passed their schema.
  problems.push(...validateChapters(chapters, files.map(chapterId)));
  const warnings = storyWarnings(chapters);

  for (const problem of problems) console.error(`error    ${problem}`);
  for (const warning of warnings) console.warn(`warning  ${warning}`);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${count(files.length, 'chapter file')} in ${relative(process.cwd(), contentDir) || '.'}: ${count(problems.length, 'error')}, ${count(warnings.length, 'warning')}`;
  if (problems.length > 0) {
    console.error(`✗ ${summary}`);
    return 1;
  }
  console.log(`✓ ${summary}`);
  return 0;
}

process.exitCode = main();
