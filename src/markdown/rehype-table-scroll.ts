import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { textClasses } from '../shared/contract.ts';

export interface TableScrollOptions {
  /** What a table with no caption is called, for the reader who reaches it by keyboard: "Table". */
  label: string;
}

/**
 * Puts each table in a box that scrolls sideways, so a table wider than a phone (a cast list of
 * five columns) scrolls on its own instead of breaking its words letter by letter or widening the
 * page. The box takes keyboard focus, so it scrolls without a mouse, and is named after the
 * table's caption, else "Table" in the story's language.
 */
export function rehypeTableScroll({ label }: TableScrollOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const name = caption ? toString(caption).replace(/\s+/g, ' ').trim() : '';
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: [textClasses.tableScroll], role: 'group', tabIndex: 0, ariaLabel: name || label },
        children: [node],
      };
      // A table inside a cell scrolls with the table around it.
      return SKIP;
    });
  };
}
