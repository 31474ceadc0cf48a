import type { Element, Root, RootContent } from 'hast';
import { linkedChapter } from '../core/links.ts';

/**
 * Rewrites links between chapters (`[see](chapter-3.md)`, `(../chapter-3/)`) to the chapter's
 * URL under the site's base path, so they work on any host and under any sub-path.
 */
export function rehypeChapterLinks(options: { base: string }) {
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') rewrite(node, options.base);
    if ('children' in node) node.children.forEach(visit);
  };
  return (tree: Root) => visit(tree);
}

function rewrite(node: Element, base: string) {
  const href = node.tagName === 'a' ? node.properties.href : undefined;
  if (typeof href !== 'string') return;
  const slug = linkedChapter(href);
  if (slug === undefined) return;
  const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
  node.properties.href = `${base}${slug}/${hash}`;
}
