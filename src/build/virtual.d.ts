/** Modules made at build time for pages (see src/integrations/). */
declare module 'virtual:quire/images' {
  /** Every picture in the content folder, by its path there (`images/lake.jpg`). */
  export const images: Readonly<Record<string, import('astro').ImageMetadata>>;
}
