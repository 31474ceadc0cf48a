import type { Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { sourceLines } from './source-lines.ts';

/** A line typed as a table's row: between pipes, two cells at least (`| Level | 3 |`). */
const row = /^\|(?:[^|\n]*\|){2,}$/;
/** A line of pandoc's line block: a bar, then a space and the line (or nothing, for an empty line). */
export const lineBlockLine = /^\|(?: |$)/;

/**
 * Tells the author of lines typed as a table (`| Level | 3 |`, as a status screen is) with no
 * line of dashes under the first (`| --- | --- |`), or as pandoc's line block (`| Dear Meg,`,
 * line by line): Markdown reads them as one paragraph, its bars shown and its lines run
 * together. The text still renders as Markdown has it.
 */
export function remarkRowlessTables() {
  return (tree: Root, file: VFile) => {
    const lines = sourceLines(file);
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const start = paragraph.position?.start.line;
      const end = paragraph.position?.end.line;
      if (!start || !end || end === start) return;
      const typed = lines.slice(start - 1, end).map((line) => line.trim());
      if (typed.every((line) => row.test(line))) {
        const cells = typed[0]!.split('|').length - 2;
        file.info(problems.RowlessTable.message(typed[0]!, cells), { line: start, column: 1 });
      } else if (lines.slice(start - 1, end).every((line) => lineBlockLine.test(line))) {
        file.info(problems.LineBlock.message(typed[0]!), { line: start, column: 1 });
      }
    });
  };
}
