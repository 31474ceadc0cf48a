import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goneAddresses, readAddresses, writeAddresses } from '../../src/core/addresses';
import { serveStatic } from '../../src/cli/support/serve';
import { siteAddresses } from '../../src/source/site-addresses';
import { makeWorkDir } from '../../src/cli/support/work-dir';

const chapters = [
  { slug: 'chapter-1', title: 'Chapter 1: The Mask', aliases: [] },
  { slug: 'the-lake', title: 'Chapter 2:\tThe\nLake', aliases: ['chapter-2', 'lake'] },
];

describe('the chapter addresses a site serves', () => {
  it('are written a line each, aliases titled as their chapter, and read back', () => {
    const text = writeAddresses(chapters);
    expect(text).toBe(
      'chapter-1\tChapter 1: The Mask\nthe-lake\tChapter 2: The Lake\nchapter-2\tChapter 2: The Lake\nlake\tChapter 2: The Lake\n',
    );
    expect(readAddresses(`${text}\nnot a line\n`)).toHaveLength(4);
  });

  it('that a new site lacks are gone, each with the address of the chapter that has its title now', () => {
    const before = readAddresses(writeAddresses(chapters));
    const after = readAddresses(writeAddresses([{ slug: '01-the-mask', title: 'Chapter 1: The Mask', aliases: [] }, chapters[1]!]));
    expect(goneAddresses(before, after)).toEqual([{ slug: 'chapter-1', title: 'Chapter 1: The Mask', now: '01-the-mask' }]);
    expect(goneAddresses(before, readAddresses(writeAddresses([chapters[1]!])))).toEqual([
      { slug: 'chapter-1', title: 'Chapter 1: The Mask', now: undefined },
    ]);
    expect(goneAddresses(before, before)).toEqual([]);
  });
});

describe('the chapter addresses of an earlier site', () => {
  it('are read from the live site over HTTP, or a built one’s folder; one that cannot be read says why', async () => {
    const site = makeWorkDir('addresses-');
    writeFileSync(join(site, 'addresses.txt'), writeAddresses(chapters));
    const server = await serveStatic(site, '/my-serial/');
    try {
      const live = await siteAddresses(server.url.replace(/\/$/, ''));
      expect(live).toEqual({ addresses: readAddresses(writeAddresses(chapters)) });
      expect(await siteAddresses(server.url.replace('my-serial/', 'elsewhere/'))).toEqual({ unread: 'HTTP 404' });
    } finally {
      await server.close();
    }
    // The server gone: nothing answers there, and the reason is what went wrong, not fetch's "fetch failed".
    expect(await siteAddresses(server.url)).toEqual({ unread: expect.stringMatching(/^(?!fetch failed$)\S/) });
    expect(await siteAddresses(site)).toEqual({ addresses: readAddresses(writeAddresses(chapters)) });
    expect(await siteAddresses(join(site, 'nothing'))).toEqual({ unread: 'ENOENT' });
    rmSync(site, { recursive: true, force: true });
  });
});
