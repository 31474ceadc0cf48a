import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Translate } from '../shared/i18n/strings.ts';
import { depthLimit, nestingProblem, noteUsesLimit, tooDeep } from './depth-limit.ts';
import { rehypeBlockStyles } from './rehype-block-styles.ts';
import { rehypeBlocks } from './rehype-blocks.ts';
import { rehypeChapterLinks } from './rehype-chapter-links.ts';
import { rehypeContentImages, type ImageLookup } from './rehype-content-images.ts';
import { rehypeHeadlessTables } from './rehype-headless-tables.ts';
import { rehypeHeadingLevels } from './rehype-heading-levels.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';
import { rehypeInPageLinks } from './rehype-in-page-links.ts';
import { rehypeContentIds } from './rehype-content-ids.ts';
import { rehypeContentModel } from './rehype-content-model.ts';
import { rehypeLineEnds } from './rehype-line-ends.ts';
import { rehypeDialogueDashes } from './rehype-dialogue-dashes.ts';
import { rehypeParagraphIds } from './rehype-paragraph-ids.ts';
import { rehypePlainText, type PlainText } from './rehype-plain-text.ts';
import { rehypeSceneBreaks } from './rehype-scene-breaks.ts';
import { remarkBlocks } from './remark-blocks.ts';
import { remarkObsidian } from './remark-obsidian.ts';
import { remarkRuby } from './remark-ruby.ts';
import { isJapanese } from '../shared/i18n/languages.ts';
import { countWords } from '../shared/text-stats.ts';
import { rehypePassageLanguages } from './rehype-passage-languages.ts';
import { remarkIndentedParagraphs, remarkSceneBreaks, typedBreaks } from './remark-scene-breaks.ts';
import { remarkLiteralTags } from './remark-literal-tags.ts';
import { rehypeTypography } from './rehype-typography.ts';
import { rehypePlayersAsLinks } from './players.ts';
import { rehypeTaskBoxes } from './rehype-task-boxes.ts';
import { remarkInlineNotes } from './remark-inline-notes.ts';
import { remarkMarksAndCallouts } from './remark-marks-and-callouts.ts';
import type { QuoteStyle } from '../core/typography.ts';
import { remarkUnclosedHtml } from './remark-unclosed-html.ts';
import { remarkDashHeadings } from './remark-dash-headings.ts';
import { remarkSpacedAddresses } from './remark-spaced-addresses.ts';
import { remarkAccidentalLists } from './remark-accidental-lists.ts';
import { remarkFenceWarnings } from './remark-fence-warnings.ts';
import { remarkRowlessTables } from './remark-rowless-tables.ts';
import { remarkSpanningEmphasis } from './remark-spanning-emphasis.ts';
import { remarkTemplateCode } from './remark-template-code.ts';
import { remarkUnmatchedNotes, type UnshownNote } from './remark-unmatched-notes.ts';
import { remarkTextDefinitions } from './remark-text-definitions.ts';
import { rehypeLegacyFormatting, rehypeRemovedHtml, rehypeTidyPastedHtml, sanitizeSchema } from './sanitize.ts';

/**
 * The story's own words the pipeline writes into a text (the footnotes' heading and back links,
 * a table's name, the summary of a part the reader opens that the author gave none): all a rendered text takes from the strings, so a cached one is reused only
 * while these read the same.
 */
export function textStrings(t: Translate) {
  return {
    footnotes: t('footnotes.label'),
    backTo: (number: string) => t('footnotes.back', { number }),
    table: t('table.label'),
    disclosure: t('disclosure.label'),
  };
}

/** What the pipeline needs to know about the site and the story. */
export interface RenderSettings {
  /** The site's base path, for links between chapters. */
  base: string;
  /** Every chapter file's id and slug, each mapped to the chapter's slug. */
  chapters: ReadonlyMap<string, string>;
  /** The story's strings (those the text carries: `textStrings`). */
  t: Translate;
  /** Finds an image the text shows in the content folder. */
  image: ImageLookup;
  /** Whether pictures from other sites may be shown (`remoteImages: allow` in story.md); else they are refused. */
  remoteImages: boolean;
  /** The story's quotation marks (its language's, or story.md's `quotes`); English when not given. */
  quotes?: QuoteStyle;
  /** The story's language: a Japanese story's ruby notation (`｜漢字《かんじ》`) is ruby; passages marked as another language written the other way run that way. */
  language?: string;
}

/** Rendered Markdown: the HTML, the text a reader sees, and anything that kept it from rendering faithfully. */
export interface Rendered extends PlainText {
  html: string;
  /** Whether the text needs the blocks stylesheet (verse, chats, footnotes, pictures). */
  blocks: boolean;
  /** A paragraph that `---` under it made a heading, as typed (for the author's warning; see remark-dash-headings.ts). */
  dashHeading?: string | undefined;
  /** Notes the Markdown writes that no page shows (see remark-unmatched-notes.ts): words the file keeps, for the import's word check. */
  unshownNotes?: UnshownNote[] | undefined;
  /** Each problem with the line (of the Markdown given) it is on. */
  problems: { line: number | undefined; message: string }[];
  /** What the author should know that does not stop the build (raw HTML the page does not keep), with its line. */
  notices: { line: number | undefined; message: string }[];
}

/**
 * What the ids in each note start with, so a note's footnotes and headings never clash with
 * the chapter's on one page (the chapter's own ids never take these beginnings).
 */
export const noteIdPrefixes = {
  authors: 'an--',
  end: 'en--',
  chapterSummary: 'cs--',
  summary: 's--',
  workNotes: 'wn--',
  workEndNotes: 'we--',
  revision: 'rn--',
} as const;
const notePrefix = /^(?:an|en|cs|s|wn|we|rn)--/;

/** Renders the author's Markdown: chapter texts, and the notes and summaries around them. */
export interface Renderer {
  /** A chapter's text: with paragraph ids and footnotes. */
  chapter(markdown: string): Promise<Rendered>;
  /** A note or summary; its ids start with `idPrefix` so it can share a page with a chapter. */
  note(markdown: string, idPrefix: string): Promise<Rendered>;
}

/**
 * rehype-raw, run only on a tree that holds raw HTML: it re-parses the whole tree through an
 * HTML parser, which most chapters (plain prose) do not need, and which was a tenth of the
 * rendering time of a long serial.
 */
function rehypeRawWhenPresent(this: Processor) {
  const raw = (rehypeRaw as unknown as (this: Processor) => (tree: HastRoot, file: VFile) => HastRoot).call(this);
  return (tree: HastRoot, file: VFile) => (holdsRaw(tree) ? raw(tree, file) : tree);
}

/** A message of the pipeline with the line (of the Markdown given) it is on. */
const located = (message: VFile['messages'][number]) => ({ line: message.line ?? undefined, message: message.reason });

function holdsRaw(node: HastRoot | HastNodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && (node.children as HastNodes[]).some(holdsRaw);
}

/**
 * The one Markdown pipeline of the site, remark and rehype: GitHub-flavoured Markdown,
 * typographer's quotes, raw HTML parsed and sanitized (see sanitize.ts) and refused when it
 * would swallow the text after it, heading ids from `rehype-slug`, scene breaks, links
 * between chapters resolved, ids kept clear of the page's own, and the text as read kept.
 */
export function createRenderer(settings: RenderSettings): Renderer {
  const strings = textStrings(settings.t);
  const front: PluggableList = [
    remarkParse,
    depthLimit('text'),
    // Struck through between two tildes, as Obsidian, Typora, iA Writer and pandoc write it; one
    // tilde each side is the author's own (`~La la la~` sung, `Senpai~`), not GitHub's strikethrough.
    [remarkGfm, { singleTilde: false }],
    noteUsesLimit,
    [remarkTextDefinitions, { chapters: settings.chapters }],
    // Emphasis next to CJK punctuation (`*まったく……。*夏目は`), which CommonMark's rules miss.
    remarkCjkFriendly,
    remarkDirective,
    remarkIndentedParagraphs,
    remarkBlocks,
    [remarkObsidian, { chapters: settings.chapters }],
    remarkMarksAndCallouts,
    remarkInlineNotes,
    remarkSpacedAddresses,
    remarkAccidentalLists,
    remarkFenceWarnings,
    remarkRowlessTables,
    remarkSpanningEmphasis,
    remarkTemplateCode,
    remarkUnmatchedNotes,
    // Not an option: unified reads `false` as "leave this plugin out", `true` as no options.
    ...(isJapanese(settings.language ?? 'en') ? [remarkRuby] : []),
    remarkSceneBreaks,
    remarkLiteralTags,
    remarkUnclosedHtml,
    remarkDashHeadings,
  ];
  const toHtml = [
    remarkRehype,
    {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: strings.footnotes,
      footnoteBackLabel: (reference: number, again: number) => strings.backTo(`${reference + 1}${again > 1 ? `-${again}` : ''}`),
    },
  ] as const;
  // Raw HTML is parsed, then sanitized, before anything else: it must not run script, and our
  // own ids and classes come after so they are never stripped.
  const safe: PluggableList = [
    rehypeRawWhenPresent,
    depthLimit('raw HTML'),
    rehypePlayersAsLinks,
    rehypeTaskBoxes,
    rehypeLegacyFormatting,
    rehypeRemovedHtml,
    [rehypeSanitize, sanitizeSchema],
    // Every element where HTML allows it, however the raw HTML was typed, before anything reads the tree.
    [rehypeContentModel, { disclosure: strings.disclosure }],
    [rehypePassageLanguages, { language: settings.language ?? 'en' }],
    rehypeTidyPastedHtml,
    rehypeHeadlessTables,
    [rehypeTableScroll, { label: strings.table }],
    [rehypeTypography, settings.quotes],
    rehypeSlug,
    rehypeSceneBreaks,
    rehypeBlocks,
    [rehypeContentImages, { image: settings.image, remote: settings.remoteImages }],
    rehypeDialogueDashes,
  ];
  const links = [rehypeChapterLinks, { base: settings.base, chapters: settings.chapters }] as const;
  const chapter = unified()
    .use(front)
    .use(...toHtml)
    .use(safe)
    .use(rehypeHeadingLevels)
    .use(...links)
    .use(rehypeParagraphIds)
    .use(rehypeContentIds, { avoid: notePrefix })
    .use(rehypeInPageLinks)
    .use(rehypePlainText)
    .use(rehypeBlockStyles)
    .use(rehypeLineEnds)
    .use(rehypeStringify);
  const notes = new Map<string, ReturnType<typeof noteProcessor>>();
  const noteProcessor = (idPrefix: string) =>
    unified()
      .use(front)
      .use(...toHtml)
      .use(safe)
      .use(rehypeHeadingLevels, { top: 3 })
      .use(...links)
      .use(rehypeContentIds, { prefix: idPrefix })
      .use(rehypePlainText)
      .use(rehypeBlockStyles)
      .use(rehypeLineEnds)
      .use(rehypeStringify);

  const run = async (processor: { process(file: VFile): Promise<VFile> }, markdown: string): Promise<Rendered> => {
    // Not rendered, so nothing is published; the text stands as written so it is not also called empty.
    const refused = (problem: Rendered['problems'][number]): Rendered => ({
      html: '',
      text: markdown,
      footnotes: '',
      words: { text: countWords(markdown), footnotes: 0 },
      paragraphs: 0,
      pictures: 0,
      blocks: false,
      problems: [problem],
      notices: [],
    });
    const deep = nestingProblem(markdown);
    if (deep) return refused(deep);
    let file: VFile;
    try {
      file = await processor.process(new VFile({ value: typedBreaks(markdown) }));
    } catch (error) {
      // Raw HTML nested thousands deep overflows the HTML parser's own recursion before any check sees the tree.
      if (error instanceof RangeError) return refused({ line: undefined, message: tooDeep('raw HTML') });
      throw error;
    }
    return {
      html: String(file.value),
      blocks: file.data.blocks ?? false,
      ...file.data.plainText!,
      ...(file.data.dashHeading === undefined ? {} : { dashHeading: file.data.dashHeading }),
      ...(file.data.unshownNotes === undefined ? {} : { unshownNotes: file.data.unshownNotes }),
      // file.message() reports a problem (fatal: false); file.info() a notice (fatal: undefined).
      problems: file.messages.filter((message) => message.fatal !== undefined).map(located),
      notices: file.messages.filter((message) => message.fatal === undefined).map(located),
    };
  };
  return {
    chapter: (markdown) => run(chapter, markdown),
    note: (markdown, idPrefix) => {
      if (!notes.has(idPrefix)) notes.set(idPrefix, noteProcessor(idPrefix));
      return run(notes.get(idPrefix)!, markdown);
    },
  };
}
