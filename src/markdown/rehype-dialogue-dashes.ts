import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { textClasses } from '../shared/contract.ts';

/** A dash that opens or closes dialogue or an aside, with the word it belongs to: `—Hola`, `él—.` */
const dashWithWord = /(?<=^|\s)[—―]+[^\s—―]+|[^\s—―]*[\p{L}\p{N}][^\s—―]*[—―]+[.,;:!?…»”’)\]]*(?=\s|$)/gu;

/**
 * Keeps a dialogue dash with the word beside it, so a line never starts with the closing
 * half of a dash pair (`—. Por eso`) nor ends with an opening dash alone: each such pair is
 * set in a `<span class="nowrap">`. Spanish, Portuguese, Russian and others open dialogue with
 * a dash; the rule does no harm elsewhere.
 */
export function rehypeDialogueDashes() {
  return (tree: Root) => {
    visit(tree, 'text', (text, index, parent) => {
      if (!parent || index === undefined || !/[—―]/.test(text.value)) return undefined;
      if (parent.type === 'element' && ['code', 'pre'].includes(parent.tagName)) return undefined;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const match of text.value.matchAll(dashWithWord)) {
        if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
        parts.push({
          type: 'element',
          tagName: 'span',
          properties: { className: [textClasses.nowrap] },
          children: [{ type: 'text', value: match[0] }],
        } as Element);
        last = match.index + match[0].length;
      }
      if (parts.length === 0) return undefined;
      if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
