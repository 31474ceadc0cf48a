import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/cli/support/chromium.ts';
import { childEnv, projectRoot } from '../support/build';
import { fixtureStory } from '../support/sites';

const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
// Outside node_modules, which the dev server does not watch.
const content = join(mkdtempSync(join(tmpdir(), 'quire-dev-')), 'content');
cpSync(fixtureStory, content, { recursive: true });
let dev: ChildProcess;
let base = '';
let output = '';

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  dev = spawn(process.execPath, [astroBin, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: childEnv({ CONTENT_DIR: content, BUILD_DATE: '2026-01-01' }),
  });
  dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  base = `http://127.0.0.1:${port}`;
  let last = '';
  for (let i = 0; i < 150; i++) {
    try {
      const response = await fetch(`${base}/`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro dev did not start (${last}):\n${output}`);
});

afterAll(() => {
  dev?.kill();
  rmSync(join(content, '..'), { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows drafts, marked as drafts', async () => {
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('A Draft Chapter');
    expect(home).toMatch(/class="draft[^"]*"[^>]*>Draft</);
    const draft = await fetch(`${base}/draft/`);
    expect(draft.status).toBe(200);
    expect(await draft.text()).toMatch(/<strong class="draft[^"]*"[^>]*>Draft/);
  });

  it('previews scheduled chapters, marked with their date as drafts are marked', async () => {
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('A Scheduled Chapter');
    expect(home).toMatch(/class="scheduled[^"]*"[^>]*>Scheduled for January 1, 2030</);
    const scheduled = await fetch(`${base}/scheduled/`);
    expect(scheduled.status).toBe(200);
    expect(await scheduled.text()).toMatch(/<strong class="scheduled[^"]*"[^>]*>Scheduled for January 1, 2030/);
  });

  it('says on the search page that the index comes with a build', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/search/?q=mask`);
      await page.locator('.status').filter({ hasText: /build/ }).waitFor({ timeout: 20_000 });
      expect(await page.locator('.status').textContent()).toMatch(/run npm start \(or npm run build\)/);
    } finally {
      await browser.close();
    }
  });

  it('logs no error for a sound story', async () => {
    for (const path of ['', 'prologue/', 'chapter-2/', 'read/']) expect((await fetch(`${base}/${path}`)).status, path).toBe(200);
    expect(output).not.toMatch(/\[ERROR\]|deprecated/i);
  });

  it('shows what is wrong with a chapter as a plain page naming the file, and the story again once it is fixed', async () => {
    const file = join(content, 'chapters', 'chapter-1.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('order: 1', 'order: 1\nautorsNote: Hello'));
    const browser = await launchBrowser();
    try {
      await expect.poll(async () => (await fetch(`${base}/chapter-2/`)).status, { timeout: 20_000 }).toBe(500);
      const page = await browser.newPage();
      await page.goto(`${base}/chapter-2/`);
      // The page reloads itself as the dev server settles after the change: read it as it stands.
      const shown = () =>
        page.evaluate(() => ({
          heading: document.querySelector('h1')?.textContent,
          problems: [...document.querySelectorAll('li')].map((item) => item.textContent),
          overlay: document.querySelectorAll('vite-error-overlay').length,
          body: document.body.textContent ?? '',
        }));
      await expect.poll(shown, { timeout: 20_000 }).toMatchObject({
        heading: 'The story has a problem',
        problems: [expect.stringMatching(/chapters\/chapter-1\.md: unknown key "autorsNote": did you mean authorsNote\?$/)],
        // The author's problem alone: no overlay, no code, no stack trace.
        overlay: 0,
        body: expect.not.stringMatching(/\bat \S+:\d+|node_modules|\.astro\//),
      });
      // Saving the fix brings the chapter back in the open page, without a reload by hand.
      writeFileSync(file, good);
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toMatch(/Chapter 2/);
    } finally {
      writeFileSync(file, good);
      await browser.close();
    }
    await expect.poll(async () => (await fetch(`${base}/chapter-2/`)).status, { timeout: 20_000 }).toBe(200);
  });
});
