import type { Blockquote, BlockContent, DefinitionContent, Emphasis, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { asTyped } from './as-typed.ts';

/**
 * Two things Obsidian, Typora, iA Writer and Bear write that CommonMark shows as typed:
 *
 * - `==highlighted==` words, marked as a highlighter marks them (`<mark>`);
 * - a callout, `> [!note] A title` over a quotation: the quotation, its title in bold over it
 *   (its kind, "Note", when it has no title), the `[!note]` left out; one that folds
 *   (`> [!faq]- Spoiler`, `+` open) is a part the reader opens (`<details>`, the title its summary).
 */

/** `==words==`, neither end next to a space or another `=`. */
const highlight = /(?<![=\\])==(?![\s=])([^=\n]*?[^\s=\\])==(?!=)/g;
/** `[!kind]`, folding (`-` closed, `+` open) or not, and the title after it on its line. */
const calloutMark = /^\[!([\p{L}\p{N}_-]{1,40})\]([+-]?)[ \t]*([^\n]*)(?:\n|$)/u;

export function remarkMarksAndCallouts() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'blockquote', (node: Blockquote, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const callout = calloutOf(node);
      if (callout) parent.children.splice(index, 1, callout as Blockquote);
      return undefined;
    });
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('==')) return undefined;
      // `\==` keeps its signs, as `\*` does: a text written with one is left as written.
      if (asTyped(node, source)?.includes('\\=')) return undefined;
      const parts: PhrasingContent[] = [];
      let at = 0;
      for (const match of node.value.matchAll(highlight)) {
        if (match.index > at) parts.push({ type: 'text', value: node.value.slice(at, match.index) });
        // mdast has no highlight of its own: an emphasis that becomes `<mark>` in HTML.
        const mark: Emphasis = { type: 'emphasis', data: { hName: 'mark' }, children: [{ type: 'text', value: match[1]! }] };
        parts.push(mark);
        at = match.index + match[0].length;
      }
      if (parts.length === 0) return undefined;
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}

/** A quotation that opens with `[!kind]` as the callout it is, or undefined. */
function calloutOf(quote: Blockquote): BlockContent | undefined {
  const [first, ...rest] = quote.children;
  const opening = first?.type === 'paragraph' ? first.children[0] : undefined;
  const found = opening?.type === 'text' ? calloutMark.exec(opening.value) : null;
  if (!first || first.type !== 'paragraph' || !opening || opening.type !== 'text' || !found) return undefined;
  const [written, kind, fold, title] = found;
  const heading: PhrasingContent[] = [{ type: 'text', value: title!.trim() || kind!.charAt(0).toUpperCase() + kind!.slice(1) }];
  // The rest of the first paragraph, after the line the mark and title are on.
  const after: PhrasingContent[] = [{ ...opening, value: opening.value.slice(written!.length) }, ...first.children.slice(1)].filter(
    (child) => child.type !== 'text' || child.value !== '',
  );
  const body: (BlockContent | DefinitionContent)[] = [
    ...(after.length > 0 ? [{ ...first, children: after } satisfies Paragraph] : []),
    ...rest,
  ];
  if (!fold) {
    const titled: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: heading }] };
    return { ...quote, children: [titled, ...body] };
  }
  // A folding callout: `<details>` (open when `+`), its title the `<summary>`.
  const summary: Paragraph = { type: 'paragraph', data: { hName: 'summary' }, children: heading };
  return {
    type: 'blockquote',
    data: { hName: 'details', hProperties: fold === '+' ? { open: true } : {} },
    children: [summary, ...body],
    ...(quote.position ? { position: quote.position } : {}),
  };
}
