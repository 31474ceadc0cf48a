import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dev as startDevServer } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrowser } from '../support/browser';
import { buildTries, childEnv, projectRoot, trippedOnAnotherBuild } from '../support/build';
import { archiveStory, fixtureStory } from '../support/sites';

// Outside node_modules, which the dev server does not watch.
const content = join(mkdtempSync(join(tmpdir(), 'quire-dev-')), 'content');
cpSync(fixtureStory, content, { recursive: true });
let server: Awaited<ReturnType<typeof startDevServer>>;
let base = '';
let output = '';
/** Where in the log the test that breaks a chapter on purpose wrote, left out of the check for errors. */
const broken = { from: 0, to: 0 };
const environment = { ...process.env };
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };

/**
 * `npm run dev`, started in this process through Astro's own API: on the port it took (no
 * free-port guess), ready when the call returns (no polling), its log kept for the checks.
 */
beforeAll(async () => {
  // The environment `npm run dev` has: the story to read, not a test runner's variables.
  for (const key of Object.keys(process.env)) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, childEnv({ CONTENT_DIR: content, BUILD_DATE: '2026-01-01', NODE_ENV: 'development' }));
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      output += chunk.toString();
      return writes[stream].call(process[stream], chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  // A build running beside it (the test sites') can trip its content sync over the one
  // `.astro/content-assets.mjs` of the project: started again, as the builds are.
  for (let tried = 1; ; tried++) {
    try {
      // What a try that lost the race logged is not this server's.
      output = '';
      server = await startDevServer({ root: projectRoot, server: { host: '127.0.0.1', port: 0 } });
      break;
    } catch (error) {
      if (tried >= buildTries || !trippedOnAnotherBuild(error)) throw error;
    }
  }
  base = `http://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  await server?.stop();
  Object.assign(process.stdout, { write: writes.stdout });
  Object.assign(process.stderr, { write: writes.stderr });
  for (const key of Object.keys(process.env)) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, environment);
  rmSync(join(content, '..'), { recursive: true, force: true });
});

/** Writes a file the dev server watches (a change, or a file added), and waits for its watcher to see it. */
async function save(file: string, text: string | Uint8Array): Promise<void> {
  const event = existsSync(file) ? 'change' : 'add';
  const seen = new Promise<void>((resolve) => {
    const onChange = (path: string) => {
      if (path !== file) return;
      server.watcher.off(event, onChange);
      resolve();
    };
    server.watcher.on(event, onChange);
  });
  writeFileSync(file, text);
  await seen;
}

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
    const context = await (await sharedBrowser()).newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${base}/search/?q=mask`);
      await page.locator('.status').filter({ hasText: /build/ }).waitFor({ timeout: 20_000 });
      expect(await page.locator('.status').textContent()).toMatch(/run npm start \(or npm run build\)/);
    } finally {
      await context.close();
    }
  });

  it('logs no error for a sound story', async () => {
    for (const path of ['', 'prologue/', 'chapter-2/', 'read/']) expect((await fetch(`${base}/${path}`)).status, path).toBe(200);
    // The log is the server's (it said it was ready), and holds no error but the chapter broken on purpose.
    const log = output.slice(0, broken.from) + output.slice(broken.to);
    expect(log).toMatch(/ready in \d+/);
    expect(log).not.toMatch(/\[ERROR\]|deprecated/i);
  });

  it('shows what is wrong with a chapter as a plain page naming the file, and the story again once it is fixed', async () => {
    const file = join(content, 'chapters', 'chapter-1.md');
    const good = readFileSync(file, 'utf8');
    broken.from = output.length;
    await save(file, good.replace('order: 1', 'order: 1\nautorsNote: Hello'));
    const context = await (await sharedBrowser()).newContext();
    try {
      await expect.poll(async () => (await fetch(`${base}/chapter-2/`)).status, { timeout: 20_000 }).toBe(500);
      const page = await context.newPage();
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
      await save(file, good);
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toMatch(/Chapter 2/);
    } finally {
      writeFileSync(file, good);
      await context.close();
    }
    await expect.poll(async () => (await fetch(`${base}/chapter-2/`)).status, { timeout: 20_000 }).toBe(200);
    broken.to = output.length;
  });

  it('shows a picture the author adds after the text names it: the missing picture is no problem once it is there', async () => {
    const file = join(content, 'chapters', 'chapter-1.md');
    const good = readFileSync(file, 'utf8');
    const picture = join(content, 'images', 'lake.png');
    try {
      await save(file, `${good}\n\n![The lake at night](../images/lake.png)\n`);
      await expect.poll(async () => (await fetch(`${base}/chapter-1/`)).status, { timeout: 20_000 }).toBe(500);
      mkdirSync(join(content, 'images'), { recursive: true });
      await save(picture, readFileSync(join(archiveStory, 'images', 'lake.png')));
      await expect.poll(async () => (await fetch(`${base}/chapter-1/`)).status, { timeout: 20_000 }).toBe(200);
      expect(await (await fetch(`${base}/chapter-1/`)).text()).toMatch(/<img[^>]+alt="The lake at night"/);
    } finally {
      writeFileSync(file, good);
      rmSync(join(content, 'images'), { recursive: true, force: true });
    }
  });
});
