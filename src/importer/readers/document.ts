import type { Element, ElementContent, Properties, Root } from 'hast';
import {
  chaptersAtHeadings,
  chaptersNotice,
  divisionNotice,
  divisionWithTitles,
  frontMatter,
  headingDivision,
  withoutBackMatter,
  type ChapterStart,
} from '../chapter-headings.ts';
import { alignmentOf } from '../class-styles.ts';
import { shownBefore } from '../element.ts';
import { gatherFootnotes } from '../footnotes.ts';
import { hasClass, pageBlocks, sceneBreakMarks, select, textOf, treeOf, visibleText } from '../html.ts';
import { importedStory, type ImportedChapter, type ImportedStory, type ImportedWork } from '../model.ts';
import {
  authorsPageTitle,
  fileTitle,
  titleFromFileName,
  numberedHeadings,
  parseTitleLine,
  partHeadings,
  isContentsHeading,
  typedContents,
  titlePageAuthor,
  titlePageName,
  titlePageTitle,
} from '../title-lines.ts';
import { volumeLabel } from '../../core/chapter-labels.ts';
import { counted } from '../../core/problems.ts';
import { writtenIn } from '../../core/written-in.ts';

/* What the word processors' readers (docx.ts through mammoth, odt.ts, rtf.ts) share: how text looks, what a style's name says, and the reading of the document they make. */

/** How text looks, as a style sets it; unset where the style says nothing (its parent decides). */
export interface Look {
  italic?: boolean;
  bold?: boolean;
  underline?: boolean;
  smallCaps?: boolean;
  strike?: boolean;
  /** Raised or lowered: x², H₂O, a footnote's marker. */
  position?: 'super' | 'sub' | 'baseline';
}

/** Character styles for emphasis, by name: Word's and LibreOffice's (as Word's are read through mammoth's style map, docx.ts). */
export const namedLooks: Record<string, Look> = {
  emphasis: { italic: true },
  'intense emphasis': { italic: true },
  'subtle emphasis': { italic: true },
  strong: { bold: true },
  'strong emphasis': { bold: true },
};

/** What a paragraph is, from its style's name (the first style up its parents that says). */
export type Role = { heading: number } | 'title' | 'subtitle' | 'author' | 'date' | 'quote' | 'line';

export function roleOf(display: string): Role | undefined {
  const name = display.toLowerCase();
  const heading = /^heading (\d)$/.exec(name);
  if (heading) return { heading: Math.min(6, Math.max(1, Number(heading[1]))) };
  if (name === 'title' || name === 'subtitle' || name === 'author' || name === 'date') return name;
  if (['quotations', 'quote', 'intense quote', 'block text'].includes(name)) return 'quote';
  if (name === 'horizontal line') return 'line';
  return undefined;
}

/** What the author is told of the comments in the margin (or as the format writes them: `in %%…%%`), which the document holds beside its text. */
export const commentsDropped = (count: number, where = 'from the margin'): string[] =>
  count ? [`${counted(count, 'comment')} ${where} (notes to the writer, not the story)`] : [];

/** What the author is told of a table of contents left out, by its lines (its heading among them). */
export const contentsDropped = (lines: number): string[] =>
  lines ? [`the document’s table of contents (${counted(lines, 'line')}), which the site makes itself`] : [];

/** What the author is told of text the document hides (Word's and Rich Text's hidden text, often a note to the writer). */
export const hiddenDropped = (count: number): string[] => (count ? [`${counted(count, 'passage')} of hidden text`] : []);

/** What the author is told of text deleted while changes were tracked, which the document still holds. */
export const deletionsDropped = (count: number): string[] =>
  count ? [`${counted(count, 'tracked deletion')} (text deleted while changes were tracked)`] : [];

/** An HTML element. */
export const element = (tagName: string, children: ElementContent[] = [], properties: Properties = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Marks one run of text wears, outermost first: adjacent runs that wear the same then merge. */
export function dressed(nodes: ElementContent[], look: Look): ElementContent[] {
  let dressedNodes = nodes;
  if (look.position === 'super' || look.position === 'sub')
    dressedNodes = [element(look.position === 'super' ? 'sup' : 'sub', dressedNodes)];
  if (look.smallCaps) dressedNodes = [element('span', dressedNodes, { className: ['small-caps'] })];
  if (look.strike) dressedNodes = [element('s', dressedNodes)];
  if (look.underline) dressedNodes = [element('u', dressedNodes)];
  if (look.bold) dressedNodes = [element('strong', dressedNodes)];
  if (look.italic) dressedNodes = [element('em', dressedNodes)];
  return dressedNodes;
}

const mergeable = new Set(['em', 'strong', 'u', 's', 'span', 'sup', 'sub']);

/** Adjacent runs in the same marks as one (`<em>a</em><em>b</em>` → `<em>ab</em>`), all the way down. */
export function merged(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (
      last?.type === 'element' &&
      node.type === 'element' &&
      last.tagName === node.tagName &&
      mergeable.has(node.tagName) &&
      String(last.properties.className) === String(node.properties.className)
    ) {
      last.children.push(...node.children);
    } else if (last?.type === 'text' && node.type === 'text') {
      last.value += node.value;
    } else {
      out.push(node.type === 'element' ? { ...node, children: [...node.children] } : node);
    }
  }
  for (const node of out) if (node.type === 'element') node.children = merged(node.children);
  return out;
}

/** A paragraph's or a heading's text, as a line of the document; undefined for anything else (a picture, a table). */
const lineOf = (node: ElementContent | Root['children'][number]): string | undefined =>
  node.type === 'element' && /^(?:h[1-6]|p)$/.test(node.tagName) && !select('img', node) ? textOf(node) : undefined;

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
  /** Text the reader already read as something other than the story's prose (footnote numbers it removed). */
  setAside?: string[];
}

/**
 * A word processor's document (Word through mammoth, an OpenDocument text), as the HTML both
 * read into — headings, paragraphs (`h1.quire-title`, `p.quire-author`, `p.quire-date` for
 * the Title, Author and Date styles), footnotes at the end: one chapter, or several split at
 * their headings or title lines ("Chapter 3: The Lake").
 */
export function readDocumentBody(body: Element, read: DocumentRead): ImportedWork {
  const { format, stem, images, source, notices } = read;
  const setAside: string[] = [...(read.setAside ?? [])];
  const dropped: string[] = [...(read.dropped ?? [])];
  // A table of contents (Word's "toc 1"… entries): the site makes its own, and its lines would read as chapter headings.
  const styledContents = body.children.filter((node): node is Element => node.type === 'element' && hasClass(node, 'quire-contents'));
  // With the heading over it, in a style of its own ("Table of Contents" in Heading 1, as Calibre writes it).
  const over = styledContents[0] && shownBefore(body.children, styledContents[0]);
  if (over?.type === 'element' && lineOf(over) !== undefined && isContentsHeading(lineOf(over)!)) styledContents.unshift(over);
  const unstyled = body.children.filter((node) => !styledContents.includes(node as Element));
  // Or one whose entries are plain paragraphs (typed by hand, or a generated one in a file that
  // gives its entries no style of their own, as Calibre's Word documents do).
  const typedList = typedContents(unstyled.map((node) => (lineOf(node) === undefined ? undefined : [lineOf(node)!])));
  const contents = [...styledContents, ...(typedList ? unstyled.slice(typedList.start, typedList.stop) : [])];
  for (const entry of contents) setAside.push(visibleText(entry));
  dropped.push(...contentsDropped(contents.length));
  const nodes = withTitlesAsHeadings(
    withSceneBreaks(
      body.children.filter((node) => !contents.includes(node)),
      setAside,
    ),
    notices,
  );

  // Split where a heading or a title line starts a chapter.
  const titled: ChapterStart[] = nodes.flatMap((node, index) => {
    if (node.type !== 'element' || !/^(?:h[1-3]|p)$/.test(node.tagName) || hasClass(node, 'quire-title')) return [];
    const heading = parseTitleLine(textOf(node));
    return heading && (node.tagName !== 'p' || !select('img', node)) ? [{ index, heading, node }] : [];
  });
  // Else at its headings titled as written, if they divide it ("The Lake", "Homecoming"); or at all of
  // them when the title lines are among them ("Prologue", then "The Storm").
  const isTitle = (node: Element) => hasClass(node, 'quire-title');
  const division = titled.length > 0 ? divisionWithTitles(nodes, titled, isTitle) : headingDivision(nodes, isTitle);
  if (division)
    notices.push(
      divisionNotice(
        division,
        titled.map(({ heading }) => heading.title),
      ),
    );
  // Else at paragraphs that number their chapters alone ("ONE", "1", "II"), when the file's name
  // numbers none of its own; or that head parts alone ("Part 1", "Part 2"), as a two-shot is divided.
  const lines = nodes.map(lineOf);
  const numbered = titled.length > 0 || division || fileTitle(stem) ? undefined : numberedHeadings(lines);
  const parted = titled.length > 0 || division || numbered ? undefined : partHeadings(lines);
  const byNumber: ChapterStart[] | undefined = (numbered ?? parted)?.flatMap((heading, index) =>
    heading ? [{ index, heading, node: nodes[index] as Element }] : [],
  );
  if (byNumber) notices.push(chaptersNotice(byNumber.length, numbered ? 'numbered lines' : 'part headings'));
  const allStarts = division?.starts ?? byNumber ?? titled;
  // The author's words about the book after the chapters (acknowledgements, about the author): no chapters.
  const back = withoutBackMatter(nodes, allStarts);
  const starts = back.starts;
  // The document's title and author (Word's Title and Author styles, or a heading above the chapters), above the first chapter.
  const top = nodes.slice(0, starts[0]?.index ?? nodes.length);
  const styled = top.find((node): node is Element => node.type === 'element' && hasClass(node, 'quire-title')) ?? division?.title;
  // Or one typed by hand: a short centred or bold line above the chapters, and "by" its author.
  const typed = !styled && starts.length >= 2 ? typedTitlePage(top) : undefined;
  const titleNode = styled ?? typed?.title;
  // The author in the Author style, or "by" them on a line below the title (in the Subtitle style, or none).
  const authorNode =
    top.find((node): node is Element => node.type === 'element' && hasClass(node, 'quire-author')) ??
    typed?.author ??
    (styled && starts.length >= 2 ? byLineBelow(top, styled) : undefined);
  // A date in Word's Date style, as pandoc writes it: the first chapter's release date.
  const dateNode = top.find(
    (node): node is Element =>
      node.type === 'element' &&
      /^\d{4}-\d{2}-\d{2}$/.test(textOf(node)) &&
      // In the Date style, or a date alone on a title page's line (as a page saved from the document has it, styles gone).
      (hasClass(node, 'quire-date') || (titleNode !== undefined && node !== titleNode)),
  );
  for (const node of [titleNode, authorNode, dateNode]) if (node) setAside.push(visibleText(node));
  const wholeWork = starts.length >= 2;
  const authorName =
    authorNode && !hasClass(authorNode, 'quire-author')
      ? (titlePageAuthor(textOf(authorNode)) ?? titlePageName(textOf(authorNode)))
      : textOf(authorNode);
  const story = wholeWork ? importedStory({ title: textOf(titleNode) || undefined, author: authorName || undefined }) : undefined;
  if (typed) notices.push(titlePageNotice(typed));
  if (!wholeWork && titleNode && starts.length === 1) dropped.push(`the document’s title “${textOf(titleNode)}” above the chapter heading`);
  if (!wholeWork && authorNode)
    dropped.push(`the document’s author line “${textOf(authorNode)}” (a chapter alone has no story.md to hold it)`);
  // A subtitle under the title (the Subtitle style, or a short centred line right below a title page's title): the story's summary, which the home page shows under its title.
  const subtitleNode = story && titleNode ? subtitleBelow(top, titleNode, [authorNode, dateNode]) : undefined;
  if (story && subtitleNode) {
    story.summary = treeOf([{ ...subtitleNode, tagName: 'p', properties: {} }]);
    notices.push(`read “${textOf(subtitleNode)}” below the title as the story’s summary (the text of story.md)`);
  }
  let before = top.filter((node) => node !== titleNode && node !== authorNode && node !== dateNode && node !== subtitleNode);
  // Above and after the chapters, the author's words about the book (a dedication; acknowledgements): the story's notes.
  const front = story ? frontMatter(before) : undefined;
  if (story && front) {
    story.notes = front.notes;
    notices.push(front.notice);
    before = [];
  }
  if (story && back.endNotes) {
    story.endNotes = back.endNotes;
    notices.push(back.notice!);
  }

  const chapters: ImportedChapter[] = [];
  if (starts.length === 0) {
    // A chapter that opens with a heading of its own, the only one of its level: its title ("The Lake").
    const opening = !titleNode ? before.find((node): node is Element => node.type === 'element' || textOf(node) !== '') : undefined;
    const ownTitle =
      opening?.type === 'element' &&
      /^h[1-3]$/.test(opening.tagName) &&
      textOf(opening) !== '' &&
      before.filter((node) => node.type === 'element' && node.tagName === opening.tagName).length === 1
        ? opening
        : undefined;
    if (ownTitle) setAside.push(visibleText(ownTitle));
    const named = titleNode ?? ownTitle;
    const fromTitle = named ? parseTitleLine(textOf(named)) : undefined;
    const heading = fromTitle ?? titleFromFileName(stem, story?.language ?? writtenIn(textOf(body))?.language);
    chapters.push({
      kind: heading?.kind ?? 'chapter',
      number: heading?.number,
      title: fromTitle?.title ?? (textOf(named) || heading?.title || stem),
      heading: fromTitle?.written,
      slug: heading?.slug,
      body: treeOf(before.filter((node) => node !== ownTitle)),
    });
  } else {
    chapters.push(...chaptersAtHeadings(back.nodes, starts, before, { setAside, notices }));
  }
  if (dateNode) chapters[0]!.published = textOf(dateNode);
  // A break typed just before the next chapter's heading (or after its own) divides nothing.
  for (const chapter of chapters) chapter.body = treeOf(withoutEdgeBreaks(chapter.body.children as ElementContent[]));
  // A word processor keeps every footnote at the end of the document: each goes to the chapter that refers to it.
  gatherFootnotes(chapters.map((chapter) => chapter.body));
  return { format, story, chapters, images, source, setAside, dropped, notices };
}

/** A chapter's blocks without a scene break at their start or end. */
function withoutEdgeBreaks(nodes: ElementContent[]): ElementContent[] {
  const shown = (node: ElementContent) => node.type !== 'text' || node.value.trim() !== '';
  const isBreak = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === 'hr';
  const first = nodes.findIndex(shown);
  const last = nodes.findLastIndex(shown);
  return nodes.slice(isBreak(nodes[first]) ? first + 1 : 0, isBreak(nodes[last]) && last !== first ? last : nodes.length);
}

/**
 * A text one chapter holds read as a word processor's document is (`readDocumentBody`), when it
 * divides into chapters there (at title lines, headings): an e-book that made a whole work one
 * section (Calibre's FictionBook of a Word document, its EPUB of a Rich Text file).
 */
export function dividedAsDocument(body: Root, stem: string, format: string): ImportedWork | undefined {
  const blocks = unwrapped(body.children as ElementContent[]);
  // Read through only where two of its blocks or more could begin chapters (headings, title lines).
  const starts = blocks.filter((node) => {
    if (node.type !== 'element') return false;
    if (/^h[1-3]$/.test(node.tagName)) return true;
    const line = lineOf(node);
    return line !== undefined && line.length <= 300 && parseTitleLine(line) !== undefined;
  });
  if (starts.length < 2) return undefined;
  const read = readDocumentBody(element('body', blocks), {
    format,
    stem,
    images: new Map(),
    source: '',
    notices: [],
    setAside: [],
  });
  return read.chapters.length >= 2 ? read : undefined;
}

/** The story's title, author and notes a divided text read (`dividedAsDocument`), where the book's own details give none. */
export function withDividedStory(story: ImportedStory, divided: ImportedWork): void {
  story.title ??= divided.story?.title;
  story.author ??= divided.story?.author;
  story.notes ??= divided.story?.notes;
  story.endNotes ??= divided.story?.endNotes;
}

/** Blocks out of the wrappers that hold only blocks (a converter's `<div class="s3"><p>…</p></div>` around each paragraph), in order, at any depth. */
function unwrapped(nodes: ElementContent[]): ElementContent[] {
  const isWrapper = (node: ElementContent): node is Element =>
    node.type === 'element' &&
    /^(?:div|section|article|main)$/.test(node.tagName) &&
    node.children.every((child) =>
      child.type === 'text' ? child.value.trim() === '' : child.type !== 'element' || pageBlocks.has(child.tagName),
    );
  const out: ElementContent[] = [];
  // A loop, not recursion: wrappers nested thousands deep must not overflow the stack.
  const stack: { list: ElementContent[]; at: number }[] = [{ list: nodes, at: 0 }];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const node = top.list[top.at++];
    if (!node) stack.pop();
    else if (isWrapper(node)) stack.push({ list: node.children, at: 0 });
    else out.push(node);
  }
  return out;
}

/** What the author is told of a title page read from lines typed above the chapters. */
export const titlePageNotice = ({ title, author }: { title: Element; author: Element | undefined }): string =>
  `read “${textOf(title)}”${author ? ` and “${textOf(author)}”` : ''} above the chapters as the story’s title page`;

/**
 * A title page typed by hand above a whole work's chapters, in no Title style: its first line
 * short, not a sentence, and centred, all in bold, a heading or followed by "by" its author
 * alone (as a plain text's title page is read). Nothing when the text there is anything else (a
 * note, a dedication, the first part's heading).
 */
export function typedTitlePage(top: ElementContent[]): { title: Element; author: Element | undefined } | undefined {
  const lines = top.filter((node): node is Element => node.type === 'element' && textOf(node) !== '');
  const [first] = lines;
  if (!first || lines.length > 4 || !lines.every((node) => node.tagName === 'p' || /^h[1-3]$/.test(node.tagName))) return undefined;
  const text = textOf(first);
  // "Part One" above the first chapter is the first part's heading, not the story's title; nor is "Dedication".
  if (volumeLabel(text) !== undefined || authorsPageTitle(text) !== undefined) return undefined;
  const bold = allBold(first);
  // "by" the author below it, or (as pandoc and manuscript templates centre them) the author's name alone, centred under a centred title.
  const next = lines[1];
  const centredName = next && centred(first) && centred(next) && titlePageName(textOf(next)) ? next : undefined;
  const author = byLineBelow(lines, first) ?? centredName;
  const byAlone = lines.length === 2 && author !== undefined;
  if (!titlePageTitle(text) || !(centred(first) || bold || /^h[1-3]$/.test(first.tagName) || byAlone)) return undefined;
  return { title: first, author };
}

/** The subtitle under a title: in the Subtitle style, or the short centred line next below a centred title (not its author's or date). */
function subtitleBelow(top: readonly ElementContent[], title: Element, taken: readonly (Element | undefined)[]): Element | undefined {
  const lines = top.filter((node): node is Element => node.type === 'element' && textOf(node) !== '' && !taken.includes(node));
  const styled = lines.find((node) => hasClass(node, 'quire-subtitle'));
  if (styled) return styled;
  const next = lines[lines.indexOf(title) + 1];
  return next && next.tagName === 'p' && centred(title) && centred(next) && /\p{L}/u.test(textOf(next)) && textOf(next).length <= 120
    ? next
    : undefined;
}

/** Whether a paragraph is centred: by the site's class, or as a page writes it (`align="center"`, `text-align: center`). */
function centred(node: Element): boolean {
  return hasClass(node, 'center') || alignmentOf(node) === 'center';
}

/** Whether all a paragraph's words are bold, inside whatever wraps them (LibreOffice's `<font>`s, a `<span>`). */
function allBold(node: Element): boolean {
  let words = false;
  const bold = (element: Element, inside: boolean): boolean =>
    element.children.every((child) => {
      if (child.type === 'text') {
        if (child.value.trim() !== '') words = true;
        return inside || child.value.trim() === '';
      }
      return child.type !== 'element' || bold(child, inside || child.tagName === 'b' || child.tagName === 'strong');
    });
  return bold(node, false) && words;
}

/** A paragraph among the next three below a title that is "by" its author ("by Wren Ashdown"), or the author's name alone as the one line below it. */
export function byLineBelow(top: readonly ElementContent[], title: Element): Element | undefined {
  const below = top.slice(top.indexOf(title) + 1).filter((node): node is Element => node.type === 'element' && textOf(node) !== '');
  const byLine = below.slice(0, 3).find((node) => node.tagName === 'p' && titlePageAuthor(textOf(node)) !== undefined);
  // Or a name alone, the one line between the title and the chapters (as an ebook's title page, converted, sets its author).
  const [only] = below;
  return byLine ?? (below.length === 1 && only!.tagName === 'p' && titlePageName(textOf(only)) ? only : undefined);
}

/**
 * A document whose chapters each open in the Title style (as Google Docs' style menu offers it
 * first): those paragraphs are its chapter headings, its headings one level below them. A first
 * Title with no text under it before the next titles the document, as a lone one does.
 */
function withTitlesAsHeadings(nodes: ElementContent[], notices: string[]): ElementContent[] {
  const titles = nodes.flatMap((node, index) => (node.type === 'element' && hasClass(node, 'quire-title') ? [index] : []));
  const hasText = (from: number, to: number) => nodes.slice(from, to).some((node) => visibleText(node).trim() !== '');
  const chapters = titles.length >= 2 && !hasText(titles[0]! + 1, titles[1]!) ? titles.slice(1) : titles;
  if (chapters.length < 2) return nodes;
  notices.push(`read the ${chapters.length} paragraphs in the Title style as chapter headings`);
  const headings = new Set(chapters);
  return nodes.map((node, index): ElementContent => {
    if (node.type !== 'element') return node;
    if (headings.has(index)) return { ...node, tagName: 'h1', properties: { ...node.properties, className: [] } };
    const level = /^h([1-5])$/.exec(node.tagName)?.[1];
    return level && !hasClass(node, 'quire-title') ? { ...node, tagName: `h${Number(level) + 1}` } : node;
  });
}

/** Paragraphs that are scene breaks (`* * *`, `~~~`, `oOo`) become breaks; empty spacing paragraphs go. */
function withSceneBreaks(nodes: Root['children'], setAside: string[]): ElementContent[] {
  return (nodes as ElementContent[]).flatMap((node): ElementContent[] => {
    if (node.type !== 'element' || node.tagName !== 'p') return [node];
    if (textOf(node) === '' && !select('img', node)) return [];
    const marks = sceneBreakMarks(node);
    if (marks === undefined) return [node];
    setAside.push(marks);
    return [{ type: 'element', tagName: 'hr', properties: {}, children: [] }];
  });
}
