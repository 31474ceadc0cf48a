import type { Element, ElementContent, Root } from 'hast';
import { parseHtml, select, selectAll, textOf, treeOf, visibleText } from '../html.ts';
import { gatherFootnotes } from '../footnotes.ts';
import { dateFirstAndLast, importedStory, type ImportedChapter, type ImportedWork } from '../model.ts';
import { parseTitleLine } from '../title-lines.ts';
import { noteBlocksNotice, readNoteBlocks } from '../note-blocks.ts';
import { readTitlePage } from './title-page.ts';

/**
 * A story as FanFicFare writes it in one HTML file (its `html` output, for any archive it
 * downloads from): `<h1>` the title "by" the author, the title page as a table of
 * "Label:" rows, a "Table of Contents" of links, then each chapter under
 * `<a name="section0001"><h2>Title</h2></a>`, its notes in FanFicFare's note blocks. Read as
 * the whole work: the title page into story.md, a chapter at each section, the notes as
 * notes. Any other page is left to the HTML reader.
 */

const sectionName = /^section\d+$/;

/** The section anchor a node is or holds (`<a name="section0001">`), with its heading's text. */
function sectionTitle(node: ElementContent): string | undefined {
  if (node.type !== 'element') return undefined;
  const anchor = node.tagName === 'a' && sectionName.test(String(node.properties.name ?? '')) ? node : undefined;
  return anchor ? textOf(anchor) : undefined;
}

/** Reads FanFicFare's HTML; undefined when the page is not laid out as FanFicFare lays it out. */
export function readFanFicFareHtml(text: string): ImportedWork | undefined {
  if (!/<a name="TOCTOP">|<a name="section0*1">/.test(text)) return undefined;
  const tree = parseHtml(text);
  const body = select('body', tree);
  if (!body) return undefined;
  const nodes = body.children.filter((node): node is ElementContent => node.type !== 'comment');
  const starts = nodes.flatMap((node, index) => {
    const title = sectionTitle(node);
    return title === undefined ? [] : [{ index, title }];
  });
  const heading = nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'h1');
  if (starts.length === 0 || !heading) return undefined;

  // "<a>Title</a> by <a>Author</a>": the first link is the title, the words after "by" the author.
  const links = selectAll('a', heading);
  const title = textOf(links[0]) || textOf(heading).replace(/\s+by\s+.*$/, '');
  const author = /\bby\s+(.+)$/.exec(textOf(heading))?.[1]?.trim();
  const story = importedStory({ title, author });
  const setAside = [visibleText(heading)];
  const notices: string[] = [];

  // The title page's rows, "Label:" and value; the summary's value is the story's summary.
  const table = nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'table');
  const rows = table ? selectAll('tr', table) : [];
  const page: Root = { type: 'root', children: [] };
  for (const row of rows) {
    const [label, value] = selectAll('td', row);
    const name = textOf(label);
    if (/^summary:?$/i.test(name) && value) {
      story.summary = treeOf(value.children);
      setAside.push(name);
      continue;
    }
    setAside.push(visibleText(row));
    page.children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `${name} ${textOf(value)}` }] });
  }
  const read = readTitlePage(page, story);

  // Everything before the first chapter is the title page and the contents.
  for (const node of nodes.slice(0, starts[0]!.index)) if (node !== heading && node !== table) setAside.push(visibleText(node));

  const noteLabels: string[] = [];
  let withNotes = 0;
  const chapters: ImportedChapter[] = starts.map((start, i) => {
    const parsed = parseTitleLine(start.title);
    const content = nodes.slice(start.index + 1, starts[i + 1]?.index ?? nodes.length);
    const notes = readNoteBlocks(content);
    if (notes) {
      setAside.push(...notes.labels);
      noteLabels.push(...notes.labels);
      withNotes++;
    }
    // The work's own notes ("Author's Note:" before the first chapter, after the last).
    if (notes?.workNotes) story.notes ??= notes.workNotes;
    if (notes?.workEndNotes) story.endNotes = notes.workEndNotes;
    setAside.push(start.title);
    return {
      kind: parsed?.kind ?? 'chapter',
      number: parsed?.number,
      title: parsed?.title ?? start.title,
      heading: parsed?.written,
      slug: parsed?.slug,
      summary: notes?.summary,
      notes: notes?.notes,
      endNotes: notes?.endNotes,
      body: treeOf(notes?.body ?? content),
    };
  });
  if (read) {
    dateFirstAndLast(chapters, read);
    if (read.fields.length > 0) notices.push(`read the title page’s ${read.fields.join(', ')} into story.md`);
  }
  notices.push(`read a chapter at each of the ${chapters.length} sections FanFicFare listed in its contents`);
  if (withNotes > 0) notices.push(noteBlocksNotice(withNotes, noteLabels));
  gatherFootnotes(chapters.map((chapter) => chapter.body));
  return {
    format: 'FanFicFare HTML download',
    story,
    chapters,
    images: new Map(),
    source: visibleText(body),
    setAside,
    dropped: ['FanFicFare’s title page and contents'],
    notices,
  };
}
