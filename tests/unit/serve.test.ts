import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/cli/support/serve.ts';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const site = makeWorkDir('serve-');
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the static server the tests and the preview commands use', () => {
  it('serves a page as a static host does, under its base path, and a missing one as 404 with the site’s 404 page', async () => {
    mkdirSync(join(site, 'chapter-1'), { recursive: true });
    writeFileSync(join(site, 'chapter-1', 'index.html'), '<p>One</p>');
    writeFileSync(join(site, '404.html'), '<p>Lost</p>');
    const server = await serveStatic(site, '/quire/');
    try {
      const page = await fetch(`${server.url}chapter-1/`);
      expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<p>One</p>']);
      for (const path of ['quire/chapter-9/', 'elsewhere/', 'quire/../../etc/passwd']) {
        const missing = await fetch(`${server.url.replace('quire/', '')}${path}`);
        expect([missing.status, await missing.text()], path).toEqual([404, '<p>Lost</p>']);
      }
    } finally {
      await server.close();
    }
  });

  it('answers 404 and keeps serving when a file goes while it runs (a site replaced under it), instead of crashing', async () => {
    writeFileSync(join(site, 'index.html'), '<p>Home</p>');
    const server = await serveStatic(site);
    try {
      rmSync(join(site, '404.html'), { force: true });
      expect((await fetch(`${server.url}gone/`)).status).toBe(404);
      expect(await (await fetch(server.url)).text()).toBe('<p>Home</p>');
    } finally {
      await server.close();
    }
  });
});
