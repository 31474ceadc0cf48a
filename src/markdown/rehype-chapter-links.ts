import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { visit } from 'unist-util-visit';
import { linkedChapter } from '../core/links.ts';
import { chapterPath, joinBase } from '../shared/paths.ts';

export interface ChapterLinkOptions {
  /** The site's base path. */
  base: string;
  /** Every chapter file's id and slug, each mapped to the chapter's slug. */
  chapters: ReadonlyMap<string, string>;
}

/**
 * Rewrites links between chapters (`[see](chapter-3.md)`, `(../chapter-3/)`, raw `<a href>`,
 * reference links) to the chapter's URL under the base path, following the chapter's
 * `slug`; a link to a chapter that does not exist is reported.
 */
export function rehypeChapterLinks(options: ChapterLinkOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string') return;
      const target = linkedChapter(href);
      if (target === undefined) return;
      const slug = options.chapters.get(target);
      if (slug === undefined) {
        file.message(problems.LinkToNoChapter.message(href), node);
        return;
      }
      const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
      node.properties.href = `${joinBase(options.base, chapterPath(slug))}${hash}`;
    });
  };
}
