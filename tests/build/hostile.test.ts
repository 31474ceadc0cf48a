import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';
import { buildSite, childEnv, projectRoot, runCommand } from '../support/build';
import { makeEpub } from '../support/documents';
import { builtSite, page } from '../support/html';
import { fixtureStory } from '../support/sites';

/**
 * Hostile files, where only a build or the import command itself can show the fix: each test
 * named after its attack. (The build's reading of hostile stories is swept in
 * tests/unit/hostile-story.test.ts, the importer's reading of hostile files in
 * tests/unit/hostile-import.test.ts.)
 */

const work = makeWorkDir('hostile-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const csp = (site: 'fixture' | 'hostile') =>
  page(site, '').querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';

describe('script from an SVG picture', () => {
  it('cannot run from a file the site serves: every file under _astro/ is sandboxed with no script', () => {
    const headers = readFileSync(join(builtSite('fixture'), '_headers'), 'utf8');
    expect(headers).toMatch(
      /\/_astro\/\*\n {2}Cache-Control: [^\n]+\n {2}Content-Security-Policy: default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox\n/,
    );
  });

  it('an SVG cover builds with the site’s address known, and link previews get a JPEG of it', async () => {
    const content = join(work, 'svg-cover');
    cpSync(fixtureStory, content, { recursive: true });
    writeFileSync(
      join(content, 'images-cover.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900" viewBox="0 0 600 900"><rect width="600" height="900" fill="#402"/><text x="40" y="120" fill="#fff" font-size="60">A Mask</text></svg>',
    );
    const story = join(content, 'story.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace(/^title:/m, 'cover: images-cover.svg\ncoverAlt: A mask\ntitle:'));
    const outDir = join(work, 'svg-cover-dist');
    const result = await buildSite({ contentDir: content, outDir, siteUrl: 'https://example.org' });
    expect(result.code, result.output).toBe(0);
    const home = parseHTML(readFileSync(join(outDir, 'index.html'), 'utf8')).document;
    const image = home.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    expect(image).toMatch(/^https:\/\/example\.org\/_astro\/.+\.jpe?g$/);
  });
});

describe('remote pictures', () => {
  it('do not load unless the author allows them: only then does the policy take pictures from other sites', () => {
    expect(csp('fixture')).toMatch(/img-src 'self' data:;/);
    expect(csp('hostile')).toMatch(/img-src 'self' data: https:;/);
  });
});

/** Runs `npm run import` in `cwd` with its content folder there. */
function importInto(cwd: string, ...args: string[]) {
  mkdirSync(cwd, { recursive: true });
  const result = runCommand('import', [...args, '--content', join(cwd, 'content')], { cwd });
  return { code: result.code, output: `${result.stdout}${result.stderr}` };
}

const metadata = '<dc:title>Hostile</dc:title><dc:creator>Mallory</dc:creator><dc:language>en</dc:language>';

describe('import succeeds, build refuses', () => {
  it.each([
    ['a picture the book does not have', 'images/missing.png', /the image "images\/missing\.png" is not in the content folder/],
    ['a picture outside the book', '../../../../etc/passwd.png', /the image ".*passwd\.png" is not in the content folder/],
  ])('an EPUB with %s writes nothing, and says what the build would refuse', (_what, src, problem) => {
    const dir = join(work, `refused-${src.length}`);
    const epub = join(work, `refused-${src.length}.epub`);
    writeFileSync(
      epub,
      makeEpub({
        version: 3,
        metadata,
        spine: [{ path: 'ch1.xhtml', html: `<h1>Chapter 1</h1><p>Look: <img src="${src}" alt="a picture"/></p>` }],
        toc: [{ title: 'Chapter 1', href: 'ch1.xhtml' }],
      }),
    );
    const result = importInto(dir, epub);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(problem);
    expect(result.output).toMatch(/the import would leave a story the build refuses, so nothing was written/);
    expect(existsSync(join(dir, 'content'))).toBe(false);
    expect(readdirSync(work).filter((name) => /\.(?:importing|checking)-/.test(name))).toEqual([]);
  });
});

describe('a half-written content folder', () => {
  it('never results from an import stopped halfway: the folder is as it was, and the next import clears what was left', async () => {
    const dir = join(work, 'killed');
    const text = join(work, 'many.epub');
    const chapters = Array.from({ length: 200 }, (_, i) => ({
      path: `ch${i + 1}.xhtml`,
      html: `<h1>Chapter ${i + 1}</h1>${'<p>Words of a long chapter, as a serial has them, one after another.</p>'.repeat(40)}`,
    }));
    writeFileSync(
      text,
      makeEpub({ version: 3, metadata, spine: chapters, toc: chapters.map((c, i) => ({ title: `Chapter ${i + 1}`, href: c.path })) }),
    );
    const child = spawn(process.execPath, [join(projectRoot, 'src/cli/import.ts'), text, '--content', join(dir, 'content')], {
      cwd: work,
      env: childEnv(),
    });
    // Stopped while it stages its files (before any is moved into place).
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, `content.importing-${child.pid}`))) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(existsSync(join(dir, 'content', 'story.md')) && readdirSync(join(dir, 'content', 'chapters')).length < 200).toBe(false);
    const again = importInto(dir, text);
    expect(again.code, again.output).toBe(0);
    expect(readdirSync(join(dir, 'content', 'chapters'))).toHaveLength(200);
    expect(readdirSync(dir).filter((name) => /\.(?:importing|checking)-/.test(name))).toEqual([]);
  });
});

describe('a picture file named like one in a chapter', () => {
  it('an import never writes a file it would not build: an SVG picture cleaned', () => {
    const dir = join(work, 'svg-import');
    const epub = join(work, 'svg.epub');
    writeFileSync(
      epub,
      makeEpub({
        version: 3,
        metadata,
        manifest: '<item id="fig" href="fig.svg" media-type="image/svg+xml"/>',
        extra: { 'fig.svg': strToU8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>') },
        spine: [{ path: 'ch1.xhtml', html: '<h1>Chapter 1</h1><p>A dot: <img src="fig.svg" alt="a dot"/></p>' }],
        toc: [{ title: 'Chapter 1', href: 'ch1.xhtml' }],
      }),
    );
    const result = importInto(dir, epub);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/note {3}cleaned the picture fig\.svg: removed an event handler \(onload\)/);
    expect(readFileSync(join(dir, 'content', 'images', 'fig.svg'), 'utf8')).not.toContain('onload');
  });
});
