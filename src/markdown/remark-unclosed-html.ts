import type { Html, Root } from 'mdast';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { visit } from 'unist-util-visit';
import { removedWithContent } from './sanitize.ts';

/**
 * Raw HTML elements whose content is removed with them (see sanitize.ts): left open, any of
 * these would take the rest of the chapter with it. (`<embed>` has no content to take.)
 */
const swallowing = new Set<string>(removedWithContent.filter((name) => name !== 'embed'));

/**
 * Reports raw HTML that would silently delete the author's words: an element from the list
 * above opened and never closed, a comment never closed, or `<plaintext>`. Removing a
 * dangerous element is right; removing the prose after it is not, so the build stops and
 * says where.
 */
export function remarkUnclosedHtml() {
  return (tree: Root, file: VFile) => {
    const open: { name: string; node: Html }[] = [];
    visit(tree, 'html', (node: Html) => {
      const value = node.value;
      const comment = value.lastIndexOf('<!--');
      if (comment !== -1 && value.indexOf('-->', comment + 4) === -1) {
        file.message(problems.UnclosedComment.message(), node);
      }
      const withoutComments = value.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
      for (const [, slash, rawName, selfClosing] of withoutComments.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
        const name = rawName!.toLowerCase();
        if (name === 'plaintext') {
          file.message(problems.Plaintext.message(), node);
          continue;
        }
        if (!swallowing.has(name)) continue;
        if (slash) {
          const index = open.findLastIndex((entry) => entry.name === name);
          if (index !== -1) open.splice(index, 1);
        } else if (!(selfClosing && (name === 'svg' || name === 'math'))) {
          open.push({ name, node });
        }
      }
    });
    for (const { name, node } of open) {
      file.message(problems.UnclosedElement.message(name), node);
    }
  };
}
