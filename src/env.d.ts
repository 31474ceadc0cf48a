/** True in `astro dev` only: drafts are shown there and never built (see `src/integrations/drafts.ts`). */
declare const __QUIRE_SHOW_DRAFTS__: boolean;

declare namespace App {
  interface Locals {
    /** The user-facing strings in the story's language (set by `src/middleware.ts`). */
    t: import('./shared/i18n/strings.ts').Translate;
  }
}
