import { defineMiddleware } from 'astro:middleware';
import { getStrings } from './build/content.ts';
import { problemsPage } from './build/problems-page.ts';
import { trimScriptHashes } from './build/page-policy.ts';
import { indexPage, isIndexed, passTurn, searchTurn } from './integrations/pagefind.ts';
import { StoryError } from './core/story.ts';
import { decodeSafely } from './shared/paths.ts';

/**
 * Gives every page and endpoint the story's strings as `Astro.locals.t`; in a build, gives
 * each page the policy its own inline scripts need (src/build/page-policy.ts) and hands each
 * chapter page to the search index as soon as it is rendered (src/integrations/pagefind.ts).
 * In `npm run dev`, a story with problems shows them as a plain page (a fault in the code
 * still gets Astro's overlay).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // Its place in the search index, taken as it starts, before it renders beside another page (src/integrations/pagefind.ts).
  const turn = import.meta.env.DEV || !context.isPrerendered ? undefined : searchTurn();
  try {
    context.locals.t = await getStrings();
  } catch (error) {
    if (import.meta.env.DEV && error instanceof StoryError) return problemsPage(error.problems, import.meta.env.BASE_URL);
    throw error;
  }
  if (turn === undefined) return next();
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) {
    passTurn(turn);
    return response;
  }
  const html = trimScriptHashes(await response.text());
  if (isIndexed(html)) {
    const path = context.url.pathname.slice(import.meta.env.BASE_URL.length).replace(/^\//, '');
    indexPage(turn, `${decodeSafely(path)}${path === '' || path.endsWith('/') ? 'index.html' : ''}`, html);
  } else passTurn(turn);
  return new Response(html, response);
});
