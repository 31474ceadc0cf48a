import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { sourceLines } from './source-lines.ts';

/** A line of YAML frontmatter: a key and a colon (`title: The Lake`, `order: 2`). */
const keyLine = /^\s*[A-Za-z_][\w-]*\s*:(?:\s|$)/;

/**
 * Notes the first paragraph that `---` (or `===`) on the line under it made a heading (a Setext
 * heading), when it reads as a sentence: an author who typed `---` as a scene break straight under
 * the text gets the paragraph as a heading, which only a blank line between them prevents. Kept
 * in `file.data.dashHeading`, for the author's warning; the text renders as Markdown has it.
 */
export function remarkDashHeadings() {
  return (tree: Root, file: VFile) => {
    const lines = sourceLines(file);
    // A second block of frontmatter opening the text (a chapter's pasted twice, or another file's
    // pasted in): Markdown reads its --- as a rule and its keys, over the closing ---, as a heading.
    const [rule, keys] = tree.children;
    let frontmatter: typeof keys | undefined;
    if (rule?.type === 'thematicBreak' && keys?.type === 'heading' && keys.position && rule.position) {
      const written = lines.slice(keys.position.start.line - 1, keys.position.end.line - 1);
      if (written.length > 0 && written.every((line) => keyLine.test(line))) {
        file.info(problems.SecondFrontmatter.message(written[0]!.trim()), rule.position.start);
        frontmatter = keys;
      }
    }
    for (const node of tree.children) {
      if (node === frontmatter || node.type !== 'heading' || node.depth > 2 || !node.position) continue;
      const underline = lines[node.position.end.line - 1] ?? '';
      if (!/^ {0,3}(?:-+|=+)\s*$/.test(underline)) continue;
      // As typed, for the author to find: the lines above the underline.
      const text = lines
        .slice(node.position.start.line - 1, node.position.end.line - 1)
        .map((line) => line.trim())
        .join(' ');
      if (readsAsSentence(text)) {
        file.data.dashHeading = text;
        return;
      }
    }
  };
}

/**
 * Whether a line over a dashed line reads as a sentence of the text, not a heading: it ends as a
 * sentence or a quotation does, or runs longer than a heading.
 */
export function readsAsSentence(line: string): boolean {
  const text = line.trim();
  return /[.,!?…:;"”’»」』)][*_]*$/u.test(text) || Array.from(text).length > 80;
}

declare module 'vfile' {
  interface DataMap {
    dashHeading: string;
  }
}
