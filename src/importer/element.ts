import type { Element } from 'hast';

/** What an HTML element says it is, read the same way by every importer module. */

export { classesOf } from '../markdown/class-list.ts';

/** The EPUB semantics and ARIA role of an element (`noteref`, `footnote`, `doc-endnotes`…). */
export function semanticsOf(node: Element): string {
  return `${String(node.properties['epub:type'] ?? node.properties.epubType ?? '')} ${String(node.properties.role ?? '')}`;
}
