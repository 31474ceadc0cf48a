import type { Element, ElementContent, Root, RootContent } from 'hast';

/** What an HTML element says it is, read the same way by every importer module. */

export { classesOf } from '../markdown/class-list.ts';

/** The EPUB semantics and ARIA role of an element (`noteref`, `footnote`, `doc-endnotes`…). */
export function semanticsOf(node: Element): string {
  // Or as Calibre writes it, the prefix taken off (`type="footnotes"`); no list's or control's type says such words.
  const type = node.properties['epub:type'] ?? node.properties.epubType ?? node.properties.type ?? '';
  return `${String(type)} ${String(node.properties.role ?? '')}`;
}

/** How deeply a tree's elements nest, and how many there are, counted without recursion (a hostile file nests thousands deep). */
export function shapeOf(tree: Root): { depth: number; elements: number } {
  let deepest = 0;
  let elements = 0;
  const stack: [Root | Element, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.children)
      if (child.type === 'element') {
        elements++;
        stack.push([child, depth + 1]);
      }
  }
  return { depth: deepest, elements };
}

/**
 * Every element in a tree, depth first, with a way to take it out of its parent. Walked with a
 * stack of its own, reading each parent's children as they stand when reached (as a loop over
 * them would): a generator delegating to one per level passed each element up through every
 * level above it, which for text nested 900 wrappers deep was seconds per walk.
 */
export function* elementsOf(root: Root | Element): Generator<{ node: Element; parent: Root | Element }> {
  const stack: { parent: Root | Element; index: number }[] = [{ parent: root, index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.parent.children[frame.index++];
    if (!child) {
      stack.pop();
      continue;
    }
    if (child.type !== 'element') continue;
    yield { node: child, parent: frame.parent };
    stack.push({ parent: child, index: 0 });
  }
}

/** What stands before `node` among its siblings, blank text passed over: the rule or the line ("Notes:") above a block. */
export function shownBefore(siblings: readonly (RootContent | ElementContent)[], node: RootContent | ElementContent) {
  return siblings.slice(0, siblings.indexOf(node)).findLast((child) => child.type !== 'text' || child.value.trim() !== '');
}

/** Takes an element out of the tree it is in, wherever it sits; the tree is changed. */
export function removeElement(tree: Root | Element, element: Element): void {
  for (const { node, parent } of elementsOf(tree))
    if (node === element) {
      parent.children.splice(parent.children.indexOf(node), 1);
      return;
    }
}
