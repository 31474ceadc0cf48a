import type { Plugin } from 'vite';

/**
 * The chapter page's components share one script (the `chapter` group in astro.config.ts), and
 * the bundler leaves each component's own script as a stub that only imports it:
 * `import"./chapter.C2BEBAHY.js";`. Served as files, the stubs cost a chapter page four more
 * requests and about 0.3 KB (gzip) for nothing. Given as the address of what they import, from
 * the site's root, they are small enough for Astro to write into the page (and hash for its
 * policy), as it does with every small script that imports nothing: the browser then loads
 * the shared script once, however many components ask for it.
 *
 * Runs before Astro's own step (`enforce: 'pre'`), which inlines only chunks without imports.
 */
export function scriptStubs(): Plugin {
  let base = '/';
  return {
    name: 'quire:script-stubs',
    enforce: 'pre',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && isStub(output)) {
          output.code = output.imports.map((file) => `import${JSON.stringify(`${base}${file}`)};`).join('');
          output.imports = [];
        }
      }
    },
  };
}

/**
 * A component's entry that holds no code of its own, only imports of shared chunks: no modules
 * rendered into it, no exports, nothing loaded later.
 */
export function isStub(chunk: {
  isEntry: boolean;
  imports: readonly string[];
  dynamicImports: readonly string[];
  exports: readonly string[];
  modules: Record<string, { renderedLength: number }>;
}): boolean {
  return (
    chunk.isEntry &&
    chunk.imports.length > 0 &&
    chunk.dynamicImports.length === 0 &&
    chunk.exports.length === 0 &&
    Object.values(chunk.modules).every((module) => module.renderedLength === 0)
  );
}
