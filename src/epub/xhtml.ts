import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import type { Nodes as XastNodes } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { chapterLink } from '../shared/paths.ts';
import { classesOf } from '../markdown/class-list.ts';

/** The class of a paragraph that opens with its own indent (an ideographic space, 字下げ), to which the book adds none. */
export const ownIndent = 'own-indent';

/** Whether a paragraph's text opens with an ideographic space. */
function opensIndented(node: Element): boolean {
  let first: ElementContent | undefined = node.children[0];
  while (first?.type === 'element') first = first.children[0];
  return first?.type === 'text' && first.value.startsWith('\u3000');
}

/** Where the book finds what a chapter's HTML points at. */
export interface BookTargets {
  /** A picture of the story (`data-image`) → the book's own copy of it, if it carries one. */
  image?: (path: string) => string | undefined;
  /** The chapters in the book, the site's base path, and the folder links are written from (`chapters/` from the title page). */
  links?: { slugs: ReadonlySet<string>; base: string; folder: string };
}

/**
 * Turns an HTML fragment (a rendered chapter or note) into well-formed XHTML for the EPUB,
 * on the tree: a picture of the story points at the book's own copy, any other picture
 * becomes its text alternative (the book carries no remote files); a link to another
 * chapter points at that chapter's file (`chapter-1.xhtml#p-2`), one to a chapter not in the
 * book becomes plain text; a paragraph indented by its own ideographic space is marked
 * (`ownIndent`), so the book's indent is not added to it; a passage in another language carries
 * `xml:lang` beside its `lang`. Text that shows markup reads as written.
 */
export function toXhtml(html: string, targets: BookTargets = {}): string {
  const tree = fromHtml(html, { fragment: true });
  const xast = toXast(forBook(tree, targets)) as XastNodes;
  // hast-util-to-xast puts the XHTML namespace on every top-level element; the document declares it once.
  if ('children' in xast) for (const child of xast.children) if (child.type === 'element') delete child.attributes.xmlns;
  // "]]>" may not appear in XML text, so its ">" is escaped (harmless in attribute values too).
  return toXml(xast as Parameters<typeof toXml>[0], { closeEmptyElements: true }).replaceAll(']]>', ']]&gt;');
}

function forBook<T extends Root | Element>(node: T, targets: BookTargets): T {
  const children = node.children.flatMap((child: RootContent | ElementContent): (RootContent | ElementContent)[] => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'img') return [bookImage(child, targets)];
    // A passage in another language says so as XHTML does too, as the book's root does.
    if (typeof child.properties.lang === 'string')
      child = { ...child, properties: { ...child.properties, xmlLang: child.properties.lang } };
    if (child.tagName === 'p' && opensIndented(child))
      child = { ...child, properties: { ...child.properties, className: [...classesOf(child), ownIndent] } };
    if (child.tagName === 'a' && typeof child.properties.href === 'string' && targets.links) {
      const { slugs, base, folder } = targets.links;
      const target = chapterLink(child.properties.href, base);
      if (target && !slugs.has(target.slug)) return forBook(child, targets).children;
      if (target)
        child = {
          ...child,
          properties: { ...child.properties, href: `${folder}${target.slug}.xhtml${target.fragment ? `#${target.fragment}` : ''}` },
        };
    }
    return [forBook(child, targets)];
  });
  return { ...node, children } as T;
}

function bookImage(node: Element, targets: BookTargets): Element {
  const alt = String(node.properties.alt ?? '');
  const path = node.properties.dataImage;
  const href = typeof path === 'string' ? targets.image?.(path) : undefined;
  if (href) {
    const { width, height } = node.properties;
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
