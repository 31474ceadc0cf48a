import { posix } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { strFromU8 } from 'fflate';
import { h } from 'hastscript';
import { imageTypes } from '../../source/content-files.ts';
import { elementChildren, hasClass, parseHtml, select, selectAll, textOf, treeOf, visibleText } from '../html.ts';
import { imageName } from '../image-name.ts';
import {
  bookLink,
  dateFirstAndLast,
  importedStory,
  ImportError,
  type ImportedChapter,
  type ImportedStory,
  type ImportedWork,
} from '../model.ts';
import {
  authorsPageTitle,
  isBareNumber,
  isNoteHeading,
  lineWithNameBelow,
  numberedEntry,
  numberTitle,
  parseNumber,
  parseTitleLine,
  partWithName,
} from '../title-lines.ts';
import { volumeLabel } from '../../core/chapter-labels.ts';
import { innerSectionsNotice, nameBelow, numberedInVolumes } from '../chapter-headings.ts';
import { readTitlePage } from './title-page.ts';
import { dividedAsDocument, withDividedStory } from './document.ts';
import { noteBlocksNotice, readNoteBlocks } from '../note-blocks.ts';
import { fidelityWords } from '../fidelity.ts';
import { elementsOf, removeElement, semanticsOf, shapeOf } from '../element.ts';
import { matchesUpTo, maxInputElements, overfull, startTag } from '../limits.ts';
import { gatherFootnotes, isNoteRef, isNotesBlock, withCalibreNotes } from '../footnotes.ts';
import { attribute, decodedOnce, element, elements, parseXml, text as xmlText, withDeclaredEntities } from '../xml.ts';
import { Ao3Reading, archiveLinks, chapterTitle } from './ao3.ts';
import { languageTag } from '../../core/language-names.ts';
import { leavesTheSite } from '../../core/links.ts';
import { decodeSafely } from '../../shared/paths.ts';
import { parseXhtml, textOfMarkup } from '../xhtml.ts';
import { unzipWithin } from '../zip.ts';
import { classStyles, formattingFromClasses, hiddenTextDropped, inlineStylesheets, withoutHiddenText } from '../class-styles.ts';
import { problems, counted, firstFew } from '../../core/problems.ts';

/**
 * An EPUB 2 or 3: chapters from its table of contents (nav.xhtml or toc.ncx) over the files
 * of its spine (a chapter may span several files, as Calibre splits them), metadata from the
 * package document, the cover, and the pictures the text shows. Pages that are not the story
 * (title page, table of contents, copyright, colophon…) are left out, and said so. An EPUB
 * from Archive of Our Own is read with AO3's own structure (preface, chapter notes, afterword).
 */
export function readEpub(bytes: Uint8Array, file: string): ImportedWork {
  // The container, the package document, the spine and contents, the sections, the chapters.
  const book = openBook(bytes, file);
  const pkg = readPackage(book);
  const { manifest, meta } = pkg;
  const log: Log = { notices: [], dropped: [], setAside: [] };
  const contents = readContents(book, pkg, log);
  const { ao3, pages } = contents;
  const { sections: split, front, inner } = splitSections(pkg.spine, contents, log);
  const sections = withNumbersJoinedToNames(split, log);
  const { frontNotes, titlePages } = readFrontPages(front, contents, log);
  const reading = new Ao3Reading();
  const pictures = new BookPictures(book);
  const { story, chapters, namedBy } = readChapters(sections, { file, meta, contents, reading, pictures, frontNotes, titlePages, log });
  // A whole work in one chapter (Calibre's EPUB of a Rich Text file: one file, one entry), or in
  // its parts alone (LibreOffice's EPUB lists only the top headings, "Teil 1", "Teil 2"): divided
  // as the document would be, at its headings and title lines, its title page read, the book's
  // details kept first.
  const whole = ao3 || chapters.some((chapter) => chapter.notes || chapter.endNotes || chapter.summary) ? undefined : wholeText(chapters);
  const divided = whole && dividedAsDocument(whole.body, posix.basename(file).replace(/\.[^.]*$/, ''), 'EPUB');
  if (divided && divided.chapters.length > chapters.length) {
    // The parts' headings, set aside as their chapters' titles, are read again as the parts of the chapters in them.
    if (whole.parts)
      for (const { title } of chapters) {
        const at = log.setAside.findIndex((text) => folded(text) === folded(title));
        if (at >= 0) log.setAside.splice(at, 1);
      }
    chapters.splice(0, chapters.length, ...divided.chapters);
    withDividedStory(story, divided);
    log.setAside.push(...divided.setAside);
    log.notices.push(divided.notices.length > 0 ? `${whole.notice}: ${divided.notices.join('; ')}` : whole.notice);
  }
  withSources(chapters, contents.sourceOf);
  // A section that became its chapter's name is no heading in it.
  log.notices.push(
    ...innerSectionsNotice(
      inner.filter((title) => !namedBy.includes(title)),
      'the table of contents lists',
    ),
  );
  const { images } = pictures;
  const { notices, dropped, setAside } = log;

  const cover =
    [...manifest.values()].find((item) => item.properties.includes('cover-image'))?.href ??
    (meta.coverId ? manifest.get(meta.coverId)?.href : undefined);
  if (cover && book.files[cover] && posix.extname(cover).toLowerCase() in imageTypes) story.cover = pictures.add(cover);
  const work: ImportedWork = {
    format: ao3 ? 'AO3 EPUB' : 'EPUB',
    story,
    chapters,
    images,
    source: [
      meta.description ? visibleText(treeOf(descriptionNodes(meta.description))) : '',
      ...[...pages.values()].map((page) => page.source),
    ].join('\n'),
    setAside: [...setAside, ...reading.setAside],
    dropped: [...dropped, ...reading.dropped],
    notices: [...notices, ...reading.notices],
  };
  // The archive's own links (`/works/…`, `/users/…`), written from its root, lead to it.
  if (ao3) archiveLinks(work);
  return work;
}

/**
 * A book's chapters as one text to divide, when they are one chapter, or only the parts its
 * contents list (each then opened by its heading again, for the division to read as a part's).
 */
function wholeText(chapters: readonly ImportedChapter[]): { body: Root; notice: string; parts?: true } | undefined {
  if (chapters.length === 0 || !chapters.every((chapter) => volumeLabel(chapter.title) !== undefined))
    return chapters.length === 1 ? { body: chapters[0]!.body, notice: 'read the book’s one chapter as a whole work' } : undefined;
  return {
    body: {
      type: 'root',
      children: chapters.flatMap((chapter) => [h('h1', chapter.title), ...(chapter.body.children as ElementContent[])]),
    },
    notice: `the table of contents lists only the book’s parts (${firstFew(chapters.map((chapter) => chapter.title))}); read the chapters in them`,
    parts: true,
  };
}

/** What the reading tells the author: notices, the pages left out, and the text set aside from the word check. */
interface Log {
  notices: string[];
  dropped: string[];
  setAside: string[];
}

/** The spine's pages and the table of contents read: what the sections are cut from. */
interface Contents {
  pages: Map<string, Page>;
  documents: Map<string, Element | Root>;
  /** The contents' entries, each place once, in the spine's order. */
  entries: TocEntry[];
  /** Whether the contents name any chapter (Calibre's one-chapter books name only the title page). */
  contentsNameChapters: boolean;
  /** What a file of the book says it is (its guide or landmarks type, the `epub:type` of its body and blocks), as read before anything was taken out of it. */
  fileTypes: (path: string) => string;
  /** What kind of front or back matter a part of the book is (title page, contents…), if it is any. */
  matterOf: (title: string, path: string, first: boolean) => string | undefined;
  /** The words of the book's metadata, which a title page repeats. */
  metadataWords: ReadonlySet<string>;
  /** Whether the book is an Archive of Our Own download, read with AO3's own structure. */
  ao3: boolean;
  /** The file of the book each element came from. */
  sourceOf: WeakMap<Element, string>;
}

/** Reads the spine's pages and the table of contents (nav.xhtml or toc.ncx), and how each page names itself. */
function readContents(book: Book, pkg: Package, log: Log): Contents {
  const { notices, dropped, setAside } = log;
  const { text, inBook } = book;
  const { opf, manifest, spine, meta } = pkg;
  const listed = tableOfContents(opf, manifest, text, inBook);
  // FanFicFare's EPUBs of AO3 works name the archive too, but are laid out FanFicFare's way.
  const ao3 =
    /archive of our own|archiveofourown\.org/i.test(`${meta.publisher} ${meta.source}`) && !/FanFicFare|fanficdownloader/i.test(meta.tool);
  const guide = new Map(elements(opf, 'reference').map((ref) => [inBook(attribute(ref, 'href') ?? ''), attribute(ref, 'type') ?? '']));
  for (const [path, type] of landmarks(manifest, text, inBook)) if (!guide.has(path)) guide.set(path, type);
  const pageTypes = (path: string, body: Element | Root) =>
    [
      guide.get(path) ?? '',
      body.type === 'element' ? semanticsOf(body) : '',
      ...withoutWrappers(body).flatMap((node) => (node.type === 'element' ? [semanticsOf(node)] : [])),
      isUpdateLog(body) ? 'update-log' : '',
    ].join(' ');

  const pages = readPages(spine, text, book.file);
  // Converters (Calibre) often set italics and bold by classes of the book's stylesheets, not by elements.
  const bookStyles = [...manifest.values()].filter((item) => item.type === 'text/css').map((item) => text(item.href) ?? '');
  // The book's stylesheets are read once; a page with styles of its own reads them after the book's.
  const bookClasses = classStyles(bookStyles);
  const hidden: string[] = [];
  let styled = 0;
  for (const page of pages.values()) {
    const styles = page.styles.length > 0 ? classStyles([...bookStyles, ...page.styles]) : bookClasses;
    // What the book hides from its readers is no text of the story: set aside from the words counted, and said.
    hidden.push(...withoutHiddenText(page.body, styles));
    styled += formattingFromClasses(page.body, styles);
  }
  setAside.push(...hidden);
  dropped.push(...hiddenTextDropped(hidden));
  if (styled > 0)
    notices.push(
      `read italics, bold, underline, small capitals and alignment set by the book’s stylesheets in ${counted(styled, 'place')}`,
    );
  const documents = new Map([...pages].map(([path, page]) => [path, page.body]));
  const asHtml = [...pages].filter(([, page]) => !page.xml).map(([path]) => posix.basename(path));
  if (asHtml.length > 0) {
    notices.push(
      `read ${asHtml.length === 1 ? asHtml[0] : `${asHtml.length} pages (${asHtml.slice(0, 3).join(', ')}${asHtml.length > 3 ? '…' : ''})`} as HTML: not well-formed XHTML; the word check read ${asHtml.length === 1 ? 'its' : 'their'} words from the markup itself`,
    );
  }

  // Calibre's notes (a `<dl>` each) as the notes they are.
  withCalibreNotes([...documents.values()], setAside);
  // Entries leading to a note or to a note's marker (Calibre lists each of a Word or OpenDocument
  // file's notes, "1", and each way back, "←1"): notes of the chapters, no chapters.
  const isNoteEntry = leadsToNote(documents);
  const toc = listed.filter((entry) => !isNoteEntry(entry));
  if (toc.length < listed.length)
    notices.push(
      `left out ${counted(listed.length - toc.length, 'entry', 'entries')} of the table of contents leading to footnotes or their markers`,
    );
  // Notes kept in another file (an ebook's notes page), and each file's own, are given ids unique
  // in the book, so each can join the chapter that marks it.
  giveNotesBookIds(documents, inBook);
  // Every other link to a file of the book, marked for the chapter read from it.
  const sourceOf = linkFilesAcrossBook(documents, inBook);

  const metadataWords = new Set(
    fidelityWords(
      [meta.title, [meta.creator ?? []].flat().join(' '), meta.description, meta.publisher, meta.source, meta.date, ...meta.subjects].join(
        ' ',
      ),
    ),
  );
  // What each file is, read once, before anything is taken out of it (a one-file book of 100
  // chapters was read through for each of its contents' entries and each of its chapters).
  const typesOfFile = new Map<string, string>();
  const fileTypes = (path: string) => {
    let types = typesOfFile.get(path);
    if (types === undefined) typesOfFile.set(path, (types = pageTypes(path, documents.get(path)!)));
    return types;
  };
  const matterOf = (title: string, path: string, first: boolean) =>
    matterKind(title, fileTypes(path)) ??
    // The first page, titled as the book or as no chapter ("Section 1", as LibreOffice names it), may be a title page.
    (first && (!title || title === meta.title || !parseTitleLine(title))
      ? frontPageKind(path, pages.get(path)!.source, metadataWords)
      : undefined);

  // Group the spine's files under the table of contents' entries: each file once, in the
  // spine's order, whatever order (or how many times) the contents list them.
  const entries = contentsInSpineOrder(withEntriesAtTheirHeadings(toc, spine, documents, notices), spine, notices);
  // Contents that name no chapter (only the title page, as Calibre writes them for a one-chapter
  // work) or none at all: the spine is the book, each file that opens with a heading a chapter.
  const contentsNameChapters = entries.some((entry, index) => matterOf(entry.title, entry.path, index === 0) === undefined);
  if (!contentsNameChapters)
    notices.push(
      `${entries.length === 0 ? 'the book has no table of contents' : `the table of contents names no chapter (only ${entries.map((entry) => `“${entry.title}”`).join(', ')})`}; read the book’s files in reading order instead, a chapter at each file that opens with a heading`,
    );
  return { pages, documents, entries, contentsNameChapters, fileTypes, matterOf, metadataWords, ao3, sourceOf };
}

/**
 * Groups the spine's files under the table of contents' entries: each file once, in the
 * spine's order, a file split where several entries lead into it; files the contents do not
 * list continue the chapter before them or, opening with a chapter heading, are chapters of
 * their own. What comes before the first entry is front matter, read by `readFrontPages`.
 */
function splitSections(
  spine: string[],
  contents: Contents,
  log: Log,
): { sections: Section[]; front: { path: string; nodes: ElementContent[] }[]; inner: string[] } {
  const { documents, entries, contentsNameChapters, matterOf } = contents;
  const { notices } = log;
  const sections: Section[] = [];
  const front: { path: string; nodes: ElementContent[] }[] = [];
  const unlisted: string[] = [];
  const innerSections = new Set<{ entry: TocEntry; cut: number }>();
  const found: string[] = [];
  for (const path of spine) {
    const here = entries.filter((entry) => entry.path === path);
    const { nodes, anchors } = openedAt(
      withoutWrappers(documents.get(path)!),
      here.flatMap((entry) => (entry.fragment ? [entry.fragment] : [])),
    );
    // Several entries in one file: split it at the elements their fragments name, in the file's
    // order; entries at one place (a part and its first section) are the deepest's.
    const at = here
      .map((entry) => ({
        entry,
        cut: entry.fragment ? (anchors.get(entry.fragment) ?? 0) : 0,
      }))
      .sort((a, b) => a.cut - b.cut)
      .filter((item, _, all) => !all.some((other) => other.cut === item.cut && other.entry.parents.length > item.entry.parents.length))
      .filter((item, index, all) => index === 0 || item.cut !== all[index - 1]!.cut)
      .filter((item, index, all) => {
        // A section the contents list inside its chapter ("The Storm", an <h2> under "Chapter 1"'s
        // <h1>) stays in it, a heading of its text, rather than becoming a chapter of its own.
        const chapter = all.slice(0, index).findLast((other) => !innerSections.has(other));
        if (!chapter || !isSectionOf(item, chapter, nodes)) return true;
        innerSections.add(item);
        return false;
      });
    const cuts = at.map((item) => item.cut);
    const before = nodes.slice(0, cuts[0] ?? nodes.length);
    if (hasText(before)) {
      const last = sections.at(-1);
      const heading = openingHeading(before);
      // A file the contents do not list continues the chapter before it (Calibre splits long
      // chapters into files), unless it follows front matter or opens a chapter of its own.
      const own =
        (last === undefined && !contentsNameChapters && matterOf(heading ?? '', path, true) === undefined) ||
        (last !== undefined &&
          (last.matter !== undefined || (heading !== undefined && (!contentsNameChapters || parseTitleLine(heading) !== undefined))));
      // Or it holds the text of the entry before it, whose place has no text but headings (its
      // part's heading, or the start of its section a split file left at its end).
      const claimedByLast = last !== undefined && heading !== undefined && sameWords(last.title, heading) && noTextButHeadings(last.nodes);
      if (claimedByLast) {
        // Its place a page of its part's heading: the part's page, which opens the chapter, as a book lists it.
        const part = last.parents.at(-1);
        if (part !== undefined && !sameWords(part, heading)) {
          sections.splice(-1, 1, { ...last, title: part, parents: last.parents.slice(0, -1) });
          sections.push({ title: last.title, parents: last.parents, nodes: before, paths: [path], matter: undefined });
        } else {
          last.nodes.push(...before);
          last.paths.push(path);
        }
        found.push(heading);
      } else if (own) {
        const matter = matterOf(
          heading ?? '',
          path,
          sections.every((section) => section.matter !== undefined),
        );
        sections.push({ title: heading ?? '', parents: [], nodes: before, paths: [path], matter });
        if (contentsNameChapters && matter === undefined) unlisted.push(heading ?? posix.basename(path));
      } else if (last) {
        last.nodes.push(...before);
        last.paths.push(path);
      } else front.push({ path, nodes: before });
    }
    at.forEach(({ entry }, i) =>
      sections.push({
        title: entry.title,
        parents: entry.parents,
        nodes: nodes.slice(i === 0 && !hasText(before) ? 0 : cuts[i], cuts[i + 1] ?? nodes.length),
        paths: [path],
        matter: matterOf(
          entry.title,
          path,
          sections.every((section) => section.matter !== undefined),
        ),
      }),
    );
  }
  if (unlisted.length > 0)
    notices.push(
      `the table of contents leaves out ${unlisted.length === 1 ? 'a chapter' : `${unlisted.length} chapters`} the book holds (${firstFew(unlisted)}); imported as chapters of their own`,
    );
  if (found.length > 0)
    notices.push(
      `the table of contents leads ${found.length === 1 ? 'a chapter' : `${found.length} chapters`} to a page without ${found.length === 1 ? 'its' : 'their'} text (${firstFew(found)}); read ${found.length === 1 ? 'it' : 'them'} from where ${found.length === 1 ? 'its heading stands' : 'their headings stand'}`,
    );
  return { sections, front, inner: [...innerSections].map(({ entry }) => entry.title) };
}

/**
 * The sections with each that is a chapter's number alone ("Chapter 2", a page of its heading and
 * nothing else) joined to the entry after it that names it ("The Boat", with the text): one
 * chapter, "Chapter 2: The Boat", as the book shows them one after the other.
 */
function withNumbersJoinedToNames(sections: Section[], log: Log): Section[] {
  const joined: Section[] = [];
  const numbers: string[] = [];
  for (const section of sections) {
    const last = joined.at(-1);
    // (A part's page, "Part Two", opens the chapter after it otherwise: it names no chapter.)
    const title = last && volumeLabel(last.title) === undefined ? lineWithNameBelow(last.title, section.title) : undefined;
    if (
      title &&
      last &&
      last.matter === undefined &&
      section.matter === undefined &&
      String(last.parents) === String(section.parents) &&
      noTextButHeadings(last.nodes) &&
      hasText(section.nodes)
    ) {
      // The number's page and the name heading the text are the title now, not text.
      log.setAside.push(visibleText(treeOf(last.nodes)));
      const nodes = withoutLeadingTitle(section.nodes, section.title, log.setAside);
      joined[joined.length - 1] = { ...section, title, nodes, paths: [...last.paths, ...section.paths] };
      numbers.push(last.title);
    } else joined.push(section);
  }
  const count = numbers.length;
  if (count > 0)
    log.notices.push(
      `joined ${counted(count, 'entry', 'entries')} of the table of contents that ${count === 1 ? 'numbers' : 'number'} a chapter alone (${firstFew(numbers)}) to the entry after ${count === 1 ? 'it' : 'them'}, ${count === 1 ? 'its' : 'their'} name`,
    );
  return joined;
}

/** The pages before the first chapter: a title page or contents set aside (and said so), anything else kept as the story's notes. */
function readFrontPages(
  front: { path: string; nodes: ElementContent[] }[],
  contents: Contents,
  log: Log,
): { frontNotes: ElementContent[]; titlePages: ElementContent[][] } {
  const { fileTypes, metadataWords } = contents;
  const { notices, dropped, setAside } = log;
  const frontNotes: ElementContent[] = [];
  const titlePages: ElementContent[][] = [];
  for (const page of front) {
    const pageText = page.nodes.map(visibleText).join('');
    const kind = matterKind('', fileTypes(page.path)) ?? frontPageKind(page.path, pageText, metadataWords);
    if (kind) {
      setAside.push(pageText);
      dropped.push(`the ${kind} ${posix.basename(page.path)}`);
      if (kind === 'title page') titlePages.push(page.nodes);
    } else {
      frontNotes.push(...page.nodes);
      notices.push(`kept ${posix.basename(page.path)}, before the first chapter, as the story’s notes`);
    }
  }

  return { frontNotes, titlePages };
}

/** The story's metadata and its chapters, from the sections that are not front or back matter. */
function readChapters(
  sections: Section[],
  context: {
    file: string;
    meta: Metadata;
    contents: Contents;
    reading: Ao3Reading;
    pictures: BookPictures;
    frontNotes: ElementContent[];
    titlePages: ElementContent[][];
    log: Log;
  },
): { story: ImportedStory; chapters: ImportedChapter[]; namedBy: string[] } {
  const { file, meta, reading, pictures, frontNotes, titlePages } = context;
  // The headings under a chapter's number that became its name ("The Storm" of "Chapter 1: The Storm").
  const namedBy: string[] = [];
  const { ao3 } = context.contents;
  const { notices, dropped, setAside } = context.log;
  const story = importedStory({
    tags: [...meta.subjects],
    title: meta.title,
    author: meta.creator,
    language: meta.language ? languageTag(meta.language) : undefined,
    // Where the work lives on the archive, as a reader can follow it: an http(s) address only.
    ...(ao3 && /^https?:\/\//i.test(meta.source) && URL.canParse(meta.source) ? { reviewUrl: meta.source } : {}),
  });
  if (meta.language && !story.language) notices.push(`the book’s language "${meta.language}" is no language tag; set language in story.md`);
  if (meta.description) story.summary = treeOf(descriptionNodes(meta.description));
  if (frontNotes.length > 0) story.notes = treeOf(frontNotes);
  const chapters: ImportedChapter[] = [];
  const untitled = sections.filter((section) => section.matter === undefined).length === 1 ? meta.title : undefined;
  const headsOthers: string[] = [];
  let withParent: string | undefined;
  let withParentCount = 0;
  let fanFicFareNotes = 0;
  const noteLabels: string[] = [];
  // A part's page ("Part Two: The Hills" and no text): it opens the chapter after it, as the book shows it.
  let opening: { nodes: ElementContent[]; title: string } | undefined;
  const volumes: (string | undefined)[] = [];
  // The author's notes the contents list as entries of their own ("Author's Note").
  let notesByEntry = 0;
  // The book's pages of its author's words about it, read as the story's notes and end notes.
  const asStoryNotes: Record<'notes' | 'endNotes', string[]> = { notes: [], endNotes: [] };
  const sectionTypes = (section: Section) => section.paths.map((path) => context.contents.fileTypes(path)).join(' ');
  for (const section of sections) {
    const kind = section.matter;
    if (ao3 && /^Preface$/i.test(section.title)) {
      const preface = reading.preface({ type: 'element', tagName: 'div', properties: {}, children: section.nodes });
      Object.assign(
        story,
        Object.fromEntries(
          Object.entries(preface).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
        ),
      );
      if (meta.description) setAside.push(visibleText(treeOf(descriptionNodes(meta.description))));
      continue;
    }
    if (ao3 && /^Afterword$/i.test(section.title)) {
      reading.afterword(treeOf(section.nodes), story);
      continue;
    }
    if (kind) {
      for (const node of section.nodes) setAside.push(node.type === 'element' ? visibleText(node) : '');
      dropped.push(`“${section.title || posix.basename(section.paths[0]!)}” (${kind})`);
      if (kind === 'title page') titlePages.push(section.nodes);
      continue;
    }
    // A page of the author's words about the book (a dedication, acknowledgements, about the author): the story's notes, no chapter.
    const aside = ao3 ? undefined : authorsMatter(section.title, sectionTypes(section), chapters.length > 0);
    if (aside && hasText(section.nodes)) {
      pictures.keep(section.paths[0]!, section.nodes);
      if (aside === 'notes') story.notes = joined(story.notes, treeOf(section.nodes));
      else story.endNotes = joined(story.endNotes, treeOf(section.nodes));
      asStoryNotes[aside].push(section.title || posix.basename(section.paths[0]!));
      continue;
    }
    pictures.keep(section.paths[0]!, section.nodes);
    const position = chapters.length + 1;
    if (ao3) {
      const elements = section.nodes.filter((node): node is Element => node.type === 'element');
      const parts = reading.chapterParts(elements);
      chapters.push({
        kind: 'chapter',
        number: position,
        title: chapterTitle(parts.heading || section.title, position),
        slug: undefined,
        ...parts,
      });
      continue;
    }
    const asideBefore = setAside.length;
    const withNotes = withoutLeadingTitle(section.nodes, section.title, setAside);
    const notes = readNoteBlocks(withNotes);
    const nodes = notes?.body ?? withNotes;
    if (notes) {
      setAside.push(...notes.labels);
      noteLabels.push(...notes.labels);
      fanFicFareNotes++;
      if (notes.workNotes) story.notes ??= notes.workNotes;
      else if (notes.workEndNotes) story.endNotes ??= notes.workEndNotes;
    }
    if ((!hasText(nodes) || onlyEpigraphs(nodes)) && !notes && volumeLabel(section.title) !== undefined && hasText(section.nodes)) {
      // Its heading (and its epigraph) is the text the next chapter opens with, not a title set aside.
      setAside.length = asideBefore;
      opening = { nodes: [...(opening?.nodes ?? []), ...section.nodes], title: section.title };
      continue;
    }
    // A part's page with its name under its heading ("Part One", then "The Coast"): the part "Part One: The Coast".
    const partTitle = notes ? undefined : partNamed(section.title, nodes);
    if (partTitle !== undefined) {
      setAside.length = asideBefore;
      opening = { nodes: [...(opening?.nodes ?? []), h('h1', partTitle)], title: partTitle };
      continue;
    }
    // An entry that is a note's label alone ("Author's Note") after a chapter: the author's words after it, its end note.
    const previous = chapters.at(-1);
    if (previous && isNoteHeading(section.title) && hasText(nodes) && !notes) {
      previous.endNotes = joined(previous.endNotes, treeOf(nodes));
      notesByEntry++;
      continue;
    }
    if (!hasText(nodes.map(withoutNotes))) {
      // An entry that only heads the entries below it (a story in a collection, a part) is no chapter.
      if (sections.some((other) => other.parents.includes(section.title))) headsOthers.push(section.title);
      // A heading with no text under it but notes (a section the writer closed a chapter with, and the
      // file's notes after it): the heading it is, at the end of the chapter before, its notes
      // gathered into the chapters that mark them; never a chapter of no text.
      else if (previous && hasText(section.nodes)) {
        setAside.length = asideBefore;
        previous.body.children.push(...section.nodes);
        notices.push(`kept the contents entry “${section.title}”, which heads no text, as a heading at the end of the chapter before it`);
      } else notices.push(`the contents entry “${section.title}” leads to no text; left out`);
      continue;
    }
    // A section numbered within a part ("I", "II" under "A Scandal in Bohemia") is titled with it;
    // a chapter under a volume ("Chapter 1" under "Part One") is titled as written, the volume's
    // heading opening its first chapter (and its address telling chapters numbered anew apart).
    const parent = section.parents.filter((title) => title && title !== meta.title).at(-1);
    const underVolume = parent !== undefined && volumeLabel(parent) !== undefined && parseTitleLine(section.title)?.kind === 'chapter';
    const nested = parent !== undefined && isBareNumber(section.title) && !underVolume;
    const heading = nested ? undefined : numberedEntry(section.title, story.language);
    if (nested) {
      withParent ??= `${parent} — ${section.title}`;
      withParentCount++;
    }
    // A chapter titled by its number alone whose text opens with its name ("Chapter One", then an <h2> "The Storm").
    const named = heading && !opening ? nameBelow(heading, 1, nodes) : undefined;
    const body = treeOf([...(opening?.nodes ?? []), ...nodes]);
    if (named) {
      removeElement(body, named.node);
      setAside.push(visibleText(named.node));
      namedBy.push(textOf(named.node));
    }
    chapters.push({
      kind: heading?.kind ?? 'chapter',
      number: heading?.number,
      title:
        named?.title ??
        (nested
          ? `${parent} — ${section.title}`
          : (heading?.title ?? (section.title || untitled || numberTitle(position, '', story.language ?? 'en').title))),
      heading: named ? undefined : heading?.written,
      slug: heading?.slug,
      summary: notes?.summary,
      // The work's notes stay with the chapter when story.md has its own already.
      notes: joined(notes?.notes, notes?.workNotes === story.notes ? undefined : notes?.workNotes),
      endNotes: joined(notes?.endNotes, notes?.workEndNotes === story.endNotes ? undefined : notes?.workEndNotes),
      body,
    });
    volumes[chapters.length - 1] = opening?.title;
    if (opening) notices.push(`the part’s page “${opening.title}” opens the chapter after it`);
    opening = undefined;
  }
  // A part's page with no chapter after it is its heading alone.
  if (opening) {
    chapters.push({ kind: 'chapter', number: undefined, title: opening.title, slug: undefined, body: treeOf(opening.nodes) });
    setAside.push(opening.title);
  }
  numberedInVolumes(chapters, volumes);
  if (asStoryNotes.notes.length > 0 || asStoryNotes.endNotes.length > 0)
    notices.push(
      `read the book’s pages of the author’s words about it as story.md’s ${[
        ...(asStoryNotes.notes.length ? [`notes (${asStoryNotes.notes.map((title) => `“${title}”`).join(', ')})`] : []),
        ...(asStoryNotes.endNotes.length ? [`end notes (${asStoryNotes.endNotes.map((title) => `“${title}”`).join(', ')})`] : []),
      ].join(' and ')}, not as chapters`,
    );
  if (notesByEntry > 0)
    notices.push(
      `read ${counted(notesByEntry, 'entry', 'entries')} of the contents that ${notesByEntry === 1 ? 'is' : 'are'} an author’s note (“Author’s Note”) as the end notes of the chapter before ${notesByEntry === 1 ? 'it' : 'them'}`,
    );
  if (fanFicFareNotes > 0) notices.push(noteBlocksNotice(fanFicFareNotes, noteLabels));
  if (headsOthers.length > 0)
    notices.push(
      `the table of contents is nested: ${headsOthers.map((title) => `“${title}”`).join(', ')} only ${headsOthers.length === 1 ? 'heads' : 'head'} the sections below, which became the chapters`,
    );
  if (withParent)
    notices.push(
      `titled ${counted(withParentCount, 'numbered section')} with the part ${withParentCount === 1 ? 'it is' : 'they are'} in, as “${withParent}”`,
    );
  for (const page of titlePages) {
    const read = readTitlePage(treeOf(page), story);
    if (!read) continue;
    dateFirstAndLast(chapters, read);
    if (read.fields.length > 0) notices.push(`read the title page’s ${read.fields.join(', ')} into story.md`);
  }
  if (ao3) reading.dateChapters(chapters);
  gatherFootnotes(chapters.map((chapter) => chapter.body));
  if (chapters.length === 0) throw new ImportError(problems.NoEpubChapters.message(file));

  return { story, chapters, namedBy };
}

/** The book's pictures that the text shows (and its cover), copied to images/ under names of their own. */
class BookPictures {
  readonly images = new Map<string, Uint8Array>();
  private readonly names = new Map<string, string>();
  private readonly book: Book;

  constructor(book: Book) {
    this.book = book;
  }

  /** Points the pictures among `nodes` (of the file at `path`) at their copies in images/. */
  keep(path: string, nodes: ElementContent[]): void {
    const { book } = this;
    const { inBook } = book;
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      for (const image of [node, ...[...elementsOf(node)].map((found) => found.node)]) {
        if (image.tagName !== 'img' && image.tagName !== 'image') continue;
        const src = String(image.properties.src ?? image.properties.xLinkHref ?? image.properties.href ?? '');
        if (!src || leavesTheSite(src)) continue;
        const target = inBook(src, posix.dirname(path));
        if (!book.files[target] || !(posix.extname(target).toLowerCase() in imageTypes)) continue;
        image.tagName = 'img';
        // Its size kept as given, which tells a line drawn as a picture (src/importer/drawn-lines.ts).
        const { width, height } = image.properties;
        image.properties = { src: `images/${this.add(target)}`, alt: String(image.properties.alt ?? ''), width, height };
      }
    }
  }

  /** The name in images/ of the book's file at `target`, copying it there the first time. */
  add(target: string): string {
    let name = this.names.get(target);
    if (name === undefined) {
      name = imageName(target, new Set(this.images.keys()));
      this.names.set(target, name);
      this.images.set(name, this.book.files[target]!);
    }
    return name;
  }
}

/** The book's files, and its package document's place: the container read. */
interface Book {
  /** The input, as its messages name it. */
  file: string;
  files: Record<string, Uint8Array>;
  text: (path: string) => string | undefined;
  opfPath: string;
  /** A path in the book from an href in a file of `from` (the package's folder by default). */
  inBook: (href: string, from?: string) => string;
}

function openBook(bytes: Uint8Array, file: string): Book {
  const files = unzipWithin(bytes, file, 'EPUB');
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const lock = drm(files, text('META-INF/encryption.xml'));
  if (lock) throw new ImportError(problems.DrmLocked.message(file, lock));
  const opfPath = attribute(element(parseXml(text('META-INF/container.xml')), 'rootfile'), 'full-path');
  if (!opfPath || !text(opfPath)) throw new ImportError(problems.NoPackageDocument.message(file));
  const dir = posix.dirname(opfPath);
  const inBook = (href: string, from = dir) => posix.normalize(posix.join(from, decodeSafely(href.split('#')[0]!)));
  return { file, files, text, opfPath, inBook };
}

/** The algorithms that only obfuscate an embedded font (IDPF's and Adobe's): the text stays readable. */
const fontObfuscation = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/**
 * The DRM a book is locked by, if any: a store's licence file (Adobe's, Readium LCP's, Apple's,
 * Barnes & Noble's), or any file encrypted by more than font obfuscation.
 */
function drm(files: Record<string, Uint8Array>, encryption: string | undefined): string | undefined {
  if (files['META-INF/license.lcpl']) return 'Readium LCP';
  if (files['META-INF/sinf.xml']) return 'Apple FairPlay';
  if (files['META-INF/rights.xml']) return 'Adobe';
  if (!encryption) return undefined;
  const encrypted = elements(parseXml(encryption), 'encrypteddata').some((data) => {
    const algorithm = attribute(element(data, 'encryptionmethod'), 'algorithm');
    return !algorithm || !fontObfuscation.has(algorithm);
  });
  return encrypted ? 'encrypted files' : undefined;
}

type Manifest = Map<string, { href: string; type: string; properties: string }>;

/** The package document read: its manifest, its spine (each document once, in reading order) and the book's metadata. */
interface Package {
  opf: XmlRoot;
  manifest: Manifest;
  /** Each document once, in reading order. */
  spine: string[];
  meta: Metadata;
}

function readPackage(book: Book): Package {
  const opf = parseXml(book.text(book.opfPath));
  const manifest: Manifest = new Map(
    elements(opf, 'item').map((item) => [
      attribute(item, 'id') ?? '',
      {
        href: book.inBook(attribute(item, 'href') ?? ''),
        type: attribute(item, 'media-type') ?? '',
        properties: attribute(item, 'properties') ?? '',
      },
    ]),
  );
  const refs = elements(opf, 'itemref').map((ref) => attribute(ref, 'idref') ?? '');
  // A document the spine names twice is read once: its text must not be written twice.
  const spine = [
    ...new Set(
      refs
        .map((id) => manifest.get(id))
        .filter((item) => item !== undefined && /html/.test(item.type))
        .map((item) => item!.href),
    ),
  ];
  // A spine that names what the manifest lacks, while documents go unread (AbiWord's EPUB), is a
  // damaged book whose text could be lost: refused, never read in part.
  const missing = refs.filter((id) => !manifest.has(id));
  const read = new Set(spine);
  const unread = [...manifest.values()].filter(
    (item) => /html/.test(item.type) && !read.has(item.href) && !item.properties.includes('nav'),
  );
  if (missing.length > 0 && unread.length > 0)
    throw new ImportError(
      problems.EpubSpineBroken.message(
        book.file,
        missing,
        unread.map((item) => item.href),
      ),
    );
  return { opf, manifest, spine, meta: metadata(opf) };
}

/** A spine document read: its body, whether it was well-formed XHTML, and the words a reader of it sees. */
interface Page {
  body: Element | Root;
  xml: boolean;
  source: string;
  /** The text of its own `<style>` elements. */
  styles: string[];
}

function readPages(spine: string[], text: (path: string) => string | undefined, file: string): Map<string, Page> {
  // A book of millions of empty paragraphs is refused before any of it is parsed, by its start
  // tags across the spine; and, counted exactly, before all of it has been.
  let tags = 0;
  for (const path of spine) {
    tags += matchesUpTo(text(path) ?? '', startTag, maxInputElements - tags);
    if (tags > maxInputElements) throw overfull(file);
  }
  let elements = 0;
  return new Map(
    spine.map((path) => {
      const markup = withDeclaredEntities(text(path) ?? '');
      const { tree, xml } = parseXhtml(markup);
      elements += shapeOf(tree).elements;
      if (elements > maxInputElements) throw overfull(file);
      const body = select('body', tree) ?? tree;
      // Read as XML, the words are the tree's; read as HTML, they are read again from the markup itself.
      return [path, { body, xml, source: xml ? visibleText(body) : textOfMarkup(markup), styles: inlineStylesheets(tree) }];
    }),
  );
}

/**
 * The contents' entries that lead into the spine, each place once, in the spine's order. The
 * order the book is read in is the spine's; contents listing chapters in another order are
 * followed only in their titles, and the author is told.
 */
function contentsInSpineOrder(toc: TocEntry[], spine: string[], notices: string[]): TocEntry[] {
  const position = new Map(spine.map((path, index) => [path, index]));
  // One entry per place: where a part and its first section lead to the same place, the section's.
  const byPlace = new Map<string, TocEntry>();
  for (const entry of toc) {
    const key = `${entry.path}#${entry.fragment ?? ''}`;
    const earlier = byPlace.get(key);
    if (!position.has(entry.path) || (earlier && earlier.parents.length >= entry.parents.length)) continue;
    if (earlier) byPlace.delete(key);
    byPlace.set(key, entry);
  }
  const entries = toc.filter((entry) => [...byPlace.values()].includes(entry));
  const inOrder = entries.every((entry, index) => index === 0 || position.get(entry.path)! >= position.get(entries[index - 1]!.path)!);
  if (!inOrder)
    notices.push('the table of contents lists the chapters in another order than the book is read in (its spine); followed the book');
  return entries;
}

interface TocEntry {
  title: string;
  path: string;
  fragment: string | undefined;
  /** The titles of the entries it is nested in, outermost first. */
  parents: string[];
}

/**
 * The contents with each entry that leads to a whole file (or by an id the file does not have)
 * whose opening heading says something else (Calibre's contents, whose places for titles of
 * letters beyond ASCII it lost, lead to the book's first file or to a piece of another) led
 * instead to the file no entry leads to that opens with its title, where there is one; a
 * section's entry led there with others, which none opens with, left out. The author is told.
 */
function withEntriesAtTheirHeadings(
  toc: TocEntry[],
  spine: readonly string[],
  documents: ReadonlyMap<string, Element | Root>,
  notices: string[],
): TocEntry[] {
  const opening = new Map(spine.map((path) => [path, openingHeading(withoutWrappers(documents.get(path)!))]));
  // The ids each file has, read when an entry first leads into it by one.
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    let found = ids.get(path);
    if (!found) {
      found = new Set(
        [...elementsOf(documents.get(path) ?? treeOf([]))].flatMap(({ node }) =>
          typeof node.properties.id === 'string' ? [node.properties.id] : [],
        ),
      );
      ids.set(path, found);
    }
    return found;
  };
  // An entry leading into its file by an id the file has; any other leads to the file's start.
  const intoFile = (entry: TocEntry) => entry.fragment !== undefined && idsOf(entry.path).has(entry.fragment);
  // The files entries lead to whole (one leading into a file, by an id, leaves its opening to another).
  const led = new Set(toc.filter((entry) => !intoFile(entry)).map((entry) => entry.path));
  // How many entries lead to each file whole: an entry shares its file with others that do.
  const wholeLed = new Map<string, number>();
  for (const entry of toc) if (!intoFile(entry)) wholeLed.set(entry.path, (wholeLed.get(entry.path) ?? 0) + 1);
  const shared = (entry: TocEntry) => (wholeLed.get(entry.path) ?? 0) > (intoFile(entry) ? 0 : 1);
  // Entries leading with others to one file whole (Calibre's, from a book whose chapters are
  // sections of one file, their places lost): each to the next heading there that reads as its title.
  // Each file's headings by their words, read once, and how far the entries have taken them.
  const headings = new Map<string, { nodes: Element[]; byWords: Map<string, number[]>; next: number }>();
  const headingsIn = (path: string) => {
    let found = headings.get(path);
    if (!found) {
      const nodes = [...elementsOf(documents.get(path) ?? treeOf([]))].flatMap(({ node }) => (/^h[1-6]$/.test(node.tagName) ? [node] : []));
      const byWords = new Map<string, number[]>();
      nodes.forEach((node, index) => {
        const words = titleWords(textOf(node));
        if (!words) return;
        const places = byWords.get(words);
        if (places) places.push(index);
        else byWords.set(words, [index]);
      });
      found = { nodes, byWords, next: 0 };
      headings.set(path, found);
    }
    return found;
  };
  let made = 0;
  const placed = toc.map((entry) => {
    if (intoFile(entry) || !shared(entry)) return entry;
    const file = headingsIn(entry.path);
    const places = file.byWords.get(titleWords(entry.title));
    while (places?.length && places[0]! < file.next) places.shift();
    const at = places?.shift();
    if (at === undefined) return entry;
    file.next = at + 1;
    const node = file.nodes[at]!;
    if (typeof node.properties.id !== 'string') node.properties.id = `quire-entry-${++made}`;
    idsOf(entry.path).add(node.properties.id as string);
    return { ...entry, fragment: node.properties.id as string };
  });
  const moved: string[] = [];
  const left: string[] = [];
  const result = placed.flatMap((entry) => {
    const own = opening.get(entry.path);
    if (intoFile(entry) || (own !== undefined && sameWords(own, entry.title))) return [entry];
    const path = spine.find((candidate) => !led.has(candidate) && sameWords(opening.get(candidate) ?? '', entry.title));
    if (path === undefined) {
      // A section's heading (no chapter's title) led, with others, where it is not: a heading in its text, no chapter.
      if (shared(entry) && parseTitleLine(entry.title) === undefined && volumeLabel(entry.title) === undefined) {
        left.push(entry.title);
        return [];
      }
      return [entry];
    }
    led.add(path);
    moved.push(entry.title);
    return [{ ...entry, path, fragment: undefined }];
  });
  if (left.length > 0)
    notices.push(
      `left out ${counted(left.length, 'entry', 'entries')} of the table of contents that ${left.length === 1 ? 'names' : 'name'} no chapter and ${left.length === 1 ? 'leads' : 'lead'} with others to a page where ${left.length === 1 ? 'it is' : 'they are'} not (${firstFew(left)}); ${left.length === 1 ? 'its heading stays' : 'their headings stay'} in the text`,
    );
  if (moved.length > 0)
    notices.push(
      `the table of contents leads ${counted(moved.length, 'chapter')} to a page that opens with another heading (${firstFew(moved)}); led ${moved.length === 1 ? 'it' : 'them'} to the page that opens with ${moved.length === 1 ? 'its' : 'their'} title`,
    );
  return result;
}

/**
 * Whether a contents entry leads to a footnote (or a block of them) or to a footnote's marker in
 * the text: each file read once, however many entries lead into it.
 */
function leadsToNote(documents: ReadonlyMap<string, Element | Root>): (entry: TocEntry) => boolean {
  const isNote = (node: Element) => isNotesBlock(node) || /(?:^|\s)(?:footnote|endnote|rearnote|note)(?:\s|$)/.test(semanticsOf(node));
  const files = new Map<string, { onlyNotes: boolean; notes: Map<string, boolean> } | undefined>();
  const fileOf = (path: string) => {
    if (!files.has(path)) {
      const tree = documents.get(path);
      if (!tree) {
        files.set(path, undefined);
        return undefined;
      }
      // A file that holds a note and nothing else (Calibre's, a note a file).
      const shown = withoutWrappers(tree).filter((node) => hasText([node]));
      const onlyNotes = shown.length > 0 && shown.every((node) => node.type === 'element' && isNote(node));
      // Each id's element: the note itself, its marker, or an item of a block of notes (pandoc's `<li id="fn1">`).
      const notes = new Map<string, boolean>();
      const inNotes = new Set<Root | Element>();
      for (const { node, parent } of elementsOf(tree)) {
        if (inNotes.has(parent) || isNotesBlock(node)) inNotes.add(node);
        const id = node.properties.id;
        if (typeof id === 'string' && !notes.has(id)) notes.set(id, inNotes.has(node) || isNoteRef(node) || isNote(node));
      }
      files.set(path, { onlyNotes, notes });
    }
    return files.get(path);
  };
  return (entry) => {
    const file = fileOf(entry.path);
    if (!file) return false;
    return entry.fragment ? (file.notes.get(entry.fragment) ?? false) : file.onlyNotes;
  };
}

/** The rank of the heading at a contents entry's place in its file (1 for an <h1>), if a heading opens it. */
function headingRank(node: ElementContent | undefined): number | undefined {
  if (node?.type !== 'element') return undefined;
  const heading = /^h[1-6]$/.test(node.tagName) ? node : select('h1, h2, h3, h4, h5, h6', node);
  return heading ? Number(heading.tagName[1]) : undefined;
}

/**
 * Whether a contents entry is a section inside the chapter before it in the same file: its
 * heading ranks below the chapter's (an <h2> under an <h1>), it is titled as no chapter is
 * ("The Storm", not "Chapter 2"), and the entry before it is a chapter by its title
 * ("Chapter 1") or holds it in the contents.
 */
function isSectionOf(item: { entry: TocEntry; cut: number }, chapter: { entry: TocEntry; cut: number }, nodes: ElementContent[]): boolean {
  // The first element at each place: a file's text may open with the white space between its tags.
  const at = (cut: number) => nodes.slice(cut).find((node) => node.type === 'element');
  const rank = headingRank(at(item.cut));
  const chapterRank = headingRank(at(chapter.cut));
  if (rank === undefined || chapterRank === undefined || rank <= chapterRank || parseTitleLine(item.entry.title)) return false;
  return parseTitleLine(chapter.entry.title) !== undefined || item.entry.parents.includes(chapter.entry.title);
}

/** A part of the book: a contents entry's pages, or pages the contents do not list. */
interface Section {
  title: string;
  parents: string[];
  nodes: ElementContent[];
  paths: string[];
  /** What front or back matter it is (title page, contents…), if any. */
  matter: string | undefined;
}

/** The table of contents: EPUB 3's nav document, else EPUB 2's NCX, flattened in reading order, each entry knowing the entries it is nested in. */
function tableOfContents(
  opf: XmlRoot,
  manifest: Map<string, { href: string; type: string; properties: string }>,
  text: (path: string) => string | undefined,
  inBook: (href: string, from?: string) => string,
): TocEntry[] {
  const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/).includes('nav'));
  const entry = (title: string, href: string, from: string, parents: string[]): TocEntry => ({
    title: title.replace(/\s+/g, ' ').trim(),
    path: inBook(href, from),
    fragment: href.includes('#') ? decodeSafely(href.slice(href.indexOf('#') + 1)) : undefined,
    parents,
  });
  if (nav) {
    const doc = parseXhtml(text(nav.href) ?? '').tree;
    const list =
      selectAll('nav', doc).find((element) => /toc/.test(String(element.properties.epubType ?? element.properties.type ?? ''))) ??
      select('nav', doc);
    const from = posix.dirname(nav.href);
    // `<li><a>Part</a><ol><li><a>I</a></li>…</ol></li>`: a list item's own link (or a label without one), then its list.
    const items = (list: Element, parents: string[]): TocEntry[] =>
      elementChildren(list)
        .filter((item) => item.tagName === 'li')
        .flatMap((item) => {
          const children = elementChildren(item);
          const link = children.find((child) => child.tagName === 'a' && child.properties.href !== undefined);
          const label = textOf(link ?? children.find((child) => child.tagName !== 'ol' && child.tagName !== 'ul'));
          const below = children.find((child) => child.tagName === 'ol' || child.tagName === 'ul');
          return [
            ...(link ? [entry(textOf(link), String(link.properties.href), from, parents)] : []),
            ...(below ? items(below, [...parents, label]) : []),
          ];
        });
    const top = list && select('ol, ul', list);
    if (top) return items(top, []);
    if (list) return selectAll('a[href]', list).map((link) => entry(textOf(link), String(link.properties.href), from, []));
  }
  const ncx =
    manifest.get(attribute(element(opf, 'spine'), 'toc') ?? '') ??
    [...manifest.values()].find((item) => item.type === 'application/x-dtbncx+xml');
  if (!ncx) return [];
  const named = (node: XmlElement, name: string) =>
    (node.children as XmlRoot['children']).filter(
      (child): child is XmlElement => child.type === 'element' && child.name.replace(/^.*:/, '').toLowerCase() === name,
    );
  const points = (node: XmlElement, parents: string[]): TocEntry[] =>
    named(node, 'navpoint').flatMap((point) => {
      const label = xmlText(named(point, 'navlabel')[0]);
      const content = named(point, 'content')[0];
      const src = attribute(content, 'src');
      return [...(src ? [entry(label, src, posix.dirname(ncx.href), parents)] : []), ...points(point, [...parents, label])];
    });
  const map = element(parseXml(text(ncx.href)), 'navmap');
  return map ? points(map, []) : [];
}

interface Metadata {
  title: string | undefined;
  /** The creators, each by name: one, or co-authors as a list. */
  creator: string | string[] | undefined;
  language: string | undefined;
  description: string | undefined;
  publisher: string;
  source: string;
  subjects: string[];
  date: string | undefined;
  coverId: string | undefined;
  /** Who made the file: contributors and the generator ("FanFicFare", "calibre"). */
  tool: string;
}

/** One name as itself, several as a list, none as none. */
const oneOrMany = (names: string[]) => (names.length > 1 ? names : names[0]);

function metadata(opf: XmlRoot): Metadata {
  const metadataElement = element(opf, 'metadata') ?? opf;
  const all = (name: string) => elements(metadataElement, name).map(xmlText).map(decodedOnce).filter(Boolean);
  const one = (name: string) => all(name)[0];
  const cover = elements(metadataElement, 'meta').find((meta) => attribute(meta, 'name') === 'cover');
  return {
    title: one('title'),
    creator: oneOrMany(all('creator')),
    language: one('language'),
    // A description may be markup, escaped once (Calibre, FanFicFare): read as HTML, not decoded here.
    description: elements(metadataElement, 'description').map(xmlText).find(Boolean),
    publisher: one('publisher') ?? '',
    source: one('source') ?? '',
    subjects: all('subject'),
    date: one('date'),
    coverId: attribute(cover, 'content'),
    tool: [...all('contributor'), ...elements(metadataElement, 'meta').map((meta) => attribute(meta, 'content') ?? '')].join(' '),
  };
}

/** A description may be plain text or escaped HTML (Calibre, FanFicFare): as paragraphs either way. */
function descriptionNodes(description: string): ElementContent[] {
  const tree = /<\w+[^<>]*>/.test(description) ? parseHtml(description) : undefined;
  const body = tree ? (select('body', tree) ?? tree) : undefined;
  if (body) return body.children as ElementContent[];
  return description
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: decodedOnce(part.trim()) }] }));
}

/**
 * Front and back matter that is no part of the story, by its table-of-contents title or what
 * the book says the page is. A dedication, foreword or acknowledgements are the author's words
 * and stay.
 */
function matterKind(title: string, types: string): string | undefined {
  const type = /(?:^|\s)(cover|title-?page|toc|copyright-?page|colophon|imprint|landmarks|loi|lot|update-log)(?:\s|$)/i.exec(types)?.[1];
  if (type === 'update-log') return 'FanFicFare’s update log';
  if (type)
    return type
      .toLowerCase()
      .replace(/-?page$/, ' page')
      .replace(/^title page$|^titlepage$/, 'title page');
  const lower = title.toLowerCase();
  if (
    /^(?:cover|title page|titlepage|table of contents|contents|copyright|colophon|imprint|uncopyright|about the (?:book|ebook)|information|ebook information|front matter)$/.test(
      lower,
    )
  )
    return lower;
  return undefined;
}

/**
 * The update log FanFicFare keeps in a book it updates (`log_page.xhtml`, "Update Log"): its heading
 * and entries of the story's metadata at each update (`<p class="log_entry">`), no text of the story.
 */
function isUpdateLog(body: Element | Root): boolean {
  const blocks = withoutWrappers(body).filter((node): node is Element => node.type === 'element');
  return (
    blocks.some((block) => hasClass(block, 'log_entry')) &&
    blocks.every((block) => hasClass(block, 'log_entry') || block.tagName === 'hr' || /^h[1-6]$/.test(block.tagName))
  );
}

/**
 * A page of the author's words about the book, not its story: before the first chapter a
 * dedication, an epigraph, a foreword or a preface, the story's notes; after a chapter,
 * acknowledgements, about the author or the author's other books, its end notes. By what the book
 * says the page is (`epub:type`, its guide) or its title. Undefined for any other page.
 */
function authorsMatter(title: string, types: string, afterChapters: boolean): 'notes' | 'endNotes' | undefined {
  if (!afterChapters)
    return /(?:^|\s)(?:dedication|epigraph|foreword|preface)(?:\s|$)/i.test(types) || authorsPageTitle(title) === 'front'
      ? 'notes'
      : undefined;
  return /(?:^|\s)(?:acknowledg(?:e)?ments|contributors|other-credits)(?:\s|$)/i.test(types) || authorsPageTitle(title) === 'back'
    ? 'endNotes'
    : undefined;
}

/** A page before the first chapter that is a title page by its file's name, or holds only the book's metadata. */
function frontPageKind(path: string, text: string, metadataWords: ReadonlySet<string>): string | undefined {
  const name = posix.basename(path).toLowerCase();
  if (
    /^(?:cover|title|titlepage|title_page|title-page|toc|toc_page|nav|copyright|colophon|imprint|uncopyright)[-_.\d]*\.x?html?$/.test(name)
  )
    return name.startsWith('cover') ? 'cover' : name.startsWith('toc') || name.startsWith('nav') ? 'table of contents' : 'title page';
  const words = fidelityWords(text);
  return words.length > 0 && words.every((word) => metadataWords.has(word) || /^(?:by|cover|title|page|contents|\d+)$/.test(word))
    ? 'title page'
    : undefined;
}

/** The text of the heading a file opens with (its first block, when that is an `<h1>`–`<h3>`), if it does. */
function openingHeading(nodes: ElementContent[]): string | undefined {
  // Past what shows nothing (an empty wrapper a split file opens with, an anchor).
  const first = nodes.find((node) => hasText([node]));
  if (first?.type !== 'element') return undefined;
  const heading = /^h[1-3]$/.test(first.tagName)
    ? first
    : (openingInWrappers(first)?.heading ?? elementChildren(first).find((child) => /^h[1-3]$/.test(child.tagName)));
  if (heading && !/^h[1-3]$/.test(heading.tagName)) return undefined;
  const title = heading && textOf(heading);
  return title || undefined;
}

/** Two notes as one, either may be missing. */
function joined(first: Root | undefined, second: Root | undefined): Root | undefined {
  return first && second ? treeOf([...first.children, ...second.children]) : (first ?? second);
}

/** A node without the notes in it (given their book-wide ids by `giveNotesBookIds`): what a reader reads as the text. */
function withoutNotes(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  return {
    ...node,
    children: node.children
      .filter((child) => !(child.type === 'element' && String(child.properties.id ?? '').startsWith(noteIdPrefix)))
      .map(withoutNotes),
  };
}

/** Whether nodes hold any visible text or picture. */
function hasText(nodes: ElementContent[]): boolean {
  return nodes.some(
    (node) =>
      visibleText(node).trim() !== '' ||
      (node.type === 'element' && (node.tagName === 'img' || select('img, image, svg', node) !== undefined)),
  );
}

/** EPUB 3's landmarks (the nav document's `epub:type="landmarks"` list): page → type. */
function landmarks(
  manifest: Map<string, { href: string; type: string; properties: string }>,
  text: (path: string) => string | undefined,
  inBook: (href: string, from?: string) => string,
): Map<string, string> {
  const found = new Map<string, string>();
  const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/).includes('nav'));
  if (!nav) return found;
  const list = selectAll('nav', parseXhtml(text(nav.href) ?? '').tree).find((element) => /landmarks/.test(semanticsOf(element)));
  for (const link of list ? selectAll('a[href]', list) : [])
    found.set(inBook(String(link.properties.href), posix.dirname(nav.href)), semanticsOf(link).trim());
  return found;
}

/** How the ids `giveNotesBookIds` gives notes begin. */
const noteIdPrefix = 'quire-note-';

/**
 * Every note marker pointing at its note by an id only its file may hold: one at another file of
 * the book (`notes.xhtml#n3`), and one in its own file (`#fn1`, which pandoc gives the first note of
 * every file): the note given an id no other file uses, so it is gathered into the chapter that
 * marks it, even where a file holds several chapters.
 */
function giveNotesBookIds(documents: Map<string, Element | Root>, inBook: (href: string, from?: string) => string): void {
  let count = 0;
  // Each file's elements by id, gathered once when a marker first points into it (not a search of the file per marker).
  const ids = new Map<Element | Root, { index: Map<string, Element>; renamed: Map<string, string> }>();
  const byId = (tree: Element | Root, id: string) => {
    let file = ids.get(tree);
    if (!file) {
      file = { index: new Map(), renamed: new Map() };
      for (const { node } of elementsOf(tree)) {
        const own = node.properties.id;
        if (own !== undefined && own !== null && !file.index.has(String(own))) file.index.set(String(own), node);
      }
      ids.set(tree, file);
    }
    return { note: file.index.get(id), renamed: file.renamed };
  };
  for (const [path, body] of documents) {
    for (const { node: link } of [...elementsOf(body)]) {
      if (link.tagName !== 'a' || link.properties.href === undefined || link.properties.href === null) continue;
      const href = String(link.properties.href);
      if (!href.includes('#') || leavesTheSite(href) || !isNoteRef(link)) continue;
      const target = href.startsWith('#') ? body : documents.get(inBook(href, posix.dirname(path)));
      const fragment = decodeSafely(href.slice(href.indexOf('#') + 1));
      if (!target) continue;
      const { note, renamed } = byId(target, fragment);
      if (!note) continue;
      // A note marked twice (a second "see note 3") keeps the id its first marker gave it.
      let id = renamed.get(fragment);
      if (id === undefined) renamed.set(fragment, (id = `${noteIdPrefix}${++count}`));
      note.properties.id = id;
      link.properties.href = `#${id}`;
    }
  }
}

/**
 * Links from one file of the book to another (`chapter-3.xhtml`, `../Text/ch3.html#p12`) marked
 * as links within the book (`bookLink`), for the import to point at the chapter read from that
 * file; gives the file each element came from, for telling which files a chapter was read from.
 */
function linkFilesAcrossBook(
  documents: Map<string, Element | Root>,
  inBook: (href: string, from?: string) => string,
): WeakMap<Element, string> {
  const sourceOf = new WeakMap<Element, string>();
  for (const [path, body] of documents) {
    for (const { node } of elementsOf(body)) {
      sourceOf.set(node, path);
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || href.startsWith('#') || leavesTheSite(href)) continue;
      const target = inBook(href, posix.dirname(path));
      if (documents.has(target) && target !== path) node.properties.href = `${bookLink}${target}`;
    }
  }
  return sourceOf;
}

/** The files of the book each chapter was read from, by the elements it holds. */
function withSources(chapters: ImportedChapter[], sourceOf: WeakMap<Element, string>): void {
  for (const chapter of chapters) {
    const paths = new Set<string>();
    for (const tree of [chapter.body, chapter.notes, chapter.endNotes])
      if (tree) for (const { node } of elementsOf(tree)) if (sourceOf.has(node)) paths.add(sourceOf.get(node)!);
    chapter.sources = [...paths];
  }
}

/** A chapter file's content without the wrappers around it (`<div class="calibre1">`…). */
/** Elements that only group what they hold: read through, their children are the text's blocks. */
const wrapperTags = new Set(['div', 'section', 'article', 'main']);

/**
 * A file's blocks opened up wherever a contents entry leads inside a wrapper (pandoc's EPUBs
 * nest each section's `<section>` in its chapter's): the wrapper's children take its place, so
 * the file can be cut at the entry. `anchors` gives where an opened wrapper that an entry names
 * itself began.
 */
function openedAt(nodes: ElementContent[], fragments: readonly string[]): { nodes: ElementContent[]; anchors: Map<string, number> } {
  const targets = new Set(fragments);
  const opened: ElementContent[] = [];
  const anchors = new Map<string, number>();
  // The elements holding a place an entry leads to, found in one walk of the file (each place
  // marks the elements it is in, up to one marked already): no subtree walked once per wrapper.
  // Each place's first element and those it is in, outermost first, for where the file is cut.
  const holding = new Set<Element>();
  const placed = new Map<string, Element[]>();
  const path: Element[] = [];
  const mark = (node: ElementContent) => {
    if (node.type !== 'element') return;
    const id = String(node.properties.id ?? '');
    if (targets.has(id)) {
      if (!placed.has(id)) placed.set(id, [...path, node]);
      for (let at = path.length - 1; at >= 0 && !holding.has(path[at]!); at--) holding.add(path[at]!);
    }
    path.push(node);
    node.children.forEach(mark);
    path.pop();
  };
  if (targets.size > 0) nodes.forEach(mark);
  const holdsTarget = (node: Element) => holding.has(node);
  const open = (list: ElementContent[]) => {
    for (const node of list) {
      if (node.type === 'element' && wrapperTags.has(node.tagName) && targets.size > 0 && holdsTarget(node)) {
        const id = String(node.properties.id ?? '');
        if (targets.has(id) && !anchors.has(id)) anchors.set(id, opened.length);
        open(node.children);
      } else opened.push(node);
    }
  };
  open(nodes);
  // Every other place an entry leads to: the node of the opened file it is, or is in.
  const at = new Map(opened.map((node, index) => [node, index]));
  for (const [id, chain] of placed)
    if (!anchors.has(id)) {
      const holder = chain.find((node) => at.has(node));
      if (holder) anchors.set(id, at.get(holder)!);
    }
  return { nodes: opened, anchors };
}

function withoutWrappers(body: Element | Root): ElementContent[] {
  let nodes = body.children as ElementContent[];
  for (;;) {
    const elements = nodes.filter((node): node is Element => node.type === 'element');
    const onlyText = nodes.every((node) => node.type !== 'text' || !node.value.trim());
    if (elements.length !== 1 || !onlyText || !wrapperTags.has(elements[0]!.tagName)) return nodes;
    nodes = elements[0]!.children;
  }
}

/** A line as compared with another: its case, spacing, compatibility forms (a ligature "ﬁ", "fi") and invisible marks (a soft hyphen) no difference. */
const folded = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The chapter's text without its own heading when it repeats the table of contents' title. */
function withoutLeadingTitle(nodes: ElementContent[], title: string, setAside: string[]): ElementContent[] {
  // Past what shows nothing (an empty wrapper a split file opens with, an anchor).
  const first = nodes.findIndex((node) => hasText([node]));
  const node = nodes[first];
  if (node?.type === 'element' && /^h[1-6]$/.test(node.tagName) && folded(textOf(node)) === folded(title)) {
    setAside.push(visibleText(node));
    return [...nodes.slice(0, first), ...nodes.slice(first + 1)];
  }
  // Or as a paragraph of its own that says the title and nothing else (as LibreOffice's EPUBs set headings).
  if (node?.type === 'element' && node.tagName === 'p' && folded(textOf(node)) === folded(title) && !select('img', node)) {
    setAside.push(visibleText(node));
    return [...nodes.slice(0, first), ...nodes.slice(first + 1)];
  }
  // Or inside the wrappers it opens with (`<section><section><h2>`, as pandoc nests a part's chapters).
  const opening = openingInWrappers(node);
  if (opening && folded(textOf(opening.heading)) === folded(title)) {
    setAside.push(visibleText(opening.heading));
    const { wrapper, heading } = opening;
    return replaced(nodes, wrapper, { ...wrapper, children: wrapper.children.filter((child) => child !== heading) });
  }
  // Or as headings in a row that say it together: the number over the name (`<h2>1</h2><h1>The Storm</h1>`
  // for "1. The Storm", as Vellum and other book makers set a chapter's opening), in a wrapper or not;
  // the number over the name when the contents give the name alone ("The Storm") too.
  const run = leadingHeadings(nodes);
  const said = (headings: Element[]) => sameWords(headings.map((one) => textOf(one)).join(' '), title);
  // A number in words over the name ("ONE", "Wick") says the entry "1. Wick" or "Chapter 1: Wick".
  const saidByNumber = (headings: Element[]) => {
    const number = parseNumber(textOf(headings[0]!).trim());
    const name = headings
      .slice(1)
      .map((one) => textOf(one))
      .join(' ');
    const entry = numberedEntry(title);
    return (
      number !== undefined &&
      (sameWords(`${number} ${name}`, title) || (entry !== undefined && numberedEntry(`${number}. ${name}`)?.title === entry.title))
    );
  };
  if (
    run &&
    (said(run.headings) || (isBareNumber(textOf(run.headings[0]!)) && said(run.headings.slice(1))) || saidByNumber(run.headings))
  ) {
    setAside.push(...run.headings.map((one) => visibleText(one)));
    const without = (children: ElementContent[]) => children.filter((child) => !run.headings.includes(child as Element));
    if (!run.wrapper) return without(nodes);
    return replaced(nodes, run.wrapper, { ...run.wrapper, children: without(run.wrapper.children) });
  }
  return nodes;
}

/** The heading a wrapper opens with (a `<section>`, `<div>`, `<header>`, in others up to four deep), and the wrapper holding it. */
function openingInWrappers(node: ElementContent | undefined): { wrapper: Element; heading: Element } | undefined {
  let wrapper = node;
  for (
    let depth = 0;
    depth < 4 && wrapper?.type === 'element' && /^(?:section|div|header|article|hgroup)$/.test(wrapper.tagName);
    depth++
  ) {
    const first = wrapper.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim()));
    if (first?.type === 'element' && /^h[1-6]$/.test(first.tagName)) return { wrapper, heading: first };
    wrapper = first;
  }
  return undefined;
}

/** `nodes` with `target` (at any depth) replaced, the elements holding it copied, not changed: the section's own nodes stay as the book has them. */
function replaced(nodes: ElementContent[], target: Element, replacement: Element): ElementContent[] {
  let changed = false;
  const result = nodes.map((node) => {
    if (node === target) {
      changed = true;
      return replacement;
    }
    if (node.type !== 'element') return node;
    const children = replaced(node.children, target, replacement);
    if (children === node.children) return node;
    changed = true;
    return { ...node, children };
  });
  return changed ? result : nodes;
}

/** A page's blocks that show something, read through its wrappers. */
const shownBlocks = (nodes: ElementContent[]): ElementContent[] =>
  withoutWrappers(treeOf(nodes)).filter((node) => visibleText(node).trim() !== '' || (node.type === 'element' && select('img', node)));

/** The part a part's page names: its heading's title and its only text, one short line under it (`partWithName`). */
function partNamed(title: string, nodes: ElementContent[]): string | undefined {
  const [line, ...more] = shownBlocks(nodes);
  if (more.length > 0 || line?.type !== 'element' || !/^(?:p|div|h[1-6])$/.test(line.tagName) || select('img, p, div, br', line))
    return undefined;
  return partWithName(title, textOf(line));
}

/** Whether a page's text is only an epigraph (a quotation set apart, as a part's page opens). */
function onlyEpigraphs(nodes: ElementContent[]): boolean {
  const blocks = shownBlocks(nodes);
  return (
    blocks.length > 0 && blocks.every((node) => node.type === 'element' && (node.tagName === 'blockquote' || hasClass(node, 'epigraph')))
  );
}

/** Whether a chapter's place holds nothing but headings (its part's, its own), or nothing: none of its text. */
function noTextButHeadings(nodes: ElementContent[]): boolean {
  const tree = treeOf(nodes);
  const headings = selectAll('h1, h2, h3, h4, h5, h6', tree);
  const letters = (text: string) => text.replace(/\s+/g, '');
  return (
    !select('img, image, svg', tree) && letters(visibleText(tree)) === letters(headings.map((heading) => visibleText(heading)).join(''))
  );
}

/** Whether two lines say the same words, whatever their case, punctuation and spacing ("1. The Storm", "1 The Storm"). */
function sameWords(one: string, other: string): boolean {
  const words = titleWords(one);
  return words !== '' && words === titleWords(other);
}

/** A title's words as titles are compared: folded, anything between them one space. */
const titleWords = (text: string): string =>
  folded(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The headings (two or three) a text opens with, one after another, and the wrapper around them, if any (`<section>`, `<div>`, `<header>`, `<hgroup>`). */
const isHeading = (node: ElementContent | undefined): node is Element => node?.type === 'element' && /^h[1-6]$/.test(node.tagName);

/** A line that is a number alone ("ONE", "12", "IV"), as book makers set a chapter's number over its name. */
const isNumberLine = (node: ElementContent | undefined): node is Element =>
  node?.type === 'element' &&
  ['p', 'div', 'span'].includes(node.tagName) &&
  elementChildren(node).every((child) => !/^(?:p|div|h[1-6]|img|ul|ol|table|blockquote)$/.test(child.tagName)) &&
  parseNumber(textOf(node).trim()) !== undefined;

function leadingHeadings(nodes: ElementContent[]): { wrapper: Element | undefined; headings: Element[] } | undefined {
  let wrapper: Element | undefined;
  let children = nodes;
  for (let depth = 0; depth < 4; depth++) {
    const shown = children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const headings: Element[] = [];
    for (const [index, child] of shown.entries()) {
      // The number may be a line of its own over the heading (`<div class="chapter-number">ONE</div>`).
      const numberOver = index === 0 && isNumberLine(child) && isHeading(shown[1]);
      if (!(isHeading(child) || numberOver) || headings.length === 3) break;
      headings.push(child as Element);
    }
    if (headings.length >= 2) return { wrapper, headings };
    const first = shown[0];
    if (headings.length > 0 || first?.type !== 'element' || !['section', 'div', 'header', 'hgroup', 'article'].includes(first.tagName))
      return undefined;
    wrapper = first;
    children = first.children;
  }
  return undefined;
}
