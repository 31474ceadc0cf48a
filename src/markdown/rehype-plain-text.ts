import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { isFootnoteLink } from './rehype-content-ids.ts';
import { chapterParagraphs } from './rehype-paragraph-ids.ts';
import { countWords } from '../shared/text-stats.ts';

/** The text of a rendered Markdown file as readers see it. */
export interface PlainText {
  /** The text without footnotes: paragraphs (and other blocks) separated by a blank line. */
  text: string;
  /** The footnotes' text, one per line: the author's words too, but no part of a description. */
  footnotes: string;
  /** The words of `text` and of `footnotes` (`countWords`), counted once, where the text is rendered. */
  words: { text: number; footnotes: number };
  /** Paragraphs that carry an id (`p-1`…). */
  paragraphs: number;
  /** Pictures the text shows: a chapter of pictures alone has no words, and is not empty. */
  pictures: number;
  /**
   * The first line of the first paragraph that is paragraphs typed one a line with no blank line
   * between them (which Markdown runs into one), if there is one: for the author's warning.
   */
  runTogether?: string | undefined;
  /** The text of a heading that opens the text (before anything else), if one does: for the warning when it repeats the title. */
  openingHeading?: string | undefined;
}

/** Elements that stand on lines of their own in the text as read. */
export const blockElements: ReadonlySet<string> = new Set([
  'p',
  'div',
  'blockquote',
  'li',
  'ul',
  'ol',
  'table',
  'caption',
  'tr',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'figure',
  'figcaption',
  'section',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
]);

/**
 * Keeps the rendered text in `file.data.plainText`: what a reader sees (no removed script or
 * style, no footnote markers), for word counts, descriptions, the feed and search helpers.
 */
export function rehypePlainText() {
  return (tree: Root, file: VFile) => {
    const main: string[] = [];
    const footnotes: string[] = [];
    let runTogether: string | undefined;
    let openingHeading: string | undefined;
    for (const node of tree.children) {
      // Text straight in the root: what raw HTML left beside a removed element.
      if (node.type === 'text' && node.value.trim()) main.push(clean(node.value));
      if (node.type !== 'element') continue;
      if (node.properties.dataFootnotes !== undefined) {
        for (const item of node.children.flatMap((child) => (child.type === 'element' ? child.children : []))) {
          if (item.type === 'element' && item.tagName === 'li') footnotes.push(clean(textOf(item)));
        }
        continue;
      }
      const text = clean(textOf(node));
      if (main.length === 0 && /^h[1-6]$/.test(node.tagName)) openingHeading = text;
      if (node.tagName === 'p' && runTogether === undefined) runTogether = linesRunTogether(node, text);
      if (text) main.push(text);
    }
    let pictures = 0;
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') pictures++;
    });
    const text = main.join('\n\n');
    const notes = footnotes.filter(Boolean).join('\n');
    const plain: PlainText = {
      text,
      footnotes: notes,
      words: { text: countWords(text), footnotes: countWords(notes) },
      paragraphs: chapterParagraphs(tree).filter((node) => typeof node.properties.id === 'string').length,
      pictures,
      ...(runTogether === undefined ? {} : { runTogether }),
      ...(openingHeading === undefined ? {} : { openingHeading }),
    };
    file.data.plainText = plain;
  };
}

/**
 * A paragraph's first line (its `text` as read), when the paragraph is paragraphs typed one a line (soft line
 * breaks, no `<br>`): four lines or more, most of them long and ending as sentences do. Verse
 * keeps its lines with breaks (`:::verse`), and chat lines and lists are short.
 */
function linesRunTogether(paragraph: Element, text: string): string | undefined {
  if (paragraph.children.some((child) => child.type === 'element' && child.tagName === 'br')) return undefined;
  const lines = text.split('\n');
  if (lines.length < 4) return undefined;
  const sentences = lines.filter((line) => /[.!?…。！？"”’»」』)]$/u.test(line)).length;
  const long = lines.filter((line) => Array.from(line).length >= 60).length;
  return sentences >= lines.length * 0.8 && long >= lines.length * 0.6 ? lines[0] : undefined;
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  // The site's own words (a footnote's way back, the summary given a part the author gave none) are no text of the author's.
  if (node.type !== 'element' || isFootnoteLink(node) || node.properties.dataPagefindIgnore !== undefined) return '';
  if (node.tagName === 'br') return '\n';
  const inner = node.children.map(textOf).join('');
  return blockElements.has(node.tagName) ? `\n${inner}\n` : inner;
}

/** Lines trimmed and runs of spaces folded, blank lines between blocks kept as one line break. */
function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

declare module 'vfile' {
  interface DataMap {
    plainText: PlainText;
  }
}
