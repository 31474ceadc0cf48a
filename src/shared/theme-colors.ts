/**
 * The reading themes' page and accent colours, for what cannot read the stylesheet: the web
 * app manifest and the browser's `theme-color`. They are src/styles/global.css's
 * `--color-bg` and `--color-accent` (a unit test holds the two together).
 */
export const themeColors = {
  light: { background: '#fbf9f5', accent: '#8c3a10' },
  dark: { background: '#171614', accent: '#f0a878' },
} as const;
