import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';

/**
 * Turns an HTML fragment (a rendered chapter or note) into well-formed XHTML for the EPUB.
 * Images become their alternative text: the book carries no remote or site files.
 */
export function toXhtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const xml = toXml(toXast(withoutImages(tree)) as Parameters<typeof toXml>[0], { closeEmptyElements: true });
  // hast-util-to-xast puts the XHTML namespace on every top-level element; the document declares it once.
  // "]]>" may not appear in XML text, so its ">" is escaped (harmless in attribute values too).
  return xml.replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '').replaceAll(']]>', ']]&gt;');
}

function withoutImages<T extends Root | Element>(node: T): T {
  const children = node.children.map((child: RootContent | ElementContent): RootContent | ElementContent => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') {
      const alt = String(child.properties.alt ?? '');
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: ['image-alt'] },
        children: alt ? [{ type: 'text', value: `[${alt}]` }] : [],
      };
    }
    return withoutImages(child);
  });
  return { ...node, children } as T;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
