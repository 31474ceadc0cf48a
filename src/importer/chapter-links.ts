import type { Element, ElementContent, Root, RootContent } from 'hast';
import { textOf, treeOf, visibleText } from './html.ts';

/**
 * The links between chapters that serials published on blogs carry at the top and bottom of
 * each chapter ("Previous Chapter | Table of Contents | Next Chapter"): no words of the story,
 * and the site sets its own. Read the same from a WordPress export and from a saved page.
 */

/**
 * What serials on WordPress call the links between their chapters, which each post carries at
 * its top or bottom ("Previous Chapter | Next Chapter"): the site sets its own.
 */
const chapterLinkLabel =
  /^(?:[<«‹←]+\s*)?(?:previous|prev\.?|last|next|first|latest)(?:\s+(?:chapter|part|episode|page))?(?:\s*[>»›→]+)?$|^(?:table of contents|contents|index|home|toc)$/i;

/** A paragraph that is only links between chapters, and the separators between them (`|`, `•`, `-`). */
function chapterLinks(node: RootContent): boolean {
  if (node.type !== 'element' || !['p', 'div', 'center'].includes(node.tagName)) return false;
  const links: Element[] = [];
  const others: string[] = [];
  const walk = (child: ElementContent) => {
    if (child.type === 'element' && child.tagName === 'a') links.push(child);
    else if (child.type === 'element') child.children.forEach(walk);
    else if (child.type === 'text') others.push(child.value);
  };
  node.children.forEach(walk);
  return links.length > 0 && /^[\s|•·/\-–—]*$/.test(others.join('')) && links.every((link) => chapterLinkLabel.test(textOf(link)));
}

/** A post's text without the links between chapters at its top and bottom; their words, which are no story's, set aside. */
export function withoutChapterLinks(body: Root, setAside: string[]): { body: Root; removed: boolean } {
  const children = [...body.children];
  const isBlank = (node: RootContent | undefined) => node?.type === 'text' && node.value.trim() === '';
  const trim = (take: () => RootContent | undefined, peek: () => RootContent | undefined): boolean => {
    let removed = false;
    for (;;) {
      while (isBlank(peek())) take();
      const next = peek();
      if (!next || !chapterLinks(next)) return removed;
      setAside.push(visibleText(take()!));
      removed = true;
    }
  };
  const top = trim(
    () => children.shift(),
    () => children[0],
  );
  const bottom = trim(
    () => children.pop(),
    () => children.at(-1),
  );
  return { body: treeOf(children), removed: top || bottom };
}
