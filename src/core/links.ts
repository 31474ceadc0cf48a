import { reservedSlugs } from './slug.ts';

/** Markdown links and their targets: `[text](target "title")`. */
export const markdownLink = /\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g;

/**
 * The chapter a link points at, when it points inside the story: `chapter-3.md`,
 * `./chapter-3.md`, `../chapter-3/` or `/chapter-3/` all name `chapter-3`.
 * External links, in-page anchors and the site's own pages give `undefined`.
 */
export function linkedChapter(target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return undefined;
  const path = target.split(/[?#]/)[0]!;
  if (!path) return undefined;
  const slug = path
    .replace(/^(?:\.{1,2}\/|\/)+/, '')
    .replace(/\/$/, '')
    .replace(/\.md$/, '');
  if (slug === '' || slug.includes('/') || reservedSlugs.includes(slug)) return undefined;
  return slug;
}
