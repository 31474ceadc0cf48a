/**
 * Prefixes every id in a chapter's rendered HTML, and the in-page links to them, so many
 * chapters can share one page (the entire work) without clashing `p-1`s.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(/(\sid=")([^"]+)"/g, `$1${prefix}-$2"`).replace(/(\shref="#)([^"]+)"/g, `$1${prefix}-$2"`);
}
