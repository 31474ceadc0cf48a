/** Joins a site-relative path onto Astro's `base`, so links work under a sub-path. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site path, when the site's address is known (SITE_URL). */
export function absoluteUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(withBase(path), site).href : undefined;
}

/** The site-relative URL of a chapter page. */
export function chapterPath(slug: string): string {
  return `${slug}/`;
}

/** Where `npm start` serves the site: the stand-in origin for absolute links when SITE_URL is unset. */
export const localPreview = 'http://localhost:4321';
