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
 * first heading or the file name gives the title.
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
  const heading = /^#{1,3}\s+(.+)$/m.exec(body);
  const parsed =
    typeof frontmatter.title === 'string' ? parseTitleLine(frontmatter.title) : heading ? parseTitleLine(heading[1]!) : fileTitle(stem);
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : (parsed?.title ?? heading?.[1]?.trim() ?? stem);
  const order = typeof frontmatter.order === 'number' ? frontmatter.order : parsed?.number;
  const problems = schemaProblems(chapterSchema, { ...frontmatter, title, order: order ?? 0 });
  if (problems.length > 0) throw new ImportError(`${file}: ${problems.join('; ')}`);
  const slug = typeof frontmatter.slug === 'string' ? frontmatter.slug : slugPattern.test(stem) ? stem : parsed?.slug;
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
        markdown: { body: body.replace(/^\s*\n/, ''), frontmatter },
      },
    ],
    images: new Map(),
    source: markdownToPlainText(sourceText(splitFrontmatter(input.replace(/^\uFEFF/, ''), file).body)),
    setAside: [],
    dropped: [],
    notices: removed > 0 ? [`removed ${removed} invisible control character${removed === 1 ? '' : 's'}`] : [],
  };
}
