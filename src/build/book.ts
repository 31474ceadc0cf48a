import { getEntry } from 'astro:content';
import { storyDetails } from '../core/details.ts';
import { markdownToPlainText } from '../core/plain-text.ts';
import { slugify } from '../core/slug.ts';
import type { Chapter, Story } from '../core/story.ts';
import { buildEpub } from '../epub/epub.ts';
import { bookLinks } from '../epub/links.ts';
import { toXhtml } from '../epub/xhtml.ts';
import { renderNote } from '../markdown/pipeline.ts';
import { getStory, getStrings } from './content.ts';
import { readEnv } from './env.ts';

/** A chapter's rendered HTML, as the content layer stored it at build time. */
export async function chapterHtml(chapter: Chapter): Promise<string> {
  const entry = await getEntry('chapters', chapter.id);
  const html = entry?.rendered?.html;
  if (html === undefined) throw new Error(`${chapter.filePath}: the chapter has no rendered HTML`);
  return html;
}

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
  const xhtmlNote = async (markdown: string | undefined) => (markdown ? toXhtml(await renderNote(markdown)) : undefined);
  const inBook = bookLinks(
    story.chapters.map((chapter) => chapter.slug),
    import.meta.env.BASE_URL,
  );
  const chapters = await Promise.all(
    story.chapters.map(async (chapter) => ({
      id: chapter.slug,
      title: chapter.title,
      body: toXhtml(inBook(await chapterHtml(chapter))),
      authorsNote: await xhtmlNote(chapter.authorsNote),
      endNote: await xhtmlNote(chapter.endNote),
    })),
  );
  return buildEpub({
    title: meta.title,
    author: meta.author,
    language: meta.language,
    summary: toXhtml(await renderNote(story.summary)),
    description: markdownToPlainText(story.summary),
    details: storyDetails(story, t),
    tags: [...(meta.fandom ? [meta.fandom] : []), ...meta.tags],
    modified: story.updated ?? readEnv().buildDate,
    url: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
    chapters,
    t,
  });
}
