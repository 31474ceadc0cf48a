import type { Element, ElementContent } from 'hast';
import { textOf, treeOf, visibleText } from './html.ts';
import type { ImportedChapter } from './model.ts';
import type { TitleLine } from './title-lines.ts';

/** A block of a document that is a chapter heading, where it stands among the blocks. */
export interface ChapterStart {
  index: number;
  heading: TitleLine;
  node: Element;
}

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
