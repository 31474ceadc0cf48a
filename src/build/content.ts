import { getCollection, getEntry } from 'astro:content';
import { assembleValidated, StoryError, type Story } from '../core/story.ts';
import { problems } from '../core/problems.ts';
import { stringsFor, type Translate } from '../shared/i18n/index.ts';
import { readEnv } from '../source/env.ts';
import { webImages } from './images.ts';
import { reportId, type ContentReport } from './loaders.ts';
import { withTexts, type StoredChapter, type StoredStory } from '../source/stored-text.ts';

let cached: Promise<Story> | undefined;

/**
 * The story as this build publishes it: read from the content collections once, checked
 * as a whole, ordered, and filtered (drafts in `npm run dev` only; scheduled chapters held
 * back until their date). Every page, feed and index uses this one list. Any problem the
 * loaders found stops here, with all of them listed: the build fails, and `npm run dev`
 * shows them in its error overlay until they are fixed.
 */
export function getStory(): Promise<Story> {
  if (import.meta.env.DEV) return loadStory();
  cached ??= loadStory();
  return cached;
}

/**
 * The pages each route had from the story when it last read without a problem, in `npm run dev`:
 * kept across the reloads of this module that a change to the content brings.
 */
const lastPaths = ((globalThis as { [key: symbol]: Map<string, unknown[]> | undefined })[Symbol.for('quire.lastPaths')] ??= new Map());

/**
 * A route's pages from the story (`getStaticPaths`), `route` naming it. In `npm run dev`, while
 * the story has problems, each route keeps the pages it had, so the address an author has
 * open still reaches the middleware, which answers with the list of problems (src/middleware.ts):
 * Astro matches a page's address before any middleware runs, and answered an address it no
 * longer knew with its own error and stack trace. A build stops on the problems.
 */
export async function storyPaths<T>(route: string, paths: (story: Story) => T[]): Promise<T[]> {
  try {
    const found = paths(await getStory());
    if (import.meta.env.DEV) lastPaths.set(route, found);
    return found;
  } catch (error) {
    if (import.meta.env.DEV && error instanceof StoryError) return (lastPaths.get(route) as T[] | undefined) ?? [];
    throw error;
  }
}

/** The user-facing strings in the story's language. */
export async function getStrings(): Promise<Translate> {
  const story = await getStory();
  return stringsFor(story.meta.language, story.meta.labels);
}

async function loadStory(): Promise<Story> {
  const report = (await getEntry('report', reportId))?.data as ContentReport | undefined;
  if (report && report.problems.length > 0) throw new StoryError(report.problems);
  // The loaders store exactly these shapes, their texts kept in the render cache (src/source/stored-text.ts).
  const [stories, chapters] = await Promise.all([getCollection('story'), getCollection('chapters')]);
  const env = readEnv();
  const sources = withTexts(
    stories.map((entry) => entry.data as StoredStory),
    chapters.map((entry) => entry.data as StoredChapter),
    env.cacheDir,
  );
  // The loaders checked the sources as they read them (the report above): assembled without checking again.
  const [source] = sources.stories;
  if (!source) throw new StoryError([problems.MissingStory.message()]);
  const story = assembleValidated(source, sources.chapters, { now: env.buildDate, preview: __QUIRE_PREVIEW__ });
  return withWebImages(story);
}

/** The story with the pictures in all its HTML optimised for the web (src/build/images.ts). */
async function withWebImages(story: Story): Promise<Story> {
  const web = async (html: string | undefined) => (html === undefined ? undefined : webImages(html));
  return {
    ...story,
    summary: { ...story.summary, html: await webImages(story.summary.html) },
    notes: await web(story.notes),
    endNotes: await web(story.endNotes),
    chapters: await Promise.all(
      story.chapters.map(async (chapter) => ({
        ...chapter,
        html: await webImages(chapter.html),
        authorsNote: await web(chapter.authorsNote),
        endNote: await web(chapter.endNote),
        revisionNote: await web(chapter.revisionNote),
        summary: chapter.summary && { ...chapter.summary, html: await webImages(chapter.summary.html) },
      })),
    ),
  };
}
