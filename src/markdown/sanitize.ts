import type { Element, Root } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { classesOf } from './class-list.ts';
import { blocks } from './remark-blocks.ts';

/** Class names authors may put on `<p>`, `<div>` and `<span>` (styled in global.css). */
export const allowedClasses = ['center', 'right', 'small-caps', 'smallcaps', 'underline', ...Object.values(blocks)];

/** Raw HTML elements removed together with everything inside them: code, styles, embedded documents and forms' lists. */
export const removedWithContent = [
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'select',
  'svg',
  'title',
  'xmp',
] as const;

/** MathML Core's elements: formulas draw, and nothing in them runs or loads (no `href`, no `style`). */
export const mathTagNames =
  'math mi mn mo ms mtext mspace mrow mfrac msqrt mroot msub msup msubsup munder mover munderover mmultiscripts mprescripts mtable mtr mtd mpadded mphantom semantics'.split(
    ' ',
  );
const mathAttributes = [
  'display',
  'dir',
  'mathvariant',
  'displaystyle',
  'scriptlevel',
  'linethickness',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'accent',
  'accentunder',
  'form',
  'largeop',
  'movablelimits',
  'symmetric',
  'columnspan',
  'rowspan',
  'width',
  'height',
  'depth',
];

/**
 * What raw HTML in a chapter may keep: GitHub's safe subset (emphasis, links, images,
 * lists, tables…) plus the formatting fiction uses (small caps and other `<span>` classes,
 * centred or right-aligned text, `<u>`, `<small>`, `<mark>`, `<cite>`) and formulas
 * (MathML Core). Everything else is
 * removed before the page is built: `<script>`, `<style>` and `<iframe>` with their content,
 * `<object>`, `<embed>`, forms, inline event handlers, `style` attributes and `javascript:`
 * URLs. Our own ids and classes are added after this step, so it cannot strip them.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input'), 'u', 'small', 'mark', 'cite', 'abbr', ...mathTagNames],
  strip: [...removedWithContent],
  // Ids stay as the author wrote them (so their links work); rehype-content-ids keeps them clear
  // of the page's own. `name` could shadow document properties, so only anchors keep it, as an id.
  clobber: [],
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => attribute !== 'name'),
    a: [...(defaultSchema.attributes?.a ?? []), 'name'],
    p: [['className', ...allowedClasses]],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', ...allowedClasses]],
    span: [['className', ...allowedClasses]],
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    ...Object.fromEntries(mathTagNames.map((name) => [name, mathAttributes])),
  },
};

/**
 * Before sanitizing: `<center>`, which HTML no longer has (and sanitizing would unwrap, its
 * text no longer centred), becomes the `<div class="center">` that `align="center"` gives.
 */
export function rehypeLegacyCenter() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'center') return;
      node.tagName = 'div';
      node.properties.className = [...classesOf(node), 'center'];
    });
  };
}

/**
 * Tidies what sanitizing kept, for valid, accessible HTML: the legacy `align` attribute
 * pasted from old pages becomes our `center`/`right` class, and an image without
 * alternative text is marked decorative (`alt=""`) rather than left unlabelled.
 */
export function rehypeTidyPastedHtml() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const align = node.properties.align;
      if (typeof align === 'string') {
        delete node.properties.align;
        if (align === 'center' || align === 'right') node.properties.className = [...classesOf(node), align];
      }
      if (node.tagName === 'img' && node.properties.alt === undefined) node.properties.alt = '';
      if (node.tagName === 'a' && node.properties.name !== undefined) {
        node.properties.id ??= String(node.properties.name);
        delete node.properties.name;
      }
    });
  };
}
