import type { Plugin } from 'vite';

const prefix = 'lazy:';
const resolvedPrefix = `\0${prefix}`;

/**
 * `import load from 'lazy:./module.ts'` gives a function that loads `module.ts` when called,
 * as its own chunk. Unlike a plain `import()`, it adds no preload helper (nearly 1 KB on
 * every page) for a module most readers never load: the settings panel, the search
 * highlighter. One that fails to load never settles: what it would add is not added.
 */
export function lazyScripts(): Plugin {
  let serve = false;
  return {
    name: 'quire:lazy-scripts',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    async resolveId(source, importer) {
      if (!source.startsWith(prefix)) return null;
      const resolved = await this.resolve(source.slice(prefix.length), importer);
      return resolved ? `${resolvedPrefix}${resolved.id}` : null;
    },
    load(id) {
      if (!id.startsWith(resolvedPrefix)) return null;
      const file = id.slice(resolvedPrefix.length);
      if (serve) return `export default () => import(${JSON.stringify(`/@fs${file}`)});`;
      const reference = this.emitFile({ type: 'chunk', id: file });
      // A load that fails (the reader went on to another page meanwhile, or lost the network) leaves
      // the page as it is, the enhancement not made, rather than throwing in the reader's console.
      return `export default () => import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${reference}).catch(() => new Promise(() => {}));`;
    },
  };
}
