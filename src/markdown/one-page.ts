import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { chapterLink } from '../shared/paths.ts';

/**
 * A chapter's HTML for a page that holds every chapter (the entire work): its ids (and the
 * links and ARIA references to them) get the chapter's prefix, `chapter-2--p-4`, so many
 * chapters share one page without clashing; a link to another chapter of the page
 * (`/base/chapter-3/#p-2`) becomes a link within it (`#chapter-3--p-2`). Done on the tree:
 * text that shows markup (`<p id="intro">` in a code span) reads as written.
 */
export function onePageHtml(html: string, slug: string, options: { base: string; slugs: ReadonlySet<string> }): string {
  const local = (id: string) => `${slug}--${id}`;
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    const { properties } = node;
    if (typeof properties.id === 'string') properties.id = local(properties.id);
    for (const name of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const ids = properties[name];
      if (Array.isArray(ids)) properties[name] = ids.map((id) => local(String(id)));
    }
    if (typeof properties.href !== 'string') return;
    const href = properties.href;
    if (href.startsWith('#') && href.length > 1) {
      properties.href = `#${local(href.slice(1))}`;
      return;
    }
    const target = chapterLink(href, options.base);
    if (target && options.slugs.has(target.slug))
      properties.href = `#${target.fragment ? `${target.slug}--${target.fragment}` : target.slug}`;
  });
  return toHtml(tree);
}
