import type { Element, Root } from 'hast';
import { textDirection } from '../shared/i18n/languages.ts';

/**
 * Gives each passage the author marked as another language (`<span lang="he">`, `<div lang="en">`)
 * the direction that language is written in, where it differs from the text around it: a Hebrew
 * prayer in an English chapter reads right to left with its full stop at its end, an English
 * name in an Arabic one left to right, each set apart from the sentence around it (an element
 * with `dir` is isolated). A `dir` the author gave stays. `language` is the story's.
 */
export function rehypePassageDirection(options: { language: string }) {
  const visit = (node: Root | Element, around: 'ltr' | 'rtl') => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const { lang, dir } = child.properties;
      let inside = around;
      if (dir === 'ltr' || dir === 'rtl') inside = dir;
      else if (typeof lang === 'string' && lang !== '') {
        inside = textDirection(lang);
        if (inside !== around) child.properties.dir = inside;
      }
      visit(child, inside);
    }
  };
  return (tree: Root) => visit(tree, textDirection(options.language));
}
