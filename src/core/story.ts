import { titleParts } from './chapter-labels.ts';
import { isoDate } from '../shared/format.ts';
import { problems as catalogue } from './problems.ts';
import { isScheduled } from './schedule.ts';
import { quoteStyle, smarten } from './typography.ts';
import type { ChapterData, StoryData } from './schema.ts';
import { fileSlug, slugPattern, slugProblem } from './slug.ts';
import { chineseCharacters, fitsLanguage, readsLatin, writtenIn } from './written-in.ts';
import { interfaceLanguage, scriptOf } from '../shared/i18n/index.ts';
import { typesPersianLetters } from '../shared/search-terms.ts';
import { en } from '../shared/i18n/en.ts';

/** Markdown as the pipeline rendered it: the HTML, and the text a reader sees. */
export interface RenderedText {
  html: string;
  /** The text without footnotes, blocks separated by a blank line. */
  text: string;
  /** The footnotes' text. */
  footnotes: string;
  /** The words of the text and of the footnotes, as `countWords` counts them. */
  words: { text: number; footnotes: number };
  /** Paragraphs that carry an id (`p-1`…). */
  paragraphs: number;
  /** Pictures it shows. */
  pictures: number;
  /** Whether it needs the blocks stylesheet (verse, chats, footnotes, pictures). */
  blocks: boolean;
  /** The first line of paragraphs typed one a line, which Markdown ran into one, if any (for the author's warning). */
  runTogether?: string | undefined;
  /** The text of a heading that opens the text, if one does (for the warning when it repeats the title). */
  openingHeading?: string | undefined;
  /** A paragraph that `---` under it made a heading, as typed (a scene break missing its blank line), if any. */
  dashHeading?: string | undefined;
  /** Where the build keeps it between builds (the render cache's key), when it does. */
  key?: string | undefined;
}

/** A chapter file as the content layer hands it over: its frontmatter and its rendered text. */
export interface ChapterSource {
  /** The file name without `.md`. */
  id: string;
  /** Path of the file, for messages. */
  filePath: string;
  data: ChapterData;
  /** The chapter's text, rendered. */
  body: RenderedText;
  /** The Markdown of the frontmatter, rendered: the chapter's summary and its notes. */
  notes: {
    summary: RenderedText | undefined;
    authors: RenderedText | undefined;
    end: RenderedText | undefined;
    /** What changed in the chapter's revision. */
    revision: RenderedText | undefined;
  };
}

/** `story.md` as the content layer hands it over. */
export interface StorySource {
  filePath: string;
  data: StoryData;
  /** The summary (the file's body), rendered. */
  summary: RenderedText;
  /** The work's beginning and end notes, rendered. */
  notes: RenderedText | undefined;
  endNotes: RenderedText | undefined;
}

/** A chapter ready to show. */
export interface Chapter {
  /** Collection entry id (the file name without `.md`). */
  id: string;
  /** URL segment: `/<slug>/`. */
  slug: string;
  /** Addresses it had before, each a page sending readers on to it. */
  aliases: string[];
  filePath: string;
  title: string;
  /** The name of the part of the story (a book, a volume, an arc) this chapter opens, when it opens one. */
  part: string | undefined;
  order: number;
  published: Date | undefined;
  draft: boolean;
  /** Still to come: shown only in `npm run dev`'s preview, marked with its date. */
  scheduled: boolean;
  /** The chapter's HTML, as rendered from its Markdown. */
  html: string;
  /** What the chapter is about, as HTML and as plain text (for the contents, previews and the feed). */
  summary: { html: string; text: string } | undefined;
  /** Content warnings to show before the text. */
  contentNotes: string[];
  /** The author's note and end note as HTML, when set. */
  authorsNote: string | undefined;
  endNote: string | undefined;
  /** When the chapter was last revised for readers to know, and what changed (HTML), when set. */
  revised: Date | undefined;
  revisionNote: string | undefined;
  /** This chapter's own page for comments (an archive's chapter), when set. */
  reviewUrl: string | undefined;
  /** The chapter text as readers see it (no footnotes), for descriptions, feeds and search helpers. */
  text: string;
  /** Words of the text and its footnotes. */
  words: number;
  /** Paragraphs of text (scene breaks not counted), for estimating the time left. */
  paragraphs: number;
  /** Whether its page needs the blocks stylesheet: its text, summary or notes hold verse, a chat, footnotes or pictures. */
  blocks: boolean;
}

/** The story as readers see it in this build. */
export interface Story {
  meta: StoryData;
  /** The summary as HTML, and as plain text for descriptions. */
  summary: { html: string; text: string };
  /** The work's beginning and end notes, as HTML. */
  notes: string | undefined;
  endNotes: string | undefined;
  /** Which of the summary and the work's notes need the blocks stylesheet. */
  blocks: { summary: boolean; notes: boolean; endNotes: boolean };
  /** Chapters a reader can open, in reading order. */
  chapters: Chapter[];
  /** Total words of those chapters. */
  words: number;
  /**
   * Whether the story is finished, as readers can see it: `complete` in `story.md` counts
   * once no chapter is still scheduled ("Complete" never stands beside "Next chapter").
   */
  status: StoryData['status'];
  /** How many chapters the story will have, when known: all of them once complete, else `expectedChapters` (or the chapters written, when more). */
  expectedChapters: number | undefined;
  /** The oldest `published` date among the chapters, if any has one: when the story began. */
  published: Date | undefined;
  /** The newest `published` date among them, if any has one. */
  updated: Date | undefined;
  /** The earliest release date of a chapter still scheduled, if any. */
  nextRelease: Date | undefined;
}

export interface AssembleOptions {
  /** The build's "now": chapters published after it are held back. */
  now: Date;
  /** `npm run dev`'s preview: drafts and scheduled chapters are shown too, each marked. */
  preview: boolean;
}

/**
 * Thrown when the content cannot make a sound site; lists every problem, each naming its
 * file. It is the author's to fix, not a fault in the code: it carries no stack trace, so
 * the build prints the list alone, not the places in Quire (or its build output) it passed.
 */
export class StoryError extends Error {
  override name = 'StoryError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `The story has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
    this.stack = '';
  }
}

/**
 * Checks the content as a whole (what a per-file schema cannot see) and returns the
 * story in reading order, without drafts (unless asked) or chapters scheduled for later.
 */
export function assembleStory(storySources: StorySource[], chapterSources: ChapterSource[], options: AssembleOptions): Story {
  const problems = validateStory(storySources, chapterSources);
  if (problems.length > 0) throw new StoryError(problems);
  return assembleValidated(storySources[0]!, chapterSources, options);
}

/**
 * `assembleStory` for sources `validateStory` has passed already: the build's, which its
 * loaders checked while reading them (src/source/story-source.ts), so the check runs once a build.
 */
export function assembleValidated(story: StorySource, chapterSources: ChapterSource[], options: AssembleOptions): Story {
  const typeset = titleTypesetter(story.data);
  const all = chapterSources.map((source) => toChapter(source, options.now, typeset)).sort(byReadingOrder);
  const planned = all.filter((chapter) => !chapter.draft);
  const scheduled = planned.filter((chapter) => chapter.scheduled);
  const shown = withPartsOpened(
    all,
    all.filter((chapter) => options.preview || (!chapter.draft && !chapter.scheduled)),
  );
  if (shown.length === 0) throw new StoryError([catalogue.NothingToPublish.message(story.filePath)]);
  const released = shown.filter((chapter) => !chapter.scheduled);
  const status = story.data.status === 'complete' && scheduled.length === 0 ? 'complete' : 'in-progress';
  const written = story.data.status === 'complete' ? planned.length : undefined;

  return {
    meta: {
      ...story.data,
      title: typeset(story.data.title),
      series: story.data.series && { ...story.data.series, title: typeset(story.data.series.title) },
      related: story.data.related.map((work) => ({ ...work, title: typeset(work.title) })),
    },
    summary: { html: story.summary.html, text: story.summary.text },
    notes: story.notes?.html,
    endNotes: story.endNotes?.html,
    blocks: { summary: story.summary.blocks, notes: story.notes?.blocks ?? false, endNotes: story.endNotes?.blocks ?? false },
    chapters: shown,
    words: shown.reduce((sum, chapter) => sum + chapter.words, 0),
    status,
    expectedChapters: status === 'complete' ? shown.length : maximum(story.data.expectedChapters, written),
    published: earliest(released.map((chapter) => chapter.published)),
    updated: latest(released.map((chapter) => chapter.published)),
    nextRelease: earliest(scheduled.map((chapter) => chapter.published)),
  };
}

/** Whether a build at `now` would publish no chapter at all. */
export function publishesNothing(chapterSources: readonly ChapterSource[], now: Date): boolean {
  return chapterSources.every((source) => source.data.draft || isScheduled(source.data.published, now));
}

/** Every problem that would make a broken site, each naming the file (and field) at fault. */
export function validateStory(storySources: StorySource[], chapterSources: ChapterSource[]): string[] {
  return [
    ...(storySources.length === 0 ? [catalogue.MissingStory.message()] : []),
    ...(chapterSources.length === 0 ? [catalogue.NoChapters.message()] : []),
    ...validateChapters(chapterSources, storySources[0]?.data.timeZone),
  ];
}

/** Problems between chapters: shared orders and slugs, empty text, file names that cannot be URLs. */
export function validateChapters(chapterSources: ChapterSource[], timeZone?: string): string[] {
  const problems: string[] = [];
  for (const source of chapterSources) {
    if (source.body.text.trim() === '' && source.body.footnotes.trim() === '' && source.body.pictures === 0) {
      problems.push(catalogue.EmptyChapter.message(source.filePath));
    }
    // A slug set by hand was checked with the frontmatter; one from the file name is checked here.
    const slug = slugOf(source);
    const problem = source.data.slug === undefined ? slugProblem(slug) : undefined;
    if (problem && !slugPattern.test(slug)) {
      problems.push(catalogue.FileNameNotUrl.message(source.filePath, source.id));
    } else if (problem) {
      problems.push(catalogue.ReservedSlug.message(source.filePath, slug, problem));
    }
    const { revised, revisionNote, published } = source.data;
    if (revisionNote !== undefined && revised === undefined) {
      problems.push(catalogue.RevisionNoteWithoutDate.message(source.filePath, isoDate(new Date(), timeZone)));
    }
    if (revised && published && revised < published) {
      problems.push(catalogue.RevisedBeforePublished.message(source.filePath, isoDate(revised, timeZone), isoDate(published, timeZone)));
    }
  }
  problems.push(...duplicates(chapterSources, (source) => String(source.data.order), 'order'));
  // Two slugs a file system or a browser takes for one (café composed and decomposed; Á and á) are one.
  problems.push(...duplicates(chapterSources, (source) => slugOf(source).toLowerCase(), 'slug'));
  problems.push(...aliasProblems(chapterSources));
  return problems;
}

/** Things an author would want to know about the chapters together that do not stop the build. */
export function storyWarnings(chapterSources: ChapterSource[]): string[] {
  const warnings: string[] = [];
  const sorted = [...chapterSources].sort((a, b) => a.data.order - b.data.order);

  // A gap in the numbers of chapters titled "Chapter N": 1, 2, 4 (a chapter in parts, 2a and 2b at 2.01 and 2.02, is chapter 2).
  const titled = sorted.filter((source) => /^(?:chapter|ch\.?)\s/i.test(source.data.title));
  const numbered = new Set(titled.map((source) => Math.floor(source.data.order)));
  const whole = titled.filter((source) => Number.isInteger(source.data.order));
  for (let i = 1; i < whole.length; i++) {
    const before = whole[i - 1]!.data.order;
    const after = whole[i]!.data.order;
    if (after - before > 1 && !numbered.has(before + 1)) warnings.push(catalogue.OrderGap.message(whole[i]!.filePath, before, after));
  }

  // A chapter titled as the one before it: a file copied for the next chapter, its title left.
  const planned = sorted.filter((source) => !source.data.draft);
  const key = (title: string) => title.normalize('NFKC').trim().toLowerCase();
  for (let i = 1; i < planned.length; i++) {
    const [before, after] = [planned[i - 1]!, planned[i]!];
    if (key(before.data.title) === key(after.data.title))
      warnings.push(catalogue.TitleOfTheOneBefore.message(after.filePath, before.filePath, after.data.title));
  }

  // The text of another chapter (a file copied for the next chapter, its text not yet replaced);
  // a line or two alike ("To be continued.") is no copy.
  const texts = new Map<string, string>();
  for (const source of planned) {
    if (source.body.words.text < 20) continue;
    const text = source.body.text.replace(/\s+/g, ' ').trim();
    const first = texts.get(text);
    if (first) warnings.push(catalogue.TextOfAnother.message(source.filePath, first));
    else texts.set(text, source.filePath);
  }

  const counted = chapterSources.map((source) => ({ source, words: source.body.words.text }));

  // A chapter far longer than the others (a paste of two chapters into one?).
  const median = counted.map(({ words }) => words).sort((a, b) => a - b)[Math.floor(counted.length / 2)] ?? 0;
  if (counted.length >= 3 && median > 0) {
    for (const { source, words } of counted) {
      if (words > median * 4) {
        warnings.push(catalogue.LongChapter.message(source.filePath, words, median));
      }
    }
  }

  return warnings;
}

/**
 * What a story's language means for its chapters: a language they are not written in
 * (`language: en` left over Chinese chapters, or over French ones), said with the language their
 * script or words name; in Persian, words typed with Arabic's letter forms; and a language the
 * site's own words are not translated into.
 */
export function languageWarnings(story: StorySource, chapterSources: ChapterSource[]): string[] {
  let text = '';
  for (const source of [...chapterSources].sort((a, b) => a.data.order - b.data.order)) {
    text += `${source.body.text}\n`;
    if (text.length > 60_000) break;
  }
  const found = writtenIn(text);
  const declared = story.data.language.toLowerCase().split('-')[0]!;
  const warnings = !found
    ? []
    : !fitsLanguage(found.script, story.data.language)
      ? [catalogue.LanguageScript.message(story.filePath, story.data.language, found.script, found.language)]
      : // In Latin letters, told by the language's most common words, when the one given is one of those told apart so.
        found.script === 'Latn' && found.language && found.language !== declared && readsLatin(declared)
        ? [catalogue.LanguageWords.message(story.filePath, story.data.language, found.language)]
        : found.script === 'Hani' && declared === 'zh'
          ? chineseWarnings(story, text)
          : [];
  return [...warnings, ...arabicLetterForms(story, chapterSources), ...untranslated(story)];
}

/**
 * A Chinese story in traditional characters whose language names simplified ones (`zh`, the
 * tag most authors type): the site's own words would be in simplified characters, and the
 * page's and the EPUB's language would tell readers' apps the wrong ones.
 */
function chineseWarnings(story: StorySource, text: string): string[] {
  return chineseCharacters(text) === 'traditional' && scriptOf(story.data.language) === 'Hans'
    ? [catalogue.ChineseCharacters.message(story.filePath, story.data.language)]
    : [];
}

/**
 * In a story in Persian (or Urdu, Pashto, Sorani), words typed with Arabic's yeh or kaf (ي ك),
 * as a keyboard set to Arabic types them: the index holds them so, and a reader typing ی and ک
 * does not find them. Each chapter that has some, with a few of them.
 */
function arabicLetterForms(story: StorySource, chapterSources: ChapterSource[]): string[] {
  if (!typesPersianLetters(story.data.language)) return [];
  return chapterSources.flatMap((source) => {
    // Each word read once, then tested: a pattern around the letter would read a long unspaced run again from every start.
    const words = [...new Set(source.body.text.match(/[\p{L}\p{M}\u200c]+/gu) ?? [])].filter((word) => /[يىك]/.test(word));
    return words.length > 0 ? [catalogue.ArabicLetterForms.message(source.filePath, words)] : [];
  });
}

/**
 * A story in a language the site's own words are not translated into (its buttons, labels and
 * headings stay English), unless story.md's `labels` give every one of them.
 */
function untranslated(story: StorySource): string[] {
  const { language, labels = {} } = story.data;
  const primary = language.toLowerCase().split('-')[0]!;
  if (interfaceLanguage(language) !== 'en' || ['en', 'und', 'mul', 'zxx', 'mis'].includes(primary)) return [];
  const missing = Object.keys(en).filter((key) => !Object.hasOwn(labels, key)).length;
  if (missing === 0) return [];
  return [catalogue.InterfaceUntranslated.message(story.filePath, primary)];
}

/** Things an author would want to know about one chapter that do not stop the build. */
export function chapterWarnings(source: ChapterSource): string[] {
  // Straight quotes mixed with curly ones: usually text pasted from two sources. (The pipeline
  // curls straight quotes, so what is left straight was escaped or sits in code.)
  const { text } = source.body;
  const straight = (text.match(/"/g) ?? []).length;
  const curly = (text.match(/[“”]/g) ?? []).length;
  const warnings = straight > 0 && curly > 0 ? [catalogue.MixedQuotes.message(source.filePath, straight, curly)] : [];
  const { runTogether, openingHeading, dashHeading } = source.body;
  if (dashHeading !== undefined) warnings.push(catalogue.DashHeading.message(source.filePath, dashHeading));
  if (runTogether !== undefined) warnings.push(catalogue.ParagraphsRunTogether.message(source.filePath, runTogether));
  if (openingHeading !== undefined && repeatsTitle(openingHeading, source.data.title))
    warnings.push(catalogue.TitleRepeated.message(source.filePath, openingHeading));
  return warnings;
}

/**
 * Whether a heading says what a title says: the whole title, its name or its label ("Chapter 1:
 * The Start" and "The Start", "Chapter 1" or "chapter 1 – the start"), whatever the case,
 * spaces and punctuation.
 */
export function repeatsTitle(heading: string, title: string): boolean {
  const key = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\p{P}\p{S}\s]+/gu, '');
  const said = key(heading);
  if (!said) return false;
  const { label, name } = titleParts(title);
  return [title, name, label].some((part) => part !== undefined && key(part) === said) || key(titleParts(heading).name) === key(name);
}

/** Old addresses that are a chapter's address, or another chapter's old address too: one page cannot be both. */
function aliasProblems(sources: ChapterSource[]): string[] {
  const owners = new Map<string, string>();
  for (const source of sources) owners.set(slugOf(source).toLowerCase(), source.filePath);
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const source of sources)
    for (const alias of source.data.aliases) {
      const key = alias.normalize('NFC').toLowerCase();
      const owner = owners.get(key) ?? claimed.get(key);
      if (owner) problems.push(catalogue.AliasTaken.message(source.filePath, alias, owner === source.filePath ? undefined : owner));
      else claimed.set(key, source.filePath);
    }
  return problems;
}

function duplicates(sources: ChapterSource[], key: (source: ChapterSource) => string, field: 'order' | 'slug'): string[] {
  const groups = new Map<string, ChapterSource[]>();
  for (const source of sources) groups.set(key(source), [...(groups.get(key(source)) ?? []), source]);
  return [...groups]
    .filter(([, group]) => group.length > 1)
    .map(([value, group]) =>
      catalogue.SharedOrderOrSlug.message(
        field,
        value,
        group.map((source) => source.filePath),
      ),
    );
}

/** A chapter's URL slug: its `slug` field, else made from its file name (`fileSlug`), in one Unicode form (NFC) however the file system spells it. */
export function slugOf(source: Pick<ChapterSource, 'id' | 'data'>): string {
  return source.data.slug?.normalize('NFC') ?? fileSlug(source.id);
}

/** A chapter's words, as readers and archives count them: its text and its footnotes. */
export function chapterWords(source: Pick<ChapterSource, 'body'>): number {
  return source.body.words.text + source.body.words.footnotes;
}

/**
 * Titles set as the text is (`"Don't," she said -- and...` → `“Don’t,” she said — and…`, in the
 * story's quotation marks): a title stands above text whose quotes, dashes and ellipses the
 * pipeline curled (rehype-typography.ts), and the two should not disagree. Only punctuation
 * changes, so addresses and file names made from a title stay as they were (`slugify` reads
 * both apostrophes, every dash and quote alike).
 */
function titleTypesetter(data: StoryData): (title: string) => string {
  const style = quoteStyle(data.language, data.quotes);
  return (title) => smarten(title, ' ', style);
}

function toChapter(source: ChapterSource, now: Date, typeset: (title: string) => string): Chapter {
  return {
    id: source.id,
    slug: slugOf(source),
    aliases: source.data.aliases.map((alias) => alias.normalize('NFC')),
    filePath: source.filePath,
    title: typeset(source.data.title),
    part: source.data.part && typeset(source.data.part),
    order: source.data.order,
    published: source.data.published,
    draft: source.data.draft,
    scheduled: isScheduled(source.data.published, now),
    html: source.body.html,
    summary: source.notes.summary && { html: source.notes.summary.html, text: source.notes.summary.text },
    contentNotes: source.data.contentNotes,
    authorsNote: source.notes.authors?.html,
    endNote: source.notes.end?.html,
    revised: source.data.revised,
    revisionNote: source.notes.revision?.html,
    reviewUrl: source.data.reviewUrl,
    text: source.body.text,
    words: chapterWords(source),
    paragraphs: source.body.paragraphs,
    blocks: [source.body, source.notes.summary, source.notes.authors, source.notes.end, source.notes.revision].some((part) => part?.blocks),
  };
}

/**
 * The chapters shown, `part` set on the first of each part's that is: where the chapter opening a
 * part is not shown (a draft being rewritten, one scheduled for later), the part still heads those
 * of it that are out; and a part named again on each of its chapters, as authors may write it, is
 * one part, not one a chapter.
 */
function withPartsOpened(all: readonly Chapter[], shown: readonly Chapter[]): Chapter[] {
  const showing = new Set(shown);
  let part: string | undefined;
  let shownPart: string | undefined;
  return all.flatMap((chapter) => {
    part = chapter.part ?? part;
    if (!showing.has(chapter)) return [];
    const opens = part !== shownPart ? part : undefined;
    shownPart = part;
    return [opens === chapter.part ? chapter : { ...chapter, part: opens }];
  });
}

/** The chapters in parts: each part's name (none before the first chapter that opens one) and its chapters, in reading order. */
export function storyParts<Item extends Pick<Chapter, 'part'>>(
  chapters: readonly Item[],
): { name: string | undefined; chapters: Item[] }[] {
  const parts: { name: string | undefined; chapters: Item[] }[] = [];
  for (const chapter of chapters) {
    if (parts.length === 0 || chapter.part !== undefined) parts.push({ name: chapter.part, chapters: [] });
    parts.at(-1)!.chapters.push(chapter);
  }
  return parts;
}

function byReadingOrder(a: Chapter, b: Chapter): number {
  return a.order - b.order;
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((max, date) => (date && (!max || date > max) ? date : max), undefined);
}

function maximum(...values: (number | undefined)[]): number | undefined {
  const known = values.filter((value) => value !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

function earliest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((min, date) => (date && (!min || date < min) ? date : min), undefined);
}
