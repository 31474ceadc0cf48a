import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Four tiers: `unit` (pure modules, no build: `npm run test:unit`), `components` (.astro
 * components through Astro's Container API), `commands` (the CLIs and the deploy on stories the
 * tests write) and `site` (fixture sites built once in a global setup, then checked as files and
 * in Chromium). `npm test` runs them all.
 */
/** Tests that build stories and drive Chromium: slower than a unit test, on a machine busy with them. */
const buildsAndBrowsers = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // What a page does in answer to a click or a key can take a few seconds on a busy
  // two-core machine (builds, Chromium and Java side by side), not one.
  expect: { poll: { timeout: 5_000 } },
};

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // At least two files at a time, even on two cores: build and browser tests spend much of
    // their time waiting on a child process (Astro, Chromium, epubcheck's JVM), which another fills.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files share their worker's loaded modules (no test mocks a module; the dev server's,
    // which sets process.env as `npm run dev` has it, puts it back): a fresh module graph per
    // file cost the unit tier half its time.
    isolate: false,
    // `npm run test:coverage`: what the unit and component tiers exercise of the source they can
    // reach, held at least where it stands. Left out: the browser's and the service worker's
    // scripts and the command-line entry points, which run only in Chromium and in child
    // processes (the browser and commands tiers test them there).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/browser/**', 'src/worker/**', 'src/cli/*.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 87, statements: 85, functions: 84, branches: 79 },
    },
    projects: [
      // First (`groupOrder` 0), while the global setup builds the shared test sites in the
      // background: the unit and component tests, and the commands' tests, which build stories of
      // their own. Then (1) the build and browser tests on the shared sites, which wait for them.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'commands',
          // npm run import / new / check / dev, and a push's deploy, on stories the tests write.
          include: ['tests/commands/**/*.test.ts'],
          ...buildsAndBrowsers,
          sequence: { groupOrder: 0 },
        },
      },
      // .astro components rendered by Astro's Container API, through Astro's own Vite config.
      'tests/vitest.components.config.ts',
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/{build,browser}/**/*.test.ts'],
          // Builds the fixture sites once for the build and browser tests.
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/sites-ready.ts'],
          sequence: { groupOrder: 1 },
          // One file more than the others: these wait on Chromium, servers and builds much of the
          // time, which a third file fills (two left the two cores a third idle: 281 s, then 231–241 s).
          maxWorkers: Math.max(3, availableParallelism()),
          ...buildsAndBrowsers,
        },
      },
    ],
  },
});
