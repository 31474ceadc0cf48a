import type { Element, ElementContent } from 'hast';
import { textOf, treeOf, visibleText } from './html.ts';
import type { ImportedChapter } from './model.ts';
import type { TitleLine } from './title-lines.ts';

/** A block of a document that is a chapter heading, where it stands among the blocks. */
export interface ChapterStart {
  index: number;
  /** What the heading says of its chapter; a heading titled as written ("The Lake") suggests no file name. */
  heading: Omit<TitleLine, 'slug'> & { slug: string | undefined };
  node: Element;
}

/**
 * Where no heading reads as a chapter's ("Chapter 3", "Prologue"): the chapters of a document
 * divided by its first-level headings (Word's Heading 1, `<h1>`), two or more with text under
 * each, titled as written ("The Lake", "Erstes Kapitel"). None otherwise: a lone heading, or
 * one with nothing under it, divides nothing, and the document stays one chapter. `isTitle`
 * tells the document's own title (Word's Title style) from its headings.
 */
export function firstLevelStarts(nodes: readonly ElementContent[], isTitle: (node: Element) => boolean = () => false): ChapterStart[] {
  const starts = nodes.flatMap((node, index) => {
    const title = node.type === 'element' && node.tagName === 'h1' && !isTitle(node) ? textOf(node).replace(/\s+/g, ' ').trim() : '';
    return title
      ? [{ index, node: node as Element, heading: { kind: 'chapter' as const, number: undefined, title, slug: undefined } }]
      : [];
  });
  const textUnder = (i: number) =>
    nodes.slice(starts[i]!.index + 1, starts[i + 1]?.index ?? nodes.length).some((node) => visibleText(node).trim() !== '');
  return starts.length >= 2 && starts.every((_, i) => textUnder(i)) ? starts : [];
}

/** What the importer says of a document it divided at headings titled as written. */
export const firstLevelNotice = (count: number) =>
  `divided the document at its ${count} first-level headings (Heading 1), none of which reads as a chapter heading such as “Chapter 3”: each began a chapter, titled as written`;

/**
 * A whole document's chapters (a Word document, a web page), split at its chapter headings:
 * each heading's text set aside (it became the title), and `before` — the text above the
 * first heading that is not the document's title or author — kept as the first chapter's
 * author's note, and said so.
 */
export function chaptersAtHeadings(
  nodes: readonly ElementContent[],
  starts: readonly ChapterStart[],
  before: readonly ElementContent[],
  log: { setAside: string[]; notices: string[] },
): ImportedChapter[] {
  const leading = before.some((node) => visibleText(node).trim()) ? treeOf(before) : undefined;
  if (leading && starts[0]) log.notices.push(`kept the text above “${textOf(starts[0].node)}” as its author’s note`);
  return starts.map(({ index, heading, node }, i) => {
    log.setAside.push(visibleText(node));
    return {
      kind: heading.kind,
      number: heading.number,
      title: heading.title,
      slug: heading.slug,
      notes: i === 0 ? leading : undefined,
      body: treeOf(nodes.slice(index + 1, starts[i + 1]?.index ?? nodes.length)),
    };
  });
}
