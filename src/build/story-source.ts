import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { chapterSchema, schemaProblems, storySchema, type ChapterData, type StoryData } from '../core/schema.ts';
import {
  noChapters,
  slugOf,
  storyWarnings,
  validateStory,
  type ChapterSource,
  type RenderedText,
  type StorySource,
} from '../core/story.ts';
import { createRenderer, noteIdPrefixes, type Rendered, type Renderer } from '../markdown/render.ts';
import { stringsFor } from '../shared/i18n/index.ts';
import { chapterId, ContentFileError, imageLookup, readContentFile, scanChapters, storyFile, type ContentFile } from './content-files.ts';

/** The content folder, read, checked and rendered: what the build publishes and `npm run check` reports. */
export interface StoryReading {
  story: StorySource | undefined;
  /** Chapters whose file and frontmatter are sound, rendered. */
  chapters: ChapterSource[];
  /** What stops the build, each naming the file (and field or line) and the fix. */
  problems: string[];
  /** What the author should know: files skipped, and the story warnings. */
  warnings: string[];
  /** How many chapter files there are, sound or not. */
  chapterFiles: number;
}

export interface ReadOptions {
  /** The site's base path, for links between chapters. */
  base: string;
  /** Paths in messages are relative to this folder (the project). */
  cwd?: string;
}

interface ReadFile<T> {
  path: string;
  name: string;
  file: ContentFile;
  data: T;
}

/**
 * Reads `story.md` and every chapter file, checks each against its schema and the story as
 * a whole, and renders all the author's Markdown (texts, notes, summary) through the one
 * pipeline, collecting every problem rather than stopping at the first.
 */
export async function readStory(contentDir: string, options: ReadOptions): Promise<StoryReading> {
  const cwd = options.cwd ?? process.cwd();
  const name = (path: string) => relative(cwd, path) || path;
  const problems: string[] = [];
  const warnings: string[] = [];

  const scan = scanChapters(contentDir, name);
  problems.push(...scan.problems);
  warnings.push(...scan.skipped.map((skipped) => `skipped ${skipped}`));

  const story = existsSync(storyFile(contentDir)) ? readChecked<StoryData>(storyFile(contentDir), name, storySchema, problems) : undefined;
  const chapters = scan.files.flatMap((path) => readChecked<ChapterData>(path, name, chapterSchema, problems) ?? []);

  // Links may name a chapter by its file name or its slug; both lead to the slug.
  const slugs = new Map<string, string>();
  for (const chapter of chapters) {
    const id = chapterId(chapter.path);
    slugs.set(id, slugOf({ id, data: chapter.data }));
    slugs.set(slugOf({ id, data: chapter.data }), slugOf({ id, data: chapter.data }));
  }
  // A chapter file that could not be read is reported once, not again by every link to it.
  for (const path of scan.files) if (!slugs.has(chapterId(path))) slugs.set(chapterId(path), chapterId(path));

  const t = stringsFor(story?.data.language ?? 'en', story?.data.labels);
  const images = imageLookup(contentDir);
  const renderer = createRenderer({ base: options.base, chapters: slugs, t, image: images });
  const render = renderAll(renderer, problems);

  const optional = (file: ReadFile<unknown>, markdown: string | undefined, prefix: string, field: string) =>
    markdown === undefined ? undefined : render.note(file, markdown, prefix, field);
  const storySource: StorySource | undefined = story && {
    filePath: story.name,
    data: story.data,
    summary: await render.note(story, story.file.body, noteIdPrefixes.summary, 'the summary'),
    notes: await optional(story, story.data.notes, noteIdPrefixes.workNotes, 'notes'),
    endNotes: await optional(story, story.data.endNotes, noteIdPrefixes.workEndNotes, 'endNotes'),
  };
  if (story?.data.cover !== undefined) {
    const found = images(story.data.cover);
    if ('problem' in found) problems.push(`${story.name}: cover: ${found.problem}`);
  }
  const chapterSources: ChapterSource[] = await Promise.all(
    chapters.map(async (chapter) => ({
      id: chapterId(chapter.path),
      filePath: chapter.name,
      data: chapter.data,
      body: await render.chapter(chapter),
      notes: {
        summary: await optional(chapter, chapter.data.summary, noteIdPrefixes.chapterSummary, 'summary'),
        authors: await optional(chapter, chapter.data.authorsNote, noteIdPrefixes.authors, 'authorsNote'),
        end: await optional(chapter, chapter.data.endNote, noteIdPrefixes.end, 'endNote'),
      },
    })),
  );

  const found = validateStory(storySource ? [storySource] : [], chapterSources);
  // When every chapter file failed its own checks, those problems are listed; "no chapters" would mislead.
  problems.push(...(scan.files.length > 0 ? found.filter((problem) => problem !== noChapters) : found));
  warnings.push(...storyWarnings(chapterSources));
  const expected = story?.data.expectedChapters;
  if (expected !== undefined && chapterSources.length > expected) {
    warnings.push(`${story!.name}: expectedChapters is ${expected}, but there are ${chapterSources.length} chapters; raise it`);
  }
  return { story: storySource, chapters: chapterSources, problems, warnings, chapterFiles: scan.files.length };
}

/** Reads a content file and checks its frontmatter, adding any problem (with the file's name) to `problems`. */
function readChecked<T>(
  path: string,
  name: (path: string) => string,
  schema: typeof storySchema | typeof chapterSchema,
  problems: string[],
): ReadFile<T> | undefined {
  let file: ContentFile;
  try {
    file = readContentFile(path, name(path));
  } catch (error) {
    if (!(error instanceof ContentFileError)) throw error;
    problems.push(error.message);
    return undefined;
  }
  const found = schemaProblems(schema, file.frontmatter);
  if (found.length > 0) {
    problems.push(...found.map((problem) => `${name(path)}: ${problem}`));
    return undefined;
  }
  return { path, name: name(path), file, data: schema.parse(file.frontmatter) as T };
}

/** Rendering that reports each problem with its file and line (or field). */
function renderAll(renderer: Renderer, problems: string[]) {
  const report = (rendered: Rendered, where: (line: number | undefined) => string): RenderedText => {
    for (const problem of rendered.problems) problems.push(`${where(problem.line)}: ${problem.message}`);
    return { html: rendered.html, text: rendered.text, footnotes: rendered.footnotes, paragraphs: rendered.paragraphs };
  };
  return {
    async chapter(chapter: ReadFile<unknown>): Promise<RenderedText> {
      const rendered = await renderer.chapter(chapter.file.body);
      return report(rendered, (line) => `${chapter.name}${line === undefined ? '' : `:${chapter.file.bodyLine + line - 1}`}`);
    },
    async note(file: ReadFile<unknown>, markdown: string, idPrefix: string, field: string): Promise<RenderedText> {
      const rendered = await renderer.note(markdown, idPrefix);
      if (field === 'the summary') {
        return report(rendered, (line) => `${file.name}${line === undefined ? '' : `:${file.file.bodyLine + line - 1}`}`);
      }
      return report(rendered, (line) => `${file.name}: ${field}${line === undefined ? '' : `, line ${line}`}`);
    },
  };
}
