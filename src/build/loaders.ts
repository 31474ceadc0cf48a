import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { StoryError } from '../core/story.ts';
import { storedChapter, storedStory } from '../source/stored-text.ts';
import { readStory, type StoryReading } from '../source/story-source.ts';

/** Where a build reads its story from, the site's base path (links between chapters use it) and its "now". */
export interface LoaderSettings {
  contentDir: string;
  base: string;
  now: Date;
}

/** What the content folder held and what was wrong with it: one entry, id `report`. */
export interface ContentReport {
  problems: string[];
  warnings: string[];
}

/** The id of the one entry of the `report` collection. */
export const reportId = 'report';

let last: { key: string; reading: Promise<StoryReading>; loaded: number } | undefined;

/** The collections that load from one reading; in a build (no watcher), the reading is let go once all have. */
const parts = 3;

/**
 * The story read once per state of the content folder: the three collections load from the
 * same reading, and a change to any file (in `npm run dev`) makes a new one.
 */
function readOnce(settings: LoaderSettings, cacheDir: string, preview: boolean): Promise<StoryReading> {
  const key = `${settings.base}\0${preview}\0${fingerprint(settings.contentDir)}`;
  if (last?.key !== key) {
    last = { key, reading: readStory(settings.contentDir, { base: settings.base, now: settings.now, preview, cacheDir }), loaded: 0 };
  }
  return last.reading;
}

/**
 * Names, sizes and times of every file in the content folder (the story, the chapters, the
 * pictures they show): enough to tell that something changed, a picture added as much as a chapter.
 */
function fingerprint(contentDir: string): string {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
  } catch {
    // no content folder: the reading says so
  }
  return entries
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      try {
        const stat = statSync(path);
        return `${path}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${path}:-`;
      }
    })
    .sort()
    .join('\n');
}

/** A loader that fills its collection from the reading, again whenever a content file changes in `npm run dev`. */
function storyPart(name: string, settings: LoaderSettings, fill: (reading: StoryReading, context: LoaderContext) => void): Loader {
  return {
    name: `quire-${name}`,
    load: async (context) => {
      // `npm run dev` (a watcher) is the preview, where drafts and scheduled chapters show.
      const sync = async () => fill(await readOnce(settings, fileURLToPath(context.config.cacheDir), Boolean(context.watcher)), context);
      await sync();
      // A build reads the story once: the whole rendered text need not stay in memory after the store has it.
      if (!context.watcher && last && ++last.loaded === parts) last = undefined;
      context.watcher?.add(settings.contentDir);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(settings.contentDir)) void sync();
      });
    },
  };
}

/** `story`: `story.md`, with its summary rendered; empty when the file is missing or unsound (the report says why). */
export function storyLoader(settings: LoaderSettings): Loader {
  return storyPart('story', settings, (reading, { store, watcher }) => {
    store.clear();
    if (reading.story) store.set({ id: 'story', data: { ...storedStory(reading.story, !watcher) }, filePath: reading.story.filePath });
  });
}

/** `chapters`: every sound chapter file, its text and notes rendered; the id is the file name, so two files claiming one slug stay two. */
export function chaptersLoader(settings: LoaderSettings): Loader {
  return storyPart('chapters', settings, (reading, { store, watcher }) => {
    store.clear();
    for (const chapter of reading.chapters) {
      store.set({ id: chapter.id, data: { ...storedChapter(chapter, !watcher) }, filePath: chapter.filePath });
    }
  });
}

/**
 * `report`: every problem and warning found reading the content folder; the warnings are
 * printed once. A build stops here on any problem, listing them all, before a page is made;
 * `npm run dev` keeps going and shows them in the browser (src/middleware.ts).
 */
export function reportLoader(settings: LoaderSettings): Loader {
  return storyPart('report', settings, (reading, { store, logger, watcher }) => {
    store.clear();
    store.set({ id: reportId, data: { problems: reading.problems, warnings: reading.warnings } satisfies ContentReport });
    for (const warning of reading.warnings) logger.warn(warning);
    if (reading.problems.length === 0) return;
    if (!watcher) throw new StoryError(reading.problems);
    for (const problem of reading.problems) logger.error(problem);
  });
}
