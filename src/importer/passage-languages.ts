import type { Element, ElementContent, Root } from 'hast';
import { languageTag } from '../core/language-names.ts';
import { scriptOf, textDirection } from '../shared/i18n/languages.ts';
import { pageBlocks } from './html.ts';

/** A tag as the site writes it (`en-GB`), from `lang` or XHTML's `xml:lang` as sources write them (`EN_gb`); none for an empty or unknown (`und`) one. */
const passageTag = (value: unknown): string | undefined => (typeof value === 'string' ? languageTag(value) : undefined);

/** Whether two tags name the same language in the same script (`en-GB` and `en-US` do; `sr-Latn` and `sr-Cyrl` do not). */
function sameLanguage(a: string, b: string): boolean {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return primary(a) === primary(b) && scriptOf(a) === scriptOf(b);
}

type Direction = 'ltr' | 'rtl';

/** Elements that must stay where they are in their list, table, figure or fold. */
const ownPlace = new Set(['li', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'summary']);
/** A table's rows and groups of rows, which hold only cells. */
const tableRows = new Set(['tr', 'thead', 'tbody', 'tfoot']);

/**
 * The tree with each passage in another language than the text around it marked so: a
 * `<span lang>` around an inline one (`<i xml:lang="fr">bonjour</i>`, as publishers' EPUBs
 * and pandoc mark a foreign phrase), a `<div lang>` around a block (a paragraph, a quoted
 * prayer), which the Markdown keeps as raw HTML; so too a passage set to run the other way than
 * its language does (`<p dir="rtl">` in an English story, as AO3 and web pages set Arabic or
 * Hebrew lines without naming their language). Every other `lang`, `xml:lang` and `dir` (the
 * story's own language said again, a region's spelling of it, the direction the text runs anyway) gone. `language` is the story's; where it
 * is not known, the outermost passage's language is taken for it. A copy; the tree is left as it was.
 */
export function withPassageLanguages(tree: Root, language: string | undefined): Root {
  const mark = (node: ElementContent, around: string | undefined, aroundDir: Direction): ElementContent => {
    if (node.type !== 'element') return node;
    const { lang, xmlLang, dir, ...properties } = node.properties;
    const declared = passageTag(lang) ?? passageTag(xmlLang);
    const own = declared !== undefined && around !== undefined && !sameLanguage(declared, around) ? declared : undefined;
    // The direction its language runs in, or one the source set against it (`<p dir="rtl">` in an English story).
    const natural = own ? textDirection(own) : around === undefined && declared ? textDirection(declared) : aroundDir;
    const ownDir = (dir === 'ltr' || dir === 'rtl') && dir !== natural ? dir : undefined;
    const marks = { ...(own ? { lang: own } : {}), ...(ownDir ? { dir: ownDir } : {}) };
    if ((own !== undefined || ownDir !== undefined) && tableRows.has(node.tagName)) {
      // A row (or a table's body) in another language or direction: each of its cells is.
      const cells = node.children.map((child) =>
        child.type === 'element' &&
        passageTag(child.properties.lang ?? child.properties.xmlLang) === undefined &&
        child.properties.dir === undefined
          ? { ...child, properties: { ...child.properties, ...marks } }
          : child,
      );
      return { ...node, properties, children: cells.map((child) => mark(child, around, aroundDir)) };
    }
    const inside = own ?? around ?? declared;
    const element: Element = { ...node, properties, children: node.children.map((child) => mark(child, inside, ownDir ?? natural)) };
    if (own === undefined && ownDir === undefined) return element;
    const holdsBlocks = element.children.some((child) => child.type === 'element' && pageBlocks.has(child.tagName));
    const wrapper = (block: boolean, children: ElementContent[]): Element => ({
      type: 'element',
      tagName: block ? 'div' : 'span',
      properties: marks,
      children,
    });
    // An item, a term or a cell keeps its place in its list or table: what it holds is wrapped
    // (a cell's as a line: a table's cell in Markdown holds no blocks).
    if (ownPlace.has(node.tagName)) {
      const cell = node.tagName === 'td' || node.tagName === 'th';
      return cell && holdsBlocks ? element : { ...element, children: [wrapper(holdsBlocks, element.children)] };
    }
    return wrapper(pageBlocks.has(node.tagName), [element]);
  };
  const direction = textDirection(language ?? 'en');
  return {
    ...tree,
    children: tree.children.map((child) => (child.type === 'doctype' ? child : mark(child, language, direction))) as Root['children'],
  };
}
