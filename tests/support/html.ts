import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { inject } from 'vitest';
import { siteDir, type SiteName } from './sites';

export { siteFiles } from '../../src/cli/support/verify-site.ts';

/** The output folder of a site built by the global setup. */
export function builtSite(name: SiteName): string {
  return siteDir(inject('sitesRoot'), name);
}

/** Parses a built page, e.g. `page('fixture', 'prologue/')`. */
export function page(name: SiteName, path: string): Document {
  const file = join(builtSite(name), path.endsWith('/') || path === '' ? `${path}index.html` : path);
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** The words of a text, without punctuation or typography, for comparing text in order. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}']+/gu)
      ?.map((word) => word.replace(/^'+|'+$/g, ''))
      .filter(Boolean) ?? []
  );
}

/** Whether `later` comes after `earlier` in document order (linkedom's compareDocumentPosition errs across subtrees). */
export function comesAfter(earlier: Element, later: Element): boolean {
  const all = [...earlier.ownerDocument.querySelectorAll('*')];
  return all.indexOf(later) > all.indexOf(earlier);
}

/**
 * The text of every file a built site holds, as `[path, text]`: pages, feeds and data as
 * they are, the EPUB's files unzipped and Pagefind's index files gunzipped.
 */
export function builtTexts(dir: string): [string, string][] {
  const texts: [string, string][] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    if (path.endsWith('.epub')) {
      for (const [name, file] of Object.entries(unzipSync(bytes))) texts.push([`${path}!${name}`, strFromU8(file)]);
    } else if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      texts.push([path, gunzipSync(bytes).toString('utf8')]);
    } else if (!/\.(?:woff2?|png|jpe?g|gif|webp|avif|wasm)$/.test(path)) {
      texts.push([path, bytes.toString('utf8')]);
    }
  }
  return texts;
}
