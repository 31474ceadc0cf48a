import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWeight, textFloor } from '../support/page-weight.ts';
import { writeGeneratedStory } from '../../src/cli/support/synthetic';
import { buildSite } from '../support/build';
import { builtSite, page } from '../support/html';
import type { SiteName } from '../support/sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const chapters = ['prologue', 'chapter-1', 'chapter-2', 'interlude', 'chapter-3', 'epilogue'];
const KB = 1024;
/**
 * What a returning reader's features cost every first visit: telling them what is new
 * (src/browser/chapter-nav.ts, the stored state), the loader of footnote previews and the
 * place kept for "Copy a link to here" (src/browser/chapter-text.ts). The rest loads on use.
 */
const returningReaders = 0.4 * KB;
/**
 * What reading anywhere costs every first visit (measured 0.55 KB on the archive's chapters):
 * registering the service worker (offline reading, 0.1 KB), the "Listen" control with its
 * check for a voice and for reading on from the last chapter (0.35 KB), and the storage keys
 * both share with their on-demand scripts (0.1 KB). The rest loads on use.
 */
const readAnywhere = 0.55 * KB;
/**
 * What one routine for reader settings costs (measured 0.07 KB): the boot script's routine
 * also clears a setting and stays on `window`, where the settings panel calls it, instead of
 * the panel carrying a second copy (src/browser/reader-settings-boot.ts).
 */
const settingsRoutine = 0.08 * KB;
/** What the "Show comments" control costs a site whose author turned comments on (the archive fixture): its markup and loader. */
const commentsControl = 0.7 * KB;

/** The floor of a chapter page: every word the author wrote that it shows (text, notes, summary, content notes), gzip. */
function authoredFloor(site: SiteName, slug: string): number {
  const authored = [...page(site, `${slug}/`).querySelectorAll('#chapter-text, [data-note], .chapter-summary, .content-notes .shown')];
  return textFloor(authored.map((element) => element.textContent).join('\n'));
}

describe('page weight of a chapter (first visit, gzip)', () => {
  for (const [site, slugs] of [
    ['fixture', chapters],
    ['seed', ['prologue']],
    ['archive', ['prologue', 'chapter-2']],
  ] as const) {
    it(`stays within the text’s own size plus 9.5 KB, and what readers coming back need (${site})`, () => {
      for (const slug of slugs) {
        const weight = pageWeight(builtSite(site), `${slug}/index.html`);
        const floor = authoredFloor(site, slug);
        const allowance = 9.5 * KB + returningReaders + readAnywhere + settingsRoutine + (site === 'archive' ? commentsControl : 0);
        expect(weight.total - floor, `${slug}: ${JSON.stringify(weight)}`).toBeLessThanOrEqual(allowance);
      }
    });
  }

  it('costs a long real chapter (the author’s prologue) at most 9 KB over its text, everything above included', () => {
    const weight = pageWeight(builtSite('seed'), 'prologue/index.html');
    const floor = authoredFloor('seed', 'prologue');
    expect(weight.total - floor, JSON.stringify(weight)).toBeLessThanOrEqual(9 * KB);
  });

  it('carries at most 2.5 KB of JavaScript (and what readers coming back need), none of it render-blocking and none of it search', () => {
    for (const slug of chapters) {
      const weight = pageWeight(builtSite('fixture'), `${slug}/index.html`);
      expect(weight.js, slug).toBeLessThanOrEqual(2.5 * KB + returningReaders + readAnywhere + settingsRoutine);
      expect(weight.blockingScripts, slug).toEqual([]);
      // Components sharing one script each ask for it in the page, not through a file of their own that only imports it.
      const stubs = Object.keys(weight.files).filter((file) =>
        /^(?:import"[^"]+";)+\s*$/.test(readFileSync(join(builtSite('fixture'), file), 'utf8')),
      );
      expect(stubs, slug).toEqual([]);
      expect(weight.fonts, slug).toBe(0);
      for (const file of Object.keys(weight.files)) {
        expect(readFileSync(join(builtSite('fixture'), file), 'utf8'), file).not.toMatch(/pagefind/i);
      }
      expect(readFileSync(join(builtSite('fixture'), slug, 'index.html'), 'utf8')).not.toMatch(/pagefind\.js|pagefind-ui/);
    }
  });
});

describe('the home page of a 1,000-chapter story', () => {
  const work = makeWorkDir('budget-');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('stays under 150 KB gzip', { timeout: 240_000 }, async () => {
    // Short chapters: the home page lists chapters, so their length does not change its size.
    writeGeneratedStory(join(work, 'content'), 1000, 7, 40);
    const outDir = join(work, 'dist');
    const result = await buildSite({ contentDir: join(work, 'content'), outDir });
    expect(result.code, result.output).toBe(0);
    const weight = pageWeight(outDir, 'index.html');
    expect(weight.total).toBeLessThan(150 * KB);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8').match(/<li data-slug=/g)).toHaveLength(1000);
  });
});
