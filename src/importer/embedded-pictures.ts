import type { Element, Root } from 'hast';
import { imageTypes } from '../source/content-files.ts';
import { imageName } from './image-name.ts';
import { treesOf, type ImportedWork } from './model.ts';
import { leaveOut } from './remote-pictures.ts';

/**
 * Pictures written into the file itself as `data:` addresses, as a page copied from a browser
 * and Google Docs' Markdown carry them: each kept as a file of `images/` and the text pointed at
 * it, in every format (the site shows no picture from a `data:` address, and the build refuses
 * one).
 */

/** The types the site shows, by their `data:` name: the extension each is written with. */
const extensions = new Map(Object.entries(imageTypes).map(([extension, type]) => [type, extension] as const));

/** A `data:` picture's bytes and the extension for its file, if it is one the site shows, in base64. */
function decoded(address: string): { bytes: Uint8Array; extension: string } | undefined {
  const found = /^data:([\w+./-]+)((?:;[^,;]*)*);base64,([A-Za-z0-9+/=\s]*)$/i.exec(address.trim());
  const extension = found ? extensions.get(found[1]!.toLowerCase().replace('image/jpg', 'image/jpeg')) : undefined;
  if (!found || !extension) return undefined;
  const bytes = Uint8Array.from(Buffer.from(found[3]!.replace(/\s+/g, ''), 'base64'));
  return bytes.length > 0 ? { bytes, extension: extension === '.jpeg' ? '.jpg' : extension } : undefined;
}

/** Keeps a `data:` picture among the work's pictures; gives its address in the text, or undefined for one that is none. */
function kept(work: ImportedWork, address: string): string | undefined {
  const picture = decoded(address);
  if (!picture) return undefined;
  // The same picture written twice (a divider repeated) is one file.
  for (const [name, bytes] of work.images) if (Buffer.from(bytes).equals(picture.bytes)) return `images/${name}`;
  const name = imageName(`picture${picture.extension}`, new Set(work.images.keys()));
  work.images.set(name, picture.bytes);
  return `images/${name}`;
}

/** A Markdown picture whose address is a `data:` one, written inline (`![a dot](data:…)`, or in `<…>`): its description, its address. */
const markdownPicture = /!\[([^\]\n]{0,500})\]\((<data:[^>\n]*>|data:[^)\s]*)\)/g;

/**
 * Brings every `data:` picture of a work into `images/`; one that is no picture the site shows
 * (another type, not base64) is left out, its description kept as text. Says what it did.
 */
export function embeddedPictures(work: ImportedWork): void {
  let count = 0;
  let left = 0;
  const visit = (node: Root | Element) => {
    for (const child of [...node.children]) {
      if (child.type !== 'element') continue;
      const src = child.tagName === 'img' ? String(child.properties.src ?? '') : '';
      if (!/^\s*data:/i.test(src)) visit(child);
      else {
        const address = kept(work, src);
        if (address) {
          child.properties.src = address;
          count++;
        } else {
          leaveOut(work, child, node);
          left++;
        }
      }
    }
  };
  for (const tree of treesOf(work)) visit(tree);
  for (const chapter of work.chapters) {
    if (!chapter.markdown) continue;
    chapter.markdown.body = chapter.markdown.body.replace(markdownPicture, (_, alt: string, address: string) => {
      const found = kept(work, address.replace(/^<|>$/g, ''));
      if (found) {
        count++;
        return `![${alt}](${found})`;
      }
      left++;
      // Its description, now shown as text, counts among the file's words.
      if (alt.trim()) work.source += `\n${alt}`;
      return alt;
    });
  }
  if (count > 0)
    work.notices.push(
      `kept ${count === 1 ? 'a picture' : `${count} pictures`} written into the file itself (a data: address) as ${count === 1 ? 'a file' : 'files'} of images/`,
    );
  if (left > 0)
    work.notices.push(
      `left out ${left === 1 ? 'a data: address' : `${left} data: addresses`} shown as a picture that ${left === 1 ? 'is' : 'are'} no PNG, JPEG, GIF, WebP or SVG picture, keeping ${left === 1 ? 'its description' : 'their descriptions'}`,
    );
}
