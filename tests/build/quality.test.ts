import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';
import { builtSite, siteFiles } from '../support/html';
import { fixtureStory } from '../support/sites';
import { verifySite } from '../../src/cli/support/verify-site.ts';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

describe('every built site', () => {
  for (const [site, base] of [
    ['fixture', '/'],
    ['fixtureBase', '/quire/'],
    ['seed', '/'],
    ['hostile', '/'],
    ['edge', '/'],
    ['archive', '/'],
  ] as const) {
    it(`passes npm run verify: valid HTML, every link and fragment, the feeds and the EPUB (${site})`, async () => {
      expect(await verifySite(builtSite(site), base)).toEqual([]);
    });
  }
});

describe('reproducible builds', () => {
  const work = makeWorkDir('repro-');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('give byte-identical output for the same content and BUILD_DATE', async () => {
    const outDir = join(work, 'dist');
    const result = await buildSite({ contentDir: fixtureStory, outDir });
    expect(result.code, result.output).toBe(0);
    const digest = (dir: string) =>
      Object.fromEntries(
        siteFiles(dir).map((file) => [
          file,
          createHash('sha256')
            .update(readFileSync(join(dir, file)))
            .digest('hex'),
        ]),
      );
    expect(digest(outDir)).toEqual(digest(builtSite('fixture')));
  });
});

describe('deployment files', () => {
  it('ship security headers and long caching for hashed assets, under the base path', () => {
    const headers = readFileSync(join(builtSite('fixtureBase'), '_headers'), 'utf8');
    expect(headers).toMatch(/^\/quire\/\*\n {2}Content-Security-Policy: frame-ancestors 'none'/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(headers).toMatch(/\/quire\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });
});

describe('browser bundles', () => {
  it('carry no Node, Astro runtime or build-time code', () => {
    const scripts = siteFiles(builtSite('fixture')).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts.filter((name) => name.startsWith('_astro/'))) {
      const code = readFileSync(join(builtSite('fixture'), file), 'utf8');
      for (const marker of [
        /\bfrom\s*["']node:/,
        /\bprocess\.(?:env|argv|cwd)\b/,
        /astro:content|getCollection|createRequire|readFileSync/,
        /remark|rehype|unified/,
      ]) {
        expect(code, `${file} holds ${marker}`).not.toMatch(marker);
      }
    }
  });
});
