import { htmlTagNames } from 'html-tag-names';
import type { Html, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { mathTagNames } from './sanitize.ts';
import { escapeXml } from '../core/escape.ts';

const known = new Set([...htmlTagNames, ...mathTagNames]);

/** HTML's attributes that are whole without a value (`<details open>`): any other word alone in a tag is no attribute. */
const valueless = new Set([
  'allowfullscreen',
  'alt',
  'border',
  'compact',
  'nowrap',
  'noshade',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
]);

/** An attribute in a tag: its name, and its value when it has one. */
const attribute = /\s+([^\s"'=<>`/]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/**
 * Whether a tag is the author's words in angle brackets, not HTML: a name HTML does not have
 * (`<sigh>`, `<3 beats>`, `<thinking>`), or HTML's name followed by words that are no
 * attributes (`<a few hours later>`, `<i am fine>`), which a browser would read as an element
 * with those attributes, dropping the words and swallowing the text after it. A tag with any
 * attribute given a value is HTML, whatever else it holds.
 */
function isWords(name: string, attributes: string): boolean {
  if (!known.has(name.toLowerCase())) return true;
  const found = [...attributes.matchAll(attribute)];
  // An attribute with a value makes it HTML (a player's `<iframe src=… webkitallowfullscreen>`): words in brackets have no "=".
  return found.every(([, , value]) => value === undefined) && found.some(([, word]) => !valueless.has(word!.toLowerCase()));
}

/**
 * A `<` that opens no tag a browser keeps: before a letter that no `>` ends before the next `<`
 * or the end of the raw HTML (quoted values aside), `x<y and left.` typed under a line of HTML,
 * `<don't` at a block's end, where a browser would take the words after it for a tag's
 * attributes, or drop them; and `<?…>`, `</*…>`, `<!…>` (but a comment or a doctype),
 * `<![CDATA[…]]>`, which HTML reads as comments, showing none of their words.
 */
const unended = /<(?=\/?[a-zA-Z])(?!(?:[^<>"']|"[^"]*"|'[^']*')*>)|<(?=\?|\/(?![a-z])|!(?!--|doctype[\s>]))/gi;

/**
 * Keeps angle-bracketed words that are not HTML as the author's text (`isWords`): shown as
 * written, where a browser (and the sanitizer) would drop them as unknown tags and the words
 * with them, and a `<` that opens no tag (`unended`) as the character it is. Real HTML tags are left for the sanitizer.
 */
export function remarkLiteralTags() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      let tags = 0;
      const value = node.value
        .replace(unended, () => {
          tags++;
          return '&lt;';
        })
        .replace(/<(\/?)([a-zA-Z][\w:-]*)([^<>]*)>/g, (tag, slash: string, name: string, attributes: string) => {
          if (!isWords(name, slash ? '' : attributes)) return tag;
          tags++;
          return escapeXml(tag);
        });
      // A line of its own that is only words in angle brackets ("<a few hours later>", a time skip) is a paragraph of them.
      if (
        tags > 0 &&
        parent &&
        index !== undefined &&
        parent.type !== 'paragraph' &&
        !node.value.trim().includes('\n') &&
        !/<[a-zA-Z/!?]/.test(value)
      ) {
        (parent.children as RootContent[])[index] = {
          type: 'paragraph',
          children: [{ type: 'text', value: node.value.trim() }],
          position: node.position,
        };
        return;
      }
      node.value = value;
    });
  };
}
