import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classesOf } from './class-list.ts';

/**
 * A task list's boxes (`- [x] done`, `- [ ] to do`, GitHub-flavoured Markdown) as the marks
 * ☑ and ☐ in the text: the state the author wrote shows, read aloud too, with no form control
 * in the page (raw HTML's `<input>` is never kept). The list keeps GitHub's classes, which the
 * styles use to set it without bullets.
 */
export function rehypeTaskBoxes() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !classesOf(node).includes('task-list-item')) return;
      visit(node, 'element', (box: Element, index, parent) => {
        if (box.tagName !== 'input' || box.properties.type !== 'checkbox' || !parent || index === undefined) return undefined;
        parent.children.splice(index, 1, { type: 'text', value: box.properties.checked ? '☑' : '☐' });
        return false;
      });
    });
  };
}
