/** Rewrites of rendered chapter HTML for the pages and files that gather many chapters. */

/**
 * Prefixes every id in a chapter's rendered HTML, and the in-page links to them, so many
 * chapters can share one page (the entire work) without clashing `p-1`s.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(/(\sid=")([^"]+)"/g, `$1${prefix}-$2"`).replace(/(\shref="#)([^"]+)"/g, `$1${prefix}-$2"`);
}

/**
 * Points links between chapters (`/base/chapter-1/#p-2` on the site) at the book's own
 * files (`chapter-1.xhtml#p-2`); a link to a chapter not in the book becomes plain text.
 */
export function bookLinks(slugs: readonly string[], base: string) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const known = new Set(slugs);
  return (html: string): string =>
    html.replace(/<a ([^>]*?)href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (link, before: string, href: string, after: string, text: string) => {
      if (!href.startsWith(prefix)) return link;
      const [path = '', hash] = href.slice(prefix.length).split('#');
      const slug = path.replace(/\/$/, '');
      if (!known.has(slug)) return text;
      return `<a ${before}href="${slug}.xhtml${hash ? `#${hash}` : ''}"${after}>${text}</a>`;
    });
}
