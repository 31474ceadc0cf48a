import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { isLanguageTag, languageTag } from '../core/language-names.ts';
import { textDirection } from '../shared/i18n/languages.ts';

/**
 * Passages the author marked as another language (`<span lang="he">`, `<div lang="en">`): each
 * gets the direction that language is written in, where it differs from the text around it (a
 * Hebrew prayer in an English chapter reads right to left with its full stop at its end, an
 * English name in an Arabic one left to right, each set apart from the sentence around it: an
 * element with `dir` is isolated); a `dir` the author gave stays. A `lang` that is no language
 * tag (`lang="French"`, `lang="klingon!"`) is left out and told of, with the tag where its name gives one. `language` is the story's.
 */
export function rehypePassageLanguages(options: { language: string }) {
  return (tree: Root, file: VFile) => {
    const visit = (node: Root | Element, around: 'ltr' | 'rtl') => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const { dir } = child.properties;
        let { lang } = child.properties;
        if (typeof lang === 'string' && lang !== '' && !isLanguageTag(lang)) {
          // No page nor book may carry it (epubcheck refuses the book): the author is told what to write.
          file.info(problems.UnknownPassageLanguage.message(lang, languageTag(lang)), child);
          delete child.properties.lang;
          lang = undefined;
        }
        let inside = around;
        if (dir === 'ltr' || dir === 'rtl') inside = dir;
        else if (typeof lang === 'string' && lang !== '') {
          inside = textDirection(lang);
          if (inside !== around) child.properties.dir = inside;
        }
        visit(child, inside);
      }
    };
    visit(tree, textDirection(options.language));
  };
}
