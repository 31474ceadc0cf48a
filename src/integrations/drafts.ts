import type { AstroIntegration } from 'astro';

/**
 * Shows drafts in `astro dev` only. Decided by the Astro command rather than NODE_ENV
 * or Vite's mode, so a stray NODE_ENV in an author's shell can never publish a draft.
 */
export function drafts(): AstroIntegration {
  return {
    name: 'quire:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { 'import.meta.env.QUIRE_SHOW_DRAFTS': JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
