import type { ElementContent, Root as HastRoot } from 'hast';
import { h, s } from 'hastscript';
import type { Nodes as XastNodes } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { parseHtml } from './html.ts';
import { withXmlEntities } from './xml.ts';

/**
 * An EPUB's chapters are XHTML, and read as the XML they are: an HTML parser takes
 * `<script src="x"/>` or `<title/>` for an element left open and swallows the rest of the
 * chapter into it. A document that is not well-formed XML (some tools write HTML with an
 * .xhtml name) is read as HTML, its self-closed elements closed first; the caller is told, so
 * its word check reads that document's words another way (`textOfMarkup`).
 */
export function parseXhtml(text: string): { tree: HastRoot; xml: boolean } {
  try {
    return { tree: { type: 'root', children: toHast(fromXml(withXmlEntities(text)), false) as HastRoot['children'] }, xml: true };
  } catch {
    return { tree: parseHtml(closedSelfClosing(text)), xml: false };
  }
}

/** An XML tree as HTML's (hast): SVG inside keeps its own attribute names; comments and declarations go. */
function toHast(node: XastNodes, svg: boolean): ElementContent[] {
  switch (node.type) {
    case 'root':
      return node.children.flatMap((child) => toHast(child, svg));
    case 'element': {
      const name = node.name.slice(node.name.indexOf(':') + 1);
      const inSvg = svg || name === 'svg';
      const attributes = Object.fromEntries(
        Object.entries(node.attributes).filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:')),
      );
      const children = node.children.flatMap((child) => toHast(child, inSvg));
      return [inSvg ? s(name, attributes, children) : h(name, attributes, children)];
    }
    case 'text':
    case 'cdata':
      return [{ type: 'text', value: node.value }];
    default:
      return [];
  }
}

/** Elements HTML reads as raw text to their end tag: written self-closed, they would swallow what follows. */
const rawText = /<(script|style|title|textarea|iframe|noscript|xmp|noembed|noframes|template)\b([^<>]*?)\/>/gi;

/** Markup with `<script/>`-style self-closed raw-text elements written open and closed, as XML meant them. */
function closedSelfClosing(text: string): string {
  return text.replace(rawText, '<$1$2></$1>');
}

/** Elements whose content no reader sees. */
const unseen = new Set(['head', 'script', 'style', 'template', 'title']);

/**
 * The words a reader of a markup document sees, read from its text without an HTML parser:
 * comments, the head, and scripts and styles with an end tag are left out, tags removed,
 * character references decoded. The word check of a document the HTML parser had to read
 * compares against this, so a parser that swallowed text cannot also vouch for it. One pass:
 * the time it takes grows with the text, whatever tags it holds.
 */
export function textOfMarkup(markup: string): string {
  const lower = markup.toLowerCase();
  const body = lower.indexOf('<body');
  let at = body < 0 ? 0 : body;
  let text = '';
  while (at < markup.length) {
    const open = markup.indexOf('<', at);
    if (open < 0) {
      text += markup.slice(at);
      break;
    }
    text += markup.slice(at, open);
    if (markup.startsWith('<!--', open)) {
      const end = markup.indexOf('-->', open + 4);
      at = end < 0 ? markup.length : end + 3;
    } else {
      const close = markup.indexOf('>', open);
      if (close < 0) break;
      const tag = markup.slice(open, close + 1);
      const name = /^<([a-z][\w:-]*)/i.exec(tag)?.[1]?.toLowerCase();
      at = close + 1;
      if (name && unseen.has(name) && !tag.endsWith('/>')) {
        const end = lower.indexOf(`</${name}`, at);
        at = end < 0 ? markup.length : lower.indexOf('>', end) + 1 || markup.length;
      }
    }
    text += ' ';
  }
  return withXmlEntities(text).replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi,
    (reference, decimal?: string, hex?: string, name?: string) => {
      if (name) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!;
      const code = Number.parseInt(decimal ?? hex!, decimal ? 10 : 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    },
  );
}
