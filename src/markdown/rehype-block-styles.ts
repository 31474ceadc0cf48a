import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';
import { textClasses } from '../shared/contract.ts';
import { classesOf } from './class-list.ts';

/** The classes the blocks stylesheet styles. */
const styled = new Set<string>(Object.values(textClasses));

/**
 * Records in `file.data.blocks` whether the text needs the blocks stylesheet (verse, a chat,
 * footnotes, kept-together dashes, pictures and their captions, tables), read from the tree the pipeline built, so a page
 * links that stylesheet only when what it shows uses it.
 */
export function rehypeBlockStyles() {
  return (tree: Root, file: VFile) => {
    let needed = false;
    visit(tree, 'element', (node: Element) => {
      if (['img', 'figure', 'table'].includes(node.tagName) || classesOf(node).some((name) => styled.has(name))) {
        needed = true;
        return EXIT;
      }
      return undefined;
    });
    file.data.blocks = needed;
  };
}

declare module 'vfile' {
  interface DataMap {
    blocks: boolean;
  }
}
