import type { APIRoute, GetStaticPaths } from 'astro';
import { epubFileName, getEpub } from '../build/book';
import { storyPaths } from '../build/content';

/** `/<story-title>.epub`: the whole story for e-readers. */
export const getStaticPaths: GetStaticPaths = () =>
  storyPaths('book', (story) => [{ params: { book: epubFileName(story).replace(/\.epub$/, '') } }]);

export const GET: APIRoute = async ({ site }) => {
  const epub = await getEpub(site);
  return new Response(epub as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/epub+zip' } });
};
