import type { APIRoute } from 'astro';
import { epubFileName } from '../build/book';
import { getStory } from '../build/content';
import { resizedImage } from '../build/images';
import { withBase } from '../build/paths';
import { opdsCatalogue } from '../core/opds';
import { readEnv } from '../source/env';

/** `/opds.xml`: the story as an OPDS catalogue, for ebook apps (src/core/opds.ts). */
export const GET: APIRoute = async ({ site }) => {
  const story = await getStory();
  // Absolute with the site's address (SITE_URL); else from the site's root, which apps resolve against the catalogue's address.
  const url = (path: string) => (site ? new URL(path, site).href : path);
  const cover = story.meta.cover
    ? {
        image: url((await resizedImage(story.meta.cover, 1200, 'jpeg')).src),
        thumbnail: url((await resizedImage(story.meta.cover, 300, 'jpeg')).src),
      }
    : undefined;
  const xml = opdsCatalogue(
    story,
    { self: url(withBase('opds.xml')), home: url(withBase('')), epub: url(withBase(epubFileName(story))), cover },
    readEnv().buildDate,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml;profile=opds-catalog;kind=acquisition' } });
};
