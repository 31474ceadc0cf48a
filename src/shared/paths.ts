/** Paths under the site's base path: every URL the site makes goes through these. */

/** A base path with its closing slash: `/` or `/my-story/`. */
export function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** Joins a site-relative path onto a base path: (`/quire/`, `prologue/`) → `/quire/prologue/`. */
export function joinBase(base: string, path: string): string {
  return `${withSlash(base)}${path.replace(/^\/+/, '')}`;
}

/** The site-relative path of a chapter page. */
export function chapterPath(slug: string): string {
  return `${slug}/`;
}
