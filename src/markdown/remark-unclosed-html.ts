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
 * Elements fiction's raw HTML wraps text in whose end tag HTML requires: left open, each holds
 * everything after it to the end of the chapter (an `<i>` sets the rest in italics, a `<div>`
 * takes the paragraphs out of the page's own). Not those whose end tag is optional (`<p>`,
 * `<li>`, `<td>`), which the next one closes, nor those that leave no mark once sanitized
 * (`<span>`, `<font>`).
 */
const wrapping = new Set([
  ...['a', 'b', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 's', 'samp', 'small', 'strike', 'strong'],
  ...['sub', 'sup', 'tt', 'u', 'var'],
  ...['article', 'aside', 'blockquote', 'center', 'details', 'div', 'dl', 'figure', 'footer', 'header', 'main', 'nav', 'ol'],
  ...['pre', 'section', 'table', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);

/**
 * Reports raw HTML that would silently delete the author's words: an element that hides what it
 * holds opened and never closed, a comment never closed, or `<plaintext>`. Removing a dangerous
 * element is right; removing the prose after it is not, so the build stops and says where. An
 * element that wraps text left open is told as a warning: the words stay, inside it.
 */
export function remarkUnclosedHtml() {
  return (tree: Root, file: VFile) => {
    const open: { name: string; node: Html }[] = [];
    const wrappers: { name: string; node: Html }[] = [];
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
        const list = swallowing.has(name) ? open : wrapping.has(name) ? wrappers : undefined;
        if (!list) continue;
        if (slash) {
          const index = list.findLastIndex((entry) => entry.name === name);
          if (index !== -1) list.splice(index, 1);
        } else if (list === wrappers || !(selfClosing && (name === 'svg' || name === 'math'))) {
          // HTML takes no end in `<div/>`: only SVG and MathML close themselves.
          list.push({ name, node });
        }
      }
    });
    for (const { name, node } of open) {
      file.message(problems.UnclosedElement.message(name), node);
    }
    for (const { name, node } of wrappers) {
      file.info(problems.UnclosedWrapper.message(name), node);
    }
  };
}
