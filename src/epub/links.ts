import { withSlash } from '../shared/paths.ts';

/**
 * Points links between chapters (`/base/chapter-1/#p-2` on the site) at the book's own
 * files (`chapter-1.xhtml#p-2`, in `folder` from where the link is); a link to a chapter not
 * in the book becomes plain text.
 */
export function bookLinks(slugs: readonly string[], base: string, folder = '') {
  const prefix = withSlash(base);
  const known = new Set(slugs);
  return (html: string): string =>
    html.replace(/<a ([^>]*?)href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (link, before: string, href: string, after: string, text: string) => {
      if (!href.startsWith(prefix)) return link;
      const [path = '', hash] = href.slice(prefix.length).split('#');
      const slug = path.replace(/\/$/, '');
      if (!known.has(slug)) return text;
      return `<a ${before}href="${folder}${slug}.xhtml${hash ? `#${hash}` : ''}"${after}>${text}</a>`;
    });
}
