import type { FootnoteDefinition, FootnoteReference, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { asTyped } from './as-typed.ts';

/**
 * Inline notes, `^[the note's words]`, as Pandoc, Obsidian and Quarto write a footnote where it
 * belongs: a footnote like any other (`[^1]`), numbered with them in the order they are read.
 * Brackets inside the note pair up (`^[see [the letter](#letter)]`); `\^[` and `^\[` stay as typed.
 * Read in one pass over each paragraph, however many brackets it has.
 */
export function remarkInlineNotes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const taken = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') taken.add((node as FootnoteDefinition).identifier);
    });
    const notes: FootnoteDefinition[] = [];
    const nextIdentifier = () => {
      let number = notes.length + 1;
      while (taken.has(`inline-${number}`)) number += 1;
      const identifier = `inline-${number}`;
      taken.add(identifier);
      return identifier;
    };
    visit(tree, (node) => {
      if (!('children' in node) || node.type === 'root') return undefined;
      const parent = node as Parent;
      const spans = noteSpans(parent.children as PhrasingContent[], source);
      if (spans.length === 0) return undefined;
      const children = parent.children as PhrasingContent[];
      const out: PhrasingContent[] = [];
      let from: Point = { child: 0, offset: 0 };
      for (const { open, close } of spans) {
        out.push(...between(children, from, open));
        const identifier = nextIdentifier();
        const words = between(children, { child: open.child, offset: open.offset + 2 }, close);
        notes.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children: words }] });
        out.push({ type: 'footnoteReference', identifier, label: identifier } satisfies FootnoteReference);
        from = { child: close.child, offset: close.offset + 1 };
      }
      out.push(...between(children, from, { child: children.length, offset: 0 }));
      parent.children = out;
      // A note's words are read as they are; no note opens inside another.
      return SKIP;
    });
    tree.children.push(...notes);
  };
}

/** A place in a run of phrasing nodes: a node, and a character within it when it is text. */
interface Point {
  child: number;
  offset: number;
}

/**
 * Where each outermost `^[…]` of a run of phrasing nodes opens (at its `^`) and closes (at its
 * `]`): the text nodes' brackets paired in one pass, as a stack pairs them.
 */
function noteSpans(children: PhrasingContent[], source: string): { open: Point; close: Point }[] {
  const spans: { open: Point; close: Point }[] = [];
  const stack: (Point | undefined)[] = [];
  children.forEach((child, index) => {
    // `\^[` and `^\[` stay as typed, as `\*` does.
    if (child.type !== 'text' || /\\\^|\^\\\[/.test(asTyped(child, source) ?? '')) return;
    const { value } = child as Text;
    for (let offset = 0; offset < value.length; offset += 1) {
      const character = value[offset];
      if (character === '[') stack.push(value[offset - 1] === '^' ? { child: index, offset: offset - 1 } : undefined);
      else if (character === ']' && stack.length > 0) {
        const open = stack.pop();
        // The outermost note only: one opened inside another is its words.
        if (open && !stack.some(Boolean)) spans.push({ open, close: { child: index, offset } });
      }
    }
  });
  return spans;
}

/** The phrasing between two places, text nodes cut where the places fall in them. */
function between(children: PhrasingContent[], from: Point, to: Point): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let index = from.child; index <= Math.min(to.child, children.length - 1); index += 1) {
    const child = children[index]!;
    const start = index === from.child ? from.offset : 0;
    if (child.type !== 'text') {
      if (index < to.child && start === 0) out.push(child);
      continue;
    }
    const end = index === to.child ? to.offset : child.value.length;
    const value = child.value.slice(start, end);
    if (value) out.push({ type: 'text', value });
  }
  return out;
}
