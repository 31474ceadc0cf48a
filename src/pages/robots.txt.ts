import type { APIRoute } from 'astro';
import { withBase } from '../build/paths';

/** `/robots.txt`: everything may be crawled; the sitemap is named when the site's address is known. */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(withBase('sitemap-index.xml'), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
