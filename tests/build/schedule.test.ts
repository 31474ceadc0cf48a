import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';
import { builtSite, page } from '../support/html';
import { fixtureStory } from '../support/sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const work = makeWorkDir('schedule-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scheduled chapters', () => {
  it('are held back before their date, with the date announced on the home page', () => {
    expect(existsSync(join(builtSite('fixture'), 'scheduled'))).toBe(false);
    const next = [...page('fixture', '').querySelectorAll('.story-meta dt')].find((dt) => dt.textContent === 'Next chapter');
    expect(next?.nextElementSibling?.querySelector('time')?.getAttribute('datetime')).toBe('2030-01-01');
    // And to the hourly release workflow (release.yml), to the second.
    expect(readFileSync(join(builtSite('fixture'), 'next-release.txt'), 'utf8')).toBe('2030-01-01T00:00:00.000Z\n');
  });

  it('are released by a build on or after their date (BUILD_DATE), while drafts never are', async () => {
    const outDir = join(work, 'dist');
    // Nothing in the author's environment may publish a draft.
    const env = { NODE_ENV: 'development', QUIRE_PREVIEW: 'true', __QUIRE_PREVIEW__: 'true', __QUIRE_SHOW_DRAFTS__: 'true' };
    const result = await buildSite({ contentDir: fixtureStory, outDir, buildDate: '2030-01-01', env });
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(join(outDir, 'scheduled', 'index.html'), 'utf8')).toContain('scheduled-only-sentence');
    expect(readFileSync(join(outDir, 'epilogue', 'index.html'), 'utf8')).toMatch(/rel="next" href="\/scheduled\/"/);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain('Next chapter');
    expect(readFileSync(join(outDir, 'next-release.txt'), 'utf8')).toBe('');
    expect(existsSync(join(outDir, 'draft'))).toBe(false);
  });
});
