import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { inject } from 'vitest';
import { siteDir, type SiteName } from './sites';

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
