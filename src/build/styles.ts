import blocks from '../styles/blocks.css?url';

/**
 * The stylesheets a page needs for the author's text it shows: blocks.css when what it shows
 * holds verse, a chat, footnotes or pictures (as the Markdown pipeline found, src/markdown/
 * rehype-block-styles.ts), so a page without them does not load their rules.
 */
export function contentStylesheets(needsBlocks: boolean): string[] {
  return needsBlocks ? [blocks] : [];
}
