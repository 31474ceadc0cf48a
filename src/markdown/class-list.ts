import type { Element } from 'hast';

/** An element's classes, however the tree holds them (a list, or the attribute's text). */
export function classesOf(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
