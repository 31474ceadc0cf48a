import { escapeXml } from './escape.ts';
import { slugify } from './slug.ts';
import type { Story } from './story.ts';

/**
 * The story as an OPDS 1.2 catalogue (https://specs.opds.io/opds-1.2): an acquisition feed
 * with the work as its one entry, so ebook apps (KOReader, Thorium, Moon+ Reader…) can add
 * the site and download the EPUB. Links are as given: absolute once the site's address is
 * known, else from the site's root.
 */

export interface CatalogueLinks {
  /** The catalogue itself. */
  self: string;
  /** The story's home page. */
  home: string;
  /** The EPUB. */
  epub: string;
  /** The cover, full size and as a thumbnail (JPEG), when the story has one. */
  cover?: { image: string; thumbnail: string } | undefined;
}

const acquisitionFeed = 'application/atom+xml;profile=opds-catalog;kind=acquisition';

/** The catalogue's XML. `now` dates a story none of whose chapters is dated. */
export function opdsCatalogue(story: Story, links: CatalogueLinks, now: Date): string {
  const { meta } = story;
  // Atom ids are absolute: the site's addresses when known, else names of the story's own.
  const id = (href: string, name: string) => (/^https?:/.test(href) ? href : `urn:quire:${slugify(meta.title) || 'story'}${name}`);
  const updated = (story.updated ?? story.published ?? now).toISOString();
  const text = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const link = (rel: string, href: string, type: string) => `<link rel="${rel}" href="${escapeXml(href)}" type="${type}"/>`;
  const authors = meta.authors.map((name) => `<author>${text('name', name)}</author>`);
  const categories = [meta.fandom, ...meta.tags].filter((term): term is string => Boolean(term));
  const entry = [
    text('title', meta.title),
    text('id', id(links.home, '')),
    text('updated', updated),
    ...authors,
    text('dc:language', meta.language),
    ...(story.published ? [text('dc:issued', story.published.toISOString().slice(0, 10))] : []),
    ...(story.summary.text ? [`<summary type="text">${escapeXml(story.summary.text)}</summary>`] : []),
    ...categories.map((term) => `<category term="${escapeXml(term)}" label="${escapeXml(term)}"/>`),
    ...(links.cover
      ? [
          link('http://opds-spec.org/image', links.cover.image, 'image/jpeg'),
          link('http://opds-spec.org/image/thumbnail', links.cover.thumbnail, 'image/jpeg'),
        ]
      : []),
    link('http://opds-spec.org/acquisition/open-access', links.epub, 'application/epub+zip'),
    link('alternate', links.home, 'text/html'),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog">
${[
  text('id', id(links.self, ':catalogue')),
  text('title', meta.title),
  text('updated', updated),
  ...authors,
  link('self', links.self, acquisitionFeed),
  link('start', links.self, acquisitionFeed),
  `<entry>\n${entry.map((line) => `  ${line}`).join('\n')}\n</entry>`,
].join('\n')}
</feed>
`;
}
