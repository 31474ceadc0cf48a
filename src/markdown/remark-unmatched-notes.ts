import type { FootnoteDefinition, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';

/**
 * A footnote's mark as typed (`[^3]`, `[^note]`), which Markdown leaves as text when no note has
 * its label; or with a space in its label (`[^the lake]`), which Markdown never reads as a mark.
 */
const typedMark = /\[\^([^\]\s]+|[^\]\s][^\]\n]{0,60}?[^\]\s])\]/g;

/**
 * Tells the author of footnotes that do not meet: a note written (`[^2]: …`) that nothing in
 * the text marks, or a second note written with a label already used, which Markdown leaves
 * out of the page, and a mark (`[^3]`) for a note that is written nowhere, which readers see as
 * typed. Either way the author's words would change without a word said. The text still
 * renders as Markdown has it.
 */
export function remarkUnmatchedNotes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const marked = markedNotes(tree);
    const written = new Set<string>();
    const unshown: UnshownNote[] = [];
    visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
      const label = node.label ?? node.identifier;
      const twice = written.has(node.identifier);
      written.add(node.identifier);
      if (!twice && marked.has(node.identifier)) return;
      file.info(twice ? problems.NoteWrittenTwice.message(label) : problems.UnmarkedNote.message(label), node);
      unshown.push({ label, text: toString(node, { includeHtml: false }) });
    });
    if (unshown.length > 0) file.data.unshownNotes = unshown;
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start.offset;
      if (start === undefined) return;
      for (const match of node.value.matchAll(typedMark)) {
        // As typed in the source (not escaped, `\[^3]`), where the text and its source still line up.
        const at = source.indexOf(match[0], start);
        if (at === -1 || source[at - 1] === '\\') continue;
        const label = match[1]!;
        if (/\s/.test(label)) file.info(problems.SpacedNoteLabel.message(match[0], `[^${label.replace(/\s+/g, '-')}]`), node);
        else file.info(problems.NoteNowhere.message(match[0]), node);
      }
    });
  };
}

/** A note no page shows (marked nowhere, or written a second time under a label already used): its label and its words. */
export interface UnshownNote {
  label: string;
  text: string;
}

/**
 * The notes a page shows: those the text marks, and those the notes it shows mark, and so on. A
 * note marked only in itself, or in another note nothing marks, is shown nowhere.
 */
function markedNotes(tree: Root): Set<string> {
  const written = new Map<string, FootnoteDefinition>();
  visit(
    tree,
    'footnoteDefinition',
    (node: FootnoteDefinition) => void (written.has(node.identifier) || written.set(node.identifier, node)),
  );
  const marked = new Set<string>();
  const markedIn = (node: Root | FootnoteDefinition, skipNotes: boolean) => {
    const found: string[] = [];
    visit(node, (child) => {
      if (skipNotes && child.type === 'footnoteDefinition') return SKIP;
      if (child.type === 'footnoteReference' && !marked.has(child.identifier)) {
        marked.add(child.identifier);
        found.push(child.identifier);
      }
      return undefined;
    });
    return found;
  };
  const next = markedIn(tree, true);
  for (let identifier = next.pop(); identifier !== undefined; identifier = next.pop()) {
    const note = written.get(identifier);
    if (note) next.push(...markedIn(note, false));
  }
  return marked;
}

declare module 'vfile' {
  interface DataMap {
    /** The text's notes no page shows, which the file still holds (for the import's word check). */
    unshownNotes: UnshownNote[];
  }
}
