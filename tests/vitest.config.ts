import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/{unit,build,browser}/**/*.test.ts'],
          // Builds the fixture sites once for the build and browser tests.
          globalSetup: ['tests/support/global-setup.ts'],
          // Build tests spawn `astro build`; browser tests drive Chromium.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // .astro components rendered by Astro's Container API, through Astro's own Vite config.
      'tests/vitest.components.config.ts',
    ],
  },
});
