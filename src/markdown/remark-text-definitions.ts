import type { Definition, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { definesAddress } from '../core/links.ts';

export interface TextDefinitionOptions {
  /** Every chapter file's id and slug: a definition whose address is one of them links a chapter. */
  chapters: ReadonlyMap<string, string>;
}

/**
 * A line Markdown reads as a link's definition, `[label]: address`, shows nowhere: the address
 * of the links that name it. Fiction types such lines as text (a status screen's `[Name]: Arin`,
 * `[Level]: 3`), which would vanish without a word, and turn `[Name]` elsewhere into a link to
 * "Arin". A definition is kept as one where it gives an address (a site's, a path, a file, an
 * anchor, a chapter, or none at all, `[//]: <>` being how Markdown writes a comment); any other
 * is the text it was typed as, lines in a row one paragraph of those lines (a line break
 * between each, as a status screen is set), and the references to it the brackets they were typed as.
 */
export function remarkTextDefinitions(this: Processor, options: TextDefinitionOptions) {
  return (tree: Root, file: { value: unknown }) => {
    const source = String(file.value);
    const first = new Map<string, Definition>();
    const typed = new Set<Definition>();
    visit(tree, 'definition', (node: Definition) => {
      if (!first.has(node.identifier)) first.set(node.identifier, node);
      if (!definesAddress(node.url, (slug) => options.chapters.has(slug))) typed.add(node);
    });
    if (typed.size === 0) return;
    const asText = (identifier: string) => typed.has(first.get(identifier)!);
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if ((node.type === 'linkReference' || node.type === 'imageReference') && asText(node.identifier)) {
        const shown: PhrasingContent[] = node.type === 'linkReference' ? node.children : [{ type: 'text', value: node.alt ?? '' }];
        const after = node.referenceType === 'full' ? `[${node.label ?? node.identifier}]` : node.referenceType === 'collapsed' ? '[]' : '';
        parent.children.splice(
          index,
          1,
          ...([
            { type: 'text', value: node.type === 'imageReference' ? '![' : '[' },
            ...shown,
            { type: 'text', value: `]${after}` },
          ] as never[]),
        );
        return index + shown.length + 2;
      }
      if (node.type !== 'definition' || !typed.has(node)) return undefined;
      // This line and the typed definitions on the lines right under it: one paragraph, as typed.
      const siblings = parent.children as RootContent[];
      let last = index;
      while (isNextLine(siblings[last]!, siblings[last + 1], typed)) last++;
      const typedText = siblings
        .slice(index, last + 1)
        .map((line) => sourceOf(line, source).trimStart())
        .join('\n');
      // Read as Markdown where it holds more than words and brackets (`[Level]: *3*`), each line's `[` escaped.
      const paragraph: Paragraph = /[*_`<>&~\\!]|\]\(/.test(typedText)
        ? ((this.parse(typedText.replace(/^\[/gm, '\\[')) as Root).children[0] as Paragraph)
        : { type: 'paragraph', children: [{ type: 'text', value: typedText }] };
      visit(paragraph, (inner: Nodes) => void delete inner.position);
      // Each line its own, as a status screen's are: a line break between them, not a space.
      visit(paragraph, 'text', (text, at, holder) => {
        if (!holder || at === undefined || !text.value.includes('\n')) return undefined;
        const lines = text.value
          .split('\n')
          .flatMap((value, i): PhrasingContent[] => [
            ...(i > 0 ? [{ type: 'break' } as const] : []),
            ...(value ? [{ type: 'text', value } as const] : []),
          ]);
        holder.children.splice(at, 1, ...(lines as never[]));
        return at + lines.length;
      });
      paragraph.position = { start: siblings[index]!.position!.start, end: siblings[last]!.position!.end };
      siblings.splice(index, last - index + 1, paragraph);
      return index + 1;
    });
  };
}

/** Whether `next` is a typed definition on the line right under `node`'s. */
function isNextLine(node: RootContent, next: RootContent | undefined, typed: ReadonlySet<Definition>): boolean {
  return next?.type === 'definition' && typed.has(next) && next.position!.start.line === node.position!.end.line + 1;
}

function sourceOf(node: RootContent, source: string): string {
  return source.slice(node.position!.start.offset, node.position!.end.offset);
}
