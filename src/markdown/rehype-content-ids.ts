import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isParagraphId, reservedIds } from '../shared/contract.ts';
import { chapterParagraphs } from './rehype-paragraph-ids.ts';

export interface ContentIdOptions {
  /** Put before every id (and the links to them), so several texts can share a page: a note's `an--`. */
  prefix?: string;
  /** Ids this text may not have (other texts' prefixes); such an id gets a leading `x-`. */
  avoid?: RegExp;
}

/**
 * Makes the ids in an author's text safe to put on a page: unique, never one of the page's
 * own (`main`, `chapter-text`…), never a paragraph id on something that is not the paragraph,
 * and with the links and ARIA references that point at them kept pointing there. Footnotes
 * get plain ids (`fn-1`, `fnref-1`) and their heading is hidden from sight and from search.
 */
export function rehypeContentIds(options: ContentIdOptions = {}) {
  const prefix = options.prefix ?? '';
  const avoid = options.avoid;
  return (tree: Root) => {
    tidyFootnotes(tree);
    const elements: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      // An empty id is no id (HTML forbids it): a heading of emoji or marks alone ("💔", "…") gets none from rehype-slug.
      if (node.properties.id === '') delete node.properties.id;
      if (typeof node.properties.id === 'string') elements.push(node);
    });
    // Paragraph ids were given first and keep their names; everything else fits around them.
    const taken = new Set<string>(reservedIds());
    const paragraphs = new Set(chapterParagraphs(tree).filter((node) => isParagraphId(node.properties.id)));
    for (const node of paragraphs) taken.add(node.properties.id as string);
    const renamed = new Map<string, string>();
    for (const node of elements) {
      if (paragraphs.has(node)) continue;
      const id = node.properties.id as string;
      let unique = avoid?.test(id) ? `x-${id}` : id;
      const base = unique;
      for (let n = 2; taken.has(unique) || isParagraphId(unique); n++) unique = `${base}-${n}`;
      taken.add(unique);
      if (unique !== id) {
        node.properties.id = unique;
        if (!renamed.has(id)) renamed.set(id, unique);
      }
    }
    const present = new Set(elements.map((node) => node.properties.id as string));
    const target = (id: string) => `${prefix}${renamed.has(id) && !present.has(id) ? renamed.get(id)! : id}`;
    visit(tree, 'element', (node: Element) => {
      const { properties } = node;
      if (typeof properties.id === 'string' && properties.id !== '') properties.id = `${prefix}${properties.id}`;
      if (typeof properties.href === 'string' && properties.href.startsWith('#') && properties.href.length > 1) {
        properties.href = `#${target(properties.href.slice(1))}`;
      }
      for (const name of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        const value = properties[name];
        if (Array.isArray(value)) properties[name] = value.map((id) => target(String(id)));
        else if (typeof value === 'string') properties[name] = String(value).split(/\s+/).map(target);
      }
    });
  };
}

/** GitHub-style footnotes, tidied: the "Footnotes" heading visually hidden, and the heading and back links out of the search index. */
function tidyFootnotes(tree: Root) {
  visit(tree, 'element', (node: Element) => {
    if (node.properties.dataFootnotes === undefined) return;
    for (const child of node.children) {
      if (child.type === 'element' && /^h\d$/.test(child.tagName)) {
        child.properties.className = ['visually-hidden'];
        child.properties.dataPagefindIgnore = '';
      }
    }
    visit(node, 'element', (inner: Element) => {
      if (inner.properties.dataFootnoteBackref !== undefined) inner.properties.dataPagefindIgnore = '';
    });
  });
}

/** Whether a node is a footnote marker in the text (`<sup><a data-footnote-ref>`) or a back link from a footnote. */
export function isFootnoteLink(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  if (node.properties.dataFootnoteBackref !== undefined) return true;
  return (
    node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined)
  );
}
