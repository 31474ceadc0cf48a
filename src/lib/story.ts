import type { ChapterData, StoryData } from './schema';
import { reservedSlugs } from './schema';
import { countWords, markdownToPlainText } from './text';

/** A chapter file as the content collection hands it over. */
export interface ChapterSource {
  /** The file name without `.md`. */
  id: string;
  /** Path of the file, for messages. */
  filePath: string;
  /** The Markdown body. */
  body: string;
  data: ChapterData;
}

/** `story.md` as the content collection hands it over. */
export interface StorySource {
  filePath: string;
  body: string;
  data: StoryData;
}

/** A chapter ready to render. */
export interface Chapter {
  /** Collection entry id (the file name without `.md`), for `render()`. */
  id: string;
  /** URL segment: `/<slug>/`. */
  slug: string;
  filePath: string;
  title: string;
  order: number;
  authorsNote: string | undefined;
  endNote: string | undefined;
  published: Date | undefined;
  draft: boolean;
  /** The chapter text without markup, for word counts, descriptions and feeds. */
  text: string;
  words: number;
}

/** The story as readers see it in this build. */
export interface Story {
  meta: StoryData;
  /** The summary, as Markdown. */
  summary: string;
  /** Chapters a reader can open, in reading order. */
  chapters: Chapter[];
  /** Total words of those chapters. */
  words: number;
  /** The newest `published` date among them, if any has one. */
  updated: Date | undefined;
  /** The earliest release date of a chapter still scheduled, if any. */
  nextRelease: Date | undefined;
}

export interface AssembleOptions {
  /** The build's "now": chapters published after it are held back. */
  now: Date;
  /** Include drafts (in `npm run dev`). */
  includeDrafts: boolean;
}

/** Thrown when the content cannot make a sound site; lists every problem, each naming its file. */
export class StoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`The story has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StoryError';
  }
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks the content as a whole (what a per-file schema cannot see) and returns the
 * story in reading order, without drafts (unless asked) or chapters scheduled for later.
 */
export function assembleStory(
  storySources: StorySource[],
  chapterSources: ChapterSource[],
  options: AssembleOptions,
): Story {
  const problems = validateStory(storySources, chapterSources);
  if (problems.length > 0) throw new StoryError(problems);
  const [story] = storySources as [StorySource];

  const all = chapterSources.map(toChapter).sort(byReadingOrder);
  const visible = all.filter((chapter) => options.includeDrafts || !chapter.draft);
  const released = visible.filter((chapter) => !isScheduled(chapter, options.now));
  if (released.length === 0) {
    throw new StoryError([
      `${story.filePath}: no chapter is ready to publish yet (every chapter is a draft or scheduled for later)`,
    ]);
  }
  const scheduled = visible.filter((chapter) => isScheduled(chapter, options.now));

  return {
    meta: story.data,
    summary: story.body.trim(),
    chapters: released,
    words: released.reduce((sum, chapter) => sum + chapter.words, 0),
    updated: latest(released.map((chapter) => chapter.published)),
    nextRelease: earliest(scheduled.map((chapter) => chapter.published)),
  };
}

/** Every problem that would make a broken site, each naming the file (and field) at fault. */
export function validateStory(storySources: StorySource[], chapterSources: ChapterSource[]): string[] {
  const problems: string[] = [];
  if (storySources.length === 0) {
    problems.push('story.md is missing: create it in the content folder with at least title and author');
  }
  if (chapterSources.length === 0) {
    problems.push('chapters/ holds no chapters: add at least one Markdown file, e.g. chapters/prologue.md');
  }
  for (const source of chapterSources) {
    if (source.body.trim() === '') {
      problems.push(`${source.filePath}: the chapter has no text (the body after the frontmatter is empty)`);
    }
    const slug = slugOf(source);
    if (!source.data.slug && !slugPattern.test(slug)) {
      problems.push(
        `${source.filePath}: the file name "${source.id}" cannot be a URL; rename the file (lowercase letters, digits and hyphens, e.g. chapter-1.md) or set the slug field`,
      );
    } else if (reservedSlugs.includes(slug)) {
      problems.push(`${source.filePath}: slug "${slug}" is one of the site's own pages; rename the file or set the slug field`);
    }
  }
  problems.push(...duplicates(chapterSources, (source) => String(source.data.order), 'order'));
  problems.push(...duplicates(chapterSources, slugOf, 'slug'));
  return problems;
}

function duplicates(sources: ChapterSource[], key: (source: ChapterSource) => string, field: string): string[] {
  const groups = new Map<string, ChapterSource[]>();
  for (const source of sources) groups.set(key(source), [...(groups.get(key(source)) ?? []), source]);
  return [...groups]
    .filter(([, group]) => group.length > 1)
    .map(([value, group]) => {
      const files = group.map((source) => source.filePath);
      return `${field} ${value} is used by both ${files.slice(0, -1).join(', ')} and ${files.at(-1)}: each chapter needs its own ${field}`;
    });
}

function slugOf(source: ChapterSource): string {
  return source.data.slug ?? source.id;
}

function toChapter(source: ChapterSource): Chapter {
  const text = markdownToPlainText(source.body);
  return {
    id: source.id,
    slug: slugOf(source),
    filePath: source.filePath,
    title: source.data.title,
    order: source.data.order,
    authorsNote: source.data.authorsNote,
    endNote: source.data.endNote,
    published: source.data.published,
    draft: source.data.draft,
    text,
    words: countWords(text),
  };
}

function byReadingOrder(a: Chapter, b: Chapter): number {
  return a.order - b.order;
}

function isScheduled(chapter: Chapter, now: Date): boolean {
  return chapter.published !== undefined && chapter.published.getTime() > now.getTime();
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((max, date) => (date && (!max || date > max) ? date : max), undefined);
}

function earliest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((min, date) => (date && (!min || date < min) ? date : min), undefined);
}
