import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { asTyped } from './as-typed.ts';
import { problems } from '../core/problems.ts';

/** A picture or link whose address holds a space (`![](images/My Picture.jpg)`), which Markdown leaves as text. */
const spaced = /(?<!\\)(!?)\[([^\]\n]{0,500})(?<!\\)\]\((?![<\s])([^()\n]{0,500}?\s[^()\n]{0,500}?)\)/g;

/**
 * Tells the author of a picture or link that shows as typed because its address holds a space
 * (`![](images/My Picture.jpg)`, `[on](chapter 2.md)`: file names from Windows and macOS often
 * do), which Markdown reads only in angle brackets. The text renders as Markdown has it.
 */
export function remarkSpacedAddresses() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'text', (node: Text) => {
      // As typed, escapes and all: brackets escaped (\[…]\(…), as the importer writes them) are text meant as text.
      const typedText = asTyped(node, source);
      if (typedText === undefined) return;
      for (const match of typedText.matchAll(spaced)) {
        const [typed, bang, text, address] = match as unknown as [string, string, string, string];
        // A title after the address ([on](chapter-2.md "The Lake")) is Markdown's own: it was read.
        if (/^\S+\s+(?:"[^"]*"|'[^']*')$/.test(address.trim())) continue;
        const line = node.position!.start.line + (typedText.slice(0, match.index).match(/\n/g)?.length ?? 0);
        file.info(problems.SpacedAddress.message(typed, bang === '!', `${bang}[${text}](<${address.trim()}>)`), { line, column: 1 });
      }
    });
  };
}
