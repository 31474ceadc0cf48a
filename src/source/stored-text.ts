import { join } from 'node:path';
import type { ChapterSource, RenderedText, StorySource } from '../core/story.ts';
import type { Rendered } from '../markdown/render.ts';
import { FileCache } from './file-cache.ts';

/**
 * The rendered text of a story is kept once: in the render cache (`quire-rendered/` in
 * Astro's cache folder), where the loaders' rendering left it. In a build, Astro's data store,
 * which it serialises and reads back every time, holds only where each text is kept (its key);
 * the pages read the texts from the cache. A text that could not be kept there (no key) is
 * stored whole, and so is every text in `npm run dev`, whose store is in memory and refilled
 * on every change while the cache file is being rewritten.
 */

/** A rendered text as the data store holds it: its key in the render cache, or the text itself. */
export type StoredText = RenderedText | { key: string };

/** Where the render cache is, in a cache folder. */
export function renderCacheDir(cacheDir: string): string {
  return join(cacheDir, 'quire-rendered');
}

/** How the store keeps a text: by its key (`byKey`, in a build) when it has one, else whole. */
const storedText = (byKey: boolean) => {
  const one = (text: RenderedText): StoredText => (byKey && text.key !== undefined ? { key: text.key } : text);
  return Object.assign(one, { optional: (text: RenderedText | undefined) => text && one(text) });
};

/** A chapter as the data store holds it. */
export type StoredChapter = Omit<ChapterSource, 'body' | 'notes'> & {
  body: StoredText;
  notes: {
    summary: StoredText | undefined;
    authors: StoredText | undefined;
    end: StoredText | undefined;
    revision: StoredText | undefined;
  };
};
/** `story.md` as the data store holds it. */
export type StoredStory = Omit<StorySource, 'summary' | 'notes' | 'endNotes'> & {
  summary: StoredText;
  notes: StoredText | undefined;
  endNotes: StoredText | undefined;
};

/** A chapter as the data store holds it: its texts by key (`byKey`) or whole. */
export function storedChapter(source: ChapterSource, byKey: boolean): StoredChapter {
  const text = storedText(byKey);
  const { summary, authors, end, revision } = source.notes;
  return {
    ...source,
    body: text(source.body),
    notes: { summary: text.optional(summary), authors: text.optional(authors), end: text.optional(end), revision: text.optional(revision) },
  };
}

/** `story.md` as the data store holds it: its texts by key (`byKey`) or whole. */
export function storedStory(source: StorySource, byKey: boolean): StoredStory {
  const text = storedText(byKey);
  return { ...source, summary: text(source.summary), notes: text.optional(source.notes), endNotes: text.optional(source.endNotes) };
}

/** The stored sources with their texts read back from the render cache in `cacheDir`. */
export function withTexts(
  stories: StoredStory[],
  chapters: StoredChapter[],
  cacheDir: string,
): { stories: StorySource[]; chapters: ChapterSource[] } {
  // Read, never saved: the loaders' rendering wrote it, and keeps it to what the story uses.
  const cache = new FileCache<Rendered>(renderCacheDir(cacheDir));
  const full = (text: StoredText, where: string): RenderedText => {
    if (!('key' in text) || 'html' in text) return text as RenderedText;
    const found = cache.get(text.key);
    if (!found)
      throw new Error(`The rendered text of ${where} is missing from Astro's cache folder (${renderCacheDir(cacheDir)}); build again`);
    return renderedText(found, text.key);
  };
  const optional = (text: StoredText | undefined, where: string) => text && full(text, where);
  return {
    stories: stories.map((story) => ({
      ...story,
      summary: full(story.summary, story.filePath),
      notes: optional(story.notes, story.filePath),
      endNotes: optional(story.endNotes, story.filePath),
    })),
    chapters: chapters.map((chapter) => ({
      ...chapter,
      body: full(chapter.body, chapter.filePath),
      notes: {
        summary: optional(chapter.notes.summary, chapter.filePath),
        authors: optional(chapter.notes.authors, chapter.filePath),
        end: optional(chapter.notes.end, chapter.filePath),
        revision: optional(chapter.notes.revision, chapter.filePath),
      },
    })),
  };
}

/** What the pages and the story's checks take of a rendered text (its problems are reported apart), and where the cache keeps it. */
export function renderedText(rendered: Rendered, key: string | undefined): RenderedText {
  const { problems, notices, ...text } = rendered;
  void problems;
  void notices;
  return { ...text, key };
}
