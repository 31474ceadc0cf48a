/** True in `astro dev` only: drafts are shown there and never built (see `src/integrations/drafts.ts`). */
declare const __QUIRE_SHOW_DRAFTS__: boolean;
