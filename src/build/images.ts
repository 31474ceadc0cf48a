import { getImage } from 'astro:assets';
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

const optimised = new Map<string, Promise<string>>();

/**
 * Rendered HTML with its pictures optimised: each `<img data-image="images/lake.jpg">` from the
 * pipeline gets Astro's resized files (`srcset`), its width and height (no layout shift), and
 * keeps its text alternative and lazy loading.
 */
export async function webImages(html: string): Promise<string> {
  const tags = [...new Set(html.match(/<img\b[^>]*\sdata-image="[^"]*"[^>]*>/g) ?? [])];
  if (tags.length === 0) return html;
  const replaced = new Map(await Promise.all(tags.map(async (tag) => [tag, await optimise(tag)] as const)));
  return html.replace(/<img\b[^>]*\sdata-image="[^"]*"[^>]*>/g, (tag) => replaced.get(tag) ?? tag);
}

function optimise(tag: string): Promise<string> {
  let result = optimised.get(tag);
  if (!result) {
    result = (async () => {
      const attributes = Object.fromEntries([...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, value ?? '']));
      const source = contentImage(decodeEntities(attributes['data-image']!));
      const widths = textWidths.filter((width) => width < source.width).concat(Math.min(source.width, textWidths.at(-1)!));
      const image = await getImage({ src: source, widths: [...new Set(widths)], sizes: textSizes });
      // data-image stays: the EPUB finds the picture's file by it.
      const kept = Object.entries(attributes).filter(([name]) => !['src', 'srcset', 'sizes', 'width', 'height'].includes(name));
      const all: [string, string][] = [
        ...kept,
        ['src', image.src],
        ...(image.srcSet.attribute ? ([['srcset', image.srcSet.attribute]] as [string, string][]) : []),
        ['sizes', textSizes],
        ['width', String(image.attributes.width ?? source.width)],
        ['height', String(image.attributes.height ?? source.height)],
      ];
      return `<img ${all.map(([name, value]) => `${name}="${value.replace(/"/g, '&quot;')}"`).join(' ')}>`;
    })();
    optimised.set(tag, result);
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

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
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
