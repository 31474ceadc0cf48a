import { ContentFileError, splitFrontmatter, type ContentFile } from '../../source/content-files.ts';
import { markdownToPlainText } from '../markdown-text.ts';
import { chapterSchema, schemaProblems } from '../../core/schema.ts';
import { slugPattern } from '../../core/slug.ts';
import { sourceText, withoutControls } from '../decode.ts';
import { ImportError, type ImportedWork } from '../model.ts';
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
  const source = markdownToPlainText(sourceText(splitFrontmatter(input.replace(/^\uFEFF/, ''), file).body));
  const notices = removed > 0 ? [`removed ${removed} invisible control character${removed === 1 ? '' : 's'}`] : [];
  // Without frontmatter, a whole story in one file: a chapter at each title heading ("# Chapter 2").
  if (Object.keys(frontmatter).length === 0) {
    const sections = titleSections(body);
    if (sections.length >= 2) {
      const before = body.slice(0, sections[0]!.start).trim();
      return {
        format: 'Markdown',
        story: undefined,
        chapters: sections.map((section, i) => ({
          kind: section.heading.kind,
          number: section.heading.number,
          title: section.heading.title,
          slug: section.heading.slug,
          body: { type: 'root', children: [] },
          markdown: { body: section.body, frontmatter: i === 0 && before ? { authorsNote: before } : {} },
        })),
        images: new Map(),
        source,
        setAside: sections.map((section) => section.line),
        dropped: [],
        notices: [
          ...notices,
          `read a chapter at each of the ${sections.length} chapter headings`,
          ...(before ? [`kept the text above “${sections[0]!.line}” as its author’s note`] : []),
        ],
      };
    }
  }
  const heading = /^#{1,3}\s+(.+)$/m.exec(body);
  const parsed =
    typeof frontmatter.title === 'string' ? parseTitleLine(frontmatter.title) : heading ? parseTitleLine(heading[1]!) : fileTitle(stem);
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : (parsed?.title ?? heading?.[1]?.trim() ?? stem);
  const order = typeof frontmatter.order === 'number' ? frontmatter.order : parsed?.number;
  const problems = schemaProblems(chapterSchema, { ...frontmatter, title, order: order ?? 0 });
  if (problems.length > 0) throw new ImportError(`${file}: ${problems.join('; ')}`);
  const slug = typeof frontmatter.slug === 'string' ? frontmatter.slug : slugPattern.test(stem) ? stem : parsed?.slug;
  // A heading that opens the text and gave the title is the title: not shown twice.
  const opening = frontmatter.title === undefined && heading && parsed && body.slice(0, heading.index).trim() === '' ? heading : undefined;
  return {
    format: 'Markdown',
    story: undefined,
    chapters: [
      {
        kind: parsed?.kind ?? 'chapter',
        number: order,
        title,
        slug,
        body: { type: 'root', children: [] },
        markdown: { body: (opening ? body.slice(opening.index + opening[0].length) : body).replace(/^\s*\n/, ''), frontmatter },
      },
    ],
    images: new Map(),
    source,
    setAside: opening ? [opening[1]!] : [],
    dropped: [],
    notices,
  };
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

interface TitleSection {
  /** The heading's line as written, without its `#`s. */
  line: string;
  heading: NonNullable<ReturnType<typeof parseTitleLine>>;
  /** Where the heading's line starts in the text. */
  start: number;
  /** The text under it, to the next such heading. */
  body: string;
}

/**
 * The text's sections under headings (`#` to `###`, outside fenced code) that read as chapter
 * headings; none unless each has text under it, so no chapter is ever empty.
 */
function titleSections(body: string): TitleSection[] {
  const found: { line: string; heading: TitleSection['heading']; start: number; end: number }[] = [];
  let fence: string | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    else if (fence === undefined) {
      const text = atxHeading(line);
      const heading = text ? parseTitleLine(text) : undefined;
      if (heading) found.push({ line: text!, heading, start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  const sections = found.map((item, i) => ({ ...item, body: body.slice(item.end, found[i + 1]?.start ?? body.length).trim() }));
  return sections.every((section) => section.body !== '') ? sections : [];
}
