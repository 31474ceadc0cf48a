import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';

/**
 * Players and pages embedded from other sites, as AO3 and blogs let authors embed them
 * (`<iframe>` of a YouTube video or a Spotify song, `<video>`, `<audio>`, `<embed>`): the site
 * shows nothing of another site inside a chapter (its script would run there and learn who
 * reads), so each becomes a link to what it plays, in a paragraph of its own where it stood —
 * in the chapters the site builds and in what `npm run import` writes.
 */

/** Elements that play or show something from an address of their own, by what the author is told they were. */
const players: Readonly<Record<string, string>> = { iframe: 'a page', embed: 'an embedded object', video: 'a video', audio: 'a recording' };

/** A player's address on the web, from its own attribute or its first `<source>`. */
function addressOf(node: Element): URL | undefined {
  const source = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'source');
  const given = String(node.properties.src ?? source?.properties.src ?? '').trim();
  // Older embed codes leave the scheme out (`//www.youtube.com/embed/…`): the site is served over https.
  const written = given.startsWith('//') ? `https:${given}` : given;
  if (!URL.canParse(written)) return undefined;
  const url = new URL(written);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}

/**
 * The page a reader opens for what an embedded player plays: a YouTube, Vimeo or Spotify
 * player's own page (`youtube.com/embed/ID` → `youtube.com/watch?v=ID`), SoundCloud's track;
 * any other player's address as it is.
 */
export function pageOf(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  const path = url.pathname.split('/').filter(Boolean);
  if (/^youtube(?:-nocookie)?\.com$/.test(host) && path[0] === 'embed' && path[1])
    return `https://www.youtube.com/watch?v=${encodeURIComponent(path[1])}`;
  if (host === 'player.vimeo.com' && path[0] === 'video' && path[1]) return `https://vimeo.com/${encodeURIComponent(path[1])}`;
  if (host === 'open.spotify.com' && path[0] === 'embed' && path.length > 1) return `https://open.spotify.com/${path.slice(1).join('/')}`;
  const track = host === 'w.soundcloud.com' ? url.searchParams.get('url') : null;
  if (track && /^https:\/\/(?:api\.)?soundcloud\.com\//.test(track)) return track;
  return url.href;
}

/** A player, as the link that takes its place. */
export interface PlayerLink {
  /** The link, for a player inside a line of text. */
  link: Element;
  /** A paragraph holding the link, for a player that stood as a block of its own. */
  paragraph: Element;
  /** The link's words when they are not the page's own text (an iframe's title, the site's name): words the source did not show. */
  added: string | undefined;
  /** What it was, for the author: "a page from www.youtube.com". */
  what: string;
}

/** An embedded player from another site as a link to what it plays; undefined for anything else. */
export function playerLink(node: Element): PlayerLink | undefined {
  const kind = Object.hasOwn(players, node.tagName) ? players[node.tagName] : undefined;
  const url = kind ? addressOf(node) : undefined;
  if (!kind || !url) return undefined;
  // The player's own words for what it plays: a video's fallback text, an iframe's title, else the site it is on.
  const fallback = node.tagName === 'iframe' ? '' : toString(node).trim();
  const text = fallback || String(node.properties.title ?? '').trim() || url.hostname.replace(/^www\./, '');
  const link: Element = { type: 'element', tagName: 'a', properties: { href: pageOf(url) }, children: [{ type: 'text', value: text }] };
  return {
    link,
    paragraph: { type: 'element', tagName: 'p', properties: {}, children: [link] },
    added: fallback ? undefined : text,
    what: `${kind} from ${url.hostname}`,
  };
}

/** Elements that hold blocks (paragraphs); in any other a player stands in a line of text. */
const holdsBlocks = new Set(['div', 'blockquote', 'li', 'dd', 'td', 'th', 'figure', 'details', 'section', 'article', 'aside', 'body']);

/** Replaces every embedded player under `parent` by its link (in a paragraph of its own where it stood as a block), calling `found` for each. */
export function playersAsLinks(parent: Root | Element, found: (player: PlayerLink, node: Element) => void): void {
  const block = parent.type === 'root' || holdsBlocks.has(parent.tagName);
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    const player = playerLink(child);
    if (!player) {
      playersAsLinks(child, found);
      return child;
    }
    found(player, child);
    return block ? player.paragraph : player.link;
  }) as typeof parent.children;
}

/** In a chapter: each player a link, told once per text at its first line, with how many more. */
export function rehypePlayersAsLinks() {
  return (tree: Root, file: VFile) => {
    const found: { what: string; node: Element }[] = [];
    playersAsLinks(tree, (player, node) => found.push({ what: player.what, node }));
    if (found.length > 0)
      file.info(problems.PlayerAsLink.message([...new Set(found.map(({ what }) => what))], found.length - 1), found[0]!.node);
  };
}
