import type { APIRoute } from 'astro';
import { writeAddresses } from '../core/addresses';
import { getStory } from '../build/content';

/**
 * `/addresses.txt`: every chapter address the site serves (each chapter's, and the old ones its
 * aliases keep), with the chapter's title, so the next build, and the deploy against the live
 * site, can tell the author of a chapter page that would go (see src/core/addresses.ts).
 */
export const GET: APIRoute = async () => {
  const { chapters } = await getStory();
  return new Response(writeAddresses(chapters), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
