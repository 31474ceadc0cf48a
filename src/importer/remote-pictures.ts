import { posix } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { imageName } from './files.ts';
import { treesOf, type ImportedWork } from './model.ts';

/**
 * Pictures a work shows from other sites (`<img src="https://…">`). The site does not load
 * them (each reader's browser would tell that site who reads), so an import brings them in:
 * downloaded into `images/` with `--fetch-images`, or else left out with their description
 * kept as text. Either way the author is told which.
 */

/** The largest picture downloaded. */
const maxBytes = 20 * 1024 * 1024;
/** How long one download may take. */
const timeoutMs = 20_000;

const remote = /^(?:https?:)?\/\//i;

/** The remote pictures of a tree, each with the list it stands in, to replace it. */
function remoteImages(node: Root | Element, found: { image: Element; parent: Root | Element }[] = []) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img' && typeof child.properties.src === 'string' && remote.test(child.properties.src))
      found.push({ image: child, parent: node });
    else remoteImages(child, found);
  }
  return found;
}

/** A picture downloaded, or why not: its bytes and a file extension for what it is. */
async function download(url: string): Promise<{ bytes: Uint8Array; extension: string } | { problem: string }> {
  try {
    const response = await fetch(url.startsWith('//') ? `https:${url}` : url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
    if (!response.ok || !response.body) return { problem: `the site answered ${response.status}` };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) return { problem: `larger than ${maxBytes / 1024 / 1024} MB` };
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    const { default: sharp } = await import('sharp');
    const { format } = await sharp(bytes).metadata();
    const extension = { jpeg: '.jpg', png: '.png', gif: '.gif', webp: '.webp', svg: '.svg' }[format as string];
    return extension ? { bytes, extension } : { problem: `not a picture the site can show (${format ?? 'unknown'})` };
  } catch (error) {
    return { problem: (error as Error).name === 'TimeoutError' ? 'it took too long' : 'it could not be fetched' };
  }
}

/**
 * Brings a work's remote pictures in (`fetch`), or leaves them out with their descriptions
 * kept as text. Changes the work's trees; its Markdown chapters are left to the build's check,
 * which names each remote picture. Gives what the author should be told.
 */
export async function localisePictures(work: ImportedWork, fetchThem: boolean): Promise<string[]> {
  const notices: string[] = [];
  const left: string[] = [];
  for (const tree of treesOf(work)) {
    for (const { image, parent } of remoteImages(tree)) {
      const src = String(image.properties.src);
      const fetched = fetchThem ? await download(src) : undefined;
      if (fetched && 'bytes' in fetched) {
        const stem = posix.basename(new URL(src, 'https://x').pathname).replace(/\.[^.]*$/, '') || 'picture';
        const name = imageName(`${stem}${fetched.extension}`, new Set(work.images.keys()));
        work.images.set(name, fetched.bytes);
        image.properties.src = `images/${name}`;
        notices.push(`fetched ${src} into images/${name}`);
        continue;
      }
      if (fetched) notices.push(`could not fetch ${src} (${fetched.problem}): kept its description instead`);
      const alt = String(image.properties.alt ?? '').trim();
      // The description is text the file holds, now shown: it counts as the source's words.
      const replacement: RootContent[] = alt ? [{ type: 'text', value: alt }] : [];
      parent.children.splice(parent.children.indexOf(image), 1, ...(replacement as Element[]));
      if (alt) work.source += `\n${alt}`;
      left.push(src);
    }
  }
  if (left.length > 0 && !fetchThem) {
    notices.push(
      `left out ${left.length === 1 ? 'a picture' : `${left.length} pictures`} from other sites (${left.slice(0, 2).join(', ')}${left.length > 2 ? '…' : ''}), keeping ${left.length === 1 ? 'its description' : 'their descriptions'}; import with --fetch-images to bring them into images/`,
    );
  }
  return notices;
}
