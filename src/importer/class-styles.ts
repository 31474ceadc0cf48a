import type { Element, Properties, Root } from 'hast';
import { classesOf } from './element.ts';
import { selectAll } from './html.ts';

/** The classes a stylesheet makes italic (or marks with emphasis dots), bold, underlined, small capitals, struck through, centred or right-aligned: `.c4{font-style:italic}`, `span.italic{…}`. */
export interface ClassStyles {
  italic: Set<string>;
  bold: Set<string>;
  underline: Set<string>;
  smallCaps: Set<string>;
  strike: Set<string>;
  center: Set<string>;
  right: Set<string>;
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
  };
  for (const css of stylesheets) {
    // Read in one pass by splitting, not by a pattern that would retry a long run without braces.
    for (const rule of withoutComments(css).split('}')) {
      const parts = rule.split('{');
      if (parts.length < 2) continue;
      const body = parts.at(-1)!;
      const selectors = parts.at(-2)!;
      const style = /font-style\s*:\s*(italic|oblique|normal)/i.exec(body)?.[1]?.toLowerCase();
      const weight = /font-weight\s*:\s*(bold|bolder|normal|[1-9]00)\b/i.exec(body)?.[1]?.toLowerCase();
      const align = /text-align\s*:\s*(center|right|end|left|start|justify)\b/i.exec(body)?.[1]?.toLowerCase();
      const decoration = /text-decoration(?:-line)?\s*:\s*([^;]+)/i.exec(body)?.[1]?.toLowerCase();
      const variant = /font-variant(?:-caps)?\s*:\s*([\w-]+)/i.exec(body)?.[1]?.toLowerCase();
      // Emphasis dots (傍点), as Japanese ebooks mark emphasis: the site's emphasis, which it sets as dots in Japanese.
      const dots = /(?:-webkit-|-epub-)?text-emphasis(?:-style)?\s*:\s*([^;]+)/i.exec(body)?.[1]?.trim().toLowerCase();
      for (const selector of selectors.split(',')) {
        const name = /^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (!name) continue;
        if (style) styles.italic[style === 'normal' ? 'delete' : 'add'](name);
        if (dots) styles.italic[dots === 'none' ? 'delete' : 'add'](name);
        if (weight) styles.bold[/^(?:bold|bolder|[6-9]00)$/.test(weight) ? 'add' : 'delete'](name);
        if (decoration) styles.underline[/\bunderline\b/.test(decoration) ? 'add' : 'delete'](name);
        if (decoration) styles.strike[/\bline-through\b/.test(decoration) ? 'add' : 'delete'](name);
        if (variant) styles.smallCaps[variant === 'small-caps' ? 'add' : 'delete'](name);
        if (align) {
          styles.center[align === 'center' ? 'add' : 'delete'](name);
          styles.right[align === 'right' || align === 'end' ? 'add' : 'delete'](name);
        }
      }
    }
  }
  return styles;
}

/** The text of a page's own `<style>` elements. */
export function inlineStylesheets(tree: Root): string[] {
  return selectAll('style', tree).map((style) => style.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
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
  const onlyLink = (element: Element) => {
    const content = element.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    return content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'a';
  };
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
    // Outermost first, as the other readers set them.
    const marks: { tagName: string; properties: Properties }[] = [];
    if (has(styles.italic)) marks.push({ tagName: 'em', properties: {} });
    if (has(styles.bold)) marks.push({ tagName: 'strong', properties: {} });
    if (has(styles.underline) && !linkText.has(element) && !onlyLink(element)) marks.push({ tagName: 'u', properties: {} });
    if (has(styles.smallCaps)) marks.push({ tagName: 'span', properties: { className: ['small-caps'] } });
    if (has(styles.strike)) marks.push({ tagName: 's', properties: {} });
    if (marks.length === 0) continue;
    changed++;
    let children = element.children;
    for (const mark of (element.tagName === 'span' ? marks.slice(1) : marks).reverse())
      children = [{ type: 'element', tagName: mark.tagName, properties: mark.properties, children }];
    if (element.tagName === 'span') {
      element.tagName = marks[0]!.tagName;
      element.properties = marks[0]!.properties;
    }
    element.children = children;
  }
  return changed;
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
