import { reservedSlugs } from './slug.ts';
import { decodeSafely } from '../shared/paths.ts';

/**
 * The chapter a link points at, when it points inside the story: `chapter-3.md`,
 * `./chapter-3.md`, `../chapter-3/`, `/chapter-3/`, `chapter-3` or `chapter-3.html` all name `chapter-3`.
 * External links, in-page anchors, the site's own pages and other files (`map.png`) give
 * `undefined`.
 */
export function linkedChapter(target: string): string | undefined {
  if (leavesTheSite(target) || target.startsWith('#')) return undefined;
  const path = decodeSafely(target.split(/[?#]/)[0]!);
  if (!path) return undefined;
  const name = path.replace(/^(?:\.{1,2}\/|\/)+/, '').replace(/\/$/, '');
  // A chapter's Markdown file, or its page as another site or a book named it (`chapter-3.html`, `chapter-3.xhtml`).
  const slug = name.replace(/\.(?:md|html?|xhtml)$/i, '');
  if (slug === '' || slug === 'index' || slug.includes('/') || reservedSlugs.includes(slug)) return undefined;
  // Another kind of file (an image, a PDF) is not a chapter.
  if (slug === name && /\.[a-z0-9]{1,5}$/i.test(name)) return undefined;
  return slug;
}

/** Whether a link or source leaves the site: it has a scheme (`https:`, `mailto:`, `javascript:`) or names a host (`//cdn…`). */
export function leavesTheSite(target: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target);
}
