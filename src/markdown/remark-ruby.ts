import type { Element, ElementContent } from 'hast';
import type { PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Ruby as Japanese web novels write it (Kakuyomu's and Shōsetsuka ni narō's notation, which
 * authors paste from there): `｜漢字《かんじ》` sets the reading かんじ over 漢字, the bar marking
 * where the base starts; a run of kanji needs no bar (`漢字《かんじ》`); `｜《` is a 《 as
 * written. Only a reading of one line and at most 50 characters, over a base of at most 50.
 * Kakuyomu's emphasis dots, `《《大切》》`, are emphasis, which the site sets as dots in Japanese.
 */
const notation =
  /《《([^《》\n]{1,100})》》|[|｜]《|[|｜]([^|｜《》\n]{1,50}?)《([^《》\n]{1,50})》|([\p{sc=Han}々〆ヶ]{1,50})《([^《》\n]{1,50})》/gu;

/**
 * A reading over its base, with the brackets a browser without ruby shows around it:
 * `<ruby>東京駅<rp>(</rp><rt>とうきょうえき</rt><rp>)</rp></ruby>`. The one shape of ruby, for the
 * site's notation and the importer's readers alike.
 */
export function rubyElement(base: ElementContent[], reading: ElementContent[]): Element {
  const bracket = (value: string): Element => ({ type: 'element', tagName: 'rp', properties: {}, children: [{ type: 'text', value }] });
  return {
    type: 'element',
    tagName: 'ruby',
    properties: {},
    children: [...base, bracket('('), { type: 'element', tagName: 'rt', properties: {}, children: reading }, bracket(')')],
  };
}

/** The notation's ruby in the Markdown tree: text to plugins that read text, the ruby element on the page. */
function rubyNode(base: string, reading: string): PhrasingContent {
  const { children } = rubyElement([{ type: 'text', value: base }], [{ type: 'text', value: reading }]);
  return { type: 'text', value: `${base}(${reading})`, data: { hName: 'ruby', hProperties: {}, hChildren: children } };
}

/**
 * The ruby notation of a Japanese story's text as ruby (see `notation`). Only for a story in
 * Japanese: in Chinese, 《》 mark a book's title (读了《红楼梦》), which kanji also precede.
 * Code is left alone.
 */
export function remarkRuby() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('《')) return undefined;
      const parts: PhrasingContent[] = [];
      let at = 0;
      let plain = '';
      for (const match of node.value.matchAll(notation)) {
        plain += node.value.slice(at, match.index);
        at = match.index + match[0].length;
        const [, dotted, base, reading, kanji, kanjiReading] = match;
        // `｜《`: the bracket as written.
        if (dotted === undefined && base === undefined && kanji === undefined) {
          plain += '《';
          continue;
        }
        if (plain) parts.push({ type: 'text', value: plain });
        plain = '';
        if (dotted !== undefined) parts.push({ type: 'emphasis', children: [{ type: 'text', value: dotted }] });
        else parts.push(base !== undefined ? rubyNode(base, reading!) : rubyNode(kanji!, kanjiReading!));
      }
      if (at === 0) return undefined;
      plain += node.value.slice(at);
      if (plain) parts.push({ type: 'text', value: plain });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
