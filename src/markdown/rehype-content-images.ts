import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** How an image the author refers to is found: its path in the content folder, or why it cannot be used. */
export type ImageLookup = (src: string) => { path: string } | { problem: string };

/**
 * Finds the images a text shows. A picture in the content folder (`images/lake.jpg`) is
 * marked `data-image` with its path there, for the build to size and optimise and the EPUB
 * to carry; one that is missing or of a kind no reader can show is reported. Every image
 * loads lazily, as the reader scrolls to it.
 */
export function rehypeContentImages(options: { image: ImageLookup }) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
      const src = node.properties.src;
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return;
      const found = options.image(decodeSafely(src.split(/[?#]/)[0]!));
      if ('problem' in found) {
        file.message(found.problem, node);
        return;
      }
      node.properties.src = found.path;
      node.properties.dataImage = found.path;
    });
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
