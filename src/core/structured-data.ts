import type { Chapter, Story } from './story.ts';
import { isoDate } from '../shared/format.ts';

const person = (name: string) => ({ '@type': 'Person', name });

/** schema.org `Book` for the home page. `url` and the cover's `image` are absolute when the site's address is known. */
export function bookData(story: Story, url: string | undefined, image?: string): Record<string, unknown> {
  const { meta } = story;
  return {
    '@type': 'Book',
    name: meta.title,
    // One author as schema.org writes one; co-authors as a list of them.
    author: meta.authors.length === 1 ? person(meta.authors[0]!) : meta.authors.map(person),
    inLanguage: meta.language,
    bookFormat: 'https://schema.org/EBook',
    wordCount: story.words,
    creativeWorkStatus: story.status === 'complete' ? 'Published' : 'Incomplete',
    ...(url ? { url } : {}),
    ...(story.published ? { datePublished: isoDate(story.published, meta.timeZone) } : {}),
    ...(story.updated ? { dateModified: isoDate(story.updated, meta.timeZone) } : {}),
    ...(meta.characters.length ? { character: meta.characters.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(meta.tags.length ? { keywords: meta.tags.join(', ') } : {}),
    ...(story.summary.text ? { abstract: story.summary.text } : {}),
    ...(image ? { image } : {}),
    ...(meta.series
      ? {
          position: meta.series.part,
          isPartOf: { '@type': 'BookSeries', name: meta.series.title, ...(meta.series.url ? { url: meta.series.url } : {}) },
        }
      : {}),
  };
}

/** schema.org `Chapter` with `isPartOf` its book, for a chapter page. Author and language are the book's. */
export function chapterData(
  chapter: Chapter,
  position: number,
  story: Story,
  urls: { chapter: string | undefined; book: string | undefined },
): Record<string, unknown> {
  return {
    '@type': 'Chapter',
    name: chapter.title,
    position,
    ...(urls.chapter ? { url: urls.chapter } : {}),
    ...(chapter.published ? { datePublished: isoDate(chapter.published, story.meta.timeZone) } : {}),
    ...(chapter.summary ? { abstract: chapter.summary.text } : {}),
    isPartOf: { '@type': 'Book', name: story.meta.title, ...(urls.book ? { url: urls.book } : {}) },
  };
}
