interface ImportMetaEnv {
  /** True in `astro dev` only: drafts are shown there and never built (see `src/integrations/drafts.ts`). */
  readonly QUIRE_SHOW_DRAFTS: boolean;
}
