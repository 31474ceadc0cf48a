import type { Element, Root } from 'hast';
import { paragraphId } from '../shared/contract.ts';

/**
 * Gives each top-level paragraph of a chapter (and of a passage in another language) a stable id (`p-1`, `p-2`, …). They are
 * paragraph permalinks, let search land on the paragraph that holds a hit, and let a
 * reader resume where they stopped. An id the author gave a paragraph in raw HTML stays a
 * link target, on an empty anchor at the paragraph's start.
 */
export function rehypeParagraphIds() {
  return (tree: Root) => {
    // Paragraphs left empty (a pasted <iframe> or <form> removed by the sanitizer) go too.
    tree.children = tree.children.filter((node) => !(node.type === 'element' && node.tagName === 'p' && isEmpty(node)));
    let count = 0;
    for (const node of chapterParagraphs(tree)) {
      count++;
      const own = node.properties.id;
      if (typeof own === 'string' && own !== '') {
        node.children.unshift({ type: 'element', tagName: 'a', properties: { id: own }, children: [] });
      }
      node.properties.id = paragraphId(count);
    }
  };
}

function isEmpty(node: Element): boolean {
  return node.children.every((child) => child.type === 'text' && child.value.trim() === '');
}

/** The blocks that count as paragraphs: prose, quoted prose, and a part the reader opens (`<details>`, a folding callout). */
export function isParagraph(node: Element): boolean {
  return node.tagName === 'p' || node.tagName === 'blockquote' || node.tagName === 'details';
}

/** A passage the author marked as another language or direction (`<div lang="he">`, `<div dir="rtl">`). */
const isPassage = (node: Element): boolean =>
  typeof node.properties.lang === 'string' || node.properties.dir === 'rtl' || node.properties.dir === 'ltr';

/**
 * A chapter's paragraphs, in order: its top-level ones, and those of a passage the author
 * marked as another language or direction, which is no block of its own.
 */
export function chapterParagraphs(tree: Root): Element[] {
  return tree.children
    .flatMap((node) => (node.type === 'element' && node.tagName === 'div' && isPassage(node) ? node.children : [node]))
    .filter((node): node is Element => node.type === 'element' && isParagraph(node));
}
