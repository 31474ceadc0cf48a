import type { Element, ElementContent, Root } from 'hast';
import { hasClass, textOf, treeOf, visibleText } from './html.ts';
import type { ImportedChapter } from './model.ts';
import { removeElement } from './element.ts';
import { authorsPageTitle, isNoteHeading, partAtEnd, titleWithNameBelow, type TitleLine } from './title-lines.ts';
import { h } from 'hastscript';
import { volumeLabel } from '../core/chapter-labels.ts';
import { slugify } from '../core/slug.ts';

/** A block of a document that is a chapter heading, where it stands among the blocks. */
export interface ChapterStart {
  index: number;
  /** What the heading says of its chapter; a heading titled as written ("The Lake") suggests no file name. */
  heading: Omit<TitleLine, 'slug'> & { slug: string | undefined };
  node: Element;
}

/**
 * The heading set straight under a chapter heading that names no chapter ("Chapter One" in
 * Heading 1, "The Storm" in Heading 2 under it; in an EPUB, inside the sections that wrap the
 * text), as its name: the title they make together ("Chapter 1: The Storm"), and that heading,
 * which leaves the text. `level` is the chapter heading's own (0 for one that is no heading).
 */
export function nameBelow(
  heading: ChapterStart['heading'],
  level: number,
  body: readonly ElementContent[],
): { title: string; node: Element } | undefined {
  if (heading.kind !== 'chapter') return undefined;
  let first = body.find((child) => visibleText(child).trim() !== '');
  while (first?.type === 'element' && ['section', 'div', 'article'].includes(first.tagName))
    first = first.children.find((child) => visibleText(child).trim() !== '');
  const below = first?.type === 'element' ? /^h([1-6])$/.exec(first.tagName)?.[1] : undefined;
  // Or a line in the word processor's Subtitle style, as manuscripts set a chapter's name under its number.
  const subtitle = first?.type === 'element' && first.tagName === 'p' && hasClass(first, 'quire-subtitle');
  if (!subtitle && (!below || Number(below) <= level)) return undefined;
  const title = titleWithNameBelow(heading.title, textOf(first as Element));
  return title ? { title, node: first as Element } : undefined;
}

/**
 * The author's words about the book after a whole work's chapters, in a book or manuscript of the
 * author's own: the last sections under acknowledgements', about the author's or other books'
 * headings, the story's end notes (headings kept), two chapters left at least. Gives the chapters'
 * nodes and starts without them, the end notes and what to tell.
 */
export function withoutBackMatter(
  nodes: readonly ElementContent[],
  starts: readonly ChapterStart[],
): { nodes: readonly ElementContent[]; starts: ChapterStart[]; endNotes?: Root; notice?: string } {
  let at = starts.length;
  while (at > 2 && authorsPageTitle(textOf(starts[at - 1]!.node)) === 'back') at--;
  if (at === starts.length) return { nodes, starts: [...starts] };
  return {
    nodes: nodes.slice(0, starts[at]!.index),
    starts: starts.slice(0, at),
    endNotes: treeOf(nodes.slice(starts[at]!.index)),
    notice: backMatterNotice(starts.slice(at).map(({ node }) => textOf(node))),
  };
}

/** What the author is told of the headings after the chapters read as the story's end notes. */
export function backMatterNotice(headings: readonly string[]): string {
  return `read ${headings.map((heading) => `“${heading.trim()}”`).join(', ')} after the chapters as the story’s end notes, not chapters`;
}

/** What the author is told of the heading above the chapters whose text was read as the story's notes. */
export function frontMatterNotice(heading: string): string {
  return `read “${heading.trim()}” above the chapters as the story’s notes`;
}

/**
 * The text above a whole work's first chapter when it opens under a dedication's, epigraph's,
 * foreword's or preface's heading: the story's notes (heading kept), not the first chapter's.
 */
export function frontMatter(before: readonly ElementContent[]): { notes: Root; notice: string } | undefined {
  const opening = before.find((node): node is Element => node.type === 'element' && textOf(node) !== '');
  if (!opening || !/^(?:h[1-6]|p)$/.test(opening.tagName) || authorsPageTitle(textOf(opening)) !== 'front') return undefined;
  return { notes: treeOf(before), notice: frontMatterNotice(textOf(opening)) };
}

/** A document divided at headings titled as written: where its chapters start, and the heading above them that titles it, if any. */
export interface HeadingDivision {
  starts: ChapterStart[];
  /** The level divided at: 1 for Word's Heading 1 and `<h1>`. */
  level: number;
  /** A lone heading of a higher level above the chapters: the document's title. */
  title: Element | undefined;
}

/**
 * Where no heading reads as a chapter's ("Chapter 3", "Prologue"): the chapters of a document
 * divided by its headings of the highest level that does (Word's Heading 1, or Heading 2 under
 * a lone Heading 1 that titles it), two or more with text under each, titled as written ("The
 * Lake", "Erstes Kapitel"). None otherwise: a lone heading, or one with nothing under it,
 * divides nothing, and the document stays one chapter. `isTitle` tells the document's own title
 * (Word's Title style) from its headings; `from`, the place its headings are read from (its
 * first chapter heading: what is above it is a title page).
 */
export function headingDivision(
  nodes: readonly ElementContent[],
  isTitle: (node: Element) => boolean = () => false,
  from = 0,
): HeadingDivision | undefined {
  const headings = nodes.flatMap((node, index) => {
    const level = index >= from && node.type === 'element' && !isTitle(node) ? /^h([1-3])$/.exec(node.tagName)?.[1] : undefined;
    const title = level
      ? textOf(node as Element)
          .replace(/\s+/g, ' ')
          .trim()
      : '';
    // A note's heading ("Author's Note") heads the author's words in the chapter it is in, not a chapter.
    return title && !isNoteHeading(title) ? [{ start: index, end: index + 1, node: node as Element, level: Number(level), title }] : [];
  });
  const hasText = (from: number, to: number) => nodes.slice(from, to).some((node) => visibleText(node).trim() !== '');
  const division = dividingLevel(headings, nodes.length, hasText);
  if (!division) return undefined;
  const starts = division.at.map(({ start, node, title }) => ({
    index: start,
    node,
    heading: { kind: 'chapter' as const, number: undefined, title, slug: undefined },
  }));
  return { starts, level: division.level, title: division.title?.node };
}

/** A heading where it stands in a document: from `start` to `end` (blocks of a tree, or characters of a text), at its level (1 to 3). */
interface PlacedHeading {
  level: number;
  start: number;
  end: number;
}

/**
 * The rule by which headings titled as written divide a document, whatever it is made of (a
 * tree's blocks, a Markdown text's characters): the highest level with two headings or more,
 * text under each, and above them at most one heading of a higher level, before them all with
 * no text between — the document's title. `hasText` says whether a stretch holds text.
 */
export function dividingLevel<Heading extends PlacedHeading>(
  headings: readonly Heading[],
  length: number,
  hasText: (from: number, to: number) => boolean,
): { level: number; at: Heading[]; title: Heading | undefined } | undefined {
  for (let level = 1; level <= 3; level++) {
    const at = headings.filter((heading) => heading.level === level);
    const above = headings.filter((heading) => heading.level < level);
    if (at.length === 0) continue;
    // Headings of a higher level than the chapters' may only title the document: one, above them all.
    if (above.length > 1 || above.some((heading) => heading.start > at[0]!.start)) return undefined;
    // A lone heading may be that title, its subheadings the chapters.
    if (at.length === 1) continue;
    if (!at.every((heading, i) => hasText(heading.end, at[i + 1]?.start ?? length))) return undefined;
    // With text between the heading above and the first of these, that heading begins a chapter of its own, and these are its parts.
    if (above[0] && hasText(above[0].end, at[0]!.start)) return undefined;
    return { level, at, title: above[0] };
  }
  return undefined;
}

/** What the importer says of a document it read as several chapters, at its chapter headings or title lines. */
export const chaptersNotice = (count: number, at: 'chapter headings' | 'title lines' | 'numbered lines' | 'part headings') =>
  `read a chapter at each of the ${count} ${at}`;

/**
 * What the author is told of sections kept inside their chapters as headings in them: those the
 * EPUB's contents list inside a chapter, or a FictionBook nests in one (`where`).
 */
export function innerSectionsNotice(inner: readonly string[], where: 'the table of contents lists' | 'the book nests'): string[] {
  if (inner.length === 0) return [];
  const titles = inner.map((title) => `“${title}”`);
  return [
    `kept ${titles.length === 1 ? 'a section' : `${titles.length} sections`} ${where} inside ${titles.length === 1 ? 'its chapter' : 'their chapters'} (${titles.slice(0, 3).join(', ')}${titles.length > 3 ? '…' : ''}) as ${titles.length === 1 ? 'a heading' : 'headings'} in ${titles.length === 1 ? 'it' : 'them'}`,
  ];
}

/** What the importer says of the text above a document's first chapter heading. */
export const noteAboveNotice = (heading: string) => `kept the text above “${heading}” as its author’s note`;

/** What the importer says of a document it divided at headings titled as written. */
export const divisionNotice = ({ starts, level }: HeadingDivision, titled: readonly string[] = []) =>
  `divided the document at its ${starts.length} headings of level ${level} (Heading ${level}), ${amongNotice(titled)}`;

/** How a division's headings were titled: as written, or those among them that read as chapter headings (`titled`) as such. */
export const amongNotice = (titled: readonly string[]) =>
  titled.length === 0
    ? 'none of which reads as a chapter heading such as “Chapter 3”: each began a chapter, titled as written'
    : `each began a chapter: ${titled.length === 1 ? 'the one that reads' : 'those that read'} as a chapter heading (${titled
        .slice(0, 3)
        .map((title) => `“${title}”`)
        .join(', ')}${titled.length > 3 ? ', …' : ''}) as such, the others titled as written`;

/**
 * Whether a document's headings that read as chapter headings ("Prologue", "Chapter 1: Arrival")
 * are all among the headings that divide it from the first of them on (`dividing`, places in
 * the document), and fewer: then each dividing heading begins a chapter, as a prologue, chapters
 * named alone ("The Storm", "Homecoming") and an epilogue each are one — never a prologue holding
 * the chapters after it as its sections. (A heading above the first is the document's title, as
 * a title page's.)
 */
export function dividesBeyondTitles(dividing: readonly number[], titled: readonly number[]): boolean {
  return titled.length > 0 && titled.length < dividing.length && titled.every((at) => dividing.includes(at));
}

/**
 * A document's division at its headings from its first chapter heading on, those among them
 * (`titled`) read as such (their kind, number and address), when `dividesBeyondTitles`; else undefined.
 */
export function divisionWithTitles(
  nodes: readonly ElementContent[],
  titled: readonly ChapterStart[],
  isTitle?: (node: Element) => boolean,
): HeadingDivision | undefined {
  const division = titled[0] ? headingDivision(nodes, isTitle, titled[0].index) : undefined;
  if (
    !division ||
    !dividesBeyondTitles(
      division.starts.map(({ index }) => index),
      titled.map(({ index }) => index),
    )
  )
    return undefined;
  const { starts } = division;
  const byPlace = new Map(titled.map((start) => [start.index, start.heading]));
  const headings = withTitledHeadings(starts.map((start) => byPlace.get(start.index) ?? start.heading.title));
  return { ...division, starts: starts.map((start, i) => ({ ...start, heading: headings[i]! })) };
}

/**
 * A division's headings in order, each a chapter heading as it reads or a title as written
 * (a string): one titled as written is a chapter numbered by its place ("Erstes Kapitel", then
 * "Der Sturm"); or, where that number is a later heading's own ("Chapter 1", "A Letter",
 * "Chapter 2"), an interlude after the chapter before it, addressed by its title, so no number
 * is taken twice.
 */
export function withTitledHeadings(headings: readonly (ChapterStart['heading'] | string)[]): ChapterStart['heading'][] {
  let last = 0;
  return headings.map((heading, i) => {
    if (typeof heading !== 'string') {
      if (heading.number !== undefined) last = heading.number;
      return heading;
    }
    const place = Math.floor(last) + 1;
    const taken = headings.slice(i + 1).some((later) => typeof later !== 'string' && later.number !== undefined && later.number <= place);
    if (!taken) last = place;
    return taken
      ? { kind: 'interlude', number: undefined, title: heading, slug: slugify(heading) || 'interlude' }
      : { kind: 'chapter', number: undefined, title: heading, slug: undefined };
  });
}

/**
 * A part's heading ending a run of blocks ("PART TWO: THE HILLS"; or "Part Two" and its name on the
 * line under it, "The Hills", made one heading), where it starts (`at`): it opens the chapter after.
 */
function partOpening(blocks: readonly ElementContent[]): { at: number; node: ElementContent } | undefined {
  const withText = blocks.flatMap((node, index) => (node.type === 'element' && visibleText(node).trim() !== '' ? [index] : []));
  const part = partAtEnd(withText.map((index) => visibleText(blocks[index]!).replace(/\s+/g, ' ').trim()));
  if (!part) return undefined;
  const at = withText.at(-part.taken)!;
  return { at, node: part.taken === 1 ? blocks[at]! : h('h1', part.name) };
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
  // A heading that titles a part as well as a chapter (第1部, 제1부) with no text before the next
  // chapter heading is that part's: it opens the chapter below it, as "PART TWO" does.
  const partOnly = (i: number) =>
    starts[i + 1] !== undefined &&
    volumeLabel(textOf(starts[i]!.node)) !== undefined &&
    !nodes.slice(starts[i]!.index + 1, starts[i + 1]!.index).some((node) => visibleText(node).trim() !== '');
  const chapterStarts = starts.flatMap((start, i) => (partOnly(i) ? [] : [{ start, i }]));
  // A volume's heading ("PART TWO: THE HILLS") closing the text above a chapter heading opens that chapter instead.
  const ranges = chapterStarts.map(({ start, i }) => ({
    from: start.index + 1,
    to: starts[i + 1]?.index ?? nodes.length,
    opening: i > 0 && partOnly(i - 1) ? (starts[i - 1]!.node as ElementContent | undefined) : undefined,
  }));
  const above = [...before];
  const openingAbove = partOpening(above);
  if (ranges[0] && openingAbove && !ranges[0].opening) {
    ranges[0].opening = openingAbove.node;
    above.splice(openingAbove.at);
  }
  ranges.forEach((range, i) => {
    const next = ranges[i + 1];
    const closing = partOpening(nodes.slice(range.from, range.to));
    if (next && closing && closing.at > 0) {
      next.opening = closing.node;
      range.to = range.from + closing.at;
    }
  });
  const leading = above.some((node) => visibleText(node).trim()) ? treeOf(above) : undefined;
  if (leading && starts[0]) log.notices.push(noteAboveNotice(textOf(starts[0].node)));
  const chapters = chapterStarts.map(({ start }, i): ImportedChapter => {
    const { heading, node } = start;
    log.setAside.push(visibleText(node));
    const { from, to, opening } = ranges[i]!;
    const named = nameBelow(heading, Number(/^h([1-6])$/.exec(node.tagName)?.[1] ?? 0), nodes.slice(from, to));
    if (named) log.setAside.push(visibleText(named.node));
    const body = treeOf([...(opening ? [opening] : []), ...nodes.slice(from, to)]);
    if (named) removeElement(body, named.node);
    return {
      kind: heading.kind,
      number: heading.number,
      title: named?.title ?? heading.title,
      heading: named ? undefined : heading.written,
      slug: heading.slug,
      notes: i === 0 ? leading : undefined,
      body,
    };
  });
  numberedInVolumes(
    chapters,
    ranges.map(({ opening }) => (opening ? visibleText(opening) : undefined)),
  );
  return chapters;
}

/**
 * Chapters numbered anew in each volume ("PART TWO", then "Chapter 1" again), `volumes` the
 * heading opening each chapter, if one does: a number the story has used already is addressed
 * under its volume (`part-two-chapter-1`) and placed where the story has it.
 */
export function numberedInVolumes(chapters: ImportedChapter[], volumes: readonly (string | undefined)[]): void {
  const numbers = new Set<number>();
  let volume: string | undefined;
  let count = 0;
  chapters.forEach((chapter, i) => {
    const heading = volumes[i];
    // In the chapter's own address's letters: `part-two`, else (`第二部`, `Том 2`, which an address must not mix with Latin) `part-2`.
    if (heading) {
      count++;
      const label = slugify(volumeLabel(heading) ?? heading);
      volume = /^[a-z0-9-]+$/.test(label) ? label : `part-${count}`;
    }
    const { number } = chapter;
    if (number === undefined) return;
    if (numbers.has(number) && volume && chapter.slug) {
      chapter.number = undefined;
      chapter.slug = `${volume}-${chapter.slug}`;
    }
    numbers.add(number);
  });
}
