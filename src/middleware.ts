import { defineMiddleware } from 'astro:middleware';
import { getStrings } from './build/content.ts';

/** Gives every page and endpoint the story's strings as `Astro.locals.t`. */
export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.t = await getStrings();
  return next();
});
