import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { settled } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Contexts whose every later document gets axe as it opens. */
const withAxe = new WeakSet<BrowserContext>();

/** The rules a reading theme can change the outcome of: the colours of text, links and controls. */
export const colourRules = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core's WCAG 2.2 A/AA and best-practice violations on the page, as "rule: elements";
 * only those of `rules`, when given (the colour rules, for a page already checked in full in
 * another theme).
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  // Once per document: evaluating axe's 0.5 MB again costs more than a run of the colour rules.
  // The context's later documents get it as they open, compiled once (Chromium keeps the
  // code of a script added to every document): a third of what evaluating it on each costs.
  if (!withAxe.has(page.context())) {
    withAxe.add(page.context());
    await page.context().addInitScript({ content: axeSource });
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const runOnly = rules
    ? { type: 'rule', values: rules }
    : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] };
  // Only the violations in full (passes and the rest, which nothing reads, one node each), and no
  // frames (the pages have none until a reader asks for comments): a tenth of axe's time in Chromium.
  const results = await page.evaluate(
    (runOnly) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run(document, { runOnly, resultTypes: ['violations'], iframes: false }),
    runOnly,
  );
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * Opens `url` in the light theme and checks every rule, then turns the page dark in place (as
 * the system asks) and checks what a theme changes: the colours. The page stays dark.
 */
export async function lightAndDarkViolations(page: Page, url: string): Promise<{ light: string[]; dark: string[] }> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  await settled(page);
  const light = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  return { light, dark: await axeViolations(page, colourRules) };
}
