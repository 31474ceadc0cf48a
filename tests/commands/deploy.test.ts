import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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
    expect(runs).toEqual(expect.arrayContaining(['npm run check', 'npm run build', 'npm run verify']));
    expect(runs.join('\n')).not.toMatch(/npm test|npm run lint|typecheck|apt-get/);
    expect(runs.indexOf('npm run verify')).toBeGreaterThan(runs.indexOf('npm run build'));
  });

  it('for a change to the code: the project’s tests too', () => {
    const runs = runStepsForPush(workflows, 'main', ['src/core/story.ts'], pages).map((step) => step.run);
    expect(runs).toEqual(expect.arrayContaining(['npm test', 'npm run lint', 'npm run typecheck', 'npm run build', 'npm run verify']));
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
    expect(results.map(({ step }) => step.run)).toEqual(['npm run check', 'npm run build', 'npm run verify']);
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
