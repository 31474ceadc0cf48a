/** URL slugs: what a chapter's address may be, and how a title becomes one. */

/** Lowercase letters and digits in runs joined by single hyphens: `chapter-12`. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Chapter slugs that would collide with the site's own pages. */
export const reservedSlugs = ['search', 'read', '404', 'rss.xml', 'feed', '_astro', 'pagefind'];

/** The longest slug made from a title: file names stay well under every file system's limit. */
export const maxSlugLength = 80;

/** "Interlude: Letters & Lies" → "interlude-letters-lies"; a long title is cut at a word, to `maxSlugLength`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxSlugLength) return slug;
  const cut = slug.slice(0, maxSlugLength + 1);
  return (cut.lastIndexOf('-') > maxSlugLength / 2 ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, maxSlugLength)).replace(/-+$/, '');
}
