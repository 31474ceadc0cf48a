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

/**
 * Whether the address of a Markdown definition (`[label]: address`) is one: a site's
 * (`https://…`, `mailto:`), a path or a file (`images/map.png`, `../notes/`), an anchor, a
 * chapter (`isChapter`), or none at all (`[//]: <>`, how Markdown writes a comment). Any other
 * is text typed in brackets, as a status screen's `[Level]: 3` or `[Name]: Arin`.
 */
export function definesAddress(url: string, isChapter: (slug: string) => boolean = () => false): boolean {
  if (url === '' || /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:mailto|tel|sms|data):|\/|\.{1,2}\/|#|\?|www\.)/i.test(url)) return true;
  if (/\.[a-z][a-z0-9]{0,4}$/i.test(url.split(/[?#]/)[0]!)) return true;
  const chapter = linkedChapter(url);
  return chapter !== undefined && isChapter(chapter);
}
