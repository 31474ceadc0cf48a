// ESLint (flat config): TypeScript and Astro rules, strict, zero warnings in CI.
// Formatting is Prettier's job (`npm run lint` checks both).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Non-null assertions mark places where the DOM or data is known to exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
