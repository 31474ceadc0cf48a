import type { Node } from 'unist';

/**
 * A node's Markdown as the author typed it, escapes and all (`\[`, `\==`), read from the file's
 * text at the node's position; undefined for a node a plugin made, which has no position.
 */
export function asTyped(node: Node, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}
