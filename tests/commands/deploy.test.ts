import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedStory } from '../../src/cli/support/synthetic.ts';
import { childEnv, projectRoot } from '../support/build';
import { runStepsForPush, type RunStep } from '../support/workflows';

const workflows = join(projectRoot, '.github/workflows');
/** What `actions/configure-pages` gives a project site. */
const pages = { 'steps.pages.outputs.origin': 'https://author.github.io', 'steps.pages.outputs.base_path': '/my-serial' };
const contentPush = ['content/chapters/chapter-60.md', 'content/story.md'];

describe('what a push runs', () => {
  it('for a change to the story alone: the story’s checks, the build and the site check, not the project’s tests', () => {
    const runs = runStepsForPush(workflows, 'main', contentPush, pages).map((step) => step.run);
    expect(runs).toEqual(
      expect.arrayContaining(['npm run check', 'npm run build', 'npm run verify -- --since "https://author.github.io/my-serial"']),
    );
    expect(runs.join('\n')).not.toMatch(/npm test|npm run lint|typecheck|apt-get/);
    expect(runs.findIndex((run) => run.startsWith('npm run verify'))).toBeGreaterThan(runs.indexOf('npm run build'));
    // The check renders the story as the build will (under the same base path), into the cache the build then reads.
    const steps = runStepsForPush(workflows, 'main', contentPush, pages);
    const base = (run: string) => steps.find((step) => step.run === run)?.env.BASE_PATH;
    expect(base('npm run check')).toBe('/my-serial');
    expect(base('npm run check')).toBe(base('npm run build'));
  });

  it('for a change to the code: the project’s tests too', () => {
    const runs = runStepsForPush(workflows, 'main', ['src/core/story.ts'], pages).map((step) => step.run);
    expect(runs).toEqual(expect.arrayContaining(['npm test', 'npm run lint', 'npm run typecheck', 'npm run build']));
    expect(runs.filter((run) => run.startsWith('npm run verify'))).not.toEqual([]);
  });
});

/**
 * An author's copy of the project with their own 60-chapter story in `content/`: the files
 * Quire ships (not its dependencies, which are linked, nor its sample story).
 */
function authorsCopy(): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'quire-author-')), 'my-serial');
  const skip = new Set(['node_modules', '.git', 'content', 'dist', 'dist.partial', 'dist.previous', '.astro', 'tmp']);
  cpSync(projectRoot, copy, { recursive: true, filter: (source) => !skip.has(relative(projectRoot, source).split('/')[0]!) });
  // Dependencies as `npm ci` would leave them, each linked; Astro's cache folder is the copy's own.
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.cache') symlinkSync(join(projectRoot, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  writeGeneratedStory(join(copy, 'content'), 60, 11, 300);
  return copy;
}

function run(step: RunStep, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // As a runner would: CI set, the step's env, the author's content/ (no test override).
    const env = childEnv({ CI: 'true', ...step.env });
    delete env.CONTENT_DIR;
    const child = spawn('bash', ['-eo', 'pipefail', '-c', step.run], { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('a push that changes only content/ in an author’s copy', () => {
  let copy = '';
  const results: { step: RunStep; code: number; output: string }[] = [];

  beforeAll(async () => {
    copy = authorsCopy();
    for (const step of runStepsForPush(join(copy, '.github/workflows'), 'main', contentPush, pages)) {
      // The dependencies are linked in place of `npm ci`'s download.
      if (step.run === 'npm ci') continue;
      results.push({ step, ...(await run(step, copy)) });
      if (results.at(-1)!.code !== 0) break;
    }
  }, 240_000);
  afterAll(() => rmSync(join(copy, '..'), { recursive: true, force: true }));

  it('passes every step the workflows would run', () => {
    for (const { step, code, output } of results) expect(code, `${step.workflow} → ${step.name}:\n${output}`).toBe(0);
    expect(results.map(({ step }) => step.run)).toEqual([
      'npm run check',
      'npm run build',
      'npm run verify -- --since "https://author.github.io/my-serial"',
    ]);
  });

  it('publishes the author’s story, not the sample, with absolute links under the site’s address', () => {
    const dist = join(copy, 'dist');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('A Generated Serial');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('Little Meg');
    expect(existsSync(join(dist, 'chapter-59', 'index.html'))).toBe(true);
    const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<link>([^<]+)<\/link>/g)].map(([, link]) => link);
    expect(links).toHaveLength(61);
    for (const link of links) expect(link).toMatch(/^https:\/\/author\.github\.io\/my-serial\//);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain('https://author.github.io/my-serial/chapter-59/');
    expect(readFileSync(join(dist, 'chapter-1', 'index.html'), 'utf8')).toContain(
      '<link rel="canonical" href="https://author.github.io/my-serial/chapter-1/">',
    );
  });

  it('prints no warning of a missing address, and no stack trace', () => {
    const output = results.map((result) => result.output).join('\n');
    expect(output).not.toMatch(/SITE_URL is not set|Stack trace|\s+at .*\.m?js:\d+/);
  });
});

describe('the hourly release of scheduled chapters (release.yml)', () => {
  const workflow = yaml.load(readFileSync(join(workflows, 'release.yml'), 'utf8')) as {
    on: { schedule: { cron: string }[] };
    jobs: { release: { steps: { run?: string }[] } };
  };
  const script = workflow.jobs.release.steps.find((step) => step.run)!.run!;
  const bin = mkdtempSync(join(tmpdir(), 'quire-release-'));
  const log = join(bin, 'calls.log');
  const realDate = execFileSync('bash', ['-c', 'command -v date'], { encoding: 'utf8' }).trim();
  // The commands it uses, as a runner has them: GitHub's CLI, curl and date, answering as the test says and noting what was asked.
  const stub = (name: string, body: string) => writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
  // (`gh api` answers a workflow's state, WORKFLOW_STATE or "active", and the Pages site's address; it notes what it is asked to change.)
  stub(
    'gh',
    `if [ "$1" = api ] && [[ " $* " != *" -X PUT "* ]]; then if [[ "$2" == */actions/workflows/* ]]; then echo "\${WORKFLOW_STATE:-active}"; else [ -n "$PAGES_URL" ] && echo "$PAGES_URL" || exit 1; fi; else echo "gh $*" >> "${log}"; fi`,
  );
  stub(
    'curl',
    `if [[ " $* " == *" -X POST "* ]]; then echo "POST \${@: -1}" >> "${log}"; elif [ "$NEXT" = unreachable ]; then exit 22; else printf '%s' "$NEXT"; fi`,
  );
  stub('date', `if [[ " $* " == *" -d "* ]]; then exec ${realDate} "$@"; else exec ${realDate} -d "$NOW" "$@"; fi`);
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  /** Runs the step at `now` with what the site says is next (`unreachable`: nothing answers), giving what it set off and printed. */
  function release(now: string, next: string, env: Record<string, string>) {
    rmSync(log, { force: true });
    const printed = execFileSync('bash', ['-c', script], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        NOW: now,
        NEXT: next,
        DEPLOY_HOOK_URL: '',
        SITE_URL: '',
        PAGES_URL: '',
        BRANCH: 'main',
        GH_REPO: 'wren/lamplight',
        ...env,
      },
    });
    return { calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [], printed };
  }
  const pages = { PAGES_URL: 'https://wren.github.io/lamplight/' };
  const hook = { DEPLOY_HOOK_URL: 'https://api.netlify.com/build_hooks/abc', SITE_URL: 'https://lamplight.example' };

  it('runs every hour', () => {
    expect(workflow.on.schedule.map(({ cron }) => cron)).toEqual([expect.stringMatching(/^\d+ \* \* \* \*$/)]);
  });

  it('on GitHub Pages, deploys once the next chapter’s time has come, and not before', () => {
    expect(release('2026-12-12 18:07Z', '2026-12-12T18:00:00.000Z\n', pages).calls).toEqual(['gh workflow run deploy.yml --ref main']);
    expect(release('2026-12-12 17:07Z', '2026-12-12T18:00:00.000Z\n', pages)).toEqual({
      calls: [],
      printed: 'The next chapter is due at 2026-12-12T18:00:00.000Z.\n',
    });
    expect(release('2026-12-12 18:07Z', '', pages).calls).toEqual([]);
    // A site that does not answer, or no Pages site at all: nothing set off, and said.
    expect(release('2026-12-12 18:07Z', 'unreachable', pages).printed).toMatch(
      /^Could not read https:\/\/wren\.github\.io\/lamplight\/next-release\.txt/,
    );
    expect(release('2026-12-12 18:07Z', '2026-12-12T18:00:00.000Z', {})).toEqual({
      calls: [],
      printed: expect.stringMatching(/no GitHub Pages site and no DEPLOY_HOOK_URL secret/),
    });
  });

  it('keeps itself and the morning rebuild enabled while a chapter is queued, once a day, through GitHub’s 60 days without a commit', () => {
    const enable = (workflow: string) => `gh api -X PUT repos/wren/lamplight/actions/workflows/${workflow}/enable`;
    expect(release('2026-12-12 05:07Z', '2026-12-19T18:00:00.000Z', pages).calls).toEqual([enable('release.yml'), enable('deploy.yml')]);
    // Not at any other hour, nor with nothing queued.
    expect(release('2026-12-12 06:07Z', '2026-12-19T18:00:00.000Z', pages).calls).toEqual([]);
    expect(release('2026-12-12 05:07Z', '', pages).calls).toEqual([]);
    // On another host deploy.yml is off by design: only this workflow is kept.
    expect(release('2026-12-12 05:07Z', '2026-12-19T18:00:00.000Z', hook).calls).toEqual([
      enable('release.yml'),
      'POST https://api.netlify.com/build_hooks/abc',
    ]);
    // A workflow the author turned off by hand stays off.
    expect(release('2026-12-12 05:07Z', '2026-12-19T18:00:00.000Z', { ...pages, WORKFLOW_STATE: 'disabled_manually' })).toEqual({
      calls: [],
      printed: expect.stringContaining('deploy.yml was turned off by hand: left off.'),
    });
  });

  it('on another host, calls the deploy hook once a chapter is due, and every morning', () => {
    expect(release('2026-12-12 18:07Z', '2026-12-12T18:00:00.000Z', hook).calls).toEqual(['POST https://api.netlify.com/build_hooks/abc']);
    expect(release('2026-12-12 12:07Z', '2026-12-12T18:00:00.000Z', hook).calls).toEqual([]);
    expect(release('2026-12-12 05:07Z', '', hook).calls).toEqual(['POST https://api.netlify.com/build_hooks/abc']);
    // Without the site's address it cannot know what is due: once a day, as before.
    const blind = { DEPLOY_HOOK_URL: hook.DEPLOY_HOOK_URL };
    expect(release('2026-12-12 18:07Z', '', blind).calls).toEqual([]);
    expect(release('2026-12-12 05:07Z', '', blind).calls).toEqual(['POST https://api.netlify.com/build_hooks/abc']);
  });
});
