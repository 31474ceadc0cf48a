import { countWords } from '../shared/text-stats.ts';
import { linkedChapter, markdownLink } from './links.ts';
import { markdownToPlainText } from './plain-text.ts';
import type { ChapterData, StoryData } from './schema.ts';
import { reservedSlugs, slugPattern } from './slug.ts';
import { smarten } from './typography.ts';

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
  /** Paragraphs of text (scene breaks not counted), for estimating the time left. */
  paragraphs: number;
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
  override name = 'StoryError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `The story has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/**
 * Checks the content as a whole (what a per-file schema cannot see) and returns the
 * story in reading order, without drafts (unless asked) or chapters scheduled for later.
 */
export function assembleStory(storySources: StorySource[], chapterSources: ChapterSource[], options: AssembleOptions): Story {
  const problems = validateStory(storySources, chapterSources);
  if (problems.length > 0) throw new StoryError(problems);
  const [story] = storySources as [StorySource];

  const all = chapterSources.map(toChapter).sort(byReadingOrder);
  const visible = all.filter((chapter) => options.includeDrafts || !chapter.draft);
  const released = visible.filter((chapter) => !isScheduled(chapter, options.now));
  if (released.length === 0) {
    throw new StoryError([`${story.filePath}: no chapter is ready to publish yet (every chapter is a draft or scheduled for later)`]);
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

/** The message for a content folder without `story.md`. */
export const missingStory = 'story.md is missing: create it in the content folder with at least title and author';
/** The message for a content folder without chapter files. */
export const noChapters = 'chapters/ holds no chapters: add at least one Markdown file, e.g. chapters/prologue.md';

/** Every problem that would make a broken site, each naming the file (and field) at fault. */
export function validateStory(storySources: StorySource[], chapterSources: ChapterSource[]): string[] {
  return [
    ...(storySources.length === 0 ? [missingStory] : []),
    ...(chapterSources.length === 0 ? [noChapters] : []),
    ...validateChapters(chapterSources),
  ];
}

/**
 * Problems between chapters (shared orders and slugs, empty text, bad file names, broken
 * links). `otherIds` names chapter files that exist but could not be read, so links to
 * them are not reported twice.
 */
export function validateChapters(chapterSources: ChapterSource[], otherIds: readonly string[] = []): string[] {
  const problems: string[] = [];
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
  problems.push(...brokenChapterLinks(chapterSources, otherIds));
  return problems;
}

/** Links between chapters whose target is not a chapter of the story. */
function brokenChapterLinks(sources: ChapterSource[], otherIds: readonly string[]): string[] {
  const known = new Set([...otherIds, ...sources.flatMap((source) => [source.id, slugOf(source)])]);
  return sources.flatMap((source) =>
    [...source.body.matchAll(markdownLink)]
      .map(([, target]) => target!)
      .filter((target) => {
        const slug = linkedChapter(target);
        return slug !== undefined && !known.has(slug);
      })
      .map((target) => `${source.filePath}: the link to "${target}" points at no chapter of the story`),
  );
}

/** Things an author would want to know that do not stop the build. */
export function storyWarnings(chapterSources: ChapterSource[]): string[] {
  const warnings: string[] = [];
  const sorted = [...chapterSources].sort((a, b) => a.data.order - b.data.order);

  // A gap in the numbers of chapters titled "Chapter N": 1, 2, 4.
  const whole = sorted.filter((source) => Number.isInteger(source.data.order) && /^(?:chapter|ch\.?)\s/i.test(source.data.title));
  for (let i = 1; i < whole.length; i++) {
    const before = whole[i - 1]!.data.order;
    const after = whole[i]!.data.order;
    if (after - before > 1) {
      const missing = after - before === 2 ? `${before + 1} is` : `${before + 1}–${after - 1} are`;
      warnings.push(`${whole[i]!.filePath}: order jumps from ${before} to ${after}; chapter ${missing} missing`);
    }
  }

  const texts = chapterSources.map((source) => {
    const text = markdownToPlainText(source.body);
    return { source, text, words: countWords(text) };
  });

  // A chapter far longer than the others (a paste of two chapters into one?).
  const median = texts.map(({ words }) => words).sort((a, b) => a - b)[Math.floor(texts.length / 2)] ?? 0;
  if (texts.length >= 3 && median > 0) {
    for (const { source, words } of texts) {
      if (words > median * 4) {
        warnings.push(
          `${source.filePath}: ${words} words, more than four times the usual chapter (${median}); was a second chapter pasted in?`,
        );
      }
    }
  }

  // Straight quotes mixed with curly ones: usually text pasted from two sources.
  for (const { source, text } of texts) {
    const straight = (text.match(/"/g) ?? []).length;
    const curly = (text.match(/[“”]/g) ?? []).length;
    if (straight > 0 && curly > 0) {
      warnings.push(
        `${source.filePath}: mixes straight (") and curly (“ ”) quotes (${straight} straight, ${curly} curly); readers see both styles`,
      );
    }
  }
  return warnings;
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
  // With the same curly quotes and dashes as the page, for descriptions and the feed.
  const text = smarten(markdownToPlainText(source.body));
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
    paragraphs: text.split(/\n\s*\n/).filter((block) => block.trim() !== '').length,
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
