import type { FootnoteReference, Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';

/** The deepest nesting a text may have: quotes in quotes, lists in lists, elements in elements. Stories need a handful. */
export const maxDepth = 64;

/**
 * The most lines a text may run without a blank line between them (one paragraph, one list,
 * one quote): 20,000 parse in about a second, 40,000 take thirteen, and more grow with their square.
 */
export const maxRunLines = 20_000;

/**
 * The most emphasis marks (`*`, `_`, strikethrough's `~`) one paragraph may hold: the parser
 * pairs them in time growing with their square (40,000 take 7 s, 200,000 minutes). A page of
 * prose holds dozens.
 */
export const maxRunMarks = 10_000;

/**
 * The most non-blank lines a text may hold: a chapter of a million words has some 20,000
 * paragraphs; 100,000 one-word paragraphs take the pipeline 14 s, and the time and memory grow
 * with them.
 */
export const maxLines = 50_000;

/** The most `|` one table (or paragraph) may hold: each cell costs the pipeline as a paragraph does, and a page shows hundreds. */
export const maxRunCells = 20_000;

/** The problem with a text nested too deep. */
export const tooDeep = (what: string) => problems.TooDeep.message(what, maxDepth);

/**
 * A line of Markdown nested deeper than `maxDepth`, or the first of more than `maxRunLines`
 * lines without a blank line between them, found before parsing: the parser's time
 * grows with the cube of a list's depth (800 levels take 20 s), so such a text is refused
 * without being parsed. Counts `>` quote markers and the indentation of list items.
 */
export function nestingProblem(markdown: string): { line: number; message: string } | undefined {
  let line = 0;
  // Lines in a row without a blank one: one paragraph, whose parse grows with the square of its lines past tens of thousands.
  let run = 0;
  // Emphasis marks and brackets, and cells' `|`, in the paragraph so far (reported at the line it starts on).
  let marks = 0;
  let cells = 0;
  let lines = 0;
  // ::: blocks open around this line: the parser's time grows with the cube of their depth (800 take 3 s, 5,000 minutes).
  let blocks = 0;
  for (const text of markdown.split('\n')) {
    line++;
    run = /\S/.test(text) ? run + 1 : 0;
    if (run > maxRunLines) return { line: line - run + 1, message: problems.LongRun.message(maxRunLines) };
    if (run > 0 && ++lines > maxLines) return { line, message: problems.ManyLines.message(maxLines) };
    const counted = run === 0 ? { marks: 0, cells: 0 } : countMarks(text);
    marks = run === 0 ? 0 : marks + counted.marks;
    if (marks > maxRunMarks) return { line: line - run + 1, message: problems.ManyMarks.message(maxRunMarks) };
    cells = run === 0 ? 0 : cells + counted.cells;
    if (cells > maxRunCells) return { line: line - run + 1, message: problems.WideTable.message(maxRunCells) };
    const quotes = /^(?:[ \t]*>)*/.exec(text)![0];
    const markers = quotes.split('>').length - 1;
    const rest = text.slice(quotes.length);
    const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(rest);
    // A list inside a list is indented by at least two columns.
    const indent = item ? item[1]!.replace(/\t/g, '    ').length / 2 : 0;
    const fence = /^[ \t]*:{3,}[ \t]*(\S?)/.exec(rest);
    if (fence) blocks = fence[1] ? blocks + 1 : Math.max(0, blocks - 1);
    if (markers + indent + blocks > maxDepth) return { line, message: tooDeep('text') };
  }
  return undefined;
}

/** The most times one footnote may be marked: each mark adds a link back to the note (a few are usual; 40,000 made a 10 MB page). */
export const maxNoteUses = 100;

/**
 * Stops a footnote marked more than `maxNoteUses` times: reported at the first mark past the
 * limit, and the marks past it taken out of the tree, which is never published.
 */
export function noteUsesLimit() {
  return (tree: Root, file: VFile) => {
    const uses = new Map<string, number>();
    // The marks past the limit, by the node that holds them: taken out in one pass each.
    const excess = new Map<Parent, Set<Node>>();
    visit(tree, 'footnoteReference', (node: FootnoteReference, _index, parent) => {
      const key = node.identifier.toLowerCase();
      const count = (uses.get(key) ?? 0) + 1;
      uses.set(key, count);
      if (count <= maxNoteUses || !parent) return;
      if (excess.size === 0) file.message(problems.ManyNoteUses.message(node.label ?? node.identifier, maxNoteUses), node);
      excess.set(parent, (excess.get(parent) ?? new Set()).add(node));
    });
    for (const [parent, nodes] of excess) parent.children = parent.children.filter((child) => !nodes.has(child));
  };
}

/** How many `*`, `_`, `~` and `[`, and how many `|`, a line holds, not counting those escaped (`\*`), which are text. */
function countMarks(text: string): { marks: number; cells: number } {
  let marks = 0;
  let cells = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 42 || code === 95 || code === 126 || code === 91) marks++;
    else if (code === 124) cells++;
  }
  return { marks, cells };
}

/**
 * Stops a text nested deeper than `maxDepth` (5,000 `>` in a row) before the pipeline's
 * recursive steps overflow the stack: the problem is reported at the line where it goes too
 * deep, and what lies below is cut from the tree, which is never published (the build fails
 * on the problem). Walks the tree without recursion.
 *
 * A new plugin for each `what`: unified runs a plugin used twice in one pipeline only once (at
 * its first place, with the later options), which left the tree from raw HTML unchecked. A text
 * is reported once: the tree cut for its Markdown is not reported again as raw HTML.
 */
export function depthLimit(what: string): () => (tree: Node, file: VFile) => void {
  return () => (tree, file) => {
    if (file.data.tooDeep) return;
    const stack: [Parent, number][] = 'children' in tree ? [[tree as Parent, 0]] : [];
    while (stack.length > 0) {
      const [parent, depth] = stack.pop()!;
      for (const child of parent.children) {
        if (!('children' in child)) continue;
        if (depth + 1 >= maxDepth) {
          file.message(tooDeep(what), child);
          file.data.tooDeep = true;
          (child as Parent).children = [];
          return;
        }
        stack.push([child as Parent, depth + 1]);
      }
    }
  };
}

declare module 'vfile' {
  interface DataMap {
    /** Whether a part of the text was cut for nesting too deep (and reported). */
    tooDeep: boolean;
  }
}
