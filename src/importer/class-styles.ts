import type { Element, Properties, Root } from 'hast';
import { classesOf, elementsOf } from './element.ts';
import { selectAll, visibleText } from './html.ts';
import { counted } from '../core/problems.ts';

/** The classes a stylesheet makes italic (or marks with emphasis dots), bold, underlined, small capitals, struck through, centred or right-aligned: `.c4{font-style:italic}`, `span.italic{…}`. */
export interface ClassStyles {
  italic: Set<string>;
  bold: Set<string>;
  underline: Set<string>;
  smallCaps: Set<string>;
  strike: Set<string>;
  center: Set<string>;
  right: Set<string>;
  /** Classes that hide what they mark (`display: none`, `visibility: hidden`). */
  hidden: Set<string>;
  /** Classes that lower or raise their text, small (`vertical-align: sub`; LibreOffice's EPUBs: `top: 0.33em` and a smaller size). */
  sub: Set<string>;
  sup: Set<string>;
}

/**
 * Reads which classes the stylesheets make italic, bold, centred or right-aligned, as editors
 * and converters write them (Google Docs' `.c4`, Calibre's `.calibre7` or `.italic`): only
 * rules whose selectors are one class (on an element or not); a later rule setting the style
 * back to normal (or the text back to the left) wins.
 */
export function classStyles(stylesheets: readonly string[]): ClassStyles {
  const styles: ClassStyles = {
    italic: new Set(),
    bold: new Set(),
    underline: new Set(),
    smallCaps: new Set(),
    strike: new Set(),
    center: new Set(),
    right: new Set(),
    hidden: new Set(),
    sub: new Set(),
    sup: new Set(),
  };
  const read = (css: string, keys: readonly (keyof ClassStyles)[]) => {
    // Read in one pass by splitting, not by a pattern that would retry a long run without braces.
    for (const rule of css.split('}')) {
      const parts = rule.split('{');
      if (parts.length < 2) continue;
      const declared = declaredFormatting(parts.at(-1)!);
      for (const selector of parts.at(-2)!.split(',')) {
        const name = /^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (!name) continue;
        for (const key of keys) {
          const set = declared[key];
          if (set !== undefined) styles[key][set ? 'add' : 'delete'](name);
        }
      }
    }
  };
  for (const css of stylesheets) {
    const plain = withoutComments(css);
    // Formatting wherever a rule sets it (an ebook's stylesheet may set all of it for screens alone);
    // hidden only by the rules that hold for every reader, not on paper or on phones alone.
    read(
      plain,
      formattingKeys.filter((key) => key !== 'hidden'),
    );
    read(withoutAtRules(plain), ['hidden']);
  }
  return styles;
}

/** What a block of CSS declarations sets of the formatting the import keeps: on (true), back to normal (false), or nothing said. */
export type DeclaredFormatting = Partial<Record<keyof ClassStyles, boolean>>;
const formattingKeys = [
  'italic',
  'bold',
  'underline',
  'smallCaps',
  'strike',
  'center',
  'right',
  'hidden',
  'sub',
  'sup',
] as const satisfies readonly (keyof ClassStyles)[];

/** The properties that mark emphasis with dots, under their own name and the engines' prefixes. */
const emphasisProperties = ['', '-webkit-', '-epub-'].flatMap((prefix) => [`${prefix}text-emphasis`, `${prefix}text-emphasis-style`]);

/**
 * The formatting a rule's declarations (`font-style: italic; font-weight: 700`) or an element's
 * `style` attribute set: italic (or emphasis dots, 傍点, as Japanese ebooks mark emphasis, which
 * the site sets as dots in Japanese), bold, underlined, struck through, small capitals, centred
 * or right-aligned, or hidden; a declaration setting one back (`font-weight: normal`,
 * `text-align: left`, `display: block`) says false.
 */
export function declaredFormatting(declarations: string): DeclaredFormatting {
  const declared: DeclaredFormatting = {};
  // Each declaration read once, `property: value`, both in lower case.
  const pairs = declarations.split(';').flatMap((declaration) => {
    const colon = declaration.indexOf(':');
    return colon === -1
      ? []
      : [
          [
            declaration.slice(0, colon).trim().toLowerCase(),
            declaration
              .slice(colon + 1)
              .trim()
              .toLowerCase(),
          ],
        ];
  });
  // The last declaration of any of these properties wins, as in CSS.
  const value = (...properties: string[]) => pairs.findLast(([property]) => properties.includes(property!))?.[1];
  const style = value('font-style');
  if (style) declared.italic = /^(?:italic|oblique)\b/.test(style);
  const dots = value(...emphasisProperties);
  if (dots) declared.italic = dots !== 'none';
  const weight = value('font-weight');
  if (weight) declared.bold = /^(?:bold|bolder|[6-9]00)\b/.test(weight);
  const decoration = value('text-decoration', 'text-decoration-line');
  if (decoration) {
    declared.underline = /\bunderline\b/.test(decoration);
    declared.strike = /\bline-through\b/.test(decoration);
  }
  const variant = value('font-variant', 'font-variant-caps');
  if (variant) declared.smallCaps = /^small-caps\b/.test(variant);
  // Hidden (`display: none`, `visibility: hidden`), or shown again.
  const display = value('display');
  const visibility = value('visibility');
  if (display || visibility) declared.hidden = display === 'none' || /^(?:hidden|collapse)\b/.test(visibility ?? '');
  // Lowered or raised: by vertical-align, or moved from the line in a smaller size (as LibreOffice's EPUBs set H₂O's 2).
  const vertical = value('vertical-align');
  const shift = value('position') === 'relative' ? Number.parseFloat(value('top') ?? '') : Number.NaN;
  const size = value('font-size');
  const smaller =
    size !== undefined &&
    (/^(?:smaller|x-small|xx-small)$/.test(size) || /^0?\.\d+em$/.test(size) || (Number.parseFloat(size) < 100 && size.endsWith('%')));
  if (vertical === 'sub' || (smaller && shift > 0)) declared.sub = true;
  else if (vertical === 'super' || (smaller && shift < 0)) declared.sup = true;
  const align = /^(center|right|end|left|start|justify)\b/.exec(value('text-align') ?? '')?.[1];
  if (align) {
    declared.center = align === 'center';
    declared.right = align === 'right' || align === 'end';
  }
  return declared;
}

/** The most words a passage a page hides may hold to be left out as no text of the story (Royal Road's notice holds some twenty). */
const maxHiddenWords = 60;

/**
 * Takes out what a page or book hides from its reader: elements in a class its stylesheet hides,
 * hidden by their own `style` or by the `hidden` attribute (Royal Road hides a sentence against
 * copying in every chapter, "This story has been stolen…", which a page saved from it still
 * holds); never a fold a script opens on a click (a spoiler), nor a passage longer than a notice.
 * Gives the hidden passages' texts, for the author to be told and the word check.
 */
export function withoutHiddenText(node: Element | Root, styles: ClassStyles): string[] {
  const isHidden = (element: Element) =>
    (element.properties.hidden === true ||
      element.properties.hidden === '' ||
      classesOf(element).some((name) => styles.hidden.has(name)) ||
      (typeof element.properties.style === 'string' && declaredFormatting(element.properties.style).hidden === true)) &&
    // A fold the reader opens (a spoiler a page's script shows on a click) is text of the story.
    !classesOf(element).some((name) => /spoil|collaps|toggle|expand|reveal/i.test(name)) &&
    // And so is a long passage (the rest of a chapter behind "Read more"): no page hides that much from every reader.
    visibleText(element).split(/\s+/).filter(Boolean).length <= maxHiddenWords;
  // In document order, so a hidden element's own are passed over with it.
  const gone = new Set<Element | Root>();
  const outermost: { element: Element; parent: Element | Root }[] = [];
  for (const { node: element, parent } of elementsOf(node)) {
    if (gone.has(parent)) gone.add(element);
    else if (isHidden(element)) {
      gone.add(element);
      outermost.push({ element, parent });
    }
  }
  // Each parent's children filtered once: thousands of hidden siblings are taken out in one pass.
  for (const parent of new Set(outermost.map(({ parent }) => parent)))
    (parent as Element).children = (parent as Element).children.filter((child) => !(child.type === 'element' && gone.has(child)));
  return outermost.map(({ element }) => visibleText(element).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** What the author is told of the passages a page or book hides, with the first of them, which may be a site's notice against copying. */
export function hiddenTextDropped(texts: readonly string[]): string[] {
  if (texts.length === 0) return [];
  const first = texts[0]!.length > 80 ? `${texts[0]!.slice(0, 80)}…` : texts[0]!;
  return [`${counted(texts.length, 'passage')} hidden from readers by the styles (display: none), such as “${first}”`];
}

/** The text of a page's own `<style>` elements. */
export function inlineStylesheets(tree: Root): string[] {
  return [...elementsOf(tree)]
    .filter(({ node }) => node.tagName === 'style')
    .map(({ node }) => node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
}

/**
 * Makes formatting set by class into what the import keeps: a span becomes `<em>` or
 * `<strong>`, a paragraph (or list item, quotation) has its content wrapped in them; a
 * centred or right-aligned paragraph or block is aligned as its own style would (which the
 * import keeps as the site's `center` and `right`). Gives how many elements it changed.
 */
export function formattingFromClasses(node: Element | Root, styles: ClassStyles): number {
  if (Object.values(styles).every((set) => set.size === 0)) return 0;
  let changed = 0;
  // A link's own look (Google Docs underlines every link by a class) is no underline the author set.
  const linkText = new Set(selectAll('a span', node));
  for (const element of selectAll('span, p, li, blockquote, div', node)) {
    const classes = classesOf(element);
    const has = (set: Set<string>) => classes.some((name) => set.has(name));
    const side =
      element.tagName === 'p' || element.tagName === 'div'
        ? has(styles.center)
          ? 'center'
          : has(styles.right)
            ? 'right'
            : undefined
        : undefined;
    if (side) {
      changed++;
      element.properties.style = `text-align: ${side}; ${String(element.properties.style ?? '')}`.trim();
    }
    if (element.tagName === 'div') continue;
    const marks = formattingMarks(
      (key) => has(styles[key]) && (key !== 'underline' || (!linkText.has(element) && !holdsOnlyALink(element))),
    );
    if (marks.length === 0) continue;
    changed++;
    withMarks(element, marks);
  }
  return changed;
}

/**
 * How a block is aligned as HTML writes it: `style="text-align: center"` (or `right`, `end`),
 * else `align="center"` (or `right`), as old pages and saved documents set it.
 */
export function alignmentOf(node: Element): 'center' | 'right' | undefined {
  const attribute = String(node.properties.align ?? '').toLowerCase();
  const style = /text-align\s*:\s*(center|right|end)/i.exec(String(node.properties.style ?? ''))?.[1]?.toLowerCase();
  const value = style ?? attribute;
  return value === 'center' ? 'center' : value === 'right' || value === 'end' ? 'right' : undefined;
}

/** Whether an element holds one link and nothing else: a link's own underline is no underline the author set. */
export function holdsOnlyALink(element: Element): boolean {
  const content = element.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  return content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'a';
}

/** An element that sets formatting: `<em>`, `<strong>`, `<u>`, a small-capitals `<span>`, `<s>`. */
export interface FormattingMark {
  tagName: string;
  properties: Properties;
}

/** The elements for the formatting that is on, outermost first, as the other readers set them. */
export function formattingMarks(on: (key: keyof ClassStyles) => boolean): FormattingMark[] {
  const marks: FormattingMark[] = [];
  if (on('italic')) marks.push({ tagName: 'em', properties: {} });
  if (on('bold')) marks.push({ tagName: 'strong', properties: {} });
  if (on('underline')) marks.push({ tagName: 'u', properties: {} });
  if (on('smallCaps')) marks.push({ tagName: 'span', properties: { className: ['small-caps'] } });
  if (on('strike')) marks.push({ tagName: 's', properties: {} });
  if (on('sub')) marks.push({ tagName: 'sub', properties: {} });
  if (on('sup')) marks.push({ tagName: 'sup', properties: {} });
  return marks;
}

/** The element with its content set in `marks` (nested in order); a span becomes the outermost mark itself. Changes the element. */
export function withMarks(element: Element, marks: readonly FormattingMark[]): Element {
  if (marks.length === 0) return element;
  let children = element.children;
  for (const mark of (element.tagName === 'span' ? marks.slice(1) : marks).toReversed())
    children = [{ type: 'element', tagName: mark.tagName, properties: mark.properties, children }];
  if (element.tagName === 'span') {
    element.tagName = marks[0]!.tagName;
    element.properties = marks[0]!.properties;
  }
  element.children = children;
  return element;
}

/**
 * CSS without its conditional blocks (`@media print { … }`, `@supports …`): what they hide is
 * hidden on some screens or on paper only, not from every reader (a page hides its menu on a
 * phone). Read in one pass, braces counted.
 */
function withoutAtRules(css: string): string {
  let out = '';
  let at = 0;
  for (let start = css.indexOf('@', at); start !== -1; start = css.indexOf('@', at)) {
    out += css.slice(at, start);
    // What ends the rule's head: a block's `{`, or the `;` of a statement (`@import …;`, `@charset …;`), which is kept.
    let end = start;
    while (end < css.length && css[end] !== '{' && css[end] !== ';') end++;
    if (css[end] !== '{') {
      out += css.slice(start, end + 1);
      at = end + 1;
      continue;
    }
    // A block, braces counted: `@font-face` and `@page` set no class; a conditional block's rules hold only sometimes: both left out.
    let depth = 0;
    for (; end < css.length; end++) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}' && --depth === 0) break;
    }
    at = end + 1;
  }
  return out + css.slice(at);
}

/** CSS without its comments, found by position (an unclosed comment runs to the end). */
function withoutComments(css: string): string {
  let out = '';
  let at = 0;
  for (let open = css.indexOf('/*'); open !== -1; open = css.indexOf('/*', at)) {
    out += css.slice(at, open);
    const close = css.indexOf('*/', open + 2);
    if (close === -1) return out;
    at = close + 2;
  }
  return out + css.slice(at);
}
