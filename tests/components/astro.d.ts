// `.astro` files as TypeScript sees them from a test (`astro check` reads them itself).
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
