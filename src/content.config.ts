import { defineCollection } from 'astro:content';
import { chaptersLoader, reportLoader, storyLoader } from './build/loaders.ts';
import { readEnv } from './source/env.ts';

/**
 * The story, read from the content folder (`CONTENT_DIR`) by Quire's own loaders: each file
 * checked against its schema (src/core/schema.ts) and the Markdown rendered once, with every
 * problem gathered in `report` so a page can name them all (src/build/content.ts).
 */
const env = readEnv();
const settings = { contentDir: env.contentDir, base: env.basePath, now: env.buildDate };

export const collections = {
  story: defineCollection({ loader: storyLoader(settings) }),
  chapters: defineCollection({ loader: chaptersLoader(settings) }),
  report: defineCollection({ loader: reportLoader(settings) }),
};
