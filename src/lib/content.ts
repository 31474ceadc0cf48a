import { getCollection, type CollectionEntry } from 'astro:content';
import { readEnv } from './env';
import { assembleStory, type ChapterSource, type Story } from './story';

let cached: Promise<Story> | undefined;

/**
 * The story as this build publishes it: read from the content collections once, checked
 * as a whole, ordered, and filtered (drafts in `npm run dev` only; scheduled chapters held
 * back until their date). Every page, feed and index uses this one list.
 */
export function getStory(): Promise<Story> {
  if (import.meta.env.DEV) return loadStory();
  cached ??= loadStory();
  return cached;
}

async function loadStory(): Promise<Story> {
  const [stories, chapters] = await Promise.all([getCollection('story'), getCollection('chapters')]);
  return assembleStory(
    stories.map((entry) => ({ filePath: entry.filePath ?? 'story.md', body: entry.body ?? '', data: entry.data })),
    chapters.map(toSource),
    { now: readEnv().buildDate, includeDrafts: import.meta.env.QUIRE_SHOW_DRAFTS },
  );
}

function toSource(entry: CollectionEntry<'chapters'>): ChapterSource {
  return { id: entry.id, filePath: entry.filePath ?? `chapters/${entry.id}.md`, body: entry.body ?? '', data: entry.data };
}
