import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { offlineFiles } from '../shared/offline.ts';
import { withSlash } from '../shared/paths.ts';

/**
 * Writes `_headers` (the Netlify and Cloudflare Pages format) into the built site: the
 * security headers a `<meta>` cannot carry, and caching. The page's own `<meta>` CSP (with
 * its script and style hashes) still applies; a browser enforces both policies.
 */
export function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'quire:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withSlash(config.base);
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(base));
      },
    },
  };
}

/** The policy for files that are not pages: no script, no loads from anywhere, a sandbox. */
export const assetPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** The `_headers` file for a site served under `base`. */
export function headersFile(base: string): string {
  return `${[
    `${base}*`,
    "  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
    // Hashed file names never change content: cache them for a year. Nothing here is a page: a
    // picture opened on its own (an SVG in a new tab) may draw, never run a script or load.
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `  Content-Security-Policy: ${assetPolicy}`,
    '',
    // Pagefind's index files are content-hashed too, but pagefind.js and its entry point are not.
    `${base}pagefind/*`,
    '  Cache-Control: public, max-age=3600',
    '',
    // The service worker and its list: checked on every visit, so a new release reaches readers at once.
    `${base}${offlineFiles.worker}`,
    '  Cache-Control: no-cache',
    `${base}${offlineFiles.list}`,
    '  Cache-Control: no-cache',
  ].join('\n')}\n`;
}
