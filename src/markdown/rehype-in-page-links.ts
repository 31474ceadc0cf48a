import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { visit } from 'unist-util-visit';
import { decodeSafely } from '../shared/paths.ts';
import { reservedIds } from '../shared/contract.ts';

/**
 * Reports a link within the chapter (`<a href="#note-1">`) that leads to no id in it: on the
 * page it goes nowhere, and in the EPUB it is an error e-readers and epubcheck refuse
 * (RSC-012). Hand-made footnotes pasted from an archive are the usual case, their target
 * written as `<a name>`, which the page does not keep. Runs once the ids are final.
 */
export function rehypeInPageLinks() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>(reservedIds());
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('#') || href === '#') return;
      const id = decodeSafely(href.slice(1));
      if (ids.has(id)) return;
      file.message(problems.LinkToNothingHere.message(href, id), node);
    });
  };
}
