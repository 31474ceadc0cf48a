import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readEnv } from './build/env.ts';
import { chapterSchema, storySchema } from './core/schema.ts';

const contentDir = pathToFileURL(`${readEnv().contentDir}/`);

/** `story.md`: the work's metadata, and its summary as the body. */
const story = defineCollection({
  loader: glob({ pattern: 'story.md', base: contentDir }),
  schema: storySchema,
});

/**
 * One entry per chapter file. The id is always the file name, so two files that
 * claim the same `slug` stay two entries and the story check can name both.
 */
const chapters = defineCollection({
  loader: glob({
    pattern: '*.md',
    base: new URL('chapters/', contentDir),
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: chapterSchema,
});

export const collections = { story, chapters };
