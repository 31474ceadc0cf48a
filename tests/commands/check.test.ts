import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/build';
import { readStory } from '../../src/source/story-source.ts';
import { fixtureStory } from '../support/sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

const work = makeWorkDir('check-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Where the checks' builds would go: their cache (`<out>-cache`) is the tests', not the project's. */
const outDir = join(work, 'dist');

/** Runs the story check (`npm run check`) on a content folder. */
function check(contentDir: string, env: Record<string, string> = {}) {
  const result = runCommand('check', [], { env: { CONTENT_DIR: contentDir, BUILD_DATE: '2026-01-01', OUT_DIR: outDir, ...env } });
  return { code: result.code, output: `${result.stdout}${result.stderr}` };
}

describe('the story check', () => {
  it('passes the fixture story and reports its warnings', () => {
    const result = check(fixtureStory);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/warning {2}\S*chapter-2\.md: \d+ words, more than four times/);
    expect(result.output).toMatch(/✓ 8 chapter files/);
    // And what the schedule holds, when each goes out.
    expect(result.output).toMatch(/^scheduled {2}\S*chapters\/scheduled\.md {2}2030-01-01$/m);
  });

  it('lists a chapter scheduled for a time in UTC, saying how to schedule in the author’s own time zone, and in it once named', () => {
    const content = join(work, 'zoned');
    cpSync(fixtureStory, content, { recursive: true });
    const scheduled = join(content, 'chapters', 'scheduled.md');
    writeFileSync(scheduled, readFileSync(scheduled, 'utf8').replace('published: 2030-01-01', 'published: 2030-01-01 18:00'));
    const utc = check(content, { TZ: 'Europe/Paris' });
    expect(utc.output).toMatch(/^scheduled {2}\S*chapters\/scheduled\.md {2}2030-01-01 18:00 UTC$/m);
    expect(utc.output).toMatch(/^note {5}the times are UTC; to schedule in your own, add timeZone: Europe\/Paris \(yours\) to story\.md$/m);
    const story = join(content, 'story.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace('status: in-progress', 'status: in-progress\ntimeZone: Europe/Paris'));
    const zoned = check(content, { TZ: 'Europe/Paris' });
    expect(zoned.output).toMatch(/^scheduled {2}\S*chapters\/scheduled\.md {2}2030-01-01 18:00 Europe\/Paris$/m);
    expect(zoned.output).not.toMatch(/the times are UTC/);
  });

  it('fails on bad input, naming each file and field, without building', () => {
    const content = join(work, 'bad');
    cpSync(fixtureStory, content, { recursive: true });
    writeFileSync(join(content, 'chapters', 'chapter-1.md'), '---\ntitle: One\norder: three\n---\n\nText.\n');
    writeFileSync(join(content, 'chapters', 'broken.md'), '---\ntitle: "Broken\norder: 7\n---\n\nText.\n');
    writeFileSync(join(content, 'chapters', 'twin.md'), '---\ntitle: Twin\norder: 3\n---\n\nSee [nowhere](chapter-99.md).\n');
    writeFileSync(join(content, 'chapters', 'empty.md'), '---\ntitle: Empty\norder: 8\n---\n\n');
    const result = check(content);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/error {4}\S*chapters\/chapter-1\.md: order: order must be a number/);
    expect(result.output).toMatch(/error {4}\S*chapters\/broken\.md:\d+: the frontmatter is not valid YAML/);
    expect(result.output).toMatch(/order 3 is used by both \S*chapter-3\.md and \S*twin\.md/);
    expect(result.output).toMatch(/\S*twin\.md:6: the link to "chapter-99\.md" points at no chapter/);
    expect(result.output).toMatch(/\S*empty\.md: the chapter has no text/);
    expect(result.output).toMatch(/✗ 11 chapter files in \S+: 5 errors/);
  });

  it('renders the story into the cache its build reads, so the build after a check renders nothing again; another folder apart', async () => {
    const content = join(work, 'cached');
    cpSync(fixtureStory, content, { recursive: true });
    const rendered = join(`${outDir}-cache`, 'quire-rendered');
    rmSync(rendered, { recursive: true, force: true });
    expect(check(content).code).toBe(0);
    const entries = readdirSync(rendered).sort();
    expect(entries.length).toBeGreaterThan(8);
    // The build's own reading, with the same settings, finds every one of them: it renders (and adds) none.
    await readStory(content, { base: '/', now: new Date('2026-01-01'), cacheDir: `${outDir}-cache` });
    expect(readdirSync(rendered).sort()).toEqual(entries);
    rmSync(rendered, { recursive: true, force: true });
    const other = runCommand('check', ['--content', content], {
      env: { CONTENT_DIR: fixtureStory, BUILD_DATE: '2026-01-01', OUT_DIR: outDir },
    });
    expect(other.code, other.stderr).toBe(0);
    expect(existsSync(rendered)).toBe(false);
  });

  it('checks the folder --content names, and refuses an argument it does not know rather than check another story', () => {
    const named = runCommand('check', ['--content', fixtureStory], { env: { BUILD_DATE: '2026-01-01' } });
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toMatch(/✓ 8 chapter files in tests\/fixtures\/story/);
    const stray = runCommand('check', ['my-story'], { env: { CONTENT_DIR: fixtureStory } });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/Unexpected argument 'my-story'[\s\S]*Usage: npm run check -- \[--content <dir>\]/);
  });

  it('says a setting set wrong (SITE_URL with a path, BUILD_DATE not a date) as its message alone, as the site check does', () => {
    for (const [env, message] of [
      [
        { SITE_URL: 'https://author.github.io/my-serial' },
        /^error {4}SITE_URL "https:\/\/author\.github\.io\/my-serial" has a path; set SITE_URL to the origin and BASE_PATH to the path\n$/,
      ],
      [{ BUILD_DATE: '2026-02-30' }, /^error {4}BUILD_DATE "2026-02-30" is not a date on the calendar/],
    ] as const) {
      const result = check(fixtureStory, env);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(message);
    }
    const verify = runCommand('verify', ['--dir', work], { env: { SITE_URL: 'https://author.github.io/my-serial' } });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toBe(
      'error    SITE_URL "https://author.github.io/my-serial" has a path; set SITE_URL to the origin and BASE_PATH to the path\n',
    );
  });

  it('reports a missing story.md and an empty chapters folder, and a content folder that is not there as such', () => {
    mkdirSync(join(work, 'nothing'));
    const result = check(join(work, 'nothing'));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/story\.md is missing/);
    expect(result.output).toMatch(/chapters\/ holds no chapters/);
    const absent = check(join(work, 'not-there'));
    expect(absent.code).toBe(1);
    expect(absent.output).toMatch(/error {4}the content folder \S*not-there does not exist: give the folder that holds story\.md/);
    expect(absent.output).not.toMatch(/story\.md is missing/);
  });

  it('warns when the schedule would show readers what the author may not mean, and checks as of BUILD_DATE', () => {
    const content = join(work, 'schedule');
    cpSync(fixtureStory, content, { recursive: true });
    const story = join(content, 'story.md');
    writeFileSync(
      story,
      readFileSync(story, 'utf8')
        .replace(/^status: .*$/m, '')
        .replace(/^title:/m, 'status: complete\ntitle:'),
    );
    // The scheduled chapter (order 11, 2030-01-01) now has a chapter after it that is out at once.
    writeFileSync(join(content, 'chapters', 'chapter-12.md'), '---\ntitle: Twelve\norder: 12\n---\n\nOut already.\n');
    const result = check(content);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(
      /warning {2}\S*chapter-12\.md comes after \S*scheduled\.md in reading order but goes out first \(now\), while \S*scheduled\.md is scheduled for 2030-01-01/,
    );
    expect(result.output).toMatch(/warning {2}\S*story\.md: status is complete, but \S*scheduled\.md is still scheduled/);
    // Once the scheduled chapter's day has come, there is nothing to say.
    const later = check(content, { BUILD_DATE: '2030-01-02' });
    expect(later.output).not.toMatch(/scheduled/);
  });
});
