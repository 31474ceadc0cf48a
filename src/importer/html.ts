import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select as selectIn, selectAll as selectAllIn } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { isTypedBreak } from '../core/scene-breaks.ts';
import { blockElements } from '../markdown/rehype-plain-text.ts';
import { classesOf, shapeOf } from './element.ts';
import { maxInputDepth, NestedTooDeepError } from './limits.ts';
import { isMarkerText, isNoteBackLink, isNoteRef } from './footnotes.ts';

/** Helpers for reading HTML inputs (AO3 downloads, saved pages, EPUB chapters, Word via mammoth). */

/**
 * The first element under `node` that matches (hast-util-select also matches the node itself,
 * which is never what a reader here means: a `div` looking for the `div`s inside it).
 */
export function select(selector: string, node: Element | Root): Element | undefined {
  const first = selectIn(selector, node);
  // Only the node itself matched first: the first match under it, if any, comes after.
  return first === node ? selectAll(selector, node)[0] : (first ?? undefined);
}

/** Every element under `node` that matches, in document order (never `node` itself). */
export function selectAll(selector: string, node: Element | Root): Element[] {
  return selectAllIn(selector, node).filter((found) => found !== node);
}

/** An HTML document or fragment as a tree; a `NestedTooDeepError` for one nesting deeper than any story. */
export function parseHtml(text: string): Root {
  const tree = fromHtml(text);
  if (shapeOf(tree).depth > maxInputDepth) throw new NestedTooDeepError();
  return tree;
}

/** Elements a reader never sees: their text is not the story's. */
const unseen = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'meta', 'link']);
/** Blocks of a page, on lines of their own: the site's own, and the page furniture an input may have. */
export const pageBlocks: ReadonlySet<string> = new Set([
  ...blockElements,
  ...['article', 'header', 'footer', 'main', 'nav', 'aside', 'figcaption', 'hr'],
  ...['fieldset', 'legend', 'address', 'hgroup', 'form', 'menu', 'dialog', 'search'],
]);

/** The text a reader of the page sees, blocks on lines of their own. */
export function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (unseen.has(node.tagName)) return '';
    if (node.tagName === 'img') return '';
    // A footnote's marker ("1", "*") is no word of the story, and no part of the word before it.
    // Nor is a note's number before it, linked back to the marker.
    if ((isNoteRef(node) || isNoteBackLink(node)) && isMarkerText(toString(node))) return ' ';
    const inner = node.children.map(visibleText).join('');
    if (pageBlocks.has(node.tagName) || node.tagName === 'br') return `\n${inner}\n`;
    // A button is set apart from the words around it, as a browser draws it.
    return node.tagName === 'button' ? ` ${inner} ` : inner;
  }
  if (node.type === 'root') return node.children.map(visibleText).join('');
  return '';
}

/** The text of a node, spaces folded: for labels and metadata. */
export function textOf(node: Nodes | undefined): string {
  return node ? toString(node).replace(/\s+/g, ' ').trim() : '';
}

/**
 * The marks a paragraph (or a block of text alone) is, when it is a scene break (`* * *`,
 * `oOo`, `<b>~*~</b>`: the one recogniser, core/scene-breaks.ts), or names one ("Line Break",
 * which the import says it drew as one); undefined when it is text, and
 * when its marks link somewhere, show code or hold a picture, which is what the author wrote there.
 */
export function sceneBreakMarks(node: Element): string | undefined {
  const marks = toString(node);
  return isTypedBreak(marks) && !select('a[href], img, svg, code, kbd, samp', node) ? marks : undefined;
}

/** A tree holding these nodes (a part of a page, as its own text). */
export function treeOf(nodes: readonly (RootContent | ElementContent)[]): Root {
  return { type: 'root', children: nodes as RootContent[] };
}

/** Whether an element has a class. */
export function hasClass(node: Element, name: string): boolean {
  return classesOf(node).includes(name);
}

/** The elements among a node's children, skipping text between them. */
export function elementChildren(node: Element | Root): Element[] {
  return (node.children as (RootContent | ElementContent)[]).filter((child): child is Element => child.type === 'element');
}
