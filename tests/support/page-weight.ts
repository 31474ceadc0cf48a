import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes a first visit to a built page costs, by kind, gzip-compressed as a host would serve them. */
export interface PageWeight {
  html: number;
  css: number;
  js: number;
  fonts: number;
  /** Every file the page loads, site-relative, with its gzip size. */
  files: Record<string, number>;
  /** Inline `<script>`s other than data blocks (JSON-LD, speculation rules), gzip-compressed together as the page serves them. */
  inlineJs: number;
  /** What the visit transfers: the page (inline scripts included), its stylesheets, fonts and script files, each counted once. */
  total: number;
  /** Whether any script blocks rendering: a classic external script without defer/async. */
  blockingScripts: string[];
}

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/**
 * Reads a built page and everything it loads on a first visit without a browser: its
 * stylesheets, preloaded fonts, module scripts and their static imports, and inline scripts.
 * `base` is the site's base path, so `/base/_astro/x.js` maps to `dist/_astro/x.js`.
 */
export function pageWeight(dist: string, pagePath: string, base = '/'): PageWeight {
  const html = readFileSync(join(dist, pagePath), 'utf8');
  const toFile = (url: string) => join(dist, url.replace(new RegExp(`^${base}`), ''));
  const weight: PageWeight = { html: gzip(html), css: 0, js: 0, fonts: 0, files: {}, inlineJs: 0, total: 0, blockingScripts: [] };
  const add = (url: string, kind: 'css' | 'js' | 'fonts') => {
    if (url in weight.files) return;
    const file = toFile(url);
    if (!existsSync(file)) throw new Error(`${pagePath} loads ${url}, which is not in the build`);
    const content = readFileSync(file);
    weight.files[url] = gzip(content);
    weight[kind] += weight.files[url];
    if (kind === 'js') importsOf(content.toString('utf8'), url);
  };
  /** Static imports in a module (a file, or a script in the page: `import"/_astro/chapter.js"`) load too. */
  const importsOf = (code: string, from: string) => {
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'`]((?:\.\/|\/)[^"'`]+)["'`]/g)) {
      add(new URL(spec!, `http://x${from}`).pathname, 'js');
    }
  };
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/rel="stylesheet"/.test(tag)) add(href, 'css');
    if (/rel="preload"/.test(tag) && /as="font"/.test(tag)) add(href, 'fonts');
  }
  const inline: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    // Data blocks (JSON-LD, speculation rules) are not script.
    if (/type="(?:application\/ld\+json|speculationrules)"/.test(attributes)) continue;
    const src = /src="([^"]+)"/.exec(attributes)?.[1];
    if (src) {
      add(src, 'js');
      if (!/type="module"|\bdefer\b|\basync\b/.test(attributes)) weight.blockingScripts.push(src);
    } else {
      inline.push(body);
      if (/type="module"/.test(attributes)) importsOf(body, `/${pagePath}`);
    }
  }
  // Counted with the page's JavaScript, though the page's own bytes carry them.
  weight.inlineJs = inline.length ? gzip(inline.join('\n')) : 0;
  weight.total = weight.html + weight.css + weight.js + weight.fonts;
  weight.js += weight.inlineJs;
  return weight;
}

/** The gzip size of a text alone: the least any page showing it could cost. */
export function textFloor(text: string): number {
  return gzip(text);
}
