import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';
import { builtSite, siteFiles } from '../support/html';
import { fixtureStory, type SiteName } from '../support/sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const htmlFiles = (site: SiteName) => siteFiles(builtSite(site)).filter((file) => file.endsWith('.html'));

const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'] }));

describe('every built page', () => {
  for (const site of ['fixture', 'fixtureBase', 'seed', 'hostile', 'edge', 'archive'] as const) {
    it(`passes html-validate (${site})`, async () => {
      const problems: string[] = [];
      for (const file of htmlFiles(site)) {
        const report = await validator.validateFile(join(builtSite(site), file));
        for (const message of report.results.flatMap((result) => result.messages)) {
          problems.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('internal links and assets', () => {
  for (const [site, base] of [
    ['fixture', '/'],
    ['fixtureBase', '/quire/'],
    ['edge', '/'],
    ['archive', '/'],
  ] as const) {
    it(`all resolve, fragments included (${site})`, () => {
      const dir = builtSite(site);
      const broken: string[] = [];
      const ids = new Map<string, Set<string>>();
      const idsOf = (file: string) => {
        if (!ids.has(file))
          ids.set(file, new Set([...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('[id]')].map((el) => el.id)));
        return ids.get(file)!;
      };
      /** The file a URL on this site serves, as a static host would. */
      const target = (path: string) => {
        const file = join(dir, decodeURIComponent(path.slice(base.length)));
        return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : file;
      };
      for (const page of htmlFiles(site)) {
        const doc = parseHTML(readFileSync(join(dir, page), 'utf8')).document;
        const pageUrl = new URL(`http://site${base}${page.replace(/index\.html$/, '')}`);
        const refs = [...doc.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')].map(
          (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!,
        );
        for (const ref of refs) {
          const url = new URL(ref, pageUrl);
          if (url.host !== 'site') continue; // external
          if (!url.pathname.startsWith(base)) {
            broken.push(`${page}: ${ref} is outside the base path`);
            continue;
          }
          const file = target(url.pathname);
          if (!existsSync(file)) broken.push(`${page}: ${ref} (no ${relative(dir, file)})`);
          else if (url.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${page}: ${ref} (no such id)`);
        }
      }
      for (const css of siteFiles(dir).filter((file) => file.endsWith('.css'))) {
        for (const [, ref] of readFileSync(join(dir, css), 'utf8').matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
          if (!ref!.startsWith('data:') && !existsSync(target(new URL(ref!, `http://site${base}${css}`).pathname)))
            broken.push(`${css}: ${ref}`);
        }
      }
      expect(broken).toEqual([]);
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
