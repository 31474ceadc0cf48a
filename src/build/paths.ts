import { joinBase } from '../shared/paths.ts';

/** Joins a site-relative path onto this build's base path (`BASE_PATH`), so links work under a sub-path. */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The absolute URL of a site path, when the site's address is known (`SITE_URL`). */
export function absoluteUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(withBase(path), site).href : undefined;
}

/** Where `npm start` serves the site: the stand-in origin for absolute links when SITE_URL is unset. */
export const localPreview = 'http://localhost:4321';
