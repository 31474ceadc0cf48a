import type { Root, RootContent, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { asTyped } from './as-typed.ts';
import { problems } from '../core/problems.ts';
import { visit } from 'unist-util-visit';
import { textClasses } from '../shared/contract.ts';

/**
 * The blocks an author can mark in Markdown, each a `:::name` … `:::` container: the class
 * it gets (styled on the site, in the entire work and in the EPUB).
 */
export const blocks = {
  /** Verse and song lyrics: every line break kept. */
  verse: textClasses.verse,
  /** A text-message or chat exchange: one message a line, `Name: text`. */
  messages: textClasses.messages,
} as const;

/**
 * Turns `:::verse` and `:::messages` containers into their blocks and reports any other
 * container name. Directive syntax met anywhere else (`Re:Zero`, `10:30`, `::note`) is the
 * author's text, put back exactly as written.
 */
export function remarkBlocks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective' || node.type === 'leafDirective') {
        const literal = asTyped(node, source) ?? `:${node.name}`;
        const text: Text = { type: 'text', value: literal, ...(node.position ? { position: node.position } : {}) };
        const replacement: RootContent = node.type === 'leafDirective' ? { type: 'paragraph', children: [text] } : text;
        parent!.children.splice(index!, 1, replacement as never);
        return index;
      }
      if (node.type !== 'containerDirective') return undefined;
      const name = (node as ContainerDirective).name;
      if (!Object.hasOwn(blocks, name)) {
        file.message(problems.UnknownBlock.message(name), node);
        return undefined;
      }
      node.data = { hName: 'div', hProperties: { className: [blocks[name as keyof typeof blocks]] } };
      return undefined;
    });
  };
}
