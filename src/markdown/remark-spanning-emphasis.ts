import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';

/** How many blocks after its opening a closing mark is looked for. */
const reach = 50;

/**
 * Tells the author of emphasis opened at the start of one paragraph and closed at the end of a
 * later one (`*She remembered.` … `Then she woke.*`, a flashback set in italics): Markdown's
 * emphasis never spans paragraphs, so readers see both marks as typed and nothing in italics.
 * The text still renders as Markdown has it.
 */
export function remarkSpanningEmphasis() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node) => {
      if (!('children' in node) || node.type === 'paragraph') return;
      const blocks = node.children as RootContent[];
      for (const [index, block] of blocks.entries()) {
        const mark = block.type === 'paragraph' ? opening(block, source) : undefined;
        if (!mark) continue;
        const closer = blocks
          .slice(index + 1, index + 1 + reach)
          .find((later): later is Paragraph => later.type === 'paragraph' && closing(later, source) === mark);
        const line = block.position?.start.line;
        const closedAt = closer?.position?.end.line;
        if (line && closedAt) file.info(problems.SpanningEmphasis.message(mark, closedAt), { line, column: 1 });
      }
    });
  };
}

/** The mark a paragraph's text opens with, typed and not escaped (`*`, `**`, `_`), where the paragraph never closes it. */
function opening(paragraph: Paragraph, source: string): string | undefined {
  const first = paragraph.children[0];
  const mark = first?.type === 'text' ? /^(\*{1,3}|_{1,3})(?=\S)/.exec(first.value)?.[1] : undefined;
  const at = first?.position?.start.offset;
  if (!mark || at === undefined || source[at] !== mark[0]) return undefined;
  // Closed within the paragraph: a literal mark after a word, whatever emphasis came between.
  const rest = paragraph.children.flatMap((child: PhrasingContent) => (child.type === 'text' ? [child.value] : [])).join(' ');
  return new RegExp(`\\S${RegExp.escape(mark)}(?![*_])`).test(rest.slice(mark.length)) ? undefined : mark;
}

/** The mark a paragraph's text closes with, typed and not escaped (`… woke.*`). */
function closing(paragraph: Paragraph, source: string): string | undefined {
  const last = paragraph.children.at(-1);
  const mark = last?.type === 'text' ? /(?<=\S)(\*{1,3}|_{1,3})$/.exec(last.value)?.[1] : undefined;
  const end = last?.position?.end.offset;
  if (!mark || end === undefined || source.slice(end - mark.length, end) !== mark || source[end - mark.length - 1] === '\\')
    return undefined;
  return mark;
}
