import { createHash } from 'node:crypto';
import { readTokens } from '../markdown/html-tokens.ts';

/**
 * Each page's Content-Security-Policy allowing exactly the inline scripts that page holds.
 * Astro lists a hash for every script of the site on every page, though module scripts load
 * from the site itself ('self'): 53 bytes each that cannot be compressed, on every page, and
 * more permission than a page needs; and it leaves out inline scripts that happen to run
 * before its `<meta>` (the reader-settings script), which would break if the order changed.
 * Applied to each page as it is rendered (src/middleware.ts).
 */

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page with the hashes of its own inline scripts and style elements, and no others, in its CSP `<meta>`. */
export function trimScriptHashes(html: string): string {
  // The body is read too only when it may hold an inline script or a style element (its
  // scripts are usually files: `<script type="module" src>`); the head is always read.
  const body = html.search(/<body[\s>]/i);
  const read = body < 0 || /<script(?![^>]*\ssrc=)[\s>]|<style[\s>]/i.test(html.slice(body)) ? html.length : body;
  const own = { 'script-src': new Set<string>(), 'style-src': new Set<string>() };
  const policy = (value: string) =>
    value
      .split(';')
      .map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        const hashes = own[name as keyof typeof own];
        if (!hashes) return directive;
        return ` ${[name, ...sources.filter((source) => !/^'sha(256|384|512)-/.test(source)), ...hashes].join(' ')}`;
      })
      .join(';');
  const head = readTokens(html.slice(0, read), {
    start(tag, replace) {
      const content = tag.attribute('content');
      if (tag.name === 'meta' && tag.attribute('http-equiv')?.toLowerCase() === 'content-security-policy' && content !== undefined) {
        replace('content', () => policy(content));
      }
    },
    rawText(tag, text) {
      // A script loaded from a file is allowed as 'self'; a data block (JSON-LD) never runs.
      if (tag.name === 'style') own['style-src'].add(hash(text));
      else if (tag.attribute('src') === undefined && tag.attribute('type') !== 'application/ld+json') own['script-src'].add(hash(text));
    },
  });
  return head + html.slice(read);
}
