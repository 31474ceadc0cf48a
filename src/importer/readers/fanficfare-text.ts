import type { Element, Root } from 'hast';
import { sourceText, withoutControls } from '../decode.ts';
import { markdownToPlainText, markdownTree as commonMarkTree } from '../markdown-text.ts';
import { dateFirstAndLast, importedStory, type ImportedChapter, type ImportedWork } from '../model.ts';
import { parseTitleLine } from '../title-lines.ts';
import { readTitlePage } from './title-page.ts';

/**
 * A story as FanFicFare writes it in plain text (its `txt` output, for any archive it
 * downloads from): the title, "by" the author, the title page as "Label: value" lines, a
 * "TABLE OF CONTENTS", then each chapter under its title indented by a tab (eight spaces once
 * wrapped), its text as html2text writes HTML (Markdown: `_italics_`, `**bold**`, `* * *`),
 * lines wrapped at 78 characters, and "End file." at the end. Read as the whole work: the
 * title page into story.md, a chapter at each title the contents list, the text's Markdown
 * as formatting. Any other text file is left to the plain-text reader.
 */

/** A line FanFicFare indents as a chapter's title: a tab, or the eight spaces its wrapping makes of one. */
const indented = /^(?:\t| {4,})(\S.*)$/;

const folded = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The text's lines in paragraphs (runs of non-blank lines), each with the line it starts on. */
function paragraphs(lines: string[], from: number, to: number): { at: number; lines: string[] }[] {
  const found: { at: number; lines: string[] }[] = [];
  for (let i = from; i < to; i++) {
    if (lines[i]!.trim() === '') continue;
    const last = found.at(-1);
    if (last && last.at + last.lines.length === i) last.lines.push(lines[i]!);
    else found.push({ at: i, lines: [lines[i]!] });
  }
  return found;
}

/**
 * html2text's Markdown as an HTML tree (CommonMark: its wrapping joined, its escapes read).
 * html2text writes italics as `_…_` and bold as `**…**`, and leaves the text's own asterisks
 * as they are: a lone `*` (`*sigh*`) is the author's, kept as written.
 */
function html2textTree(markdown: string): Root {
  const literal = markdown
    .split('\n')
    .map((line) =>
      /^\s*(?:\* ?){3,}\s*$/.test(line) ? line : line.replace(/^(\s*\* )|(?<!\*)\*(?!\*)/g, (_star, bullet?: string) => bullet ?? '\\*'),
    )
    .join('\n')
    // html2text puts a space between italics and the punctuation after them (`_politely_ ,`): not the author's.
    .replace(/(?<=\S_) (?=[,.;:!?)\]”’])/g, '');
  return commonMarkTree(literal);
}

/** Text without its white space, to match a title however it was wrapped ("Seventy-" / "Eight"). */
const unspaced = (value: string) => value.replace(/\s+/g, '');

/** Reads FanFicFare's plain text; undefined when the text is not laid out as FanFicFare lays it out. */
export function readFanFicFareText(input: string): ImportedWork | undefined {
  const { text } = withoutControls(input);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const contentsAt = lines.findIndex((line) => line.trim() === 'TABLE OF CONTENTS');
  if (contentsAt < 0 || contentsAt > 400) return undefined;
  const top = paragraphs(lines, 0, contentsAt);
  const title = top[0]?.lines.length === 1 ? top[0].lines[0]!.trim() : undefined;
  const author = top[1] && /^by (.+)$/.exec(folded(top[1].lines.join(' ')))?.[1];
  if (!title || !author) return undefined;

  // The contents: each entry a paragraph (a long title wraps), up to the first indented title.
  const firstChapter = lines.findIndex((line, i) => i > contentsAt && indented.test(line));
  if (firstChapter < 0) return undefined;
  const entries = paragraphs(lines, contentsAt + 1, firstChapter).map((entry) => folded(entry.lines.join(' ')));
  if (entries.length === 0) return undefined;

  // Each chapter starts at the indented paragraph that is the next entry of the contents.
  const starts: { at: number; end: number; title: string }[] = [];
  for (let i = firstChapter; i < lines.length && starts.length < entries.length; i++) {
    const match = indented.exec(lines[i]!);
    if (!match || (i > 0 && lines[i - 1]!.trim() !== '')) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    const entry = entries[starts.length]!;
    const written = folded(lines.slice(i, end).join(' '));
    // The title as one of the two wrapped it without breaking a word at its hyphen ("Seventy- Eight").
    if (unspaced(written) === unspaced(entry))
      starts.push({ at: i, end, title: [entry, written].find((title) => !/\S- /.test(title)) ?? entry });
  }
  if (starts.length !== entries.length) return undefined;

  // "End file.", FanFicFare's last line.
  let last = lines.length;
  while (last > 0 && lines[last - 1]!.trim() === '') last--;
  const endLine = lines[last - 1]?.trim() === 'End file.';
  if (endLine) last--;

  const story = importedStory({ title, author });
  // The title page's lines: a wrapped value continues on the lines below its label.
  const fields = paragraphs(lines, top[2]?.at ?? contentsAt, contentsAt).flatMap((block) =>
    block.lines.reduce<string[]>((joined, line) => {
      if (/^[A-Z][A-Za-z0-9 ]{0,29}:\s/.test(line) || joined.length === 0) joined.push(line.trim());
      else joined[joined.length - 1] += ` ${line.trim()}`;
      return joined;
    }, []),
  );
  const summary = fields.find((field) => /^Summary:\s/.test(field));
  if (summary) story.summary = html2textTree(summary.replace(/^Summary:\s*/, ''));
  // Words read into story.md's fields, or FanFicFare's own (the summary's are the story's, written as its summary).
  const setAside = [
    title,
    top[1]!.lines.join(' '),
    ...fields.map((field) => (field === summary ? 'Summary:' : field)),
    ...lines.slice(contentsAt, firstChapter),
    ...(endLine ? ['End file.'] : []),
  ];
  const page: Root = {
    type: 'root',
    children: fields.map((field): Element => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: field }],
    })),
  };
  const read = readTitlePage(page, story);

  const chapters: ImportedChapter[] = starts.map((start, i) => {
    const heading = parseTitleLine(start.title);
    const body = lines.slice(start.end, starts[i + 1]?.at ?? last).join('\n');
    return {
      kind: heading?.kind ?? 'chapter',
      number: heading?.number,
      title: heading?.title ?? start.title,
      heading: heading?.written,
      slug: heading?.slug,
      body: html2textTree(body),
    };
  });
  setAside.push(...starts.map((start) => lines.slice(start.at, start.end).join(' ')));
  if (read) dateFirstAndLast(chapters, read);
  const notices = [`read a chapter at each of the ${chapters.length} titles FanFicFare listed in its contents`];
  if (read && read.fields.length > 0) notices.push(`read the title page’s ${read.fields.join(', ')} into story.md`);
  return {
    format: 'FanFicFare text download',
    story,
    chapters,
    images: new Map(),
    // What a reader of the file sees: its words, without the Markdown's marks (a link's address is no word).
    source: markdownToPlainText(sourceText(input)),
    setAside,
    dropped: [`FanFicFare’s title page lines and contents${endLine ? ', and its “End file.”' : ''}`],
    notices,
  };
}
