import type { Element, Nodes, Root } from 'hast';
import { quoteStyle, quoteStyles, smarten, type QuoteStyle } from '../core/typography.ts';

/** Elements whose text is shown as typed: code, and what is read as code or as a program's. */
const verbatim = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

/**
 * A link that shows its own address (`https://example.org/a--b`, `www.example.org`,
 * `meg@example.org`, as Markdown links an address typed in the text): shown as typed, so a
 * reader who copies it copies the address, not one with a dash or a curly quote in it.
 */
function showsAddress(node: Element): boolean {
  if (node.tagName !== 'a' || node.children.length !== 1) return false;
  const [child] = node.children;
  return child?.type === 'text' && /^(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)\S+$|^[^\s@]+@[^\s@]+\.\S+$/i.test(child.value);
}

/** Elements inside a run of text: a quote across them opens and closes as if they were not there. */
const phrasing = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/**
 * Typographer's quotes (in the story's language's style, or a passage's marked as another), dashes and ellipses in the text of
 * a chapter (see `smarten`): the text written in Markdown and the text inside raw HTML alike
 * (`<p class="center">"Hello," she said.</p>`), once the HTML is parsed and sanitized. Code, and
 * an address shown as a link, are left alone. Before the heading ids are made, so they are made of the text as shown.
 *
 * Written for speed: `remark-smartypants` parses every text node with retext and took 60% of
 * the time to render a chapter (12 of 20 ms for 2,500 words); this is a single pass over the text.
 */
export function rehypeTypography(style?: QuoteStyle) {
  return (tree: Root) => {
    let before = ' ';
    const visit = (node: Nodes, marks: QuoteStyle | undefined) => {
      if (node.type === 'text') {
        node.value = smarten(node.value, before, marks);
        before = node.value.at(-1) ?? before;
        return;
      }
      let inside = marks;
      if (node.type === 'element') {
        if (verbatim.has(node.tagName) || showsAddress(node)) {
          before = 'x';
          return;
        }
        if (node.tagName === 'br') before = ' ';
        // A new block starts a new run of text: a quote at its start opens.
        else if (!phrasing.has(node.tagName)) before = ' ';
        // A passage the author marked as another language quotes as that language does, unless
        // the story keeps every quote as typed.
        const lang = node.properties.lang;
        if (typeof lang === 'string' && lang !== '' && style !== quoteStyles.straight) inside = quoteStyle(lang);
      }
      if ('children' in node) for (const child of node.children) visit(child, inside);
    };
    visit(tree, style);
  };
}
