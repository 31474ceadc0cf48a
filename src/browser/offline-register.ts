/**
 * Registers the site's service worker (src/worker/service-worker.ts) once the page has
 * loaded, so it never competes with the page for the network. Inlined into every page's
 * `<head>` with the settings (src/build/boot-script.ts), so it must stand alone: no imports.
 */
export function registerOffline(worker: string): void {
  if ('serviceWorker' in navigator) addEventListener('load', () => navigator.serviceWorker.register(worker).catch(() => {}));
}
