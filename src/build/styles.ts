import blocks from '../styles/blocks.css?url';

/** What in rendered HTML needs the blocks stylesheet: verse, messages, footnotes, kept-together dashes, pictures. */
const needsBlocks = /class="(?:verse|messages|footnotes|nowrap)"|<img\b/;

/**
 * The stylesheets a page needs for the author's HTML it shows (blocks.css when it has verse,
 * a chat, footnotes…), so a page without them does not load their rules.
 */
export function contentStylesheets(html: readonly (string | undefined)[]): string[] {
  return html.some((part) => part !== undefined && needsBlocks.test(part)) ? [blocks] : [];
}
