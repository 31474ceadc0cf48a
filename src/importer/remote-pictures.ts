import { lookup } from 'node:dns/promises';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { dirname, posix, resolve, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { imageName } from './image-name.ts';
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

/** The pictures of a tree whose address `wanted` picks, each with the list it stands in, to replace it. */
function imagesOf(node: Root | Element, wanted: (src: string) => boolean, found: { image: Element; parent: Root | Element }[] = []) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img' && typeof child.properties.src === 'string' && wanted(child.properties.src))
      found.push({ image: child, parent: node });
    else imagesOf(child, wanted, found);
  }
  return found;
}

/** What a picture's bytes are: a file extension for a kind the site shows, or why not. */
async function pictureKind(bytes: Uint8Array): Promise<{ extension: string } | { problem: string }> {
  try {
    const { default: sharp } = await import('sharp');
    const { format } = await sharp(bytes).metadata();
    const extension = { jpeg: '.jpg', png: '.png', gif: '.gif', webp: '.webp', svg: '.svg' }[format as string];
    return extension ? { extension } : { problem: `not a picture the site can show (${format ?? 'unknown'})` };
  } catch {
    return { problem: 'not a picture the site can show' };
  }
}

/**
 * Where `--fetch-images` may fetch from: `public`, the internet only — never this computer or
 * its network (a hostile file's picture at `http://192.168.1.1/…` or `http://localhost:…` would
 * read what only the author's machine can reach, and publish it); `any` for tests that serve
 * their pictures locally.
 */
export type Reach = 'public' | 'any';

/**
 * Addresses of this computer, its networks, and none at all: never a file's picture's. Two lists:
 * one list checks an IPv4 address against its IPv6 rules too (as `::ffff:a.b.c.d`, which the
 * IPv6 list refuses whole).
 */
const privateNetworks = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  privateNetworks.ipv4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateNetworks.ipv6.addSubnet(network, prefix, 'ipv6');

/** Whether an address is on the public internet: every address its name resolves to is. */
export async function isPublic(url: URL): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  return (
    addresses.length > 0 &&
    addresses.every(({ address, family }) =>
      family === 6 ? !privateNetworks.ipv6.check(address, 'ipv6') : !privateNetworks.ipv4.check(address, 'ipv4'),
    )
  );
}

/** The most redirects one picture's address may take. */
const maxRedirects = 5;

/** A picture downloaded, or why not: its bytes and a file extension for what it is. Each redirect is checked as the address was. */
async function download(address: string, reach: Reach): Promise<{ bytes: Uint8Array; extension: string } | { problem: string }> {
  try {
    let url = new URL(address.startsWith('//') ? `https:${address}` : address);
    let response: Response | undefined;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (reach === 'public' && !(await isPublic(url)))
        return { problem: 'it is on this computer or its local network, where no published picture is' };
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      const next = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !next) break;
      url = new URL(next, url);
      if (!/^https?:$/.test(url.protocol)) return { problem: `it leads to a ${url.protocol} address` };
      if (hop === maxRedirects) return { problem: `more than ${maxRedirects} redirects` };
    }
    if (!response!.ok || !response!.body) return { problem: `the site answered ${response!.status}` };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response!.body) {
      size += chunk.byteLength;
      if (size > maxBytes) return { problem: `larger than ${maxBytes / 1024 / 1024} MB` };
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    const kind = await pictureKind(bytes);
    return 'extension' in kind ? { bytes, extension: kind.extension } : kind;
  } catch (error) {
    return { problem: (error as Error).name === 'TimeoutError' ? 'it took too long' : 'it could not be fetched' };
  }
}

/**
 * Brings a work's remote pictures in (`fetch`), or leaves them out with their descriptions
 * kept as text. Changes the work's trees; its Markdown chapters are left to the build's check,
 * which names each remote picture. Gives what the author should be told.
 */
export async function localisePictures(work: ImportedWork, fetchThem: boolean, file?: string, reach: Reach = 'public'): Promise<string[]> {
  // Only a saved page's pictures are files beside it: an ebook or a document holds its own, and
  // must not reach for a file that happens to sit beside it (a photo in the same Downloads folder).
  const folder = file && (savedPage(work.format) || work.format === 'Markdown') ? realFolder(file) : undefined;
  const notices = !folder
    ? []
    : work.format === 'Markdown'
      ? await markdownPicturesBeside(work, folder)
      : await picturesFound(work, (src) => pictureBeside(folder, src));
  const left: string[] = [];
  for (const tree of treesOf(work)) {
    for (const { image, parent } of imagesOf(tree, (src) => remote.test(src))) {
      const src = String(image.properties.src);
      const fetched = fetchThem ? await download(src, reach) : undefined;
      if (fetched && 'bytes' in fetched) {
        const stem = posix.basename(new URL(src, 'https://x').pathname).replace(/\.[^.]*$/, '') || 'picture';
        const name = imageName(`${stem}${fetched.extension}`, new Set(work.images.keys()));
        work.images.set(name, fetched.bytes);
        image.properties.src = `images/${name}`;
        notices.push(`fetched ${src} into images/${name}`);
        continue;
      }
      if (fetched) notices.push(`could not fetch ${src} (${fetched.problem}): kept its description instead`);
      leaveOut(work, image, parent);
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

/** A picture left out, its description kept as text: text the file holds, now shown, so it counts as the source's words. */
export function leaveOut(work: ImportedWork, image: Element, parent: Root | Element): void {
  const alt = String(image.properties.alt ?? '').trim();
  const replacement: RootContent[] = alt ? [{ type: 'text', value: alt }] : [];
  parent.children.splice(parent.children.indexOf(image), 1, ...(replacement as Element[]));
  if (alt) work.source += `\n${alt}`;
}

/** Whether a format is a page saved from a browser or an editor (`HTML`, `HTML (Google Docs)`), its pictures in files beside it. */
const savedPage = (format: string) => /^HTML(?: \([^)]*\))?$/.test(format) || format === 'FanFicFare HTML download';

/** A picture's address that is a file's (not a site's, not written into the page, not one of the work's own pictures). */
const aFile = (work: ImportedWork) => (src: string) =>
  !remote.test(src) && !/^data:/i.test(src) && !(src.startsWith('images/') && work.images.has(src.slice('images/'.length)));

/** A picture a page shows, found where the page came from (its folder, its zip), or why not. */
export type FoundPicture = { bytes: Uint8Array; extension: string; path: string } | { problem: string };

/**
 * Pictures a saved page shows from files beside it (`page_files/lamp.png`, as browsers and word
 * processors save pages, in a folder or a zip, `from` saying which): brought into images/ when `find` finds them in
 * the page's own folder (or below it); any other address — outside that folder, through a link
 * that leads out of it, missing, not a picture — is never read, and the picture is left out with
 * its description kept.
 */
export async function picturesFound(work: ImportedWork, find: (src: string) => Promise<FoundPicture>, from = ''): Promise<string[]> {
  const notices: string[] = [];
  for (const tree of treesOf(work)) {
    for (const { image, parent } of imagesOf(tree, aFile(work))) {
      const src = String(image.properties.src);
      const found = await find(src);
      if ('bytes' in found) {
        const name = keepPicture(work, found);
        image.properties.src = `images/${name}`;
        notices.push(`brought ${src}${from} into images/${name}`);
      } else {
        leaveOut(work, image, parent);
        notices.push(`left out the picture ${src} (${found.problem}), keeping its description`);
      }
    }
  }
  return notices;
}

/** The real path of the folder a file is in; none when it cannot be read. */
function realFolder(file: string): string | undefined {
  try {
    return realpathSync(dirname(file));
  } catch {
    return undefined;
  }
}

/** A picture found beside the file, kept among the work's pictures under a name of its own; gives that name. */
function keepPicture(work: ImportedWork, found: { bytes: Uint8Array; extension: string; path: string }): string {
  const name = imageName(
    `${posix.basename(found.path).replace(/\.[^.]*$/, '') || 'picture'}${found.extension}`,
    new Set(work.images.keys()),
  );
  work.images.set(name, found.bytes);
  return name;
}

/** An absolute path, or an address of another kind (`file:`, `C:\\`): never read. */
export const elsewhere = (src: string) => /^(?:[a-z][a-z\d+.-]*:|\/|\\)/i.test(src);

async function pictureBeside(folder: string, src: string): Promise<FoundPicture> {
  if (elsewhere(src)) return { problem: 'outside the page’s folder' };
  let path: string;
  try {
    path = realpathSync(resolve(folder, decodeURIComponent(src.split(/[?#]/)[0]!)));
  } catch {
    return { problem: 'no such file beside the page' };
  }
  if (!path.startsWith(folder + sep)) return { problem: 'outside the page’s folder' };
  const stat = statSync(path);
  if (!stat.isFile()) return { problem: 'not a file' };
  if (stat.size > maxBytes) return { problem: `larger than ${maxBytes / 1024 / 1024} MB` };
  return pictureIn(readFileSync(path), path);
}

/** A file's bytes as a picture the site can show, or why not. */
export async function pictureIn(bytes: Uint8Array, path: string): Promise<FoundPicture> {
  if (bytes.byteLength > maxBytes) return { problem: `larger than ${maxBytes / 1024 / 1024} MB` };
  const kind = await pictureKind(bytes);
  return 'extension' in kind ? { bytes, extension: kind.extension, path } : kind;
}

/** A picture in Markdown (`![alt](lamp.png)`, `![alt](<my lamp.png> "title")`): its address. */
const markdownImage = /!\[[^\]\n]{0,500}\]\(\s{0,20}(<[^>\n]{1,500}>|[^)\s]{1,500})(?:\s{1,20}"[^"\n]{0,500}")?\s{0,20}\)/g;

/**
 * Pictures a Markdown file shows from files beside it (as Markdown editors keep them), brought
 * into images/ and the address written anew; any other (outside the file's folder, missing, no
 * picture) is left as written, for the build's check to name.
 */
async function markdownPicturesBeside(work: ImportedWork, folder: string): Promise<string[]> {
  const notices: string[] = [];
  const brought = new Map<string, string>();
  for (const chapter of work.chapters) {
    const markdown = chapter.markdown;
    if (!markdown) continue;
    for (const match of markdown.body.matchAll(markdownImage)) {
      const src = match[1]!.replace(/^<|>$/g, '');
      // A Markdown chapter's `images/` addresses are the content folder's, whatever the work holds.
      if (brought.has(src) || !aFile(work)(src) || /^images\//i.test(src)) continue;
      const found = await pictureBeside(folder, src);
      if (!('bytes' in found)) continue;
      const name = keepPicture(work, found);
      brought.set(src, name);
      notices.push(`brought ${src} into images/${name}`);
    }
    markdown.body = markdown.body.replace(markdownImage, (image, address: string) => {
      const name = brought.get(address.replace(/^<|>$/g, ''));
      return name ? image.replace(address, `images/${name}`) : image;
    });
  }
  return notices;
}
