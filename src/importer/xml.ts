import type { Element, Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';

/** Helpers for the XML files inside an EPUB (container.xml, the package document, toc.ncx). */

/** An XML document as a tree; an empty document when it cannot be read. */
export function parseXml(text: string | undefined): Root {
  try {
    return fromXml(text ?? '');
  } catch {
    return { type: 'root', children: [] };
  }
}

/** The local part of a name: `dc:title` → `title`, `opf:meta` → `meta`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** Every element named `name` (namespace prefix ignored), in document order. */
export function elements(node: Nodes, name: string): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes) => {
    if (current.type === 'element' && local(current.name) === name) found.push(current);
    if ('children' in current) for (const child of current.children) walk(child);
  };
  walk(node);
  return found;
}

/** The first element named `name`. */
export function element(node: Nodes, name: string): Element | undefined {
  return elements(node, name)[0];
}

/** An attribute's value, whatever its prefix (`opf:role`, `role`). */
export function attribute(node: Element | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const key = Object.keys(node.attributes).find((key) => local(key) === name);
  const value = key === undefined ? undefined : node.attributes[key];
  return value === null || value === undefined ? undefined : String(value);
}

/** The text of an element, spaces folded. */
export function text(node: Nodes | undefined): string {
  if (!node) return '';
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if ('children' in node) return node.children.map(text).join('').replace(/\s+/g, ' ').trim();
  return '';
}
