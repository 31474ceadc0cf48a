import type { Element, Root } from 'hast';
import { elementsOf } from './element.ts';
import { treesOf, type ImportedWork } from './model.ts';

/**
 * Lines drawn across the page and saved as pictures of a line (LibreOffice saves a document's
 * drawn rule as a GIF of 624 × 2 pixels; pages set a thin bar as an image): a paragraph holding
 * such a picture alone, at most 8 pixels high and ten times as wide by the sizes the file gives
 * it, is a scene break. The picture is then shown nowhere: it is not brought into images/.
 */
export function readDrawnLines(work: ImportedWork): void {
  const drawn = new Set<string>();
  const kept = new Set<string>();
  // The paragraphs that are lines, and the pictures in them, which the walk still meets.
  const lines = new Set<Element>();
  const pictures = new Set<Element>();
  const parents = new Set<Element | Root>();
  for (const tree of treesOf(work)) {
    for (const { node, parent } of elementsOf(tree)) {
      const picture = node.tagName === 'p' ? drawnLine(node) : undefined;
      if (picture) {
        drawn.add(String(picture.properties.src ?? ''));
        lines.add(node);
        pictures.add(picture);
        parents.add(parent);
      } else if (node.tagName === 'img' && !pictures.has(node)) kept.add(String(node.properties.src ?? ''));
    }
  }
  // Each parent's children rewritten once: thousands of lines side by side stay linear.
  for (const parent of parents)
    (parent as Element).children = (parent as Element).children.map((child) =>
      child.type === 'element' && lines.has(child) ? { type: 'element', tagName: 'hr', properties: {}, children: [] } : child,
    );
  // A picture of the work's own (`images/line.gif`) that nothing else shows is no longer one of its pictures.
  for (const src of drawn) if (!kept.has(src) && src.startsWith('images/')) work.images.delete(src.slice('images/'.length));
}

/** The picture a paragraph holds alone, if it is a line: at most 8 pixels high and ten times as wide. */
function drawnLine(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === '') && !(child.type === 'element' && child.tagName === 'br'),
  );
  const [picture] = content;
  if (content.length !== 1 || picture?.type !== 'element' || picture.tagName !== 'img') return undefined;
  const width = Number(picture.properties.width);
  const height = Number(picture.properties.height);
  return height > 0 && height <= 8 && width >= height * 10 ? picture : undefined;
}
