// ESLint (flat config): TypeScript and Astro rules, strict, zero warnings in CI.
// Formatting is Prettier's job (`npm run lint` checks both).
//
// It also keeps the map of `src/` true: each folder gets only the globals of where its
// code runs, and code that reaches the browser cannot import Node, Astro or build-time code.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const names = (set) => new Set(Object.keys(set));
const builtin = names(globals.builtin);
/** Globals that exist only in Node, or only in browsers (shared ones like URL or fetch are in neither). */
const nodeOnly = [...names(globals.node)].filter((name) => !(name in globals.browser) && !builtin.has(name));
const browserOnly = [...names(globals.browser)].filter((name) => !(name in globals.node) && !builtin.has(name));
const restrict = (list, where) => ['error', ...list.map((name) => ({ name, message: `${name} does not exist ${where}.` }))];

/** Imports no code that runs in a browser may make: Node, Astro's server side, and build-time folders. */
const serverOnly = [
  { group: ['node:*'], message: 'Node modules do not exist in the browser.' },
  { group: ['astro', 'astro/*', 'astro:*', '@astrojs/*'], message: 'Astro runs at build time, not in the browser.' },
  {
    group: ['**/build/*', '**/core/*', '**/epub/*', '**/markdown/*', '**/importer/*', '**/integrations/*', '**/cli/*', '**/cli/support/*'],
    message: 'Build-time code does not reach the browser; share it through src/shared/.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist.partial/', 'dist.previous/', 'node_modules/', '.astro/', 'backups/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    rules: {
      // Non-null assertions mark places where the DOM or data is known to exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Build time and command line: Astro glue, the Markdown pipeline, the EPUB, integrations,
  // the importer, CLIs, tests and config.
  {
    files: [
      'src/build/**',
      'src/source/**',
      'src/markdown/**',
      'src/epub/**',
      'src/integrations/**',
      'src/importer/**',
      'src/cli/**',
      'src/pages/**/*.ts',
      'src/*.ts',
      '*.ts',
      '.config/**',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-globals': restrict(browserOnly, 'at build time') },
  },
  // Tests run in Node and hand functions to the browser (page.evaluate).
  { files: ['tests/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // .astro frontmatter and templates run at build time; their <script>s are the browser's (below).
  { files: ['**/*.astro'], rules: { 'no-restricted-globals': restrict(browserOnly, 'at build time') } },
  // The browser: custom elements and their helpers, and the scripts of .astro components.
  {
    files: ['src/browser/**', '**/*.astro/*.ts', '**/*.astro/*.js'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { patterns: serverOnly }],
      'no-restricted-globals': restrict(nodeOnly, 'in the browser'),
    },
  },
  // The service worker: a worker's global scope (no page, no DOM), nothing of Node or the build.
  {
    files: ['src/worker/**'],
    languageOptions: { globals: globals.serviceworker },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...serverOnly, { group: ['**/browser/*'], message: 'A service worker has no page.' }] },
      ],
      'no-restricted-globals': restrict(nodeOnly, 'in a service worker'),
    },
  },
  // Shared by build and browser: plain TypeScript with no host at all.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-globals': restrict([...nodeOnly, ...browserOnly], 'everywhere shared code runs'),
      'no-restricted-imports': [
        'error',
        { patterns: [...serverOnly, { group: ['**/browser/*'], message: 'Shared code runs at build time too.' }] },
      ],
    },
  },
  // Node-side rooms that run without Astro's runtime (the story read from its files, the
  // importer, the command line, Astro's config and its integrations): no astro:* module, no
  // Astro glue from src/build/, nothing of the browser's.
  {
    files: ['src/source/**', 'src/importer/**', 'src/cli/**', 'src/integrations/**', 'src/epub/**', 'src/markdown/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['astro:*'], message: 'This runs outside Astro’s runtime: src/build/ reads the collections and assets.' },
            { group: ['**/browser/*'], message: 'Browser code does not run here.' },
            { group: ['../build/*', '../../build/*'], message: 'src/build/ is Astro glue; share through src/source/ or src/core/.' },
          ],
        },
      ],
    },
  },
  // Pure story logic: no host, no Astro runtime (only its Zod), nothing from the browser.
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': restrict([...nodeOnly, ...browserOnly], 'everywhere story logic runs'),
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Story logic is pure: pass data in instead.' },
            { group: ['astro:*'], message: 'Story logic is pure: src/build/ reads the collections.' },
            {
              group: ['**/build/*', '**/browser/*', '**/epub/*', '**/markdown/*', '**/importer/*', '**/cli/*'],
              message: 'Story logic depends only on src/shared/.',
            },
          ],
        },
      ],
    },
  },
);
