import type { Element, ElementContent, Root } from 'hast';
import { classesOf } from './element.ts';
import { selectAll } from './html.ts';

/** The classes a stylesheet makes italic, bold, centred or right-aligned: `.c4{font-style:italic}`, `span.italic{…}`. */
export interface ClassStyles {
  italic: Set<string>;
  bold: Set<string>;
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
  const styles: ClassStyles = { italic: new Set(), bold: new Set(), center: new Set(), right: new Set() };
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
      for (const selector of selectors.split(',')) {
        const name = /^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (!name) continue;
        if (style) styles.italic[style === 'normal' ? 'delete' : 'add'](name);
        if (weight) styles.bold[/^(?:bold|bolder|[6-9]00)$/.test(weight) ? 'add' : 'delete'](name);
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
    const italic = has(styles.italic);
    const bold = has(styles.bold);
    if (!italic && !bold) continue;
    changed++;
    const wrap = (tagName: string, children: ElementContent[]): ElementContent[] => [
      { type: 'element', tagName, properties: {}, children },
    ];
    let children = element.children;
    if (element.tagName === 'span') {
      if (italic && bold) children = wrap('strong', children);
      element.tagName = italic ? 'em' : 'strong';
      element.properties = {};
      element.children = children;
    } else {
      if (bold) children = wrap('strong', children);
      if (italic) children = wrap('em', children);
      element.children = children;
    }
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
