import type { Element, Root } from 'hast';

/**
 * Gives each top-level paragraph of a chapter a stable id (`p-1`, `p-2`, …). They are
 * paragraph permalinks, let search land on the paragraph that holds a hit, and let a
 * reader resume where they stopped.
 */
export function rehypeParagraphIds() {
  return (tree: Root) => {
    let count = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && isParagraph(node)) {
        count++;
        node.properties.id ??= `p-${count}`;
      }
    }
  };
}

function isParagraph(node: Element): boolean {
  return node.tagName === 'p' || node.tagName === 'blockquote';
}
