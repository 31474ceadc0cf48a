/**
 * Applies the reader's saved settings to `<html>` before the first paint, so a dark-theme
 * reader never sees a white flash; marks `<html>` with `js`, so controls that need JavaScript
 * can show; and links the legible font's stylesheet for readers who chose it. Inlined into
 * every page's `<head>` (PageBoot.astro), so it must stand alone: no imports.
 * Only known names with word-like values are copied (the stylesheet ignores any other value).
 */
export function applySavedSettings(key: string, names: readonly string[], legibleFont: string): void {
  const root = document.documentElement;
  root.classList.add('js');
  root.dataset.legibleFont = legibleFont;
  try {
    const saved = (JSON.parse(localStorage.getItem(key) ?? '{}') ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(saved)) {
      if (names.includes(name) && typeof value === 'string' && /^\w{1,8}$/.test(value)) root.setAttribute(`data-${name}`, value);
    }
    if (saved.font === 'legible')
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: legibleFont }));
  } catch {
    // No storage (private mode, blocked): the defaults apply.
  }
}
