import { htmlTagNames } from 'html-tag-names';
import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { mathTagNames } from './sanitize.ts';

const known = new Set([...htmlTagNames, ...mathTagNames]);

/**
 * Keeps angle-bracketed words that are not HTML as the author's text: `<sigh>`, `<3 beats>`,
 * `<thinking>` are shown as written, where a browser (and the sanitizer) would drop them as
 * unknown tags and the words with them. Real HTML tags are left for the sanitizer.
 */
export function remarkLiteralTags() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html) => {
      node.value = node.value.replace(/<(\/?)([a-zA-Z][\w:-]*)([^<>]*)>/g, (tag, _slash, name: string) =>
        known.has(name.toLowerCase()) ? tag : tag.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      );
    });
  };
}
