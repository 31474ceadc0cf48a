import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { storyDetails } from '../core/details.ts';
import { slugify } from '../core/slug.ts';
import type { Story } from '../core/story.ts';
import { buildEpub, type EpubImage } from '../epub/epub.ts';
import { toXhtml, type BookTargets } from '../epub/xhtml.ts';
import { imageTypes } from '../source/content-files.ts';
import { getStory, getStrings } from './content.ts';
import { readEnv } from '../source/env.ts';
import { FileCache } from '../source/file-cache.ts';

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

/** The widest a picture needs to be on an e-reader; larger ones are scaled down to keep the book light. */
const bookImageWidth = 1600;

async function makeEpub(site: URL | undefined): Promise<Uint8Array> {
  const [story, t] = await Promise.all([getStory(), getStrings()]);
  const { meta } = story;
  const slugs = new Set(story.chapters.map((chapter) => chapter.slug));
  const base = import.meta.env.BASE_URL;
  // A picture is kept at its path in the content folder, from the book's root (OEBPS/).
  const pictures = new Set<string>(meta.cover ? [meta.cover] : []);
  // Chapters link to each other side by side in chapters/; the title page links down into it.
  const inChapters: BookTargets = { links: { slugs, base, folder: '' }, image: (path) => (pictures.add(path), `../${path}`) };
  const inTitlePage: BookTargets = { links: { slugs, base, folder: 'chapters/' }, image: (path) => (pictures.add(path), path) };
  // Converting to XHTML is most of the book's time: each piece is kept for the next build, with
  // the pictures it shows, keyed by the code that converted it too (nothing is kept without it).
  const cache = new FileCache<{ xhtml: string; pictures: string[] }>(
    __QUIRE_EPUB_CODE__ ? join(readEnv().cacheDir, 'quire-epub') : undefined,
  );
  const converted = (html: string, targets: BookTargets, where: string) => {
    const key = createHash('sha256')
      .update(`${__QUIRE_EPUB_CODE__}\0${where}\0${base}\0`)
      .update(/<a\s|<img\s/.test(html) ? [...slugs].join('\0') : '')
      .update(html)
      .digest('base64url');
    const kept = cache.get(key);
    if (kept) {
      for (const path of kept.pictures) targets.image!(path);
      return kept.xhtml;
    }
    const shown: string[] = [];
    const xhtml = toXhtml(html, { ...targets, image: (path) => (shown.push(path), targets.image!(path)) });
    cache.set(key, { xhtml, pictures: shown });
    return xhtml;
  };
  const xhtml = (html: string | undefined) => (html === undefined ? undefined : converted(html, inChapters, 'chapters'));
  const rootXhtml = (html: string | undefined) => (html === undefined ? undefined : converted(html, inTitlePage, 'root'));

  const chapters = story.chapters.map((chapter) => ({
    id: chapter.slug,
    title: chapter.title,
    part: chapter.part,
    body: xhtml(chapter.html)!,
    summary: xhtml(chapter.summary?.html),
    contentNotes: chapter.contentNotes,
    authorsNote: xhtml(chapter.authorsNote),
    endNote: xhtml(chapter.endNote),
    revision: chapter.revised && { date: chapter.revised, note: xhtml(chapter.revisionNote) },
  }));
  const summary = rootXhtml(story.summary.html)!;
  const notes = rootXhtml(story.notes);
  const endNotes = rootXhtml(story.endNotes);
  cache.save();
  return buildEpub({
    title: meta.title,
    author: meta.author,
    authors: meta.authors,
    language: meta.language,
    timeZone: meta.timeZone,
    summary,
    notes,
    endNotes,
    series: meta.series && t('home.series', { part: meta.series.part, series: meta.series.title }),
    cover: meta.cover ? { href: meta.cover, alt: meta.coverAlt ?? meta.title } : undefined,
    images: await Promise.all([...pictures].sort().map(bookImage)),
    description: story.summary.text,
    details: storyDetails(story, t),
    tags: [...(meta.fandom ? [meta.fandom] : []), ...meta.tags],
    modified: story.updated ?? readEnv().buildDate,
    url: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
    chapters,
    t,
  });
}

/** A picture of the content folder as the book carries it: scaled down if wider than an e-reader needs. */
async function bookImage(path: string): Promise<EpubImage> {
  const mediaType = imageTypes[extname(path).toLowerCase()]!;
  const original = await readFile(join(readEnv().contentDir, path));
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(mediaType)) return { href: path, mediaType, bytes: original };
  const { width = 0 } = await sharp(original).metadata();
  const bytes = width > bookImageWidth ? await sharp(original).resize({ width: bookImageWidth }).toBuffer() : original;
  return { href: path, mediaType, bytes };
}
