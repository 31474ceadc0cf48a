import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/cli/support/serve.ts';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';
import { offlineCache } from '../../src/shared/contract.ts';
import { axeViolations } from '../support/axe';
import { settled, sharedBrowser } from '../support/browser';
import { chapterFile, writeStory } from '../support/content-file';
import { buildSites } from '../support/build';

/**
 * Reading offline, with the server really gone (a browser's offline flag does not stop a
 * service worker's own fetches): two releases of one story under a base path, served from one
 * address; between them, and to go offline, the server stops.
 */

const base = '/serial/';
const work = makeWorkDir('offline-');
const served = join(work, 'served');
const storyMd = '---\ntitle: Lamplight\nauthor: Wren\n---\n\nBelow the opera house, someone keeps the lamps lit.\n';
/** A release: the story, its chapters, and the picture chapter 1 shows. */
const release = (name: string, chapters: Record<string, string>) => {
  const dir = writeStory(join(work, name), storyMd, chapters);
  cpSync(fileURLToPath(new URL('../fixtures/archive/images/lake.png', import.meta.url)), join(dir, 'images', 'lake.png'));
  return dir;
};

const one = chapterFile(
  'title: "Chapter 1: Wick"\norder: 1\npublished: 2026-10-01\n',
  'The lamp was burning when she came.\n\n![The lake under the opera house](../images/lake.png)',
);
const two = chapterFile('title: "Chapter 2: Flame"\norder: 2\npublished: 2026-10-08\n', 'Erik kept the lamps for eleven years.');
const twoRevised = chapterFile(
  'title: "Chapter 2: Flame"\norder: 2\npublished: 2026-10-08\n',
  'Erik had kept the lamps for eleven long years.',
);
const three = chapterFile('title: "Chapter 3: Glass"\norder: 3\npublished: 2026-10-15\n', 'The chandelier glass was cold as the lake.');
const four = chapterFile('title: "Chapter 4: Smoke"\norder: 4\npublished: 2026-10-22\n', 'At dawn the lamps went out.');
const draft = chapterFile('title: "Chapter 5: Ash"\norder: 5\ndraft: true\n', 'Nobody has read this yet.');

let browser: Browser;
let server: StaticServer | undefined;
let port = 0;
const builds = { first: join(work, 'dist-1'), second: join(work, 'dist-2') };

/** Serves a release at the same address as before (the reader's browser keeps its worker and cache). */
async function serve(dir: string) {
  await server?.close();
  rmSync(served, { recursive: true, force: true });
  cpSync(dir, served, { recursive: true });
  server = await serveStatic(served, base, port);
  port = Number(new URL(server.url).port);
}

/** The host stops serving: every request is refused. */
async function stopServing() {
  await server?.close();
  server = undefined;
}

const url = (path = '') => `http://127.0.0.1:${port}${base}${path}`;

/** Whether a page or file is kept in the story's offline cache. */
const isKept = (page: Page, path: string) =>
  page.evaluate(async ([name, address]) => Boolean(await (await caches.open(name!)).match(address!)), [offlineCache(base), url(path)]);

/** A page once the site's service worker controls it. */
async function controlled(context: BrowserContext, path = '') {
  const page = await context.newPage();
  await page.goto(url(path));
  await settled(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
  });
  return page;
}

beforeAll(async () => {
  const first = release('release-1', { 'chapter-1.md': one, 'chapter-2.md': two, 'chapter-3.md': three, 'chapter-5.md': draft });
  const second = release('release-2', { 'chapter-1.md': one, 'chapter-2.md': twoRevised, 'chapter-3.md': three, 'chapter-4.md': four });
  await buildSites([
    { name: 'release-1', options: { contentDir: first, outDir: builds.first, basePath: base, buildDate: '2026-10-16' } },
    { name: 'release-2', options: { contentDir: second, outDir: builds.second, basePath: base, buildDate: '2026-10-25' } },
  ]);
  browser = await sharedBrowser();
}, 240_000);

afterAll(async () => {
  await Promise.all([...(browser?.contexts() ?? []).map((context) => context.close()), server?.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('offline reading', () => {
  it('reopens a chapter read online (and the next, fetched ahead), and shows the offline page for a page never kept', async () => {
    await serve(builds.first);
    const context = await browser.newContext();
    const page = await controlled(context, 'chapter-1/');
    // The page open when the worker started is kept, as is any page read after.
    await expect.poll(() => isKept(page, 'chapter-1/')).toBe(true);
    await page.goto(url('chapter-2/'));
    await settled(page);
    await expect.poll(() => isKept(page, 'chapter-2/')).toBe(true);

    await stopServing();
    await page.goto(url('chapter-1/'));
    expect(await page.locator('h1').textContent()).toContain('Chapter 1: Wick');
    expect(await page.locator('#chapter-text').textContent()).toContain('The lamp was burning when she came.');
    // Styled as online: the stylesheets were kept from the first visit.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('"Times New Roman"');
    // And its picture, shown before the worker started, is there too.
    const picture = page.getByRole('img', { name: 'The lake under the opera house' });
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

    // Chapter 3 was fetched ahead while chapter 2 was read: it is there too, a search's highlight or not.
    await page.goto(url('chapter-3/?highlight=glass'));
    await settled(page);
    expect(await page.locator('#chapter-text').textContent()).toContain('The chandelier glass was cold');

    await page.goto(url('read/'));
    await settled(page);
    expect(await page.locator('h1').textContent()).toBe('You are offline');
    const kept = await page.locator('main nav li a').allTextContents();
    expect(kept).toEqual(['Chapter 1: Wick', 'Chapter 2: Flame', 'Chapter 3: Glass']);
    await context.close();
  }, 60_000);

  it('keeps the whole story, then opens an unvisited chapter and searches with the server gone', async () => {
    await serve(builds.first);
    const context = await browser.newContext();
    const page = await controlled(context);
    const keep = page.getByRole('button', { name: 'Keep the whole story offline' });
    await keep.click();
    // The size first, nothing fetched yet.
    await expect
      .poll(() => page.locator('.keep-status').textContent())
      .toMatch(/^The whole story, with search, takes \d+ KB on this device\.$/);
    expect(await isKept(page, 'chapter-3/')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect
      .poll(() => page.locator('.keep-status').textContent(), { timeout: 20_000 })
      .toMatch(/^The whole story is kept on this device/);
    expect(await page.getByRole('button', { name: 'Remove it from this device' }).isVisible()).toBe(true);
    // Never a draft, never the EPUB.
    expect(await isKept(page, 'chapter-5/')).toBe(false);
    expect(await isKept(page, 'lamplight.epub')).toBe(false);

    await stopServing();
    await page.goto(url('chapter-3/'));
    await settled(page);
    expect(await page.locator('#chapter-text').textContent()).toContain('The chandelier glass was cold as the lake.');
    await page.goto(url('read/'));
    expect(await page.locator('main').textContent()).toContain('Erik kept the lamps for eleven years.');

    await page.goto(url('search/?q=chandelier'));
    await settled(page);
    await expect.poll(() => page.locator('.results > li h2').allTextContents(), { timeout: 10_000 }).toEqual(['Chapter 3: Glass']);

    // The reading settings offer the same, and know the story is kept.
    await page.goto(url('chapter-1/'));
    await settled(page);
    await page.locator('.reader-settings summary').click();
    await expect.poll(() => page.locator('.settings-panel .keep-status').textContent()).toMatch(/^The whole story is kept/);
    await context.close();
  }, 90_000);

  it('shows a new release to a reader online, and keeps its new chapter when the whole story is kept', async () => {
    await serve(builds.first);
    const context = await browser.newContext();
    const page = await controlled(context);
    await page.getByRole('button', { name: 'Keep the whole story offline' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => page.locator('.keep-status').textContent(), { timeout: 20_000 }).toMatch(/^The whole story is kept/);

    // The next release goes out; the reader comes back online.
    await serve(builds.second);
    await page.goto(url('chapter-2/'));
    await settled(page);
    expect(await page.locator('#chapter-text').textContent()).toContain('Erik had kept the lamps for eleven long years.');
    // The release's worker takes over and, on the next request, keeps what the release added.
    const updated = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      // The browser checks the worker on each visit; asked here, so the test need not guess when.
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      await registration.update();
      if (!registration.installing && !registration.waiting) return false;
      await changed;
      return true;
    });
    expect(updated).toBe(true);
    await page.goto(url('chapter-1/'));
    await settled(page);
    await expect.poll(() => isKept(page, 'chapter-4/'), { timeout: 20_000 }).toBe(true);

    await stopServing();
    await page.goto(url('chapter-2/'));
    expect(await page.locator('#chapter-text').textContent()).toContain('Erik had kept the lamps for eleven long years.');
    await page.goto(url('chapter-4/'));
    expect(await page.locator('#chapter-text').textContent()).toContain('At dawn the lamps went out.');
    await context.close();
  }, 90_000);
});
