import type { AstroIntegration } from 'astro';

/**
 * Shows drafts in `astro dev` only. Decided by the Astro command rather than NODE_ENV,
 * Vite's mode or any environment variable, and compiled in as a constant (not an
 * `import.meta.env` key, which the environment can override), so nothing in an author's
 * shell can publish a draft.
 */
export function drafts(): AstroIntegration {
  return {
    name: 'quire:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { __QUIRE_SHOW_DRAFTS__: JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
