import type { Plugin } from 'vite';

/** The id Vite knows a virtual module by once resolved: `\0` keeps other plugins off it. */
export function resolvedId(id: string): string {
  return `\0${id}`;
}

/**
 * A Vite plugin that serves `id` (`virtual:quire/strings`) as a module whose code `load`
 * writes when the module is first imported; `more` adds hooks (a dev server's watcher).
 */
export function virtualModule(id: string, load: () => string, more: Omit<Plugin, 'name'> = {}): Plugin {
  const resolved = resolvedId(id);
  return {
    name: `quire:${id}`,
    resolveId: (source) => (source === id ? resolved : null),
    load: (source) => (source === resolved ? load() : null),
    ...more,
  };
}
