import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { visit } from 'unist-util-visit';
import { leavesTheSite } from '../core/links.ts';
import { decodeSafely } from '../shared/paths.ts';

/** How an image the author refers to is found: its path in the content folder, or why it cannot be used. */
export type ImageLookup = (src: string) => { path: string } | { problem: string };

/**
 * Finds the images a text shows. A picture in the content folder (`images/lake.jpg`) is
 * marked `data-image` with its path there, for the build to size and optimise and the EPUB
 * to carry; one that is missing or of a kind no reader can show is reported. A picture on
 * another site is refused unless the author allows them (`remote`): every reader's browser
 * would fetch it from there, telling that site who reads what. Every image loads lazily, as
 * the reader scrolls to it.
 */
export function rehypeContentImages(options: { image: ImageLookup; remote: boolean }) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
      const src = node.properties.src;
      if (/^data:/i.test(src)) return;
      if (leavesTheSite(src)) {
        if (!options.remote) {
          file.message(problems.RemotePicture.message(src), node);
        }
        return;
      }
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
