import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { builtSite } from './html';
import { serveStatic, type StaticServer } from './server';
import type { SiteName } from './sites';

/**
 * Launches headless Chromium: `CHROMIUM_PATH` if set, else the system's Chromium if
 * installed, else the one shipped inside `@sparticuz/chromium` (so `npm test` needs no
 * system browser).
 */
export async function launchBrowser(): Promise<Browser> {
  const common = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];
  const system = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (system) return chromium.launch({ executablePath: system, args: common });
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its defaults target serverless hosts: drop the flags that kill the browser with a
  // context (--single-process) or hide CSP bugs (--disable-web-security and friends).
  const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
  const args = [...sparticuz.args.filter((arg) => !dropped.has(arg.split('=')[0] ?? arg)), ...common];
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
}

/** Serves a built test site and opens a browser for a test file; both closed after it. */
export function useBrowserSite(site: SiteName, basePath = '/') {
  const state = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    [state.browser, state.server] = await Promise.all([launchBrowser(), serveStatic(builtSite(site), basePath)]);
  });
  afterAll(async () => {
    await Promise.all([state.browser?.close(), state.server?.close()]);
  });
  return {
    /** The site's URL for a path relative to its base. */
    url: (path = '') => `${state.server.url}${path}`,
    /** A new page; console errors and page errors are collected in `errors`. */
    async open(options: BrowserContextOptions = {}) {
      const context = await state.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors, context };
    },
  };
}
