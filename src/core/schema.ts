import { z } from 'astro/zod';
import { reservedSlugs, slugPattern } from './slug.ts';

/** Lists of tags in `story.md`: each entry a non-empty string. */
const tagList = z.array(z.string().trim().min(1)).default([]);

/** Frontmatter of `content/story.md`; its Markdown body is the story's summary. */
export const storySchema = z.object({
  /** The story's title, shown on every page. */
  title: z.string().trim().min(1, 'title must not be empty'),
  /** The author's name or pen name. */
  author: z.string().trim().min(1, 'author must not be empty'),
  /** BCP 47 language tag of the text, e.g. `en` or `fr-CA`. */
  language: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'language must be a BCP 47 tag such as en or fr-CA')
    .default('en'),
  /** Whether more chapters are still to come. */
  status: z.enum(['in-progress', 'complete']).default('in-progress'),
  /** The fandom the story belongs to. */
  fandom: z.string().trim().min(1).optional(),
  /** Audience rating, e.g. `Teen And Up Audiences`. */
  rating: z.string().trim().min(1).optional(),
  /** Archive warnings. */
  warnings: tagList,
  /** Characters who appear. */
  characters: tagList,
  /** Relationships, e.g. `Erik/Meg Giry`. */
  relationships: tagList,
  /** Free-form tags. */
  tags: tagList,
  /** The story's page on an archive, where readers can leave a review. */
  reviewUrl: z.url({ protocol: /^https?$/, message: 'reviewUrl must be an http(s) URL' }).optional(),
});

/** Frontmatter of one chapter file in `content/chapters/`. */
export const chapterSchema = z.object({
  /** The chapter's display title, e.g. `Prologue` or `Chapter 1: The Mask`. */
  title: z.string().trim().min(1, 'title must not be empty'),
  /** Reading order: the prologue is usually 0; decimals allowed (an interlude at 4.5). */
  order: z.number({ message: 'order must be a number, e.g. 0 for the prologue' }),
  /** Markdown shown above the chapter text, headed "Author's note". */
  authorsNote: z.string().trim().min(1).optional(),
  /** Markdown shown after the chapter text. */
  endNote: z.string().trim().min(1).optional(),
  /** The date the chapter was (or will be) released; a future date holds it back from the build. */
  published: z.coerce.date({ message: 'published must be a date such as 2026-01-31' }).optional(),
  /** Drafts show in `npm run dev` only, never in `npm run build`. */
  draft: z.boolean().default(false),
  /** Overrides the URL slug, which is otherwise the file name without `.md`. */
  slug: z
    .string()
    .regex(slugPattern, 'slug must be lowercase letters, digits and single hyphens')
    .refine((slug) => !reservedSlugs.includes(slug), {
      message: `slug must not be one of the site's own pages: ${reservedSlugs.join(', ')}`,
    })
    .optional(),
});

export type StoryData = z.infer<typeof storySchema>;
export type ChapterData = z.infer<typeof chapterSchema>;
