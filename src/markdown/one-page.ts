import { chapterLink } from '../shared/paths.ts';
import { readTokens } from './html-tokens.ts';

/**
 * A chapter's HTML for a page that holds every chapter (the entire work): its ids (and the
 * links and ARIA references to them) get the chapter's prefix, `chapter-2--p-4`, so many
 * chapters share one page without clashing; a link to another chapter of the page
 * (`/base/chapter-3/#p-2`) becomes a link within it (`#chapter-3--p-2`); its headings go
 * `deeper` levels down, under the chapter's title (there an `<h2>` or, under parts, an `<h3>`;
 * not the page's `<h1>`). Read by HTML's own tokenizer, tag by tag: text that shows markup
 * (`<p id="intro">` in a code span) reads as written.
 */
export function onePageHtml(html: string, slug: string, options: { base: string; slugs: ReadonlySet<string>; deeper: number }): string {
  const local = (id: string) => `${slug}--${id}`;
  return readTokens(html, {
    rename: (name) => (/^h[1-6]$/.test(name) && options.deeper > 0 ? `h${Math.min(6, Number(name[1]) + options.deeper)}` : undefined),
    start(tag, replace) {
      const id = tag.attribute('id');
      if (id !== undefined) replace('id', local(id));
      for (const name of ['aria-describedby', 'aria-labelledby']) {
        const ids = tag.attribute(name);
        if (ids !== undefined) replace(name, ids.split(/\s+/).filter(Boolean).map(local).join(' '));
      }
      const href = tag.attribute('href');
      if (href === undefined) return;
      if (href.startsWith('#') && href.length > 1) {
        replace('href', `#${local(href.slice(1))}`);
        return;
      }
      const target = chapterLink(href, options.base);
      if (target && options.slugs.has(target.slug))
        replace('href', `#${target.fragment ? `${target.slug}--${target.fragment}` : target.slug}`);
    },
  });
}
