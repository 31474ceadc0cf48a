import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Makes each page's Content-Security-Policy allow exactly the inline scripts that page holds.
 * Astro lists a hash for every script of the site on every page, though module scripts load
 * from the site itself ('self'): 53 bytes each that cannot be compressed, on every page, and
 * more permission than a page needs; and it leaves out inline scripts that happen to run
 * before its `<meta>` (the reader-settings script), which would break if the order changed.
 */
export function cspHashes(): AstroIntegration {
  return {
    name: 'quire:csp-hashes',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        await Promise.all(
          pages.map(async (file) => {
            const path = join(root, file);
            const html = await readFile(path, 'utf8');
            const trimmed = trimScriptHashes(html);
            if (trimmed !== html) await writeFile(path, trimmed);
          }),
        );
      },
    },
  };
}

/** The page with the hashes of its own inline scripts and style elements, and no others, in its CSP `<meta>`. */
export function trimScriptHashes(html: string): string {
  const inline = new Set(
    [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes = '']) => !/\bsrc=/.test(attributes) && !/type="application\/ld\+json"/.test(attributes))
      .map(([, , body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`),
  );
  const styles = new Set(
    [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(
      ([, body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
    ),
  );
  return html.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)"/, (_meta, start: string, policy: string) => {
    const directives = policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      const own = name === 'script-src' ? inline : name === 'style-src' ? styles : undefined;
      if (!own) return directive;
      return ` ${[name, ...sources.filter((source) => !/^'sha(256|384|512)-/.test(source)), ...own].join(' ')}`;
    });
    return `${start}${directives.join(';')}"`;
  });
}
