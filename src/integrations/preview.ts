import type { AstroIntegration } from 'astro';

/**
 * `astro dev` is a preview: drafts and scheduled chapters are shown, each marked. Decided by
 * the Astro command rather than NODE_ENV, Vite's mode or any environment variable, and
 * compiled in as a constant (not an `import.meta.env` key, which the environment can
 * override), so nothing in an author's shell can publish a draft or a chapter before its day.
 */
export function preview(): AstroIntegration {
  return {
    name: 'quire:preview',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { __QUIRE_PREVIEW__: JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
