import type { Nodes, Root, ThematicBreak } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { isSceneBreak } from '../core/scene-breaks.ts';
import { closesFence, fenceOpened } from './source-lines.ts';

/**
 * Scene breaks as authors type them, in Markdown as in any file they import: a paragraph that
 * is only a break (`oOo`, `⁂`, `+++`, `~*~`, by the importer's one predicate, core/scene-breaks.ts)
 * and a heading mark with nothing after it but marks (`#`, `# # #`, as manuscripts set a break)
 * are the site's scene break, where Markdown would show the marks as text or an empty heading.
 */
export function remarkSceneBreaks() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const text = node.type === 'paragraph' || node.type === 'heading' ? textOf(node) : undefined;
      const marks = text !== undefined && (text.trim() === '' ? node.type === 'heading' : isSceneBreak(text));
      if (!marks) return undefined;
      const rule: ThematicBreak = { type: 'thematicBreak', ...(node.position ? { position: node.position } : {}) };
      parent.children.splice(index, 1, rule as never);
      return undefined;
    });
  };
}

/**
 * Fiction in Markdown has no code indented four spaces, only paragraphs indented as a
 * manuscript's are: read as paragraphs, not as code shown in a fixed-width font. (Fenced code,
 * ``` … ```, stays for a story that shows a terminal or a letter set in type.)
 */
export function remarkIndentedParagraphs(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented'] } });
}

/** A line of words between runs of three tildes or more. */
const decoratedLine = /^[ \t]*~{3,}[^~]*[^\s~][^~]*~{3,}\s*$/;

/**
 * Lines of tildes or plus signs alone (`~~~`, `+ + +`, a blank line above and below), which
 * fanfic types as a scene break and Markdown would open a code block at (swallowing the text
 * after it) or nest empty lists for, written as the thematic break they mean: the same number of
 * characters, so every line stays. Words between runs of tildes (`~~~Meg's POV~~~`), which
 * Markdown would also open a code block at, are shown as typed. A fence of backticks or tildes
 * with code under it (no blank line) is left as it is, and so is everything inside it. The
 * plugins read the text this returns (`file.value`), offsets and all.
 */
export function typedBreaks(markdown: string): string {
  if (!/~~~|\+\s*\+\s*\+/.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const blank = (line: string | undefined) => line === undefined || line.trim() === '';
  let fence: string | undefined;
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const marks = /^(?:~{3,}|(?:\+[ \t]*){3,})$/.test(trimmed) && blank(lines[i - 1]) && blank(lines[i + 1]);
    if (marks) {
      lines[i] = line.replace(/[~+]/g, '*');
      continue;
    }
    // Words between runs of tildes (`~~~Meg's POV~~~`, `~~~~ Three weeks later ~~~~`): fanfic's
    // line over a new part, not a fence whose "language" is the words, with the rest of the
    // chapter as its code. Shown as typed: the opening tilde escaped (one character more on this line alone).
    if (decoratedLine.test(line)) {
      lines[i] = line.replace('~', '\\~');
      continue;
    }
    fence = fenceOpened(line);
  }
  return lines.join('\n');
}

/** What a break may be dressed in: emphasis (`*~*~*` is emphasis of a tilde), strikethrough, inline HTML tags (`<b>oOo</b>`). */
const dressing = new Set(['text', 'emphasis', 'strong', 'delete', 'html', 'paragraph', 'heading']);

/**
 * The text of a paragraph or heading as written, marks and all; undefined when it holds more
 * than text, however dressed: a link, a picture, code or a footnote's mark is what the author
 * wrote there (`[***](chapter-2.md)`, `` `#` ``), never a break.
 */
function textOf(node: Nodes): string | undefined {
  if (!dressing.has(node.type)) return undefined;
  if (node.type === 'text') return node.value;
  if (node.type === 'html') return '';
  let text = '';
  for (const child of 'children' in node ? (node.children as Nodes[]) : []) {
    const part = textOf(child);
    if (part === undefined) return undefined;
    text += part;
  }
  return text;
}
