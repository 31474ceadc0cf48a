import { getImage } from 'astro:assets';
import type { Element, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { images } from 'virtual:quire/images';
import type { Story } from '../core/story.ts';

/** The widths an image in the text is offered at; the browser picks by screen and density. */
const textWidths = [480, 960, 1600];
/** The text column at its widest (the reader's "wide" setting), for `sizes`. */
const textSizes = '(max-width: 46rem) 100vw, 44em';

/** A picture of the content folder (`images/lake.jpg`), as Astro's image pipeline knows it. */
export function contentImage(path: string): ImageMetadata {
  const image = images[path];
  if (!image) throw new Error(`The picture ${path} is not in the content folder (it was checked when the story was read)`);
  return image;
}

const optimised = new Map<string, Promise<Properties>>();

/**
 * Rendered HTML with its pictures optimised: each `<img data-image="images/lake.jpg">` the
 * pipeline marked gets Astro's resized files (`srcset`), its width and height (no layout
 * shift), and keeps its text alternative and lazy loading. Done on the tree, so text that
 * shows such a tag reads as written.
 */
export async function webImages(html: string): Promise<string> {
  // Most texts show no picture: no need to parse them.
  if (!html.includes('data-image')) return html;
  const tree = fromHtml(html, { fragment: true });
  const pictures: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'img' && typeof node.properties.dataImage === 'string') pictures.push(node);
  });
  if (pictures.length === 0) return html;
  await Promise.all(pictures.map(async (node) => Object.assign(node.properties, await optimise(String(node.properties.dataImage)))));
  return toHtml(tree);
}

/** A picture's resized files and size; the same picture is optimised once a build. Its data-image stays: the EPUB finds the file by it. */
function optimise(path: string): Promise<Properties> {
  let result = optimised.get(path);
  if (!result) {
    result = (async () => {
      const source = contentImage(path);
      const widths = textWidths.filter((width) => width < source.width).concat(Math.min(source.width, textWidths.at(-1)!));
      const image = await getImage({ src: source, widths: [...new Set(widths)], sizes: textSizes });
      return {
        src: image.src,
        ...(image.srcSet.attribute ? { srcSet: image.srcSet.attribute } : {}),
        sizes: textSizes,
        width: String(image.attributes.width ?? source.width),
        height: String(image.attributes.height ?? source.height),
      };
    })();
    optimised.set(path, result);
  }
  return result;
}

/** A cover or share image: the picture resized to `width` (never larger than it is). */
export async function resizedImage(path: string, width: number, format?: 'jpeg' | 'webp') {
  const source = contentImage(path);
  const image = await getImage({ src: source, width: Math.min(width, source.width), ...(format ? { format } : {}) });
  return {
    src: image.src,
    width: Number(image.attributes.width ?? source.width),
    height: Number(image.attributes.height ?? source.height),
  };
}

/**
 * The story's cover as link previews use it (a JPEG up to 1200 px wide, at an absolute
 * address); none without a cover, or without the site's address (`SITE_URL`) to make it absolute.
 */
export async function coverForSharing(story: Story, site: URL | undefined) {
  const { cover, coverAlt, title } = story.meta;
  if (!cover || !site) return undefined;
  const image = await resizedImage(cover, 1200, 'jpeg');
  return { url: new URL(image.src, site).href, width: image.width, height: image.height, alt: coverAlt ?? title };
}
