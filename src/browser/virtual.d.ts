/** Modules made at build time for browser scripts (see src/integrations/). */

declare module 'virtual:quire/strings' {
  /** The story's language (BCP 47). */
  export const language: string;
  /** The language the messages are in (English for a language not translated): their plural rules. */
  export const wording: string;
  /** Every user-facing string in that language, with the author's own labels. */
  export const messages: import('../shared/i18n/strings.ts').Messages;
  /** The keys the author worded in `labels` (in the story's language). */
  export const own: string[];
}

/** `lazy:` imports (src/integrations/lazy-scripts.ts): a function that loads the module on demand. */
declare module 'lazy:./reader-settings-panel.ts' {
  const load: () => Promise<typeof import('./reader-settings-panel.ts')>;
  export default load;
}
declare module 'lazy:./search-highlight.ts' {
  const load: () => Promise<typeof import('./search-highlight.ts')>;
  export default load;
}
declare module 'lazy:./news-marks.ts' {
  const load: () => Promise<typeof import('./news-marks.ts')>;
  export default load;
}
declare module 'lazy:../browser/comments.ts' {
  const load: () => Promise<typeof import('./comments.ts')>;
  export default load;
}
declare module 'lazy:../browser/offline-keep.ts' {
  const load: () => Promise<typeof import('./offline-keep.ts')>;
  export default load;
}
declare module 'lazy:../browser/read-aloud.ts' {
  const load: () => Promise<typeof import('./read-aloud.ts')>;
  export default load;
}
declare module 'lazy:./offline-keep.ts' {
  const load: () => Promise<typeof import('./offline-keep.ts')>;
  export default load;
}
declare module 'lazy:./footnote-preview.ts' {
  const load: () => Promise<typeof import('./footnote-preview.ts')>;
  export default load;
}
