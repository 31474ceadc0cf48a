import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { chapterSchema, inTimeZone, schemaProblems, storySchema, type ChapterData, type StoryData } from '../core/schema.ts';
import { problems as catalogue } from '../core/problems.ts';
import { scheduleWarnings } from '../core/schedule.ts';
import { partOrder, readTitle } from '../core/chapter-labels.ts';
import {
  chapterWarnings,
  publishesNothing,
  slugOf,
  storyWarnings,
  languageWarnings,
  validateStory,
  type ChapterSource,
  type RenderedText,
  type StorySource,
} from '../core/story.ts';
import { noteIdPrefixes, type Rendered } from '../markdown/render.ts';
import { renderJobs, type RenderContext, type RenderJob } from './render-pool.ts';
import { renderCacheDir, renderedText } from './stored-text.ts';
import {
  besideStory,
  chapterId,
  ContentFileError,
  fileInside,
  imageLookup,
  pictureProblems,
  readContentFile,
  scanChapters,
  storyFile,
  type ContentFile,
} from './content-files.ts';

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
  /** The build's "now" (`BUILD_DATE`), for what the schedule shows readers. */
  now: Date;
  /** `npm run dev`'s preview, where drafts and scheduled chapters show: nothing out yet is no problem there. */
  preview?: boolean;
  /** Paths in messages are relative to this folder (the project). */
  cwd?: string;
  /** Where rendered Markdown is kept for the next build (Astro's cache folder); none: render everything. */
  cacheDir?: string | undefined;
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
  // A file's name as problems print it, one line each: a control character in it (a newline in a
  // name a pull request brought) is shown escaped, never as a line of its own.
  const name = (path: string) => shownPath(relative(cwd, path) || path);
  const problems: string[] = [];
  const warnings: string[] = [];
  // A content folder that is not there (CONTENT_DIR or --content mistyped): one problem, not a missing story.md and chapters.
  if (!existsSync(contentDir)) {
    return { story: undefined, chapters: [], problems: [catalogue.NoContentFolder.message(name(contentDir))], warnings, chapterFiles: 0 };
  }

  const scan = scanChapters(contentDir, name);
  problems.push(...scan.problems);
  warnings.push(...scan.skipped.map((skipped) => `skipped ${skipped}`));

  const storyExists = existsSync(storyFile(contentDir));
  const storyOutside = storyExists && !fileInside(contentDir, storyFile(contentDir)) && !statSync(storyFile(contentDir)).isDirectory();
  if (storyOutside) problems.push(catalogue.StoryOutside.message(name(storyFile(contentDir))));
  const story = storyExists && !storyOutside ? readChecked<StoryData>(storyFile(contentDir), name, storySchema, problems) : undefined;
  const chapters = scan.files.flatMap((path) => {
    const chapter = readChecked<ChapterData>(path, name, chapterSchema, problems);
    // A date written without a zone is the story's time zone's (UTC when story.md names none).
    return chapter ? [{ ...chapter, data: inTimeZone(chapter.data, chapter.file.frontmatter, story?.data.timeZone) }] : [];
  });

  // Links may name a chapter by its file name or its slug; both lead to the slug.
  const slugs = new Map<string, string>();
  for (const chapter of chapters) {
    const id = chapterId(chapter.path);
    slugs.set(id, slugOf({ id, data: chapter.data }));
    slugs.set(slugOf({ id, data: chapter.data }), slugOf({ id, data: chapter.data }));
  }
  // A chapter file that could not be read is reported once, not again by every link to it.
  for (const path of scan.files) if (!slugs.has(chapterId(path))) slugs.set(chapterId(path), chapterId(path));

  problems.push(...(await pictureProblems(contentDir, name)));
  const images = imageLookup(contentDir);
  const render = renderAll(
    {
      base: options.base,
      chapters: [...slugs],
      language: story?.data.language ?? 'en',
      labels: story?.data.labels ?? {},
      contentDir,
      remoteImages: story?.data.remoteImages === 'allow',
      quotes: story?.data.quotes,
    },
    problems,
    warnings,
  );

  // Every piece of Markdown is queued first, then rendered together (cached, on every core).
  const optional = (file: ReadFile<unknown>, markdown: string | undefined, prefix: string, field: string) =>
    markdown === undefined ? undefined : render.note(file, markdown, prefix, field);
  const storyParts = story && {
    summary: render.note(story, story.file.body, noteIdPrefixes.summary, 'the summary'),
    notes: optional(story, story.data.notes, noteIdPrefixes.workNotes, 'notes'),
    endNotes: optional(story, story.data.endNotes, noteIdPrefixes.workEndNotes, 'endNotes'),
  };
  const chapterParts = chapters.map((chapter) => ({
    chapter,
    body: render.chapter(chapter),
    summary: optional(chapter, chapter.data.summary, noteIdPrefixes.chapterSummary, 'summary'),
    authors: optional(chapter, chapter.data.authorsNote, noteIdPrefixes.authors, 'authorsNote'),
    end: optional(chapter, chapter.data.endNote, noteIdPrefixes.end, 'endNote'),
    revision: optional(chapter, chapter.data.revisionNote, noteIdPrefixes.revision, 'revisionNote'),
  }));
  await render.run(options.cacheDir && renderCacheDir(options.cacheDir));

  const storySource: StorySource | undefined = story && {
    filePath: story.name,
    data: story.data,
    summary: await storyParts!.summary,
    notes: await storyParts!.notes,
    endNotes: await storyParts!.endNotes,
  };
  if (story?.data.cover !== undefined) {
    const found = images(story.data.cover);
    if ('problem' in found) problems.push(catalogue.CoverProblem.message(story.name, found.problem));
  }
  const chapterSources: ChapterSource[] = await Promise.all(
    chapterParts.map(async ({ chapter, body, summary, authors, end, revision }) => ({
      id: chapterId(chapter.path),
      filePath: chapter.name,
      data: chapter.data,
      body: await body,
      notes: { summary: await summary, authors: await authors, end: await end, revision: await revision },
    })),
  );

  // One problem, one message: a story.md or chapter file that failed its own checks is
  // reported once, not again as missing.
  const found = validateStory(storySource ? [storySource] : [], chapterSources).filter(
    (problem) =>
      !(problem === catalogue.MissingStory.message() && storyExists) &&
      !(problem === catalogue.NoChapters.message() && scan.files.length > 0),
  );
  problems.push(...misplaced(found, contentDir, name));
  if (storySource && chapterSources.length > 0 && !options.preview && publishesNothing(chapterSources, options.now)) {
    problems.push(catalogue.NothingToPublish.message(storySource.filePath));
  }
  warnings.push(...chapterSources.flatMap(chapterWarnings));
  // What is said of the chapters together (a gap in the numbers, the schedule) would mislead
  // while a file is missing from them.
  if (storySource && chapterSources.length === scan.files.length) {
    warnings.push(
      ...storyWarnings(chapterSources),
      ...languageWarnings(storySource, chapterSources),
      ...scheduleWarnings(storySource, chapterSources, options.now),
    );
  }
  return { story: storySource, chapters: chapterSources, problems, warnings, chapterFiles: scan.files.length };
}

/**
 * story.md and chapters/ under another case (`Story.md`, `Chapters/`), which a Mac or Windows
 * finds and the Linux machine that builds the site does not: an error wherever it is checked.
 * Chapter files beside story.md instead of in chapters/ are said in place of "no chapters".
 */
function misplaced(found: string[], contentDir: string, name: (path: string) => string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(contentDir, { withFileTypes: true });
  } catch {
    return found;
  }
  const names = new Set(entries.map((entry) => entry.name));
  const cased = (exact: string, isKind: (entry: import('node:fs').Dirent) => boolean) =>
    names.has(exact) ? undefined : entries.find((entry) => isKind(entry) && entry.name.toLowerCase() === exact);
  const story = cased('story.md', (entry) => entry.isFile());
  const chapters = cased('chapters', (entry) => entry.isDirectory());
  const beside = entries.filter((entry) => entry.isFile() && besideStory(entry.name));
  const problems = found.filter((problem) => {
    if (problem === catalogue.MissingStory.message()) return !story;
    if (problem === catalogue.NoChapters.message()) return !chapters && beside.length === 0;
    return true;
  });
  if (story) problems.unshift(catalogue.StoryMisnamed.message(name(join(contentDir, story.name))));
  if (chapters)
    problems.unshift(catalogue.ChaptersMisplaced.message(`${name(join(contentDir, chapters.name))}/ is there: rename the folder chapters`));
  else if (beside.length > 0 && found.includes(catalogue.NoChapters.message()))
    problems.unshift(
      catalogue.ChaptersMisplaced.message(
        `${beside.length === 1 ? `${beside[0]!.name} is` : `${beside.length} Markdown files are`} beside story.md: move ${beside.length === 1 ? 'it' : 'them'} into ${name(join(contentDir, 'chapters'))}/`,
      ),
    );
  return problems;
}

/**
 * For a chapter without an order, the order its file name (`07-arrival.md`, `chapter-7.md`,
 * `ch07.md`) or its title ("Chapter 7: Arrival") gives, as the order to write.
 */
function orderHint(path: string, problem: string, frontmatter: Record<string, unknown>): string {
  if (!problem.startsWith('order: order is required')) return '';
  const stem = basename(path).replace(/\.md$/i, '');
  const named = /^(\d+)(?=[-_. ]|$)/.exec(stem)?.[1] ?? /^\p{L}+[-_ ]?(\d+)$/u.exec(stem)?.[1];
  if (named !== undefined) return `; the file name says ${named}: order: ${Number(named)}`;
  const read = typeof frontmatter.title === 'string' ? readTitle(frontmatter.title) : undefined;
  const titled = read?.number;
  if (titled === undefined || !/^\d+$/.test(titled)) return '';
  // A part of a chapter ("Chapter 7, Part 2") goes after it and before the next: 7.02.
  const part = read?.part && /^\d{1,2}$/.test(read.part.number) ? Number(read.part.number) : undefined;
  const order = part ? partOrder(Number(titled), part) : Number(titled);
  return `; the title says ${titled}${part ? `, part ${part}` : ''}: order: ${order}`;
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
    problems.push(
      ...found.map((problem) => `${name(path)}: ${problem}${schema === chapterSchema ? orderHint(path, problem, file.frontmatter) : ''}`),
    );
    return undefined;
  }
  return { path, name: name(path), file, data: schema.parse(file.frontmatter) as T };
}

/**
 * Rendering that reports each problem with its file and line (or field). Pieces are queued
 * (`chapter`, `note` give promises), then `run` renders them all at once: see render-pool.ts.
 */
function renderAll(context: RenderContext, problems: string[], warnings: string[]) {
  const queued: { job: RenderJob; done: (rendered: Rendered & { key: string | undefined }) => void }[] = [];
  const report = (rendered: Rendered & { key: string | undefined }, where: (line: number | undefined) => string): RenderedText => {
    for (const problem of rendered.problems) problems.push(`${where(problem.line)}: ${problem.message}`);
    for (const notice of rendered.notices) warnings.push(`${where(notice.line)}: ${notice.message}`);
    return renderedText(rendered, rendered.key);
  };
  const queue = (job: RenderJob, where: (line: number | undefined) => string) =>
    new Promise<RenderedText>((resolve) => queued.push({ job, done: (rendered) => resolve(report(rendered, where)) }));
  return {
    chapter(chapter: ReadFile<unknown>): Promise<RenderedText> {
      return queue(
        { kind: 'chapter', markdown: chapter.file.body },
        (line) => `${chapter.name}${line === undefined ? '' : `:${chapter.file.bodyLine + line - 1}`}`,
      );
    },
    note(file: ReadFile<unknown>, markdown: string, idPrefix: string, field: string): Promise<RenderedText> {
      return queue(
        { kind: 'note', markdown, idPrefix },
        field === 'the summary'
          ? (line) => `${file.name}${line === undefined ? '' : `:${file.file.bodyLine + line - 1}`}`
          : (line) => `${file.name}: ${field}${line === undefined ? '' : `, line ${line}`}`,
      );
    },
    async run(cacheDir: string | undefined): Promise<void> {
      const results = await renderJobs(
        context,
        queued.map(({ job }) => job),
        cacheDir,
      );
      queued.forEach(({ done }, index) => done(results[index]!));
    },
  };
}

/** Characters that break a line of output or are not shown: C0 and C1 controls, line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A path with its control characters escaped (`\n`, `\u0007`): printable on one line, never read as another line of output. */
function shownPath(path: string): string {
  const short: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return path.replace(unprintable, (character) => short[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
