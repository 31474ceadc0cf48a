import type { Element, ElementContent, Root } from 'hast';
import { chaptersAtHeadings, divisionNotice, headingDivision, type ChapterStart } from '../chapter-headings.ts';
import { gatherFootnotes } from '../footnotes.ts';
import { hasClass, select, textOf, treeOf, visibleText } from '../html.ts';
import { importedStory, type ImportedChapter, type ImportedWork } from '../model.ts';
import { fileTitle, parseTitleLine } from '../title-lines.ts';
import { isSceneBreak } from '../scene-breaks.ts';

/** A word processor's document as HTML, and what its reader knows already. */
export interface DocumentRead {
  /** What the input was: "Word document", "OpenDocument text". */
  format: string;
  /** The file's name without its extension: the chapter's title when nothing else gives one. */
  stem: string;
  /** The pictures the document shows, by the names its `img`s use. */
  images: Map<string, Uint8Array>;
  /** Every word a reader of the document sees, read from the document itself. */
  source: string;
  notices: string[];
  /** What the reader left out already, said to the author. */
  dropped?: string[];
}

/**
 * A word processor's document (Word through mammoth, an OpenDocument text), as the HTML both
 * read into — headings, paragraphs (`h1.quire-title`, `p.quire-author`, `p.quire-date` for
 * the Title, Author and Date styles), footnotes at the end: one chapter, or several split at
 * their headings or title lines ("Chapter 3: The Lake").
 */
export function readDocumentBody(body: Element, read: DocumentRead): ImportedWork {
  const { format, stem, images, source, notices } = read;
  const setAside: string[] = [];
  const dropped: string[] = [...(read.dropped ?? [])];
  const nodes = withSceneBreaks(body.children, setAside);

  // Split where a heading or a title line starts a chapter.
  const titled: ChapterStart[] = nodes.flatMap((node, index) => {
    if (node.type !== 'element' || !/^(?:h[1-3]|p)$/.test(node.tagName) || hasClass(node, 'quire-title')) return [];
    const heading = parseTitleLine(textOf(node));
    return heading && (node.tagName !== 'p' || !select('img', node)) ? [{ index, heading, node }] : [];
  });
  // Else at its headings titled as written, if they divide it ("The Lake", "Homecoming").
  const division = titled.length > 0 ? undefined : headingDivision(nodes, (node) => hasClass(node, 'quire-title'));
  if (division) notices.push(divisionNotice(division));
  const starts = division?.starts ?? titled;
  // The document's title and author (Word's Title and Author styles, or a heading above the chapters), above the first chapter.
  const top = nodes.slice(0, starts[0]?.index ?? nodes.length);
  const titleNode = top.find((node): node is Element => node.type === 'element' && hasClass(node, 'quire-title')) ?? division?.title;
  const authorNode = top.find((node): node is Element => node.type === 'element' && hasClass(node, 'quire-author'));
  // A date in Word's Date style, as pandoc writes it: the first chapter's release date.
  const dateNode = top.find(
    (node): node is Element => node.type === 'element' && hasClass(node, 'quire-date') && /^\d{4}-\d{2}-\d{2}$/.test(textOf(node)),
  );
  for (const node of [titleNode, authorNode, dateNode]) if (node) setAside.push(visibleText(node));
  const wholeWork = starts.length >= 2;
  const story = wholeWork ? importedStory({ title: textOf(titleNode) || undefined, author: textOf(authorNode) || undefined }) : undefined;
  if (!wholeWork && titleNode && starts.length === 1) dropped.push(`the document’s title “${textOf(titleNode)}” above the chapter heading`);
  const before = top.filter((node) => node !== titleNode && node !== authorNode && node !== dateNode);

  const chapters: ImportedChapter[] = [];
  if (starts.length === 0) {
    const fromName = fileTitle(stem);
    const fromTitle = titleNode ? parseTitleLine(textOf(titleNode)) : undefined;
    const heading = fromTitle ?? fromName;
    chapters.push({
      kind: heading?.kind ?? 'chapter',
      number: heading?.number,
      title: heading?.title ?? (textOf(titleNode) || stem),
      slug: heading?.slug,
      body: treeOf(before),
    });
  } else {
    chapters.push(...chaptersAtHeadings(nodes, starts, before, { setAside, notices }));
  }
  if (dateNode) chapters[0]!.published = textOf(dateNode);
  // A word processor keeps every footnote at the end of the document: each goes to the chapter that refers to it.
  gatherFootnotes(chapters.map((chapter) => chapter.body));
  return { format, story, chapters, images, source, setAside, dropped, notices };
}

/** Paragraphs that are scene breaks (`* * *`, `~~~`, `oOo`) become breaks; empty spacing paragraphs go. */
function withSceneBreaks(nodes: Root['children'], setAside: string[]): ElementContent[] {
  return (nodes as ElementContent[]).flatMap((node): ElementContent[] => {
    if (node.type !== 'element' || node.tagName !== 'p') return [node];
    const text = textOf(node);
    if (text === '' && !select('img', node)) return [];
    if (!isSceneBreak(text)) return [node];
    setAside.push(text);
    return [{ type: 'element', tagName: 'hr', properties: {}, children: [] }];
  });
}
