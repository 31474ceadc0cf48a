import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { closesFence, fenceOpened, sourceLines } from './source-lines.ts';

/** What a code block's language is written as: one word of letters, digits and `+ # . _ -` (`python`, `c++`, `shell-session`). */
const languageName = /^[\p{L}\p{N}+#._-]+$/u;

/**
 * Tells the author where a code fence (```` ``` ```` or `~~~`) hides what they typed. Opened
 * and never closed, with text under it: Markdown shows everything after it, to the end of the
 * chapter, as code (fixed-width, no italics, no paragraphs). Words after the fence that are no
 * language's name (```` ```Meg's POV ````), or any on a fence with nothing under it: Markdown
 * reads them as the code's language, which no page shows. The text still renders as Markdown
 * has it; a fence inside a quote or a list, which ends with its container, is left alone.
 */
export function remarkFenceWarnings() {
  return (tree: Root, file: VFile) => {
    const lines = sourceLines(file);
    visit(tree, 'code', (node: Code) => {
      const start = node.position?.start.line;
      const end = node.position?.end.line;
      if (!start || !end) return;
      // The fence where the block starts: after a quote's or a list's mark, if it is in one.
      const opened = fenceOpened((lines[start - 1] ?? '').slice(node.position!.start.column - 1));
      const info = [node.lang, node.meta].filter(Boolean).join(' ');
      if (opened && info && (!node.value.trim() || !languageName.test(info)))
        file.info(problems.FenceWords.message(opened, info), { line: start, column: 1 });
      const fence = fenceOpened(lines[start - 1] ?? '');
      if (!fence || !node.value.trim() || (end > start && closesFence(lines[end - 1] ?? '', fence))) return;
      file.info(problems.UnclosedFence.message(fence), { line: start, column: 1 });
    });
  };
}
