import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSite } from '../support/browser';

const site = useBrowserSite('fixture');
const hostile = useBrowserSite('hostile');

/** Records every Content-Security-Policy violation the page reports. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('under the Content-Security-Policy', () => {
  for (const [name, path] of [
    ['home', ''],
    ['chapter', 'chapter-2/'],
    ['chapter opened from a search', 'chapter-2/?highlight=lantern#p-5'],
    ['search with a query', 'search/?q=lantern'],
    ['entire work', 'read/'],
    ['not found', 'no-such-page/'],
  ] as const) {
    it(`the ${name} page loads with no violation and no console error`, async () => {
      const { page, errors } = await site.open();
      const violations = await watchCsp(page);
      await page.goto(site.url(path));
      await page.waitForLoadState('networkidle');
      if (path.startsWith('search')) await page.locator('.results li').first().waitFor();
      if (path.includes('highlight')) await page.locator('#chapter-text mark').first().waitFor();
      expect(await violations()).toEqual([]);
      expect(errors.filter((error) => !(name === 'not found' && error.includes('404')))).toEqual([]);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
    });
  }

  it('reader settings, including the self-hosted font, work with no violation', async () => {
    const { page, errors } = await site.open();
    const violations = await watchCsp(page);
    await page.goto(site.url('prologue/'));
    await page.getByText('Reading settings').click();
    await page.getByLabel('Legible').check();
    await page.getByLabel('Sepia').check();
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(() => [...document.fonts].some((font) => font.family.includes('Atkinson') && font.status === 'loaded')),
    ).toBe(true);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('allows WebAssembly only on the search page', async () => {
    const { page } = await site.open();
    await page.goto(site.url('prologue/'));
    expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).not.toContain('wasm-unsafe-eval');
    await page.goto(site.url('search/'));
    expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain("'wasm-unsafe-eval'");
  });
});

describe('a chapter with hostile raw HTML', () => {
  it('runs none of it', async () => {
    const { page } = await hostile.open();
    await page.goto(hostile.url('chapter-1/'));
    await page.waitForLoadState('networkidle');
    await page.locator('#chapter-text p').first().hover();
    await page.getByText('Click me.').click();
    const pwned = () => page.evaluate(() => (window as unknown as { pwned?: string }).pwned);
    expect(await pwned()).toBeUndefined();
    await page.goto(hostile.url(''));
    await page.waitForLoadState('networkidle');
    expect(await pwned()).toBeUndefined();
  });
});
