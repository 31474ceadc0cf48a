import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { closesFence, fenceOpened, sourceLines } from './source-lines.ts';

/**
 * Tells the author of a code fence (```` ``` ```` or `~~~` with text under it) opened and never
 * closed: Markdown shows everything after it, to the end of the chapter, as code (fixed-width,
 * no italics, no paragraphs). The text still renders as Markdown has it; a fence inside a quote
 * or a list, which ends with its container, is left alone.
 */
export function remarkUnclosedFence() {
  return (tree: Root, file: VFile) => {
    const lines = sourceLines(file);
    visit(tree, 'code', (node: Code) => {
      const start = node.position?.start.line;
      const end = node.position?.end.line;
      if (!start || !end || !node.value.trim()) return;
      const fence = fenceOpened(lines[start - 1] ?? '');
      if (!fence || (end > start && closesFence(lines[end - 1] ?? '', fence))) return;
      file.info(problems.UnclosedFence.message(fence), { line: start, column: 1 });
    });
  };
}
