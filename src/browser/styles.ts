/**
 * Adds a stylesheet to the page from a script: for parts of the page built on demand
 * (the settings panel, search highlights), whose styles come with them rather than with
 * every page. A constructed stylesheet needs no CSP hash.
 */
export function adoptStyles(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
