import type { Element } from 'hast';

/** What an HTML element says it is, read the same way by every importer module. */

/** An element's classes. */
export function classesOf(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The EPUB semantics and ARIA role of an element (`noteref`, `footnote`, `doc-endnotes`…). */
export function semanticsOf(node: Element): string {
  return `${String(node.properties['epub:type'] ?? node.properties.epubType ?? '')} ${String(node.properties.role ?? '')}`;
}
