import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { textClasses } from '../shared/contract.ts';
import { classesOf } from './class-list.ts';

/**
 * The author's headings in a chapter's text set under the page's own `<h1>` (the chapter's
 * title): the highest level the text uses becomes `<h2>`, and each level under it the next, no
 * level skipped. A `###` under the title (or a `#`, which would be a second title) is then the
 * section heading it is for screen readers and the document outline, in the order written.
 * A note or summary, shown under its own `<h2>` ("Author's note"), starts at `top: 3`.
 * The footnotes' own heading is the site's, and stays as it is.
 */
export function rehypeHeadingLevels(options: { top?: number } = {}) {
  const top = options.top ?? 2;
  return (tree: Root) => {
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (classesOf(node).includes(textClasses.footnotes)) return SKIP;
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
      return undefined;
    });
    const level = (heading: Element) => Number(heading.tagName.slice(1));
    const levels = [...new Set(headings.map(level))].sort((a, b) => a - b);
    const placed = new Map(levels.map((written, index) => [written, Math.min(6, top + index)]));
    for (const heading of headings) heading.tagName = `h${placed.get(level(heading))}`;
  };
}
