import type { Element, ElementContent, Root } from 'hast';
import { classesOf } from './element.ts';
import { selectAll } from './html.ts';

/** The classes a stylesheet makes italic or bold: `.c4{font-style:italic}`, `span.italic{…}`. */
export interface ClassStyles {
  italic: Set<string>;
  bold: Set<string>;
}

/**
 * Reads which classes the stylesheets make italic or bold, as editors and converters write
 * them (Google Docs' `.c4`, Calibre's `.calibre7` or `.italic`): only rules whose selectors
 * are one class (on an element or not); a later rule setting the style back to normal wins.
 */
export function classStyles(stylesheets: readonly string[]): ClassStyles {
  const styles: ClassStyles = { italic: new Set(), bold: new Set() };
  for (const css of stylesheets) {
    const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, selectors = '', body = ''] of rules.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const style = /font-style\s*:\s*(italic|oblique|normal)/i.exec(body)?.[1]?.toLowerCase();
      const weight = /font-weight\s*:\s*(bold|bolder|normal|[1-9]00)\b/i.exec(body)?.[1]?.toLowerCase();
      for (const selector of selectors.split(',')) {
        const name = /^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (!name) continue;
        if (style) styles.italic[style === 'normal' ? 'delete' : 'add'](name);
        if (weight) styles.bold[/^(?:bold|bolder|[6-9]00)$/.test(weight) ? 'add' : 'delete'](name);
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
 * Makes emphasis set by class into elements the import keeps: a span becomes `<em>` or
 * `<strong>`, a paragraph (or list item, quotation) has its content wrapped in them. Gives
 * how many elements it changed.
 */
export function emphasisFromClasses(node: Element | Root, styles: ClassStyles): number {
  if (styles.italic.size === 0 && styles.bold.size === 0) return 0;
  let changed = 0;
  for (const element of selectAll('span, p, li, blockquote', node)) {
    const classes = classesOf(element);
    const italic = classes.some((name) => styles.italic.has(name));
    const bold = classes.some((name) => styles.bold.has(name));
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
