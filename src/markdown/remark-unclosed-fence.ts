import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';

/**
 * Tells the author of a code fence (```` ``` ```` or `~~~` with text under it) opened and never
 * closed: Markdown shows everything after it, to the end of the chapter, as code (fixed-width,
 * no italics, no paragraphs). The text still renders as Markdown has it; a fence inside a quote
 * or a list, which ends with its container, is left alone.
 */
export function remarkUnclosedFence() {
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split(/\r?\n/);
    visit(tree, 'code', (node: Code) => {
      const start = node.position?.start.line;
      const end = node.position?.end.line;
      if (!start || !end || !node.value.trim()) return;
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(lines[start - 1] ?? '')?.[1];
      if (!fence) return;
      const closing = end > start ? (lines[end - 1] ?? '').trim() : '';
      if (closing.length >= fence.length && [...closing].every((char) => char === fence[0])) return;
      file.info(problems.UnclosedFence.message(fence), { line: start, column: 1 });
    });
  };
}
