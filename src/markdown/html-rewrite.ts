import { withSlash } from '../shared/paths.ts';

/**
 * A chapter's HTML for a page that holds every chapter (the entire work): its ids (and the
 * links and ARIA references to them) get the chapter's prefix, `chapter-2--p-4`, so many
 * chapters share one page without clashing; a link to another chapter of the page
 * (`/base/chapter-3/#p-2`) becomes a link within it (`#chapter-3--p-2`).
 */
export function onePageHtml(html: string, slug: string, options: { base: string; slugs: ReadonlySet<string> }): string {
  const prefix = withSlash(options.base);
  const local = (id: string) => `${slug}--${id}`;
  return html
    .replace(/(\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${local(id)}"`)
    .replace(
      /(\saria-(?:describedby|labelledby)=")([^"]+)"/g,
      (_, start: string, ids: string) => `${start}${ids.split(/\s+/).map(local).join(' ')}"`,
    )
    .replace(/(\shref=")([^"]*)"/g, (link, start: string, href: string) => {
      if (href.startsWith('#') && href.length > 1) return `${start}#${local(href.slice(1))}"`;
      if (!href.startsWith(prefix)) return link;
      const [path = '', hash] = href.slice(prefix.length).split('#');
      const other = path.replace(/\/$/, '');
      if (!options.slugs.has(other)) return link;
      return `${start}#${hash ? `${other}--${hash}` : other}"`;
    });
}
