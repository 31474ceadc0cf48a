/** URL slugs: what a chapter's address may be, and how a title becomes one. */

import { offlineFiles } from '../shared/offline.ts';

/**
 * Lowercase letters and digits, of any script, in runs joined by single hyphens:
 * `chapter-12`, `глава-3`, `雪の日`. Readers of every language get addresses they can read.
 */
export const slugPattern = /^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]+)*$/u;

/** Chapter slugs that would collide with the site's own pages (a page of the site's own wins over a chapter's, which would be lost). */
export const reservedSlugs = ['search', 'read', '404', 'rss.xml', 'feed', '_astro', 'pagefind', offlineFiles.page.replace(/\/$/, '')];

/** The longest slug made from a title: file names stay well under every file system's limit. */
export const maxSlugLength = 80;
/** The longest slug a chapter may have, set by hand or by its file name: a folder name every file system takes. */
export const slugLimit = 100;

/** Scripts that share a word, for telling a slug of one language from letters borrowed to look like others. */
const scriptGroups: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  // Japanese writes kana beside kanji; Chinese and Korean write Han too.
  ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/**
 * What keeps `slug` from being a chapter's address, or nothing: not lowercase letters and
 * digits joined by single hyphens, too long for a folder name, letters of two scripts mixed
 * (`ᐟetcᐟpasswd`, where a syllabics mark poses as a slash), nothing but modifier letters
 * (`ꓸꓸ`, tone marks posing as dots), or one of the site's own pages.
 */
export function slugProblem(slug: string): string | undefined {
  if (!slugPattern.test(slug)) return 'must be lowercase letters, digits and single hyphens (chapter-12, глава-3, 雪の日)';
  if (Array.from(slug).length > slugLimit) return `is longer than ${slugLimit} characters`;
  if (reservedSlugs.includes(slug)) return `is one of the site's own pages (${reservedSlugs.join(', ')})`;
  if (!/[\p{Ll}\p{Lo}\p{Nd}]/u.test(slug)) return 'holds no letter or digit, only marks that look like punctuation';
  const letters = Array.from(slug).filter(
    (character) => /\p{L}/u.test(character) && !/\p{Script=Common}|\p{Script=Inherited}/u.test(character),
  );
  const scripts = new Set(letters.map((letter) => scriptGroups.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'other'));
  const korean = scripts.size === 2 && scripts.has('Hangul') && scripts.has('Han');
  if (scripts.size > 1 && !korean) {
    return 'mixes letters of different scripts, which can pose as other characters; write it in one';
  }
  return undefined;
}

/**
 * A chapter's address from its file name: the name itself where it is one (`chapter-12`,
 * `雪の日`), else the name as an author saving files by hand or keeping an Obsidian vault
 * writes it, made one: `Chapter 12.md` → `chapter-12`, `Chapter_3 - The Lake.md` →
 * `chapter-3-the-lake`, `Café.md` → `café` (lowercase, spaces and punctuation as single
 * hyphens, the letters of every script kept as written). Empty where the name holds no letter
 * or digit (`🌙.md`).
 */
export function fileSlug(id: string): string {
  const name = id.normalize('NFC');
  if (slugPattern.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

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
