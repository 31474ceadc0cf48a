import type { Element as XmlElement, Nodes as XmlNodes } from 'xast';
import type { Element, ElementContent, Root } from 'hast';
import { attribute, childElements, local, parseXmlOrRefuse, text } from '../xml.ts';
import { treeOf } from '../html.ts';
import { gatherFootnotes, isMarkerText } from '../footnotes.ts';
import { imageName } from '../image-name.ts';
import { importedStory, ImportError, type ImportedChapter, type ImportedWork } from '../model.ts';
import { isBareNumber, parseTitleLine } from '../title-lines.ts';
import { volumeLabel } from '../../core/chapter-labels.ts';
import { innerSectionsNotice, numberedInVolumes } from '../chapter-headings.ts';
import { languageTag } from '../../core/language-names.ts';
import { withoutControls } from '../decode.ts';
import { imageTypes } from '../../source/content-files.ts';
import { problems, counted } from '../../core/problems.ts';
import { dividedAsDocument, withDividedStory } from './document.ts';

/**
 * A FictionBook (.fb2, or .fb2.zip): the e-book format of Russian-, Ukrainian- and
 * Belarusian-speaking readers, in which ficbook.net, author.today and most of their libraries
 * give stories. Its `<description>` fills story.md (title, authors, annotation, keywords,
 * language, series, cover); each `<section>` of the main `<body>` holding text is a chapter, a
 * section of sections (a part) giving its name to sections numbered only ("Часть 1 — I"); the
 * notes' `<body>` become footnotes where the text refers to them; pictures come from the
 * book's `<binary>` elements. The word check counts the book's text as XML has it, apart from
 * the conversion.
 */

/** Whether a text is a FictionBook, from its start. */
export const isFictionBook = (start: string): boolean => /<FictionBook[\s>]/.test(start);

const child = (node: XmlElement | undefined, name: string): XmlElement | undefined => childElements(node, name)[0];

/**
 * The words a reader of the book sees in an element, blocks apart: read from the XML as it is,
 * not from the pages made of it, so the word check can catch what the conversion lost.
 */
function wordsOf(node: XmlNodes): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && ['binary', 'image'].includes(local(node.name))) return '';
  // A note's marker ("[1]") is no word of the story.
  if (node.type === 'element' && local(node.name) === 'a' && attribute(node, 'type') === 'note' && isMarkerText(text(node))) return ' ';
  // A block is words of its own; an inline element (`H<sub>2</sub>O`) is part of the word it is in.
  return node.children.map((inner) => (inner.type === 'element' && !isInline(inner) ? ` ${wordsOf(inner)} ` : wordsOf(inner))).join('');
}

const h = (tagName: string, content: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children: content,
});

/** What FictionBook's inline elements are in HTML. */
const inline: Record<string, string> = {
  strong: 'strong',
  emphasis: 'em',
  strikethrough: 'del',
  sub: 'sub',
  sup: 'sup',
  code: 'code',
};

/** Whether an element runs inside a paragraph's text: styled words, a link, a style. */
const isInline = (node: XmlElement): boolean => Object.hasOwn(inline, local(node.name)) || ['a', 'style'].includes(local(node.name));

interface Book {
  /** Pictures by the id of their `<binary>`: the name each is written under in images/. */
  pictures: Map<string, string>;
  /** How many `<empty-line/>`s were left out as spacing. */
  emptyLines: number;
  /** How many runs of them became scene breaks. */
  breaks: number;
}

/** A FictionBook element's content as HTML. */
function convert(nodes: readonly XmlNodes[], book: Book): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text' || node.type === 'cdata') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element') return [];
    const name = local(node.name);
    const inner = () => convert(node.children, book);
    switch (name) {
      case 'p':
      case 'v':
      case 'text-author':
        return [h('p', inner())];
      case 'empty-line':
        book.emptyLines++;
        return [];
      case 'subtitle':
        // A break written as a subtitle ("* * *") is a break: the text's own paragraph, read as every format's is.
        return [h('p', inner())];
      case 'cite':
      case 'epigraph':
        return [h('blockquote', inner())];
      case 'poem':
        return [h('div', convert(node.children, book), { className: ['verse'] })];
      case 'stanza':
        return [
          h(
            'p',
            childElements(node, 'v').flatMap((line, index) => [...(index ? [h('br', [])] : []), ...convert(line.children, book)]),
          ),
        ];
      case 'title':
        return childElements(node, 'p').map((line) => h('p', [h('strong', convert(line.children, book))]));
      case 'section':
      case 'annotation':
        return inner();
      case 'image': {
        const href = (attribute(node, 'href') ?? '').replace(/^#/, '');
        const picture = book.pictures.get(href);
        const alt = attribute(node, 'alt') ?? attribute(node, 'title') ?? '';
        return picture ? [h('img', [], { src: `images/${picture}`, alt })] : [];
      }
      case 'a': {
        const href = attribute(node, 'href') ?? '';
        if (
          attribute(node, 'type') === 'note' ||
          (href.startsWith('#') && node.children.length > 0 && /^\s*[[(]?\d+[\])]?\s*$/.test(text(node)))
        )
          return [h('a', inner(), { href: `#fb2-${href.slice(1)}`, role: 'doc-noteref' })];
        return /^https?:\/\//i.test(href) ? [h('a', inner(), { href })] : inner();
      }
      case 'table':
      case 'tr':
      case 'th':
      case 'td':
        return [h(name, inner())];
      case 'style':
        return inner();
      default:
        return name in inline ? [h(inline[name]!, inner())] : inner();
    }
  });
}

const isEmptyLine = (node: XmlElement): boolean => local(node.name) === 'empty-line';

/** A paragraph that is an item of a list typed as paragraphs (`• Lamps`, `2. Oil`), as pandoc writes a list in FictionBook. */
const isListItem = (node: XmlElement | undefined): boolean =>
  node !== undefined && local(node.name) === 'p' && /^\s*(?:[•◦▪‣⁃●○■□]|\d{1,3}[.)])\s/u.test(text(node));

/**
 * The runs of `<empty-line/>` between a section's blocks (not at its top or end): where a scene
 * break may be. Not between two items of a list typed as paragraphs, which it spaces.
 */
function breaksBetween(content: readonly XmlElement[]): number[] {
  const at = content.flatMap((node, index) => (isEmptyLine(node) && !isEmptyLine(content[index - 1] ?? node) ? [index] : []));
  const first = content.findIndex((node) => !isEmptyLine(node));
  const last = content.findLastIndex((node) => !isEmptyLine(node));
  // The block after a run of empty lines (each run is walked once).
  const after = (index: number) => {
    while (index < content.length && isEmptyLine(content[index]!)) index++;
    return content[index];
  };
  return at.filter((index) => index > first && index < last && !(isListItem(content[index - 1]) && isListItem(after(index))));
}

/**
 * A section's text as HTML. FictionBook has no scene break of its own: books set one apart by
 * an `<empty-line/>` between two paragraphs, which becomes a break, unless the book puts them
 * between paragraphs throughout (spacing: `breaks` false). At a section's top or end, and inside
 * poems and quotes, they are spacing, and left out.
 */
function sectionBody(content: readonly XmlElement[], book: Book, breaks: boolean): ElementContent[] {
  const between = new Set(breaks ? breaksBetween(content) : []);
  let inBreak = false;
  return content.flatMap((node, index) => {
    if (!isEmptyLine(node)) {
      inBreak = false;
      return local(node.name) === 'section' ? sectionInText(node, book, breaks) : convert([node], book);
    }
    // Two or more in a row are one break.
    if (inBreak) return [];
    if (between.has(index)) {
      inBreak = true;
      book.breaks++;
      return [h('hr', [])];
    }
    book.emptyLines++;
    return [];
  });
}

/** A section kept in its chapter's text: its title a heading, then what it holds. */
function sectionInText(section: XmlElement, book: Book, breaks: boolean): ElementContent[] {
  const title = titleLine(section);
  const rest = childElements(section).filter((block) => local(block.name) !== 'title');
  return [...(title ? [h('h2', [{ type: 'text', value: title }])] : []), ...sectionBody(rest, book, breaks)];
}

/** A section's title as one line: "Глава 2" and "Ночь" on two → "Глава 2. Ночь". */
function titleLine(section: XmlElement): string | undefined {
  const lines = childElements(child(section, 'title') ?? section, 'p')
    .map((line) => text(line))
    .filter(Boolean);
  if (!child(section, 'title') || lines.length === 0) return undefined;
  return lines.reduce((title, line) => (/[.:!?…—-]$/.test(title) ? `${title} ${line}` : `${title}. ${line}`));
}

interface Section {
  title: string | undefined;
  /** The section itself, its text read without the title (and its sub-sections). */
  content: XmlElement[];
  summary: XmlElement | undefined;
  /** The part it opens, by name. */
  part?: string | undefined;
}

/**
 * The chapters of a body: every section holding text of its own, a part's sections titled with
 * its name when they are only numbered. A chapter's own sections, titled as no chapter is ("Am
 * Abend", "II"), stay in its text under their titles (`inner` gathers those titles); sections
 * titled as chapters, and those of a part, are chapters of their own.
 */
function sectionsOf(node: XmlElement, parent: string | undefined, found: Section[], titles: string[], inner: string[]): void {
  const blocks = childElements(node).filter((block) => !['title', 'annotation'].includes(local(block.name)));
  const own = blocks.filter((block) => local(block.name) !== 'section');
  const title = titleLine(node);
  const subsections = childElements(node, 'section');
  // A part's epigraph is no text of its own: it opens the part's first chapter (`opened`).
  const isEpigraph = (block: XmlElement) => local(block.name) === 'epigraph';
  const hasText = own.some(
    (block) => !(subsections.length > 0 && isEpigraph(block)) && (wordsOf(block).trim() !== '' || local(block.name) === 'image'),
  );
  // A section titled as a chapter ("Chapter Two") whose text is all in sections under it titled as
  // no chapter is: the chapter, those sections in its text, as a section with text of its own keeps them.
  const titledAsChapter = title !== undefined && parseTitleLine(title) !== undefined && !volumeLabel(title);
  const inText = new Set(
    (hasText ? !(title && volumeLabel(title)) : titledAsChapter)
      ? subsections.filter((section) => !parseTitleLine(titleLine(section) ?? '') && !volumeLabel(titleLine(section) ?? ''))
      : [],
  );
  for (const section of inText) inner.push(titleLine(section) ?? '');
  // A title with nothing under it (a heading the writer made a section of its own, at a
  // chapter's end): a heading in the text of the chapter before it, never a chapter of no text.
  const previous = found.at(-1);
  if (title && !hasText && subsections.length === 0 && own.every(isEmptyLine) && !child(node, 'annotation') && previous) {
    previous.content.push(node);
    inner.push(title);
    return;
  }
  // A section numbered only ("I", "II") is titled with the part or story it is in ("Часть первая — I");
  // a chapter under a part ("Глава 1" under "Часть вторая"), as written.
  const chapterUnderPart = parent !== undefined && volumeLabel(parent) !== undefined && parseTitleLine(title ?? '')?.kind === 'chapter';
  const section = (content: XmlElement[]): Section => ({
    title: title && parent && isBareNumber(title) && !chapterUnderPart ? `${parent} — ${title}` : title,
    content,
    summary: child(node, 'annotation'),
  });
  const isChapter = hasText || subsections.length === 0 || inText.size > 0;
  if (isChapter) found.push(section(blocks.filter((block) => local(block.name) !== 'section' || inText.has(block))));
  const first = found.length;
  for (const below of subsections) if (!inText.has(below)) sectionsOf(below, isChapter ? parent : (title ?? parent), found, titles, inner);
  if (isChapter) {
    if (title) titles.push(title);
    return;
  }
  const opened = found[first];
  // Nothing below holds text: the part is a chapter of what it has (its epigraph), as before.
  if (!opened) {
    if (own.length > 0 || child(node, 'annotation')) found.push(section(own));
    if (title) titles.push(title);
    return;
  }
  // Its epigraph and its annotation (what the part is about) open its first chapter.
  const about = child(node, 'annotation');
  opened.content.unshift(...own.filter(isEpigraph), ...(about ? [about] : []));
  // A part ("Часть первая", "Part Two") over chapters titled as written opens the first of them,
  // as its `part`; over sections numbered only, it is in their titles ("Часть первая — I").
  if (title && volumeLabel(title) && opened.part === undefined && !opened.title?.startsWith(`${title} — `)) opened.part = title;
  else if (title) titles.push(title);
}

/** Elements that hold paragraphs (and sections), not text. */
const holdsBlocks = new Set(['body', 'section', 'cite', 'epigraph', 'annotation']);

/**
 * Words written loose among a section's paragraphs (text, or bold and italic runs, outside any
 * `<p>`, as pandoc writes a block it has no FictionBook element for): a paragraph of their own,
 * where they stood, as a reader of the book sees them; not left out as markup between blocks.
 */
function looseTextAsParagraphs(node: XmlElement): void {
  for (const child of node.children) if (child.type === 'element') looseTextAsParagraphs(child);
  if (!holdsBlocks.has(local(node.name))) return;
  const children: XmlElement['children'] = [];
  let run: XmlElement['children'] = [];
  const end = () => {
    if (run.some((part) => part.type === 'element' || ((part.type === 'text' || part.type === 'cdata') && part.value.trim() !== '')))
      children.push({ type: 'element', name: 'p', attributes: {}, children: run });
    else children.push(...run);
    run = [];
  };
  for (const child of node.children) {
    if (child.type === 'text' || child.type === 'cdata' || (child.type === 'element' && isInline(child))) run.push(child);
    else {
      end();
      children.push(child);
    }
  }
  end();
  node.children = children;
}

/** Reads a FictionBook; fails naming the line of a broken one. */
export function readFictionBook(input: string, file: string, stem: string): ImportedWork {
  const tree = parseXmlOrRefuse(withoutControls(input).text, file);
  const root = childElements(tree, 'fictionbook')[0];
  if (!root) throw new ImportError(problems.BrokenXml.message(file, 'no <FictionBook> element'));
  for (const body of childElements(root, 'body')) looseTextAsParagraphs(body);
  const images = new Map<string, Uint8Array>();
  const book: Book = { pictures: new Map(), emptyLines: 0, breaks: 0 };
  for (const binary of childElements(root, 'binary')) {
    const id = attribute(binary, 'id') ?? '';
    const type = attribute(binary, 'content-type') ?? '';
    const extension = Object.entries(imageTypes).find(([, mime]) => mime === type)?.[0];
    if (!id || !extension) continue;
    const name = imageName(/\.[a-z]+$/i.test(id) ? id : `${id}${extension}`, new Set(images.keys()));
    images.set(name, new Uint8Array(Buffer.from(text(binary), 'base64')));
    book.pictures.set(id, name);
  }

  const info = child(child(root, 'description'), 'title-info');
  const authors = childElements(info ?? root, 'author')
    .map(
      (author) =>
        ['first-name', 'middle-name', 'last-name']
          .map((part) => text(child(author, part)))
          .filter(Boolean)
          .join(' ') || text(child(author, 'nickname')),
    )
    .filter(Boolean);
  const annotation = child(info, 'annotation');
  const sequence = child(info, 'sequence');
  const coverId = (attribute(child(child(info, 'coverpage'), 'image'), 'href') ?? '').replace(/^#/, '');
  const language = text(child(info, 'lang'));
  const part = Number(attribute(sequence, 'number'));
  const story = importedStory({
    title: text(child(info, 'book-title')) || undefined,
    author: authors.join(', ') || undefined,
    language: language ? languageTag(language) : undefined,
    summary: annotation ? treeOf(convert(annotation.children, book)) : undefined,
    tags: text(child(info, 'keywords'))
      .split(/\s*[,;]\s*/)
      .filter(Boolean),
    series:
      sequence && attribute(sequence, 'name')
        ? { title: attribute(sequence, 'name')!, part: Number.isInteger(part) && part > 0 ? part : 1 }
        : undefined,
    cover: book.pictures.get(coverId),
  });

  // The main body is the first; the notes' body is named ("notes", "comments").
  const bodies = childElements(root, 'body');
  const notesBodies = bodies.filter((body) => attribute(body, 'name'));
  const mainBodies = bodies.filter((body) => !attribute(body, 'name'));
  const sections: Section[] = [];
  const setAside: string[] = [];
  const inner: string[] = [];
  for (const body of mainBodies) {
    // The book's title over its body, and an epigraph to the whole book, as the story's own.
    const bookTitle = child(body, 'title');
    if (bookTitle) setAside.push(wordsOf(bookTitle));
    const epigraphs = childElements(body, 'epigraph');
    if (epigraphs.length) story.notes = treeOf(convert(epigraphs, book));
    for (const section of childElements(body, 'section')) sectionsOf(section, undefined, sections, setAside, inner);
  }
  if (sections.length === 0) throw new ImportError(problems.NoFictionBookChapters.message(file));

  // Empty lines between paragraphs throughout (one for every three paragraphs or more) are the book's spacing, not its scene breaks.
  const gaps = sections.reduce((sum, section) => sum + breaksBetween(section.content).length, 0);
  const paragraphs = sections.reduce((sum, section) => sum + section.content.filter((node) => local(node.name) === 'p').length, 0);
  const breaks = gaps * 3 < paragraphs;
  const chapters: ImportedChapter[] = sections.map((section, index) => {
    const parsed = section.title ? parseTitleLine(section.title) : undefined;
    return {
      kind: parsed?.kind ?? 'chapter',
      number: parsed?.number,
      title: parsed?.title ?? section.title ?? (sections.length === 1 ? (story.title ?? stem) : `${index + 1}`),
      heading: parsed?.written,
      slug: parsed?.slug,
      summary: section.summary ? treeOf(convert(section.summary.children, book)) : undefined,
      body: treeOf(sectionBody(section.content, book, breaks)),
      part: section.part,
    };
  });
  // Sections none of which has a title, holding a whole work (as Calibre writes a Word document's
  // in one, an EPUB's a file a section): divided as the document would be, at its title lines, its
  // title page read, the book's details kept first.
  const divided = sections.every((section) => !section.title)
    ? dividedAsDocument(treeOf(chapters.flatMap((chapter) => chapter.body.children as ElementContent[])), stem, 'FictionBook (FB2)')
    : undefined;
  if (divided) {
    setAside.push(...divided.setAside);
    chapters.splice(0, chapters.length, ...divided.chapters);
    withDividedStory(story, divided);
  }
  // Chapters numbered anew in each part told apart in their addresses (`part-two-chapter-1`).
  numberedInVolumes(
    chapters,
    sections.map((section) => section.part),
  );
  // Each note, as an aside the footnotes of the chapter referring to it are gathered from.
  const notes: Root = treeOf(
    notesBodies.flatMap((body) =>
      childElements(body, 'section').map((note) =>
        h(
          'aside',
          convert(
            childElements(note).filter((inner) => local(inner.name) !== 'title'),
            book,
          ),
          { id: `fb2-${attribute(note, 'id') ?? ''}`, role: 'doc-footnote' },
        ),
      ),
    ),
  );
  gatherFootnotes([...chapters.map((chapter) => chapter.body), notes]);
  // The notes' titles are their numbers; the notes' body's own title ("Примечания") is the book's heading for them.
  for (const body of notesBodies) {
    const heading = child(body, 'title');
    if (heading) setAside.push(wordsOf(heading));
    for (const note of childElements(body, 'section')) setAside.push(wordsOf(child(note, 'title') ?? note.children[0]!));
  }

  const described = child(root, 'description');
  const dropped = [
    ...(childElements(info ?? root, 'genre').length ? ['the book’s genre codes (<genre>), which story.md has no place for'] : []),
    ...(child(described, 'document-info') || child(described, 'publish-info')
      ? ['the e-book’s own details (who made the file, with what program; its publisher)']
      : []),
  ];
  const notices = [
    divided
      ? `read the book’s ${sections.length === 1 ? 'one section' : `${sections.length} sections, none of them titled,`} as a whole work: ${divided.notices.join('; ')}`
      : sections.length === 1
        ? 'read the book’s one section as the chapter'
        : `read a chapter at each of the ${sections.length} sections of the book that hold text`,
    ...innerSectionsNotice(inner, 'the book nests'),
    ...(book.breaks
      ? [
          `read ${counted(book.breaks, 'empty line')} (<empty-line/>) between paragraphs as ${book.breaks === 1 ? 'a scene break' : 'scene breaks'}`,
        ]
      : []),
    ...(book.emptyLines
      ? [`left out ${counted(book.emptyLines, 'empty line')} (<empty-line/>): paragraphs are set apart without them`]
      : []),
  ];
  return {
    format: 'FictionBook (FB2)',
    story,
    chapters,
    images,
    source: [...mainBodies, ...notesBodies, ...(annotation ? [annotation] : [])].map(wordsOf).join('\n'),
    setAside,
    dropped,
    notices,
  };
}
