import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * A table whose header row is empty drawn without it. Markdown's tables must open with a header
 * row, so a table with none (a LitRPG status box, a sign, a letter set in a frame; the importer
 * writes one for every such table of an input) is written with an empty one, which browsers draw
 * as an empty strip above the box.
 */
export function rehypeHeadlessTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'table') return;
      const header = node.children.findIndex(
        (child) =>
          child.type === 'element' &&
          child.tagName === 'thead' &&
          toString(child).trim() === '' &&
          !child.children.some((row) => row.type === 'element' && hasContent(row)),
      );
      if (header === -1) return;
      // With the line break written after it.
      const after = node.children[header + 1];
      node.children.splice(header, after?.type === 'text' && after.value.trim() === '' ? 2 : 1);
    });
  };
}

/** Whether a row holds anything beyond its cells and spaces: a picture, a rule. */
function hasContent(row: Element): boolean {
  let found = false;
  visit(row, 'element', (node: Element) => {
    if (!['tr', 'th', 'td'].includes(node.tagName)) found = true;
  });
  return found;
}
