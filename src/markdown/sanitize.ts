import type { Element, Root } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
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
 * centred or right-aligned text, `<u>`, `<small>`, `<mark>`, `<cite>`), pictures with their
 * captions (`<figure>`, `<figcaption>`), a table's `<caption>` and formulas
 * (MathML Core). Everything else is
 * removed before the page is built: `<script>`, `<style>` and `<iframe>` with their content,
 * `<object>`, `<embed>`, forms, inline event handlers, `style` attributes and `javascript:`
 * URLs. Our own ids and classes are added after this step, so it cannot strip them.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input'),
    'u',
    'small',
    'mark',
    'cite',
    'abbr',
    'figure',
    'figcaption',
    'caption',
    ...mathTagNames,
  ],
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

/** Inline styles pasted HTML gives what the site has a class for (`<p style="text-align: center">`). */
const styleClasses: Readonly<Record<string, string>> = {
  'text-align: center': 'center',
  'text-align: right': 'right',
  'font-variant: small-caps': 'small-caps',
  'font-variant-caps: small-caps': 'small-caps',
  'text-decoration: underline': 'underline',
  'text-decoration-line: underline': 'underline',
};

/** A `<span>`'s italic or bold style, as the element Markdown's `*…*` and `**…**` make. */
const styleElements: Readonly<Record<string, 'em' | 'strong'>> = {
  'font-style: italic': 'em',
  'font-style: oblique': 'em',
  'font-weight: bold': 'strong',
  'font-weight: bolder': 'strong',
  'font-weight: 600': 'strong',
  'font-weight: 700': 'strong',
  'font-weight: 800': 'strong',
  'font-weight: 900': 'strong',
};

/**
 * Before sanitizing, what old and pasted HTML means that sanitizing would lose, written as the
 * site writes it: `<center>` (which HTML no longer has) and `text-align: center` become the
 * `<div class="center">` that `align="center"` gives; small caps, underlining, right alignment
 * their classes; a `<span>`'s italics and bold `<em>` and `<strong>`, its `mark` class `<mark>`. Each declaration of a
 * `style` taken so is gone from it; what is left is for `rehypeRemovedHtml` to tell the author of.
 */
export function rehypeLegacyFormatting() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'center') {
        node.tagName = 'div';
        node.properties.className = [...classesOf(node), 'center'];
      }
      // Highlighted words as pandoc writes them in Markdown without its own marks (`[words]{.mark}`
      // to GitHub's Markdown): the highlight `==words==` gives.
      if (node.tagName === 'span' && classesOf(node).includes('mark')) {
        node.tagName = 'mark';
        node.properties.className = classesOf(node).filter((name) => name !== 'mark');
      }
      const style = node.properties.style;
      if (typeof style !== 'string') return;
      const left: string[] = [];
      const wraps: ('em' | 'strong')[] = [];
      for (const written of style.split(';')) {
        const declaration = written
          .trim()
          .toLowerCase()
          .replace(/\s*!important$/, '')
          .replace(/\s*:\s*/, ': ');
        if (declaration === '') continue;
        const className = ['p', 'div', 'span'].includes(node.tagName) ? styleClasses[declaration] : undefined;
        const element = node.tagName === 'span' ? styleElements[declaration] : undefined;
        if (className) node.properties.className = [...classesOf(node), className];
        else if (element) wraps.push(element);
        else left.push(written.trim());
      }
      // `<span style="font-style: italic; font-weight: bold">`: the span becomes the first, its words wrapped in the second.
      if (wraps[0]) node.tagName = wraps[0];
      if (wraps[1] && wraps[1] !== wraps[0])
        node.children = [{ type: 'element', tagName: wraps[1], properties: {}, children: node.children }];
      if (left.length > 0) node.properties.style = left.join('; ');
      else delete node.properties.style;
    });
  };
}

/** Raw HTML sanitizing removes or unwraps, each kind told once per text, at its first line, with how many more. */
export function rehypeRemovedHtml() {
  const kept = new Set(sanitizeSchema.tagNames);
  const removed = new Set<string>(removedWithContent);
  return (tree: Root, file: VFile) => {
    const found = new Map<'removed' | 'unwrapped' | 'style', { things: string[]; node: Element; count: number }>();
    const add = (kind: 'removed' | 'unwrapped' | 'style', thing: string, node: Element) => {
      const entry = found.get(kind);
      if (!entry) found.set(kind, { things: [thing], node, count: 1 });
      else {
        entry.count += 1;
        if (!entry.things.includes(thing)) entry.things.push(thing);
      }
    };
    visit(tree, 'element', (node: Element) => {
      if (removed.has(node.tagName)) {
        add('removed', `<${node.tagName}>`, node);
        return SKIP;
      }
      // A task list's checkbox (`- [ ] …`) never reaches here: rehypeTaskBoxes has made it a mark in the text.
      if (!kept.has(node.tagName)) add('unwrapped', `<${node.tagName}>`, node);
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on[a-z]/i.test(name)) add('removed', `${name.toLowerCase()}=…`, node);
        else if (name === 'href' && typeof value === 'string' && /^\s*javascript:/i.test(value)) add('removed', 'a javascript: link', node);
      }
      if (typeof node.properties.style === 'string') add('style', node.properties.style, node);
      return CONTINUE;
    });
    for (const [kind, { things, node, count }] of found) {
      const more = count - 1;
      const reason =
        kind === 'removed'
          ? problems.RemovedHtml.message(things, more)
          : kind === 'unwrapped'
            ? problems.UnwrappedHtml.message(things, more)
            : problems.DroppedStyle.message(things[0]!, more);
      file.info(reason, node);
    }
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
