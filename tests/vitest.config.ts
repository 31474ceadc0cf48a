import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three tiers: `unit` (pure modules, no build: `npm run test:unit`), `components` (.astro
 * components through Astro's Container API) and `site` (fixture sites built once in a global
 * setup, then checked as files and in Chromium). `npm test` runs them all.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // At least two files at a time, even on two cores: build and browser tests spend much of
    // their time waiting on a child process (Astro, Chromium, epubcheck's JVM), which another fills.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // `npm run test:coverage`: what the unit and component tiers exercise of the source, held
    // at least where it stands (the build and browser tiers run the code in child processes).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 65, statements: 65, functions: 67, branches: 64 },
    },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // .astro components rendered by Astro's Container API, through Astro's own Vite config.
      'tests/vitest.components.config.ts',
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/{build,browser}/**/*.test.ts'],
          // Builds the fixture sites once for the build and browser tests.
          globalSetup: ['tests/support/global-setup.ts'],
          // Build tests spawn `astro build`; browser tests drive Chromium.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a page does in answer to a click or a key can take a few seconds on a busy
          // two-core machine (builds, Chromium and Java side by side), not one.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
