import { getCollection, type CollectionEntry } from 'astro:content';
import { assembleStory, storyWarnings, type ChapterSource, type Story } from '../core/story.ts';
import { stringsFor, type Translate } from '../shared/i18n/index.ts';
import { readEnv } from './env.ts';

let cached: Promise<Story> | undefined;

/**
 * The story as this build publishes it: read from the content collections once, checked
 * as a whole, ordered, and filtered (drafts in `npm run dev` only; scheduled chapters held
 * back until their date). Every page, feed and index uses this one list.
 */
export function getStory(): Promise<Story> {
  if (import.meta.env.DEV) return loadStory();
  cached ??= loadStory({ warn: true });
  return cached;
}

/** The user-facing strings in the story's language. */
export async function getStrings(): Promise<Translate> {
  const story = await getStory();
  return stringsFor(story.meta.language);
}

async function loadStory({ warn = false } = {}): Promise<Story> {
  const [stories, chapters] = await Promise.all([getCollection('story'), getCollection('chapters')]);
  const sources = chapters.map(toSource);
  const story = assembleStory(
    stories.map((entry) => ({ filePath: entry.filePath ?? 'story.md', body: entry.body ?? '', data: entry.data })),
    sources,
    { now: readEnv().buildDate, includeDrafts: __QUIRE_SHOW_DRAFTS__ },
  );
  if (warn) for (const warning of storyWarnings(sources)) console.warn(`[quire] warning: ${warning}`);
  return story;
}

function toSource(entry: CollectionEntry<'chapters'>): ChapterSource {
  return { id: entry.id, filePath: entry.filePath ?? `chapters/${entry.id}.md`, body: entry.body ?? '', data: entry.data };
}
