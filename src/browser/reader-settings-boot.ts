/**
 * The one routine that sets a reader's settings on `<html>`: `data-<name>` for each setting
 * given (only known names with word-like values: the stylesheet ignores any other), none for
 * the rest, and the legible font's stylesheet linked once someone picks it. Inlined into every
 * page's `<head>` (PageBoot.astro) and run there with the saved settings before the first
 * paint, so a dark-theme reader never sees a white flash; then left on `window` under
 * `global`, where the settings panel calls it with each change (as Starlight's ThemeProvider
 * does). It also marks `<html>` with `js`, so controls that need JavaScript can show. It must
 * stand alone: no imports.
 */
export function readerSettingsBoot(key: string, names: readonly string[], legibleFont: string, global: string): void {
  const root = document.documentElement;
  root.classList.add('js');
  const apply = (settings: Record<string, unknown>): void => {
    for (const name of names) {
      const value = settings[name];
      if (typeof value === 'string' && /^\w{1,8}$/.test(value)) root.setAttribute(`data-${name}`, value);
      else root.removeAttribute(`data-${name}`);
    }
    if (settings.font === 'legible' && !document.querySelector(`link[href="${legibleFont}"]`))
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: legibleFont }));
  };
  (window as unknown as Record<string, typeof apply>)[global] = apply;
  try {
    apply((JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown> | null) ?? {});
  } catch {
    // No storage (private mode, blocked): the defaults apply.
  }
}
