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

/**
 * What a link under the site's base path points at, read back: `/base/chapter-3/#p-2` →
 * slug `chapter-3`, fragment `p-2`. Nothing for a link elsewhere. (The entire work and the
 * EPUB point such links within themselves.)
 */
export function chapterLink(href: string, base: string): { slug: string; fragment: string | undefined } | undefined {
  const prefix = withSlash(base);
  if (!href.startsWith(prefix)) return undefined;
  const [path = '', fragment] = href.slice(prefix.length).split('#');
  return { slug: path.replace(/\/$/, ''), fragment: fragment || undefined };
}

/** A URL's percent-escapes decoded (`caf%C3%A9` → `café`); the text as it is where they are malformed. */
export function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
