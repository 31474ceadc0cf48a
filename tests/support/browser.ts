import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/cli/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../src/cli/support/serve.ts';
import { builtSite } from './html';
import type { SiteName } from './sites';

/** A phone's screen, touch included, as the tests look at pages on one. */
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } satisfies BrowserContextOptions;
/** A desktop browser's window: what `open` gives unless told otherwise. */
export const desktop = { viewport: { width: 1280, height: 800 } } satisfies BrowserContextOptions;

let shared: Promise<Browser> | undefined;

/**
 * The worker's Chromium, started once for every test file it runs (test files share their
 * worker's modules): a start costs about a second of CPU, and each test gets a context of its
 * own, closed by the file that opened it. Playwright ends the browser when the worker exits.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser().then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}

/** Serves a built test site for a test file, and gives it pages in the worker's browser; the server and pages closed after it. */
export function useBrowserSite(site: SiteName, basePath = '/') {
  const state = {} as { browser: Browser; server: StaticServer };
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [state.browser, state.server] = await Promise.all([sharedBrowser(), serveStatic(builtSite(site), basePath)]);
  });
  // One page at a time: Chromium throttles rendering (and so IntersectionObserver) of pages left open behind.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await Promise.all([...contexts.splice(0).map((context) => context.close()), state.server?.close()]);
  });
  return {
    /** The site's URL for a path relative to its base. */
    url: (path = '') => `${state.server.url}${path}`,
    /**
     * A new page; console errors and page errors are collected in `errors`. The site's service
     * worker is kept out (its first-visit install competes with what a test times), unless the
     * options let it in; tests/browser/offline.test.ts runs it.
     */
    async open(options: BrowserContextOptions = {}) {
      const context = await state.browser.newContext({ ...desktop, serviceWorkers: 'block', ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors, context };
    },
  };
}

/**
 * Waits until a page is as a reader first sees it: loaded, every custom element defined (its
 * module script run), and on the search page the search answered. (Not `networkidle`, which
 * waits half a second after the last request of any kind, the prerender of the next chapter
 * included.)
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')].every((element) => !element.localName.includes('-') || customElements.get(element.localName)),
  );
  if (new URL(page.url()).pathname.endsWith('/search/') && new URL(page.url()).searchParams.get('q')) {
    await page.waitForFunction(() => (document.querySelector('.status')?.textContent ?? '').trim() !== '');
  }
}
