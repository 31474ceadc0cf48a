/** Joins a site-relative path onto Astro's `base`, so links work under a sub-path. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** The site-relative URL of a chapter page. */
export function chapterPath(slug: string): string {
  return `${slug}/`;
}
