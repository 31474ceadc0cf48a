import { ContentFileError, splitFrontmatter, type ContentFile } from '../../source/content-files.ts';
import { markdownToPlainText } from '../markdown-text.ts';
import { chapterSchema, schemaProblems } from '../../core/schema.ts';
import { slugPattern } from '../../core/slug.ts';
import { sourceText, withoutControls } from '../decode.ts';
import { ImportError, type ImportedChapter, type ImportedWork } from '../model.ts';
import { chaptersNotice, noteAboveNotice } from '../chapter-headings.ts';
import { fileTitle, parseTitleLine } from '../title-lines.ts';

/**
 * A chapter already in Markdown: its frontmatter checked against the chapter format (any
 * fault named, with the field), its text kept exactly as written. Without frontmatter, the
 * first heading (taken out of the text when it opens it) or the file name gives the title,
 * and a file of several chapters, each under a chapter heading, is read as each of them.
 */
export function readMarkdown(input: string, file: string, stem: string): ImportedWork {
  // Breaks typed as control characters become line and paragraph breaks; the build refuses the rest, so they go.
  const { text, removed } = withoutControls(input);
  let split: ContentFile;
  try {
    // Read as the build reads content files, so an import is checked by the same rules.
    split = splitFrontmatter(text.replace(/^\uFEFF/, ''), file);
  } catch (error) {
    if (error instanceof ContentFileError) throw new ImportError(error.message);
    throw error;
  }
  const { frontmatter, body } = split;
  const notices = removed > 0 ? [`removed ${removed} invisible control character${removed === 1 ? '' : 's'}`] : [];
  const headings = headingLines(body);
  // Without frontmatter, a whole story in one file: a chapter at each title heading ("# Chapter 2").
  const sections = Object.keys(frontmatter).length === 0 ? titleSections(body, headings) : [];
  const whole = sections.length >= 2;
  const chapters = whole ? storyChapters(body, sections, notices) : [oneChapter(body, frontmatter, headings[0], file, stem)];
  return {
    format: 'Markdown',
    story: undefined,
    chapters: chapters.map(({ chapter }) => chapter),
    images: new Map(),
    source: markdownToPlainText(sourceText(splitFrontmatter(input.replace(/^\uFEFF/, ''), file).body)),
    setAside: chapters.flatMap(({ setAside }) => setAside),
    dropped: [],
    notices,
  };
}

/** A chapter read, and the heading it took its title from, taken out of its text (if it was). */
interface ReadChapter {
  chapter: ImportedChapter;
  setAside: string[];
}

/** The one chapter of a file: its frontmatter, else its first heading, else the file name gives the title. */
function oneChapter(
  body: string,
  frontmatter: Record<string, unknown>,
  heading: HeadingLine | undefined,
  file: string,
  stem: string,
): ReadChapter {
  const parsed =
    typeof frontmatter.title === 'string' ? parseTitleLine(frontmatter.title) : heading ? parseTitleLine(heading.text) : fileTitle(stem);
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : (parsed?.title ?? heading?.text ?? stem);
  const order = typeof frontmatter.order === 'number' ? frontmatter.order : parsed?.number;
  const problems = schemaProblems(chapterSchema, { ...frontmatter, title, order: order ?? 0 });
  if (problems.length > 0) throw new ImportError(`${file}: ${problems.join('; ')}`);
  const slug = typeof frontmatter.slug === 'string' ? frontmatter.slug : slugPattern.test(stem) ? stem : parsed?.slug;
  // A heading that opens the text and gave the title is the title: not shown twice.
  const opening = frontmatter.title === undefined && heading && parsed && body.slice(0, heading.start).trim() === '' ? heading : undefined;
  return {
    chapter: {
      kind: parsed?.kind ?? 'chapter',
      number: order,
      title,
      slug,
      body: { type: 'root', children: [] },
      markdown: { body: (opening ? body.slice(opening.end) : body).replace(/^\s*\n/, ''), frontmatter },
    },
    setAside: opening ? [opening.text] : [],
  };
}

/** A whole story's chapters, one a section; the text above the first kept as its author's note. */
function storyChapters(body: string, sections: TitleSection[], notices: string[]): ReadChapter[] {
  const before = body.slice(0, sections[0]!.start).trim();
  notices.push(chaptersNotice(sections.length, 'chapter headings'));
  if (before) notices.push(noteAboveNotice(sections[0]!.text));
  return sections.map((section, i) => ({
    chapter: {
      kind: section.heading.kind,
      number: section.heading.number,
      title: section.heading.title,
      slug: section.heading.slug,
      body: { type: 'root', children: [] },
      markdown: { body: section.body, frontmatter: i === 0 && before ? { authorsNote: before } : {} },
    },
    setAside: [section.text],
  }));
}

/** An ATX heading's text (`## Title ##` → `Title`), read in linear time whatever the line holds. */
function atxHeading(line: string): string | undefined {
  const text = /^#{1,3}[ \t]+(.*)$/.exec(line)?.[1]?.trimEnd();
  if (!text) return undefined;
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  // Closing #s are the heading's only after a space ("# C#" keeps its #).
  return end < text.length && end > 0 && /\s/.test(text[end - 1]!) ? text.slice(0, end).trimEnd() : text;
}

/** An ATX heading line of the text (`#` to `###`), outside fenced code. */
interface HeadingLine {
  /** Its text as written, without its `#`s. */
  text: string;
  /** Where its line starts and ends in the text. */
  start: number;
  end: number;
}

/** The text's headings (`#` to `###`), in order, those in fenced code left out: read in one pass. */
function headingLines(body: string): HeadingLine[] {
  const found: HeadingLine[] = [];
  let fence: string | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    else if (fence === undefined) {
      const text = atxHeading(line);
      if (text) found.push({ text, start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  return found;
}

interface TitleSection extends HeadingLine {
  heading: NonNullable<ReturnType<typeof parseTitleLine>>;
  /** The text under it, to the next such heading. */
  body: string;
}

/** The text's sections under headings that read as chapter headings; none unless each has text under it, so no chapter is ever empty. */
function titleSections(body: string, headings: HeadingLine[]): TitleSection[] {
  const found = headings.flatMap((line) => {
    const heading = parseTitleLine(line.text);
    return heading ? [{ ...line, heading }] : [];
  });
  const sections = found.map((item, i) => ({ ...item, body: body.slice(item.end, found[i + 1]?.start ?? body.length).trim() }));
  return sections.every((section) => section.body !== '') ? sections : [];
}
