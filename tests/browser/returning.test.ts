import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/cli/support/serve.ts';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';
import { readingKey } from '../../src/shared/contract.ts';
import { settled, sharedBrowser } from '../support/browser';
import { chapterFile, writeStory } from '../support/content-file';
import { buildSites } from '../support/build';

/**
 * A returning reader across two releases of one story, served from one origin (so the
 * reader's browser keeps its storage between them): the reader reads chapters 1–2; the next
 * release adds chapters 3 and 4 and revises chapter 2.
 */

const work = makeWorkDir('returning-');
const served = join(work, 'served');
const storyMd = `---
title: Lamplight
author: Wren
comments:
  giscus:
    repo: wren/lamplight
    repoId: R_test
    category: Chapters
    categoryId: DIC_test
---

Below the opera house, someone keeps the lamps lit.
`;

const release = (name: string, chapters: Record<string, string>) => writeStory(join(work, name), storyMd, chapters);

const one = chapterFile('title: "Chapter 1: Wick"\norder: 1\npublished: 2026-10-01\n', 'The lamp was burning when she came.');
const two = chapterFile('title: "Chapter 2: Flame"\norder: 2\npublished: 2026-10-08\n', 'Erik kept the lamps for eleven years.');
const twoRevised = chapterFile(
  'title: "Chapter 2: Flame"\norder: 2\npublished: 2026-10-08\nrevised: 2026-10-20\nrevisionNote: The ending is new.\n',
  'Erik had kept the lamps for eleven long years.',
);
const three = chapterFile('title: "Chapter 3: Glass"\norder: 3\npublished: 2026-10-15\n', 'The glass was cold.');
const four = chapterFile('title: "Chapter 4: Smoke"\norder: 4\npublished: 2026-10-22\n', 'At dawn the lamps went out.');

let browser: Browser;
let server: StaticServer;
const builds = { first: join(work, 'dist-1'), second: join(work, 'dist-2') };

beforeAll(async () => {
  const first = release('release-1', { 'chapter-1.md': one, 'chapter-2.md': two });
  const second = release('release-2', { 'chapter-1.md': one, 'chapter-2.md': twoRevised, 'chapter-3.md': three, 'chapter-4.md': four });
  await buildSites([
    { name: 'release-1', options: { contentDir: first, outDir: builds.first, buildDate: '2026-10-10' } },
    { name: 'release-2', options: { contentDir: second, outDir: builds.second, buildDate: '2026-10-25' } },
  ]);
  cpSync(builds.first, served, { recursive: true });
  [browser, server] = await Promise.all([sharedBrowser(), serveStatic(served)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([...(browser?.contexts() ?? []).map((context) => context.close()), server?.close()]);
  rmSync(work, { recursive: true, force: true });
});

/** The New and Updated marks of the list entries on a page, by chapter. */
const marks = (page: Page, list: string) =>
  page.$$eval(`${list} li[data-slug]`, (items) =>
    items.flatMap((item) => {
      const mark = item.querySelector('.news-mark');
      return mark ? [[item.getAttribute('data-slug'), mark.textContent]] : [];
    }),
  );

describe('a reader coming back after a release', () => {
  it('sees what is new and what was revised since, and a first-time visitor sees no marks', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}`);
    await settled(page);
    expect(await marks(page, '.toc')).toEqual([]);
    expect(await page.locator('.since-last-visit').isHidden()).toBe(true);
    for (const slug of ['chapter-1', 'chapter-2']) {
      await page.goto(`${server.url}${slug}/`);
      await settled(page);
    }

    // The next release goes out; the reader comes back two days later (their last page long closed).
    rmSync(served, { recursive: true, force: true });
    cpSync(builds.second, served, { recursive: true });
    await page.evaluate((key) => {
      // The reader read on 2026-10-12, before chapter 2's revision of 2026-10-20, and left.
      const then = Date.parse('2026-10-12T12:00:00Z');
      const state = JSON.parse(localStorage.getItem(key)!) as { opened: Record<string, number>; seenAt: number };
      for (const slug of Object.keys(state.opened)) state.opened[slug] = then;
      state.seenAt = then;
      localStorage.setItem(key, JSON.stringify(state));
    }, readingKey('/'));
    await page.goto(`${server.url}`);
    await settled(page);
    expect(await marks(page, '.toc')).toEqual([
      ['chapter-2', 'Updated'],
      ['chapter-3', 'New'],
      ['chapter-4', 'New'],
    ]);
    const since = page.locator('.since-last-visit a');
    expect(await since.textContent()).toBe('2 new chapters since your last visit');
    expect(new URL((await since.getAttribute('href'))!).pathname).toBe('/chapter-3/');

    // The chapter menu marks them too, and the revised chapter shows what changed.
    await page.goto(`${server.url}chapter-2/`);
    await settled(page);
    // The marking loads on its own, for returning readers only. (Chapter 2 itself, open now, is news no more.)
    expect(await page.locator('.menu summary .news-mark').textContent()).toBe('New');
    expect(await marks(page, '.menu')).toEqual([
      ['chapter-3', 'New'],
      ['chapter-4', 'New'],
    ]);
    expect(await page.locator('.revision').textContent()).toContain('The ending is new.');
    // Opened again, chapter 2 is no longer news; chapter 3, once opened, is not new.
    await page.goto(`${server.url}chapter-3/`);
    await settled(page);
    await page.goto(`${server.url}`);
    await settled(page);
    expect(await marks(page, '.toc')).toEqual([['chapter-4', 'New']]);
    expect(errors).toEqual([]);

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${server.url}`);
    await settled(stranger);
    expect(await marks(stranger, '.toc')).toEqual([]);
    await stranger.context().close();
    await context.close();
  });

  it('loads comments only when the reader asks, and the page policy lets them in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    const violations: string[] = [];
    page.on('console', (message) => /Content Security Policy/.test(message.text()) && violations.push(message.text()));
    await context.route('https://giscus.app/**', (route) => {
      asked.push(route.request().url());
      return route.fulfill({
        contentType: 'text/javascript',
        body: 'document.currentScript.insertAdjacentHTML("afterend", "<p class=giscus-loaded>giscus</p>")',
      });
    });
    await page.goto(`${server.url}chapter-1/`);
    await settled(page);
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(300);
    expect(asked).toEqual([]);
    await page.getByRole('button', { name: 'Show comments' }).click();
    await page.locator('.giscus-loaded').waitFor();
    expect(asked).toEqual(['https://giscus.app/client.js']);
    const script = page.locator('section.comments script');
    expect(await script.getAttribute('data-term')).toBe('chapter-1');
    expect(await script.getAttribute('data-mapping')).toBe('specific');
    expect(await script.getAttribute('data-lang')).toBe('en');
    expect(violations).toEqual([]);
    await context.close();
  });
});
