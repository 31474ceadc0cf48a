/** URL slugs: what a chapter's address may be, and how a title becomes one. */

/** Lowercase letters and digits in runs joined by single hyphens: `chapter-12`. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Chapter slugs that would collide with the site's own pages. */
export const reservedSlugs = ['search', 'read', '404', 'rss.xml', 'feed', '_astro', 'pagefind'];

/** "Interlude: Letters & Lies" → "interlude-letters-lies". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
