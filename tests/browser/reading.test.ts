import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, colourRules, lightAndDarkViolations } from '../support/axe';
import { desktop, phone, settled, useBrowserSite } from '../support/browser';
import { applySettingsGlobal } from '../../src/shared/contract.ts';

const site = useBrowserSite('fixture');

describe('turning chapters with the keyboard', () => {
  it('goes to the next and previous chapter with the arrow keys', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url('prologue/'));
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/chapter-1\/$/);
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/\/prologue\/$/);
    expect(errors).toEqual([]);
  });

  it('ignores the arrows while typing in the search field or with a modifier key', async () => {
    const { page } = await site.open();
    await page.goto(site.url('prologue/'));
    const visited: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && visited.push(new URL(frame.url()).pathname));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('mask');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#site-search').inputValue()).toBe('mask');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Alt+ArrowRight');
    // A plain arrow now turns the page: had any key above turned it, this one would land past chapter 1.
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/chapter-1\/$/);
    expect(visited).toEqual(['/chapter-1/']);
  });
});

describe('reader settings', () => {
  it('apply before the first paint on every later page and survive a reload', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url('chapter-1/'));
    await page.getByText('Reading settings').click();
    await page.getByLabel('Dark').check();
    await page.getByLabel('Largest').check();
    await page.getByLabel('Sans').check();
    await page.getByLabel('Wide').check();

    // Record the settings on <html> at the moment <body> is first parsed: before anything can be painted.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        (window as unknown as { firstLook: unknown }).firstLook = { ...document.documentElement.dataset };
      }).observe(document, { childList: true, subtree: true });
    });
    for (const path of ['chapter-2/', '']) {
      await page.goto(site.url(path));
      expect(await page.evaluate(() => (window as unknown as { firstLook: unknown }).firstLook), path).toMatchObject({
        theme: 'dark',
        size: '5',
        font: 'sans',
        width: 'wide',
      });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    }
    await page.goto(site.url('chapter-2/'));
    expect(await page.locator('#chapter-text').evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    expect(await page.locator('#chapter-text').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);
    await page.getByText('Reading settings').click();
    expect(await page.getByLabel('Dark').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull();
    expect(errors).toEqual([]);
  });

  it('link the legible font’s stylesheet once it is chosen, once, and from then on before the first paint', async () => {
    const { page, errors } = await site.open();
    const links = () => page.locator('link[rel="stylesheet"][href*="legible-font"]').count();
    await page.goto(site.url('chapter-1/'));
    expect(await links()).toBe(0);
    await page.getByText('Reading settings').click();
    await page.getByLabel('Legible').check();
    await page.getByLabel('Sepia').check();
    await page.getByLabel('Wide').check();
    expect(await links()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dataset.font)).toBe('legible');
    await page.goto(site.url('chapter-2/'));
    expect(await links()).toBe(1);
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ font: 'legible', theme: 'sepia' });
    expect(errors).toEqual([]);
  });

  it('can hide author’s notes for rereaders', async () => {
    const { page } = await site.open();
    await page.goto(site.url('prologue/'));
    expect(await page.locator('[data-note="authors"]').isVisible()).toBe(true);
    await page.getByText('Reading settings').click();
    await page.getByLabel('Hide author’s notes').check();
    expect(await page.locator('[data-note="authors"]').isVisible()).toBe(false);
  });

  it('keep working where the browser refuses storage', async () => {
    const { page, errors } = await site.open();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await page.goto(site.url('chapter-1/'));
    await page.getByText('Reading settings').click();
    await page.getByLabel('Sepia').check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
    await page.goto(site.url(''));
    expect(errors).toEqual([]);
  });

  it('leave the page as it is, with no error, when the panel’s script cannot load (the network gone)', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url('chapter-1/'));
    await settled(page);
    // What the page loaded is in; anything more it asks for fails, as offline.
    let refused = 0;
    await page.route('**/_astro/**', (route) => {
      refused++;
      return route.abort('internetdisconnected');
    });
    await page.getByText('Reading settings').click();
    await expect.poll(() => refused).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    expect(await page.locator('#chapter-text').textContent()).toContain('practised alone');
    expect(errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('reads and moves between chapters, with the settings control hidden', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url(''));
    await page.getByRole('link', { name: /Start reading/ }).click();
    await page.waitForURL(/\/prologue\/$/);
    expect(await page.locator('#chapter-text').textContent()).toContain('The opera house was quiet');
    expect(await page.locator('.reader-settings').isVisible()).toBe(false);
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL(/\/chapter-1\/$/);
    await page.locator('a[rel="prev"]').last().click();
    await page.waitForURL(/\/prologue\/$/);
  });
});

describe('resuming where the reader stopped', () => {
  it('offers the last chapter on the home page, marks read chapters and jumps back into a chapter', async () => {
    const { page, errors } = await site.open({ viewport: { width: 800, height: 600 } });
    await page.goto(site.url('prologue/'));
    await scrollTo(page, '#chapter-text > p:last-of-type');
    await expect.poll(() => readingState(page)).toMatchObject({ read: ['prologue'] });
    await page.goto(site.url('chapter-2/'));
    await scrollTo(page, '#p-30');
    // The position is saved once scrolling settles.
    await expect.poll(async () => (await readingState(page)).positions?.['chapter-2']).toMatch(/^p-(29|30|31)$/);

    await page.goto(site.url(''));
    const continueLink = page.getByRole('link', { name: /^Continue reading: Chapter 2: The Long Rehearsal$/ });
    await continueLink.waitFor();
    expect(await continueLink.getAttribute('href')).toMatch(/^\/chapter-2\/#p-(29|30|31)$/);
    expect(await page.locator('.toc li.is-read a').allTextContents()).toEqual(['Prologue']);
    expect(await page.locator('.time-left').textContent()).toMatch(/left to read from where you are/);

    await page.goto(site.url('chapter-2/'));
    const prompt = page.getByRole('region', { name: 'Resume reading' });
    await prompt.waitFor();
    await prompt.getByRole('link', { name: 'Continue where you stopped' }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });
});

describe('layout', () => {
  const edge = useBrowserSite('edge');
  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { page } = await site.open({ viewport: { width: 320, height: 640 } });
    for (const path of ['', 'prologue/', 'chapter-2/', 'search/?q=lantern', '404.html']) {
      await page.goto(site.url(path));
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    // A long line of code (a status screen) and a table of long words wrap rather than widen the page.
    const other = await edge.open({ viewport: { width: 320, height: 640 } });
    for (const path of ['the-mask/', 'read/']) {
      await other.page.goto(edge.url(path));
      await settled(other.page);
      expect(await other.page.locator('pre').count(), path).toBeGreaterThan(0);
      expect(await other.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      // The table keeps its words whole (each cell's word on one line), scrolling in its own box if it must.
      const words = await other.page.locator('.prose td, .prose th').evaluateAll((cells) =>
        cells
          .filter((cell) => !/[\s-]/.test(cell.textContent!.trim()))
          .map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return [cell.textContent!.trim(), range.getClientRects().length];
          }),
      );
      expect(
        words.map(([word]) => word),
        path,
      ).toEqual(expect.arrayContaining(['Lamp', '18:00']));
      expect(words, path).toEqual(words.map(([word]) => [word, 1]));
    }
  });

  it('prints just the chapter', async () => {
    const { page } = await site.open();
    await page.goto(site.url('prologue/'));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.chapter-nav', '.reader-settings', '.site-footer']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('#chapter-text').isVisible()).toBe(true);
  });
});

describe('accessibility (axe-core, WCAG 2.2 A/AA and best practices)', () => {
  const pages = ['', 'prologue/', 'chapter-2/', 'search/?q=lantern', '404.html', 'offline/'];
  const views = [
    { name: 'phone', ...phone },
    { name: 'desktop', ...desktop },
  ];

  // Every rule in the light theme; in the others, what a theme changes: the colours. Each page
  // loads once per view and turns dark (as the system asks) and sepia (as the settings panel
  // sets it, through the routine the page keeps for it) in place.
  for (const { name, ...view } of views) {
    it(`finds no violations in the light theme on ${name}, nor in the colours of the dark and sepia themes`, async () => {
      const { page, errors } = await site.open({ ...view, colorScheme: 'light' });
      for (const path of pages) {
        expect(await lightAndDarkViolations(page, site.url(path)), `${path} (${name})`).toEqual({ light: [], dark: [] });
        await page.emulateMedia({ colorScheme: 'light' });
        await page.evaluate(
          (global) => (window as unknown as Record<string, (settings: object) => void>)[global]!({ theme: 'sepia' }),
          applySettingsGlobal,
        );
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
        expect(await axeViolations(page, colourRules), `${path} (sepia, ${name})`).toEqual([]);
      }
      expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    });
  }

  const archive = useBrowserSite('archive');
  it('finds no violations on pages using every key of the format, light and dark', async () => {
    const { page } = await archive.open({ colorScheme: 'light' });
    for (const path of ['', 'prologue/', 'chapter-2/', 'read/']) {
      expect(await lightAndDarkViolations(page, archive.url(path)), path).toEqual({ light: [], dark: [] });
    }
  });

  const edge = useBrowserSite('edge');
  it('finds no violations on a chapter with footnotes and the entire work, whose markers are big enough to tap', async () => {
    const { page } = await edge.open(phone);
    for (const path of ['prologue/', 'read/']) {
      await page.goto(edge.url(path));
      expect(await axeViolations(page), path).toEqual([]);
      for (const box of await page
        .locator('[data-footnote-ref], [data-footnote-backref]')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({ width, height }) => ({ width, height })))) {
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
      }
    }
  });
});

describe('a place that lasts', () => {
  const edge = useBrowserSite('edge');

  it('shows a footnote beside its number on a tap or a click, on a pause with the mouse, and jumps on a second click', async () => {
    const { page, errors } = await edge.open();
    await page.goto(edge.url('prologue/'));
    await settled(page);
    const marker = page.locator('#chapter-text [data-footnote-ref]').first();
    const preview = page.locator('.footnote-preview');
    await preview.waitFor({ state: 'attached' });
    await marker.click();
    await expect.poll(() => preview.evaluate((element) => element.matches(':popover-open'))).toBe(true);
    const note = (await page.locator('#chapter-text .footnotes li').first().textContent())!.replace(/↩.*$/s, '').trim();
    expect((await preview.textContent())!.trim()).toBe(note);
    expect(new URL(page.url()).hash).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.evaluate((element) => element.matches(':popover-open'))).toBe(false);
    // The keyboard: the note opens and takes the focus; Escape gives it back to the number.
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('footnote-preview');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-footnote-ref'))).toBe(true);
    // A pause over the number shows it too; a second click goes to the note, as the link always did.
    // (The pointer leaves first: it is still where the first click left it.)
    await page.mouse.move(0, 0);
    await marker.hover();
    await expect.poll(() => preview.evaluate((element) => element.matches(':popover-open'))).toBe(true);
    await marker.click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#fn-/);
    expect(errors).toEqual([]);
  });

  it('copies a link to the paragraph the reader is at, and saves and restores the reading as a file', async () => {
    const { page, errors, context } = await site.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(site.url('chapter-2/'));
    await settled(page);
    await scrollTo(page, '#p-20');
    // The reader reads there a moment, then goes up to the settings.
    await expect.poll(async () => (await readingState(page)).positions?.['chapter-2']).toMatch(/^p-(19|20|21)$/);
    await page.getByText('Reading settings').click();
    await page.getByLabel('Dark').check();
    await page.getByRole('button', { name: 'Copy a link to here' }).click();
    await expect.poll(() => page.locator('.place-status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/chapter-2\/#p-(19|20|21)$/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save your reading to a file' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('the-fixture-serial-reading.json');
    const file = await saved.path();

    // A new device (or a browser that cleared the site's data): the file brings the place and the settings back.
    const fresh = await site.open();
    await fresh.page.goto(site.url('chapter-1/'));
    await settled(fresh.page);
    await fresh.page.getByText('Reading settings').click();
    await fresh.page.locator('.restore input').setInputFiles(file);
    await expect.poll(() => fresh.page.locator('.place-status').textContent()).toBe('Restored: your settings and your place in the story');
    expect(await fresh.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect((await readingState(fresh.page)).positions?.['chapter-2']).toMatch(/^p-\d+$/);
    // Another story's file, or any other file, is refused, and nothing changes.
    await fresh.page
      .locator('.restore input')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"quire-reading","story":"Another"}') });
    await expect.poll(() => fresh.page.locator('.place-status').textContent()).toBe('That file is not a saved reading from this story');
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });
});

/** Scrolls with the mouse wheel, as a reader does, until `selector` reaches the top of the view (or the page ends). */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.mouse.move(400, 300);
  const top = () => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
  const atEnd = () => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
  for (let i = 0; i < 100 && (await top()) > 100 && !(await atEnd()); i++) {
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).not.toBe(before);
  }
}

/** What the site keeps of the reader's place, from their browser's storage. */
function readingState(page: Page): Promise<{ read?: string[]; positions?: Record<string, string> }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('quire:/:reading') ?? '{}'));
}

describe('content notes', () => {
  const archive = useBrowserSite('archive');

  it('show before the text, or as a control to open for a reader who chose to collapse them', async () => {
    const { page, errors } = await archive.open();
    await page.goto(archive.url('prologue/'));
    expect(await page.getByText('Major character death').first().isVisible()).toBe(true);
    await page.getByText('Reading settings').click();
    await page.getByLabel('Collapse content notes').check();
    await page.reload();
    expect(await page.locator('.content-notes li:visible').count()).toBe(0);
    await page.getByText('Show content notes').click();
    expect(await page.locator('.content-notes li:visible').allTextContents()).toEqual(['Major character death', 'Self-harm']);
    expect(errors).toEqual([]);
  });
});

describe('verse', () => {
  const archive = useBrowserSite('archive');

  it('keeps its lines and sets each stanza apart by a blank line', async () => {
    const { page, errors } = await archive.open();
    await page.goto(archive.url('prologue/'));
    const stanzas = page.locator('.verse p');
    expect(await stanzas.count()).toBe(2);
    const gap = await stanzas.nth(1).evaluate((p) => {
      const style = getComputedStyle(p);
      return parseFloat(style.marginBlockStart) / parseFloat(style.fontSize);
    });
    expect(gap).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });
});

describe('a returning reader on the home page', () => {
  it('gets "Continue reading" first, as the main action, with "Start reading" second', async () => {
    const { page } = await site.open();
    await page.goto(site.url('chapter-1/'));
    await page.goto(site.url(''));
    const links = page.locator('.actions a:visible');
    await expect.poll(() => links.allTextContents()).toEqual(['Continue reading: Chapter 1: The Mask', 'Start reading: Prologue']);
    const background = (selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('.continue a')).not.toBe(await background('.start-link'));
  });
});

describe('instant page turns', () => {
  it('asks the browser to prerender the next chapter, and the browser takes the rules under the page’s CSP', async () => {
    const { page, errors, context } = await site.open();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Preload.enable');
    const ruleSets: { sourceText: string; errorType?: string }[] = [];
    const attempts: { action: string; url: string }[] = [];
    cdp.on('Preload.ruleSetUpdated', (event: { ruleSet: { sourceText: string; errorType?: string } }) => ruleSets.push(event.ruleSet));
    cdp.on('Preload.preloadingAttemptSourcesUpdated', (event: { preloadingAttemptSources: { key: { action: string; url: string } }[] }) =>
      attempts.push(...event.preloadingAttemptSources.map((source) => source.key)),
    );
    await page.goto(site.url('prologue/'));
    await expect.poll(() => attempts.length).toBeGreaterThan(0);
    expect(ruleSets.map((set) => [JSON.parse(set.sourceText), set.errorType])).toEqual([
      [{ prerender: [{ source: 'list', urls: ['/chapter-1/'] }] }, undefined],
    ]);
    // Chromium will not prerender while a DevTools client drives it (PrerenderingDisabledByDevTools):
    // that it attempts the next chapter is what a test can see.
    expect(attempts.map(({ action, url }) => [action, new URL(url).pathname])).toContainEqual(['Prerender', '/chapter-1/']);
    expect(await page.locator('link[rel="prefetch"]').getAttribute('href')).toBe('/chapter-1/');
    expect(errors).toEqual([]);
  });

  it('counts a prerendered chapter as read only once the reader turns to it', async () => {
    const { page, context } = await site.open();
    // The page as a prerender sees itself: hidden until the reader activates it.
    await context.addInitScript(() => Object.defineProperty(document, 'prerendering', { value: true, configurable: true }));
    await page.goto(site.url('chapter-1/'));
    await settled(page);
    expect(await readingState(page)).toEqual({});
    await page.evaluate(() => {
      Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
      document.dispatchEvent(new Event('prerenderingchange'));
    });
    await expect.poll(async () => Object.keys((await readingState(page)).positions ?? {})).toEqual(['chapter-1']);
  });
});

describe('justified, hyphenated text', () => {
  it('is off by default, and on request justifies the text and hyphenates it in the story’s language, on chapters and the entire work', async () => {
    const { page } = await site.open();
    await page.goto(site.url('chapter-1/'));
    const style = () =>
      page.locator('#chapter-text').evaluate((text) => {
        const computed = getComputedStyle(text.querySelector('p')!);
        return [computed.textAlign, computed.hyphens, text.closest('[lang]')?.getAttribute('lang')];
      });
    expect(await style()).toEqual(['start', 'manual', 'en']);
    await page.getByText('Reading settings').click();
    await page.getByLabel('Justify and hyphenate').check();
    expect(await style()).toEqual(['justify', 'auto', 'en']);
    await page.goto(site.url('read/'));
    expect(
      await page
        .locator('.chapter-text p')
        .first()
        .evaluate((p) => getComputedStyle(p).textAlign),
    ).toBe('justify');
    await page.getByText('Reading settings').click();
    expect(await page.getByLabel('Justify and hyphenate').isChecked()).toBe(true);
  });
});
