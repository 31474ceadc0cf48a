/** URL slugs: what a chapter's address may be, and how a title becomes one. */

/**
 * Lowercase letters and digits, of any script, in runs joined by single hyphens:
 * `chapter-12`, `глава-3`, `雪の日`. Readers of every language get addresses they can read.
 */
export const slugPattern = /^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]+)*$/u;

/** Chapter slugs that would collide with the site's own pages. */
export const reservedSlugs = ['search', 'read', '404', 'rss.xml', 'feed', '_astro', 'pagefind'];

/** The longest slug made from a title: file names stay well under every file system's limit. */
export const maxSlugLength = 80;

/**
 * "Interlude: Letters & Lies" → "interlude-letters-lies", "Daaé" → "daae", "Глава 3" →
 * "глава-3", "雪の日" → "雪の日": accents come off Latin letters, other scripts stay as
 * written (their marks too: a Japanese が stays が). A long title is cut at a word, to
 * `maxSlugLength` characters.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const characters = Array.from(slug);
  if (characters.length <= maxSlugLength) return slug;
  const cut = characters.slice(0, maxSlugLength + 1).join('');
  return (
    cut.lastIndexOf('-') > maxSlugLength / 2 ? cut.slice(0, cut.lastIndexOf('-')) : Array.from(cut).slice(0, maxSlugLength).join('')
  ).replace(/-+$/, '');
}
