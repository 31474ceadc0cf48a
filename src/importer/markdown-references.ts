import type { FootnoteDefinition, FootnoteReference, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { definesAddress } from '../core/links.ts';
import { fencedLines } from '../markdown/source-lines.ts';

/**
 * Links and pictures written by reference (`[the inn][1]`, `![][image1]`, and `[1]: https://…`
 * at the end, as Google Docs' Markdown, Ulysses and many editors write them) written inline
 * instead (`[the inn](https://…)`), definitions taken away: a file cut into chapters keeps every
 * link and picture working in the chapter that shows it, where the definitions would stay in the
 * last. The text shown is unchanged; fenced code is left as it is. A line that gives no address
 * (`[Level]: 3`, typed as text) is no definition here, as on the site (core/links.ts `definesAddress`).
 */

/**
 * A definition's line: `[label]: <address> "title"` (not a footnote's, `[^1]: …`), as CommonMark
 * reads one: an address of one word, a title in quotes or brackets, nothing else
 * ("[Flashback]: The year was 1990." is a paragraph).
 */
export const definitionLine = /^ {0,3}\[((?!\^)[^\]\n]{1,500})\]:[ \t]*(<[^>\n]*>|\S+)(?:[ \t]+("[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;

/** Whether a definition line's address as typed (`<…>` or bare) gives an address, as the site reads it (core/links.ts). */
export const definesTypedAddress = (typed: string): boolean => definesAddress(typed.replace(/^<([^>]*)>$/, '$1'));

/** A reference: `![alt][label]`, `[text][label]`, `[text][]`, or `[label]` alone (not a link already, nor a footnote). */
const reference = /(!?)\[((?!\^)[^\]\n]{0,500})\](?:\[([^\]\n]{0,500})\]|(?![(:[]))/g;

/** Labels match whatever their case and spacing, as CommonMark matches them. */
const key = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The text with its references written inline and its definitions taken away; a text without definitions as it is. */
export function inlineReferences(markdown: string): string {
  const lines = markdown.split('\n');
  const definitions = new Map<string, string>();
  const fenced = fencedLines(lines);
  const removed = new Set<number>();
  for (const [index, line] of lines.entries()) {
    const found = fenced[index] ? undefined : definitionLine.exec(line);
    if (!found || !definesTypedAddress(found[2]!)) continue;
    const address = found[2]!.startsWith('<') ? found[2]! : `<${found[2]!}>`;
    // The first definition of a label is the one CommonMark uses.
    if (!definitions.has(key(found[1]!))) definitions.set(key(found[1]!), found[3] ? `${address} ${found[3]}` : address);
    removed.add(index);
  }
  if (definitions.size === 0) return markdown;
  return lines
    .map((line, index) =>
      fenced[index]
        ? line
        : line.replace(reference, (whole, bang: string, text: string, label: string | undefined) => {
            const target = definitions.get(key(label || text));
            return target === undefined ? whole : `${bang}[${text}](${target})`;
          }),
    )
    .filter((_, index) => !removed.has(index))
    .join('\n')
    .trimEnd();
}

/**
 * Footnotes written at the end of a file cut into chapters (as pandoc, Ulysses and long
 * manuscripts write them, all after the last chapter): each note moved to the chapter that
 * refers to it, after its text, so it shows there and not, unreferenced, nowhere. A note its own
 * chapter refers to, or that several chapters or none refer to, stays where it is. Read by the
 * Markdown parser the site uses, so a note's continued paragraphs and code are moved whole.
 */
export function gatherFootnoteDefinitions(bodies: readonly string[]): { bodies: string[]; moved: number } {
  const parser = unified().use(remarkParse).use(remarkGfm);
  const read = bodies.map((body) => {
    const tree = parser.parse(body);
    const references = new Set<string>();
    const definitions: { identifier: string; start: number; end: number }[] = [];
    visit(tree, (node) => {
      if (node.type === 'footnoteReference') references.add((node as FootnoteReference).identifier);
      // A reference whose note is in another chapter is no reference to the parser, which leaves it as text.
      if (node.type === 'text')
        for (const [, label] of (node as Text).value.matchAll(/\[\^([^\]\s]{1,200})\](?!:)/g)) references.add(label!.toLowerCase());
      if (node.type === 'footnoteDefinition' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined)
        definitions.push({
          identifier: (node as FootnoteDefinition).identifier,
          start: node.position.start.offset,
          end: node.position.end.offset,
        });
    });
    return { references, definitions };
  });
  const taken = bodies.map(() => [] as { start: number; end: number }[]);
  const added = bodies.map(() => [] as string[]);
  read.forEach(({ references, definitions }, from) => {
    for (const definition of definitions) {
      if (references.has(definition.identifier)) continue;
      const users = read.flatMap((other, index) => (other.references.has(definition.identifier) ? [index] : []));
      if (users.length !== 1) continue;
      taken[from]!.push(definition);
      added[users[0]!]!.push(bodies[from]!.slice(definition.start, definition.end));
    }
  });
  const moved = taken.reduce((sum, list) => sum + list.length, 0);
  if (moved === 0) return { bodies: [...bodies], moved };
  return {
    moved,
    bodies: bodies.map((body, index) => {
      let text = body;
      for (const { start, end } of taken[index]!.toReversed())
        text = `${text.slice(0, start).trimEnd()}\n\n${text.slice(end).replace(/^\s*\n/, '')}`;
      return [text.trim(), ...added[index]!].filter(Boolean).join('\n\n');
    }),
  };
}
