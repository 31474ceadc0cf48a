import { getEntry } from 'astro:content';
import { renderNote } from '../markdown/pipeline.ts';
import { getStory } from './content.ts';
import { buildEpub } from './epub.ts';
import { chapterCountLabel, formatDate, wordsLabel } from './format.ts';
import { readEnv } from './env.ts';
import type { Chapter, Story } from './story.ts';
import { markdownToPlainText, slugify } from './text.ts';
import { bookLinks } from './html-rewrite.ts';
import { toXhtml } from './xhtml.ts';

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
  const story = await getStory();
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
  const details: [string, string][] = [
    ...(meta.fandom ? [['Fandom', meta.fandom] as [string, string]] : []),
    ...(meta.rating ? [['Rating', meta.rating] as [string, string]] : []),
    ...(
      [
        ['Warnings', meta.warnings],
        ['Characters', meta.characters],
        ['Relationships', meta.relationships],
        ['Tags', meta.tags],
      ] as const
    )
      .filter(([, values]) => values.length > 0)
      .map(([label, values]): [string, string] => [label, values.join(', ')]),
    ['Status', meta.status === 'complete' ? 'Complete' : 'In progress'],
    ['Chapters', chapterCountLabel(story.chapters.length, meta.status)],
    ['Words', wordsLabel(story.words, meta.language)],
    ...(story.updated ? [['Updated', formatDate(story.updated, meta.language)] as [string, string]] : []),
  ];
  return buildEpub({
    title: meta.title,
    author: meta.author,
    language: meta.language,
    summary: toXhtml(await renderNote(story.summary)),
    description: markdownToPlainText(story.summary),
    details,
    tags: [...(meta.fandom ? [meta.fandom] : []), ...meta.tags],
    modified: story.updated ?? readEnv().buildDate,
    url: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
    chapters,
  });
}
