import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { readEnv } from '../build/env.ts';
import { rehypeChapterLinks } from './rehype-chapter-links.ts';
import { rehypeParagraphIds } from './rehype-paragraph-ids.ts';
import { rehypeSceneBreaks } from './rehype-scene-breaks.ts';
import { remarkTypography } from './remark-typography.ts';
import { rehypeTidyPastedHtml, sanitizeSchema } from './sanitize.ts';

/**
 * The one Markdown pipeline of the site: remark/rehype with typographer's quotes, dashes
 * and ellipses, raw HTML sanitized (see sanitize.ts), heading ids from `rehype-slug`,
 * scene breaks, and links between chapters resolved under the base path.
 */
const noteOptions: UnifiedProcessorOptions = {
  // Our own typography pass replaces Astro's SmartyPants: the same result, a third of the time.
  smartypants: false,
  remarkPlugins: [remarkTypography],
  // Parse raw HTML, then sanitize it, before anything else: raw HTML in a chapter must not
  // run script, and our own ids and classes come after so they are never stripped.
  rehypePlugins: [
    rehypeRaw,
    [rehypeSanitize, sanitizeSchema],
    rehypeTidyPastedHtml,
    rehypeSlug,
    rehypeSceneBreaks,
    [rehypeChapterLinks, { base: readEnv().basePath }],
  ],
};

/** Chapters also get paragraph ids (permalinks, search hits, resume). */
const chapterOptions: UnifiedProcessorOptions = {
  ...noteOptions,
  rehypePlugins: [...(noteOptions.rehypePlugins ?? []), rehypeParagraphIds],
};

/** The processor for `markdown.processor` in `astro.config.ts`: chapter files and `story.md`. */
export function chapterProcessor() {
  return unified(chapterOptions);
}

let noteRenderer: ReturnType<ReturnType<typeof unified>['createRenderer']> | undefined;

/** Renders Markdown from frontmatter (author's notes, end notes) to HTML with the same typography. */
export async function renderNote(markdown: string): Promise<string> {
  noteRenderer ??= unified(noteOptions).createRenderer({ syntaxHighlight: false });
  const { code } = await (await noteRenderer).render(markdown);
  return code;
}
