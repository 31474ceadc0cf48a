import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';

/**
 * Turns an HTML fragment (a rendered chapter or note) into well-formed XHTML for the EPUB.
 * A picture of the story (`data-image`) points at the book's own copy, found by `image`;
 * any other picture becomes its text alternative, as the book carries no remote files.
 */
export function toXhtml(html: string, image: (path: string) => string | undefined = () => undefined): string {
  const tree = fromHtml(html, { fragment: true });
  const xml = toXml(toXast(withBookImages(tree, image)) as Parameters<typeof toXml>[0], { closeEmptyElements: true });
  // hast-util-to-xast puts the XHTML namespace on every top-level element; the document declares it once.
  // "]]>" may not appear in XML text, so its ">" is escaped (harmless in attribute values too).
  return xml.replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '').replaceAll(']]>', ']]&gt;');
}

function withBookImages<T extends Root | Element>(node: T, image: (path: string) => string | undefined): T {
  const children = node.children.map((child: RootContent | ElementContent): RootContent | ElementContent => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') {
      const alt = String(child.properties.alt ?? '');
      const path = child.properties.dataImage;
      const href = typeof path === 'string' ? image(path) : undefined;
      if (href) {
        const { width, height } = child.properties;
        return {
          type: 'element',
          tagName: 'img',
          properties: { src: href, alt, ...(width ? { width } : {}), ...(height ? { height } : {}) },
          children: [],
        };
      }
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: ['image-alt'] },
        children: alt ? [{ type: 'text', value: `[${alt}]` }] : [],
      };
    }
    return withBookImages(child, image);
  });
  return { ...node, children } as T;
}
