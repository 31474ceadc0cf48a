import { storyDetails } from '../core/details.ts';
import { slugify } from '../core/slug.ts';
import type { Story } from '../core/story.ts';
import { buildEpub } from '../epub/epub.ts';
import { bookLinks } from '../epub/links.ts';
import { toXhtml } from '../epub/xhtml.ts';
import { getStory, getStrings } from './content.ts';
import { readEnv } from './env.ts';

/** The EPUB's file name: the story's title as a slug, e.g. `little-meg.epub`. */
export function epubFileName(story: Story): string {
  return `${slugify(story.meta.title) || 'story'}.epub`;
}

let cached: Promise<Uint8Array> | undefined;

/** The whole story as an EPUB 3, built once per build from the same rendered HTML the site uses. */
export function getEpub(site: URL | undefined): Promise<Uint8Array> {
  cached ??= makeEpub(site);
  return cached;
}

async function makeEpub(site: URL | undefined): Promise<Uint8Array> {
  const [story, t] = await Promise.all([getStory(), getStrings()]);
  const { meta } = story;
  const slugs = story.chapters.map((chapter) => chapter.slug);
  // Chapters link to each other side by side in chapters/; the title page links down into it.
  const inChapters = bookLinks(slugs, import.meta.env.BASE_URL);
  const inTitlePage = bookLinks(slugs, import.meta.env.BASE_URL, 'chapters/');
  const xhtml = (html: string | undefined) => (html === undefined ? undefined : toXhtml(inChapters(html)));
  const chapters = story.chapters.map((chapter) => ({
    id: chapter.slug,
    title: chapter.title,
    body: xhtml(chapter.html)!,
    authorsNote: xhtml(chapter.authorsNote),
    endNote: xhtml(chapter.endNote),
  }));
  return buildEpub({
    title: meta.title,
    author: meta.author,
    language: meta.language,
    summary: toXhtml(inTitlePage(story.summary.html)),
    description: story.summary.text,
    details: storyDetails(story, t),
    tags: [...(meta.fandom ? [meta.fandom] : []), ...meta.tags],
    modified: story.updated ?? readEnv().buildDate,
    url: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
    chapters,
    t,
  });
}
