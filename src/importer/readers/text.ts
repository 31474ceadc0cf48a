import { endNoteFrom } from '../labelled-notes.ts';
import type { Element, ElementContent, Root } from 'hast';
import { sourceText, withoutControls } from '../decode.ts';
import { importedStory, ImportError, type ImportedChapter, type ImportedWork } from '../model.ts';
import { isTypedBreak } from '../../core/scene-breaks.ts';
import { volumeLabel } from '../../core/chapter-labels.ts';
import { backMatterNotice, chaptersNotice, frontMatterNotice, numberedInVolumes } from '../chapter-headings.ts';
import {
  authorsPageTitle,
  fileTitle,
  titleFromFileName,
  lineWithNameBelow,
  noteLabel,
  numberedHeadings,
  partHeadings,
  parseNumber,
  parseTitleLine,
  titlePageAuthor,
  titlePageName,
  partAtEnd,
  titlePageTitle,
  typedContents,
  type TitleLine,
} from '../title-lines.ts';
import { problems, counted } from '../../core/problems.ts';
import { slugify } from '../../core/slug.ts';
import { writtenIn } from '../../core/written-in.ts';
import { readGutenberg } from './gutenberg.ts';
import { emphasisMarks, readAozora } from './aozora.ts';
import { readsLabel, readTitlePage } from './title-page.ts';

/**
 * A plain-text chapter, as authors paste it from word processors and archives: notes at the
 * top and the end, the title line, paragraphs (wrapped lines joined, verse kept as lines) and
 * scene breaks; every word kept. A file of several chapters, each under its title line, is
 * read as each of them.
 */

/** How many blocks from the top a title line may be found in, and how many words may come above it. */
const titleSearch = { blocks: 12, wordsAbove: 200 };

/** A line that ends a sentence: its stop, perhaps in quotes or brackets, or a footnote's number after it (`…Glas.1`, as LibreOffice saves a marker as text). */
const sentenceEnd = /[.!?…。！？؟।]["'”’»›)\]]*\d{0,3}\s*$/u;

/** A line ending in a footnote's marker run on after its last word's stop, as LibreOffice and Word save a note's marker as text (`…Glas.1`). */
const lostNoteMarker = /\p{L}[.!?…]["”»’]?\d{1,3}$/u;

/** A block of lines is verse-like (a poem, a song, a letter's lines) when every line is short. */
function isVerse(lines: string[]): boolean {
  return lines.length > 1 && lines.every((line) => line.trim().length <= 60);
}

/**
 * The text's blocks, each a list of lines. Blocks are separated by blank lines; a text with
 * (almost) no blank lines but long lines, or none and two chapters' title lines, was written one
 * paragraph a line, and each line is a block. So was one with a few blank lines (an empty
 * paragraph where a break was, as LibreOffice saves text) whose lines end their sentences, or
 * run longer, as no text wrapped to a width does.
 */
export function blocksOf(text: string): string[][] {
  const normal = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const lines = normal.split('\n').filter((line) => line.trim() !== '');
  const blankLines = (normal.match(/\n[ \t\u00a0]*\n/g) ?? []).length;
  const long = lines.filter((line) => line.trim().length > 80).length;
  const fewBlank = lines.length >= 4 && blankLines < lines.length / 4;
  // Or no blank line at all, and chapters' title lines among the lines (as Word and LibreOffice save a short, talky story as text).
  const titles = fewBlank ? lines.map((line) => parseTitleLine(line)) : [];
  const titleLines = titles.filter((title) => title?.kind === 'chapter').length;
  // The lines of prose, which end their sentences where each is a paragraph, and seldom where the
  // text is wrapped to a width; or run longer than any width a text is wrapped to (Thai ends a
  // sentence with a space, not a stop).
  const prose = fewBlank ? lines.filter((line, at) => titles[at] === undefined && line.trim().length > 30) : [];
  const unwrapped = prose.filter((line) => line.trim().length > 120).length;
  const linesAreParagraphs =
    blankLines <= lines.length / 20 ||
    (prose.length >= 3 &&
      (prose.filter((line) => sentenceEnd.test(line)).length >= prose.length * 0.9 || (unwrapped >= 3 && unwrapped >= prose.length / 10)));
  if (lines.length >= 4 && linesAreParagraphs && (long >= lines.length / 4 || titleLines >= 2)) {
    return lines.map((line) => [line.trimEnd()]);
  }
  // pixiv's page turns and headings are lines of their own, whatever is around them.
  const apart = (block: string[]): string[][] =>
    block.reduce<string[][]>(
      (parts, line) => {
        if (pixivNewPage.test(line) || pixivChapter.test(line)) parts.push([line], []);
        else parts.at(-1)!.push(line);
        return parts;
      },
      [[]],
    );
  return normal
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== ''),
    )
    .flatMap(apart)
    .filter((block) => block.length > 0)
    .flatMap(indentedParagraphs);
}

/**
 * A block whose paragraphs are told by their first lines' indent, not blank lines: each line
 * opening with an ideographic space (`\u3000\u3000`, as Chinese and Japanese texts begin paragraphs), or
 * indented where the lines after it are not (a wrapped paragraph), starts a paragraph; a title
 * line above them stays a line of its own. A block indented all alike (a poem set in) stays one, but for
 * lines each opening with a tab and ending a sentence: paragraphs typed one a line.
 */
function indentedParagraphs(block: string[]): string[][] {
  const ideographic = block.filter((line) => line.startsWith('\u3000')).length;
  const indented = block.filter((line) => /^(?:[ \t]{2,}|\t)\S/.test(line)).length;
  // Every line opening with a tab and ending a sentence: paragraphs typed one a line, each indented (no poem is set so).
  const tabbed = block.length >= 2 && block.every((line) => /^\t+\S/.test(line) && /[.!?…"”’)\]]$/u.test(line.trimEnd()));
  const starts =
    ideographic >= 2
      ? (line: string) => line.startsWith('\u3000')
      : tabbed || (indented >= 2 && indented < block.length && (/^[ \t]/.test(block[0]!) || parseTitleLine(block[0]!) !== undefined))
        ? (line: string) => /^[ \t]/.test(line)
        : undefined;
  if (!starts) return [block];
  const paragraphs: string[][] = [];
  for (const line of block) {
    if (starts(line) || paragraphs.length === 0) paragraphs.push([line]);
    else paragraphs.at(-1)!.push(line);
  }
  // Each a paragraph of prose, its wrapped lines joined (short lines here are no verse).
  const joiner = ideographic >= 2 ? '' : ' ';
  return paragraphs.map((lines) => [lines.map((line, i) => (i === 0 ? line : line.trim())).join(joiner)]);
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, children: ElementContent[], className?: string[]): Element => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});

/** Words between underscores at a word's edges, as plain text writes italics (`_quite_`, Project Gutenberg's books); `snake_case` stays a word. */
const underscored = /(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]{0,500}?[^\s_])?_(?![\p{L}\p{N}_])/gu;

/**
 * pixiv's notation, as its novel editor writes it (Japanese fan fiction is posted there):
 * `[[rb:漢字 > かんじ]]` a reading over its characters, `[[jumpuri:text > https://…]]` a link,
 * `[newpage]` alone on a line a page turned, `[chapter:title]` a heading inside the work.
 */
const pixivInline = /\[\[(rb|jumpuri):\s*([^\]\n]+?)\s*>\s*([^\]\n]+?)\s*\]\]/g;
const pixivNewPage = /^\s*\[newpage\]\s*$/;
const pixivChapter = /^\s*\[chapter:\s*([^\]\n]+?)\s*\]\s*$/;

/** Words Aozora Bunko's notes dot for emphasis, between the marks its reader puts around them. */
const dotted = new RegExp(`${emphasisMarks.open}([^${emphasisMarks.close}]*)${emphasisMarks.close}`, 'g');

/** A line's text: Aozora's dotted words as emphasis, the rest as `inline` reads it. */
function marked(line: string, setAside: string[] = []): ElementContent[] {
  if (!line.includes(emphasisMarks.open)) return inline(line, setAside);
  return line
    .split(dotted)
    .flatMap((part, index) => (index % 2 === 1 ? [element('em', [text(part)])] : part ? inline(part, setAside) : []));
}

/** A line's text, pixiv's readings and links as theirs (their marks set aside), the rest marked as `underscored` is. */
function inline(line: string, setAside: string[]): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const match of line.matchAll(pixivInline)) {
    const [whole, kind, first, second] = match as unknown as [string, 'rb' | 'jumpuri', string, string];
    const link = kind === 'jumpuri' && /^https?:\/\//i.test(second);
    if (kind === 'jumpuri' && !link) continue;
    out.push(...underscores(line.slice(at, match.index)));
    setAside.push(kind, ...(link ? [second] : []));
    out.push(
      link
        ? { type: 'element', tagName: 'a', properties: { href: second }, children: [text(first)] }
        : element('ruby', [text(first), element('rp', [text('(')]), element('rt', [text(second)]), element('rp', [text(')')])]),
    );
    at = match.index + whole.length;
  }
  out.push(...underscores(line.slice(at)));
  return out.length > 0 ? out : [text(line)];
}

/** A text's underscored words in italics. */
function underscores(line: string): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const match of line.matchAll(underscored)) {
    const inner = line.slice(match.index + 1, match.index + match[0].length - 1);
    if (inner === '') continue;
    if (match.index > at) out.push(text(line.slice(at, match.index)));
    out.push(element('em', [text(inner)]));
    at = match.index + match[0].length;
  }
  if (at < line.length) out.push(text(line.slice(at)));
  return out;
}

/** Blocks as an HTML tree: paragraphs, scene breaks, and runs of verse in one `div.verse`. */
export function blocksToTree(blocks: string[][], setAside: string[] = []): Root {
  const children: Element[] = [];
  let verse: Element | undefined;
  for (const lines of blocks) {
    if (isVerse(lines)) {
      const stanza = element(
        'p',
        lines.flatMap((line, i) => (i > 0 ? [element('br', []), ...marked(line.trim(), setAside)] : marked(line.trim(), setAside))),
      );
      if (verse) verse.children.push(stanza);
      else children.push((verse = element('div', [stanza], ['verse'])));
      continue;
    }
    verse = undefined;
    const pixivHeading = lines.length === 1 ? pixivChapter.exec(lines[0]!) : null;
    if (lines.length === 1 && pixivNewPage.test(lines[0]!)) {
      // pixiv's page turned: a break in the text, as the site draws one.
      setAside.push('newpage');
      children.push(element('hr', []));
    } else if (pixivHeading) {
      setAside.push('chapter');
      children.push(element('h2', marked(pixivHeading[1]!, setAside)));
    } else if (lines.length === 1 && isTypedBreak(lines[0]!)) {
      // The break's marks ("oOo", "xXx") are drawn as the site's own break, not kept as words.
      setAside.push(lines[0]!);
      children.push(element('hr', []));
    } else children.push(element('p', marked(lines.map((line, i) => (i === 0 ? indented(line) : line.trim())).join(' '), setAside)));
  }
  return { type: 'root', children };
}

/** A chapter's text opened by the heading of the part it begins ("PART TWO"), as a document's part heading opens it. */
function withPartHeading(opening: string[] | undefined, body: Root): Root {
  if (opening) body.children.unshift(element('h1', marked(opening.map((line) => line.trim()).join(' '))));
  return body;
}

/**
 * A paragraph's first line without the spaces around it, but for an ideographic space opening
 * it: Chinese and Japanese paragraphs begin with one (字下げ), which a reader sees and the
 * author wrote, as the other formats keep it.
 */
const indented = (line: string) => {
  const text = line.trim();
  const indent = /^[ \t]*(\u3000+)/.exec(line)?.[1];
  return indent ? `${indent}${text.replace(/^\u3000+/, '')}` : text;
};

/** Reads one plain-text chapter; the file name stands in for a missing title line (`chapter-3.txt`). */
export function readText(input: string, file: string, stem: string): ImportedWork {
  // A Project Gutenberg ebook: the book inside its licence, its header's title and author for story.md.
  const gutenberg = readGutenberg(input);
  // An Aozora Bunko book: its notation's explanation and colophon left out, its typesetting notes read.
  const aozora = gutenberg ? undefined : readAozora(input);
  const text = gutenberg?.text ?? aozora?.text ?? input;
  const { text: clean, removed } = withoutControls(text);
  const notices: string[] = [];
  const setAside: string[] = [];
  const dropped: string[] = gutenberg ? ['Project Gutenberg’s header and licence around the book'] : [...(aozora?.dropped ?? [])];
  // A title line joined with the name under it, and the two lines as written ("CHAPTER I." / "A WEDDING").
  const joinedFrom = new Map<string, string>();
  let read = withTitleBlocks(blocksOf(clean), joinedFrom);
  // A header of the work's title and author ("Title: …", "书名：…", as web novels' text files open).
  const header = read[0] ? headerOf(read[0]) : undefined;
  const headerLines = header && read.length > 1 ? read[0]! : undefined;
  if (headerLines) {
    // Its lines are the story's fields, but for a summary's text, kept as the story's.
    setAside.push(...headerLines.map((line) => (line === header!.summary?.line ? header!.summary.label : line)));
    read = read.slice(1);
  }
  let story = gutenberg?.story ?? aozora?.story ?? (header ? importedStory({ title: header.title, author: header.author }) : undefined);
  if (headerLines && story) {
    if (header!.summary) story.summary = blocksToTree([[header!.summary.text]], setAside);
    // Its other fields ("Rating: T", "Status: Complete", "Fandom: …"), as an ebook's title page gives them.
    const fields = readTitlePage(
      { type: 'root', children: headerLines.map((line) => element('p', [{ type: 'text', value: line }])) },
      story,
    );
    if (fields?.fields.length) notices.push(`read the header’s ${fields.fields.join(', ')} into story.md`);
    const unread = header!.others.filter(({ label }) => !readsLabel(label));
    if (unread.length > 0)
      dropped.push(`the header’s ${unread.map(({ line }) => `“${line.trim()}”`).join(', ')}, which story.md has no field for`);
  }
  // A summary under the header ("内容简介：", "Summary:"): the story's, not a note of its first chapter.
  const summary = header && !story?.summary && read.length > 1 ? summaryOf(read) : undefined;
  if (summary && story) {
    story.summary = blocksToTree(summary.blocks, setAside);
    setAside.push(summary.label);
    read = read.slice(summary.taken);
    notices.push(`read the “${summary.label.trim()}” block under the title as the story’s summary`);
  }
  if (gutenberg) {
    // The book's title page, repeating the header's title and author.
    const page = read.findIndex((block) => !(block.length === 1 && gutenberg.titlePage(block[0]!)));
    setAside.push(...read.slice(0, Math.max(0, page)).flat());
    read = read.slice(Math.max(0, page));
  }
  const blocks = withoutContents(read, setAside, dropped);
  if (blocks.length === 0) throw new ImportError(problems.EmptyFile.message(file));
  if (removed > 0) notices.push(`removed ${counted(removed, 'invisible control character')}`);
  // Numbers run on after a sentence's stop ("…Nacht.1"): markers of footnotes that a word processor's text lost.
  const markers = blocks.flat().filter((line) => lostNoteMarker.test(line)).length;
  if (markers > 0)
    notices.push(
      `${counted(markers, 'line')} end${markers === 1 ? 's' : ''} in a number just after a sentence’s stop (“…night.1”), kept as written: footnote markers whose notes the text lost? Import the document itself (.docx, .odt) to keep its footnotes`,
    );

  // What each block says as a title line, if it is one: read once, for the title and the chapters below it.
  // A heading Aozora's notes mark (「一」は中見出し) is a chapter's title line as written.
  const marked = (line: string): TitleLine | undefined => {
    if (aozora?.headings.get(line.trim()) !== 'chapter') return undefined;
    const number = parseNumber(line.trim());
    return { kind: 'chapter', number, title: line.trim(), slug: number === undefined ? slugify(line) || 'chapter' : `chapter-${number}` };
  };
  let titleLines = blocks.map((block) => (block.length === 1 ? (parseTitleLine(block[0]!) ?? marked(block[0]!)) : undefined));
  // A part's heading, by its label ("PART TWO") or Aozora's note (大見出し), opens the chapter below it.
  const volumeLine = (block: string[]): boolean =>
    block.length === 1 && (volumeLabel(block[0]!) !== undefined || aozora?.headings.get(block[0]!.trim()) === 'part');
  // A part's heading closing a run of blocks: a volume's line, or its line and its name under it
  // ("Part Two", then "The Hills": "Part Two: The Hills"); how many blocks it takes.
  const partClosing = (run: string[][]): { opening: string[]; blocks: number } | undefined => {
    const part = partAtEnd(
      run.map((block) => (block.length === 1 ? block[0] : undefined)),
      (line) => volumeLine([line]),
    );
    if (!part) return undefined;
    return { opening: part.taken === 1 ? run.at(-1)! : [part.name], blocks: part.taken };
  };
  // A volume's heading that reads as a title line ("第一部") heads the chapter below it, where one follows at once: no chapter of its own, nor a table of contents with it.
  titleLines = titleLines.map((line, i) => (line && titleLines[i + 1] && volumeLine(blocks[i]!) ? undefined : line));
  // Else chapters headed by their number alone ("ONE", "1", "II"), when the file's name numbers no
  // chapter of its own; else parts alone ("Part 1", "Part Two: The Hills"), as a two-shot is divided.
  const lines = blocks.map((block) => (block.length === 1 ? block[0] : undefined));
  const numbered = titleLines.some(Boolean) || fileTitle(stem) ? undefined : numberedHeadings(lines);
  if (numbered) titleLines = numbered;
  const parted = titleLines.some(Boolean) ? undefined : partHeadings(lines);
  if (parted) titleLines = parted;
  // The title line: a one-line block near the top, with no more than a note's worth of words above it.
  let heading: TitleLine | undefined;
  let titleIndex = -1;
  let wordsAbove = 0;
  for (let i = 0; i < Math.min(blocks.length, titleSearch.blocks) && wordsAbove <= titleSearch.wordsAbove; i++) {
    if (titleLines[i]) {
      heading = titleLines[i];
      titleIndex = i;
      break;
    }
    wordsAbove += blocks[i]!.join(' ').split(/\s+/).length;
  }
  // A whole story may open with more than a note (its title, summary and tags): its first title
  // line is then wherever it is, if another follows.
  if (!heading && titleLines.filter(Boolean).length >= 2) {
    titleIndex = titleLines.findIndex(Boolean);
    heading = titleLines[titleIndex];
  }
  const fromName = fileTitle(stem)?.number;
  if (heading?.kind === 'chapter' && fromName !== undefined && heading.number !== fromName) {
    notices.push(
      `the line "${blocks[titleIndex]![0]!.trim()}" says chapter ${heading.number}, the file name chapter ${fromName}: kept the line as text and used the file name`,
    );
    heading = undefined;
    titleIndex = -1;
  }
  let start = 0;
  let notes: string[][] = [];
  // A volume's heading ("PART ONE: THE COAST") just above a title line opens the chapter below it, not the one (or the notes) above.
  let opening: string[] | undefined;
  if (heading) {
    setAside.push(blocks[titleIndex]![0]!);
    notes = blocks.slice(0, titleIndex);
    const closing = partClosing(notes);
    if (closing) {
      opening = closing.opening;
      notes = notes.slice(0, -closing.blocks);
    }
    start = titleIndex + 1;
    // A whole story's title page: its title alone on a line, and "by" its author.
    const page = !story && titleLines.filter(Boolean).length >= 2 ? typedTitlePage(notes) : undefined;
    if (page) {
      story = importedStory(page);
      setAside.push(...notes.flat());
      notices.push(
        `read “${page.title}”${page.author ? ` by ${page.author}` : ''}, above the first title line, as the story’s title and author`,
      );
      notes = [];
    }
    // A dedication or a foreword above a whole work's chapters, under its heading alone: the story's notes.
    if (story && notes[0]?.length === 1 && authorsPageTitle(notes[0][0]!) === 'front') {
      story.notes = blocksToTree(notes, setAside);
      notices.push(frontMatterNotice(notes[0][0]!));
      notes = [];
    }
    if (notes.length > 0 && !noteLabel(notes[0]![0]!))
      notices.push(`kept the ${notes.length === 1 ? 'paragraph' : `${notes.length} paragraphs`} above the title line as the author's note`);
  } else if (noteLabel(blocks[0]![0]!)) {
    notes = blocks.slice(0, 1);
    start = 1;
  }
  // A title from the file's name, under the chapter label of the language the text is written in.
  heading ??= titleFromFileName(stem, story?.language ?? writtenIn(clean)?.language);
  if (!heading) {
    throw new ImportError(problems.NoTitleLine.message(file));
  }

  // An end note: a labelled block among the last few of the last chapter, to the end.
  let end = blocks.length;
  const last = Math.max(start, titleLines.findLastIndex(Boolean) + 1);
  for (let i = blocks.length - 1; i >= last + endNoteFrom(blocks.length - last, 0); i--) {
    if (noteLabel(blocks[i]![0]!)) {
      end = i;
      break;
    }
  }
  const body = blocks.slice(start, end);
  if (body.length === 0) throw new ImportError(problems.NoTextAfterTitle.message(file));
  const endNotes = blocks.slice(end);

  // A whole story in one file: a chapter at each further title line with text under it.
  const parts: { heading: TitleLine; opening: string[] | undefined; from: number; to: number }[] = [
    { heading, opening, from: 0, to: body.length },
  ];
  for (let i = 1; i < body.length - 1; i++) {
    const next = titleLines[start + i];
    const last = parts.at(-1)!;
    // Text above it in its chapter, and below it.
    if (next && i > last.from) {
      const closing = partClosing(body.slice(last.from, i));
      const volume = closing && i - closing.blocks > last.from ? closing : undefined;
      last.to = i - (volume?.blocks ?? 0);
      parts.push({ heading: next, opening: volume?.opening, from: i + 1, to: body.length });
      setAside.push(body[i]![0]!);
    }
  }
  if (parts.length > 1) notices.push(chaptersNotice(parts.length, numbered ? 'numbered lines' : parted ? 'part headings' : 'title lines'));
  // After a whole work's last chapter, the author's words about the book under their heading alone
  // ("Acknowledgments", "About the Author"): the story's end notes, not the chapter's text.
  const lastPart = parts.at(-1)!;
  const backHeading = (block: string[]) => block.length === 1 && authorsPageTitle(block[0]!) === 'back';
  const backAt = story && parts.length > 1 ? body.findIndex((block, i) => i > lastPart.from && backHeading(block)) : -1;
  if (story && backAt !== -1) {
    const back = body.slice(backAt, lastPart.to);
    story.endNotes = blocksToTree(back, setAside);
    lastPart.to = backAt;
    notices.push(backMatterNotice(back.filter(backHeading).map((block) => block[0]!)));
  }

  // Each chapter's own labelled notes, between the title lines, are read as every format's are (labelled-notes.ts).
  const chapters: ImportedChapter[] = parts.map((part, i) => ({
    kind: part.heading.kind,
    number: part.heading.number,
    title: part.heading.title,
    heading: part.heading.written && (joinedFrom.get(part.heading.written) ?? part.heading.written),
    slug: part.heading.slug,
    notes: i === 0 && notes.length ? blocksToTree(withoutLabel(notes, setAside), setAside) : undefined,
    endNotes: i === parts.length - 1 && endNotes.length ? blocksToTree(withoutLabel(endNotes, setAside), setAside) : undefined,
    body: withPartHeading(part.opening, blocksToTree(body.slice(part.from, part.to), setAside)),
  }));
  numberedInVolumes(
    chapters,
    parts.map(({ opening }) => opening?.[0]),
  );
  return {
    format: 'plain text',
    story,
    chapters,
    images: new Map(),
    source: sourceText(text),
    setAside,
    dropped,
    notices,
  };
}

/**
 * Blocks whose first line is a title line without a name ("CHAPTER I.", "Chapter 3") with more
 * lines under it: a title on the next line ("A WEDDING", "The Lake"), as old books set their
 * chapters, joins it ("Chapter 1: A WEDDING"); a sentence there is the chapter's first paragraph;
 * a line of `=` or `-` under it underlines it.
 */
function withTitleBlocks(blocks: string[][], joinedFrom: Map<string, string>): string[][] {
  return blocks.flatMap((block): string[][] => {
    if (block.length < 2) return [block];
    if (!parseTitleLine(block[0]!)) return [block];
    // A title underlined (`CHAPTER 1` over `=========`), as plain-text books set one: the line is the title's.
    const underlined = /^\s*([=\-~_*])\1{2,}\s*$/.test(block[1]!);
    const below = underlined ? block.slice(2) : block.slice(1);
    const joined = below.length > 0 ? lineWithNameBelow(block[0]!, below[0]!) : undefined;
    const rest = joined === undefined ? below : below.slice(1);
    if (joined !== undefined) joinedFrom.set(joined, `${block[0]!.trim()} / ${below[0]!.trim()}`);
    return [[joined ?? block[0]!], ...(rest.length > 0 ? [rest] : [])];
  });
}

/**
 * A title page above a whole story's chapters: its title alone on a line (no sentence), and
 * perhaps "by" its author on the next, after a blank line or straight under it.
 */
function typedTitlePage(notes: string[][]): { title: string; author: string | undefined } | undefined {
  const [first, second, ...rest] = notes;
  if (first?.length === 2 && !second) return typedTitlePage([[first[0]!], [first[1]!]]);
  if (!first || first.length !== 1 || rest.length > 0) return undefined;
  const title = first[0]!.trim();
  if (!titlePageTitle(title) || noteLabel(title)) return undefined;
  // "by" its author, or the author's name alone below the title, as manuscripts set it.
  const author = second?.length === 1 ? (titlePageAuthor(second[0]!) ?? titlePageName(second[0]!)) : undefined;
  if (second && !author) return undefined;
  return { title, author };
}

/** The labels of a story's summary, in the languages text files are saved in. */
const summaryWords =
  '内容简介|作品简介|内容介绍|简介|簡介|文案|summary|description|synopsis|résumé|resumen|sinopse|sinossi|zusammenfassung|описание|аннотация|あらすじ|줄거리';

/** Labels of a text's title, author and summary, in the languages text files are saved in. */
const headerLabels = {
  title: /^(?:title|titre|titel|título|titolo|tytuł|название|书名|書名|标题|標題|作品名|タイトル|제목)$/i,
  author: /^(?:author|auteur|autor|autore|автор|作者|著者|作者名|지은이|저자|작가)$/i,
  summary: new RegExp(`^(?:${summaryWords})$`, 'iu'),
};

/** A summary's label heading a text's opening block ("内容简介：", "【文案】", "Summary:", or the word alone on its line). */
const summaryLabel = new RegExp(
  String.raw`^\s*(?:【(?:${summaryWords})】\s*[:：]?|\[(?:${summaryWords})\]\s*[:：]?|(?:${summaryWords})\s*(?:[:：]|$))\s*`,
  'iu',
);

/**
 * A summary at the top of what is left (after the title and author): a block opening with a
 * summary's label, its text after the label or in the block below it. The label, the blocks and
 * how many blocks of `blocks` it takes.
 */
function summaryOf(blocks: string[][]): { label: string; blocks: string[][]; taken: number } | undefined {
  const [first, next] = blocks;
  const label = first ? summaryLabel.exec(first[0]!)?.[0] : undefined;
  if (!first || label === undefined) return undefined;
  const lines = [first[0]!.slice(label.length), ...first.slice(1)].filter((line) => line.trim());
  if (lines.length > 0) return { label, blocks: [lines], taken: 1 };
  // The label alone: the summary is the block below it, if a chapter's title line is not.
  return next && !parseTitleLine(next[0]!) && volumeLabel(next[0]!) === undefined ? { label, blocks: [next], taken: 2 } : undefined;
}

/** What a text's header gives: its title, author and summary, and its other "Label: value" lines. */
interface TextHeader {
  title?: string;
  author?: string;
  /** The summary's line, its label as typed, and its text. */
  summary?: { line: string; label: string; text: string };
  others: { line: string; label: string }[];
}

/**
 * The title and author a block of "Label: value" lines gives, if it is one (every line such a
 * line, or a title in book-title marks, 《灯塔》, as Chinese web novels' files open; one at least a title or an author).
 */
function headerOf(block: string[]): TextHeader | undefined {
  const fields: TextHeader = { others: [] };
  for (const line of block) {
    const marked = /^\s*《([^《》]{1,100})》\s*$/u.exec(line)?.[1];
    if (marked) {
      fields.title ??= marked.trim();
      continue;
    }
    const match = /^\s*([^:：]{1,20}?)\s*[:：]\s*(\S.*)$/u.exec(line);
    if (!match) return undefined;
    const [, label, value] = match;
    if (headerLabels.title.test(label!)) fields.title ??= value!.trim();
    else if (headerLabels.author.test(label!)) fields.author ??= value!.trim();
    else if (headerLabels.summary.test(label!))
      fields.summary ??= { line, label: line.slice(0, line.length - value!.length), text: value!.trim() };
    else fields.others.push({ line, label: label! });
  }
  return fields.title || fields.author ? fields : undefined;
}

/** The blocks without a table of contents typed into them (`typedContents`): its lines set aside and the author told. */
function withoutContents(blocks: string[][], setAside: string[], dropped: string[]): string[][] {
  const contents = typedContents(blocks);
  if (!contents) return blocks;
  setAside.push(...blocks.slice(contents.start, contents.stop).flat());
  dropped.push(`the table of contents (${contents.titles} titles; the site makes its own)`);
  return [...blocks.slice(0, contents.start), ...blocks.slice(contents.stop)];
}

/** A note's blocks with its label ("Author's Note:", "A/N:") taken off the first line, the label set aside. */
function withoutLabel(blocks: string[][], setAside: string[]): string[][] {
  const [first, ...rest] = blocks;
  const label = noteLabel(first![0]!);
  if (!label) return blocks;
  setAside.push(label);
  const lines = [first![0]!.trimStart().slice(label.length), ...first!.slice(1)].filter((line) => line.trim() !== '');
  return [lines, ...rest].filter((block) => block.length > 0);
}
