import type { Root } from 'hast';
import { joinedNames } from '../core/schema.ts';

/**
 * A story as an importer reads it, whatever the format: the author's text as HTML trees (so
 * every format converts to Markdown one way, hast-to-markdown.ts), the metadata, pictures,
 * and the words a reader of the source sees, to prove none is lost.
 */

/** One chapter as read from the source. */
export interface ImportedChapter {
  kind: 'prologue' | 'chapter' | 'interlude' | 'epilogue';
  /** The chapter's number when the source gives one ("Chapter 12" → 12). */
  number: number | undefined;
  /** The title readers will see: "Chapter 12: The Lake". */
  title: string;
  /** The heading line it was read from, as the source writes it ("CHAPTER TWELVE. The Lake"): the author is told where the title reads otherwise. */
  heading?: string | undefined;
  /** The file name it asks for, if the source suggests one (`chapter-12`, `prologue`). */
  slug: string | undefined;
  /** The part of the story (a book, a volume, an arc) it opens, by name: written as its `part`. */
  part?: string | undefined;
  summary?: Root | undefined;
  notes?: Root | undefined;
  endNotes?: Root | undefined;
  /** Content warnings the author put before the chapter ("CW: blood, grief"). */
  contentNotes?: string[] | undefined;
  body: Root;
  /** The release date, `YYYY-MM-DD`, when the source says. */
  published?: string | undefined;
  /** Its place among a site's pages, as Hugo weighs them (lighter first): for the order of files imported together. */
  weight?: number | undefined;
  /** A chapter its source never published (a WordPress draft): written with `draft: true`. */
  draft?: true | undefined;
  /** A chapter that is Markdown already: its text and frontmatter, written as they are. */
  markdown?: { body: string; frontmatter: Record<string, unknown> } | undefined;
  /** The files of the source it was read from (an EPUB's documents): what links between them (`bookLink`) lead to. */
  sources?: string[] | undefined;
}

/**
 * A link from one file of a source to another (an EPUB's `chapter-3.xhtml`), as a reader marks it
 * until the chapters' files are named: the import points it at the chapter read from that file
 * (`chapter-3.md`), or, when no chapter was, keeps its words without the link.
 */
export const bookLink = 'quire-book:';

/** What `story.md` holds, as far as the source tells it. */
export interface ImportedStory {
  title?: string | undefined;
  /** The author, or co-authors each by name (written as a list, `author: [Ada, Wren]`). */
  author?: string | string[] | undefined;
  language?: string | undefined;
  status?: 'in-progress' | 'complete' | undefined;
  fandom?: string | undefined;
  rating?: string | undefined;
  warnings: string[];
  /** Archive categories: `F/M`, `Gen`… */
  categories: string[];
  characters: string[];
  relationships: string[];
  tags: string[];
  summary?: Root | undefined;
  notes?: Root | undefined;
  endNotes?: Root | undefined;
  series?: { title: string; part: number; url?: string | undefined } | undefined;
  related: { title: string; url: string; relation?: string | undefined }[];
  expectedChapters?: number | undefined;
  reviewUrl?: string | undefined;
  /** The cover: one of the work's images, by name. */
  cover?: string | undefined;
}

/** Everything read from one input. */
export interface ImportedWork {
  /** What the input was: "AO3 HTML download", "EPUB", "Word document"… */
  format: string;
  /** The work's metadata, when the input is a whole work (not a single chapter). */
  story: ImportedStory | undefined;
  /**
   * The story a page of one chapter names around it (FanFiction.net's header: title, author,
   * summary): story.md's, where neither the author nor a whole work gives one.
   */
  named?: ImportedStory | undefined;
  chapters: ImportedChapter[];
  /** Pictures the text shows, by file name (written to the content folder's `images/`). */
  images: Map<string, Uint8Array>;
  /** Every word a reader of the input sees. */
  source: string;
  /**
   * Text read from the input that is not the story's prose: what became metadata (titles,
   * tags, labels) and boilerplate left out. The rest of `source` must be in the written files.
   */
  setAside: string[];
  /** Boilerplate that was not the author's and was left out, said to the author. */
  dropped: string[];
  /** Anything else the author should know (a guess made, a disagreement). */
  notices: string[];
}

/**
 * Archives date the work, not its chapters ("Published", "Updated"): the first chapter gets the
 * first date, the last chapter (of several) the second, unless the source dated them itself.
 */
export function dateFirstAndLast(
  chapters: ImportedChapter[],
  dates: { published?: string | undefined; updated?: string | undefined },
): void {
  if (dates.published && chapters[0]) chapters[0].published ??= dates.published;
  if (dates.updated && chapters.length > 1) chapters.at(-1)!.published ??= dates.updated;
}

/** The byline of a story read, as the site shows it ("Ada, Wren"), or none. */
export const bylineOf = (story: Pick<ImportedStory, 'author'> | undefined): string | undefined =>
  story?.author === undefined ? undefined : joinedNames([story.author].flat());

/** A story's metadata with nothing read yet, and the fields given. */
export function importedStory(fields: Partial<ImportedStory> = {}): ImportedStory {
  return { warnings: [], categories: [], characters: [], relationships: [], tags: [], related: [], ...fields };
}

/** Bad input, with a message that names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Every tree of a work's text: the story's summary and notes, each chapter's text, summary and notes. */
export function treesOf(work: ImportedWork): Root[] {
  const story = work.story ? [work.story.summary, work.story.notes, work.story.endNotes] : [];
  const chapters = work.chapters.flatMap((chapter) => [chapter.body, chapter.summary, chapter.notes, chapter.endNotes]);
  return [...story, ...chapters].filter((tree): tree is Root => tree !== undefined);
}
