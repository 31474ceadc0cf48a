import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';
import { runCommand } from '../support/build';
import { sampleStory } from '../support/sites';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const work = makeWorkDir('new-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one of Quire's commands (`new`, `import`, `check`) in `cwd`, as `npm run <command> -- …args` does. */
function run(command: 'new' | 'import' | 'check', cwd: string, ...args: string[]) {
  // On a computer in New York, whose time zone a new story takes.
  const result = runCommand(command, args, { cwd, env: { CONTENT_DIR: join(cwd, 'content'), TZ: 'America/New_York' } });
  return { code: result.code, output: `${result.stdout}${result.stderr}` };
}

/** A project folder whose content/ still holds the sample story. */
function withSample(name: string): string {
  const dir = join(work, name);
  cpSync(sampleStory, join(dir, 'content'), { recursive: true });
  return dir;
}

const backups = (dir: string) => readdirSync(join(dir, 'backups'));

describe('npm run new', () => {
  it('starts an empty story of one’s own that checks out, keeping the sample in backups/', () => {
    const dir = withSample('fresh');
    const result = run('new', dir, '--title', 'The Lantern Keeper: A Serial', '--author', 'Ada', '--language', 'fr');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/moved {2}content\/ → backups\/content-[\dT-]+\/ {2}\(the sample story “Little Meg”/);
    expect(readFileSync(join(dir, 'content/story.md'), 'utf8')).toMatch(
      /^---\ntitle: 'The Lantern Keeper: A Serial'\nauthor: Ada\nlanguage: fr\nstatus: in-progress\ntimeZone: America\/New_York\n---\n/,
    );
    expect(result.output).toMatch(/\(scheduled times in America\/New_York, this computer's time zone: timeZone in story\.md\)/);
    expect(readdirSync(join(dir, 'content/chapters'))).toEqual(['chapter-1.md']);
    const [backup] = backups(dir);
    expect(readFileSync(join(dir, 'backups', backup!, 'story.md'), 'utf8')).toBe(readFileSync(join(sampleStory, 'story.md'), 'utf8'));
    const check = run('check', dir);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toMatch(/✓ 1 chapter file in content: 0 errors/);
  });

  it('starts, imports into and checks the folder CONTENT_DIR names, as the build reads it, leaving content/ alone', () => {
    const dir = withSample('elsewhere');
    const env = { CONTENT_DIR: 'stories/lantern', TZ: 'America/New_York' };
    const started = runCommand('new', ['--title', 'The Lantern Keeper', '--author', 'Ada'], { cwd: dir, env });
    expect(started.code, started.stderr).toBe(0);
    expect(readFileSync(join(dir, 'stories/lantern/story.md'), 'utf8')).toMatch(/^title: The Lantern Keeper$/m);
    writeFileSync(join(dir, 'two.txt'), 'Chapter 2: The Lamp\n\nShe lit the lamp at dusk.');
    const imported = runCommand('import', [join(dir, 'two.txt')], { cwd: dir, env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(readdirSync(join(dir, 'stories/lantern/chapters')).sort()).toEqual(['chapter-1.md', 'chapter-2.md']);
    const checked = runCommand('check', [], { cwd: dir, env });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/2 chapter files in stories\/lantern/);
    expect(readFileSync(join(dir, 'content/story.md'), 'utf8')).toBe(readFileSync(join(sampleStory, 'story.md'), 'utf8'));
  });

  it('imports a whole work into an empty content folder', () => {
    const dir = withSample('imported');
    const result = run('new', dir, join(fixtures, 'ao3/new-layout.html'));
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(join(dir, 'content/story.md'), 'utf8')).not.toContain('Little Meg');
    expect(existsSync(join(dir, 'content/chapters/prologue.md'))).toBe(false);
    expect(backups(dir)).toHaveLength(1);
    expect(run('check', dir).code).toBe(0);
  });

  it('puts the content folder back as it was when the import fails', () => {
    const dir = withSample('failed');
    writeFileSync(join(dir, 'empty.txt'), '');
    const result = run('new', dir, join(dir, 'empty.txt'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Nothing changed: content\/ is as it was/);
    expect(readdirSync(join(dir, 'content/chapters'))).toEqual(['prologue.md']);
    expect(readFileSync(join(dir, 'content/story.md'), 'utf8')).toBe(readFileSync(join(sampleStory, 'story.md'), 'utf8'));
    expect(backups(dir)).toEqual([]);
  });

  it('starts from chapters alone (plain text, Word, Markdown) with the title and author given, and says what to give when they are not', () => {
    const dir = withSample('from-word');
    const chapter = join(fixtures, 'ch1.txt');
    const refused = run('new', dir, chapter);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/content\/ has no story\.md, and this file holds chapters only, without the story's title and author/);
    expect(refused.output).toContain(`npm run new -- ${chapter} --title "…" --author "…"`);
    expect(refused.output).toMatch(/Nothing changed: content\/ is as it was/);
    const result = run('new', dir, chapter, '--title', 'The Lantern Keeper', '--author', 'Ada', '--language', 'fr');
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(join(dir, 'content/story.md'), 'utf8')).toMatch(/^---\ntitle: The Lantern Keeper\nauthor: Ada\nlanguage: fr\n/);
    expect(readdirSync(join(dir, 'content/chapters'))).toEqual(['chapter-1.md']);
    expect(run('check', dir).code).toBe(0);
  });

  it('starts in a folder that does not exist yet, with nothing to keep', () => {
    const dir = join(work, 'nothing');
    mkdirSync(dir);
    const result = run('new', dir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/moved/);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(run('check', dir).code).toBe(0);
  });

  it('takes a language by its name (Brazilian Portuguese, 繁體中文) as its tag, and says so', () => {
    const dir = withSample('named-language');
    const result = run('new', dir, '--title', 'O Faroleiro', '--language', 'Brazilian Portuguese');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/note {3}took --language Brazilian Portuguese as pt-BR/);
    expect(readFileSync(join(dir, 'content/story.md'), 'utf8')).toMatch(/\nlanguage: pt-BR\n/);
  });

  it('refuses a title or language the story format refuses, before moving anything', () => {
    const dir = withSample('refused');
    const result = run('new', dir, '--title', '   ', '--language', 'english please');
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/title must not be empty/);
    expect(result.output).toMatch(/language must be a BCP 47 tag/);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});

describe('npm run import into a content folder that still holds the sample', () => {
  it('says so and offers the way out, writing nothing', () => {
    const dir = withSample('guarded');
    const result = run('import', dir, join(fixtures, 'ch1.txt'));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/content\/ still holds the sample story “Little Meg”/);
    expect(result.output).toMatch(/npm run new -- \S*ch1\.txt/);
    expect(result.output).toMatch(/--keep-sample/);
    expect(readdirSync(join(dir, 'content/chapters'))).toEqual(['prologue.md']);
  });

  it('adds to it when asked to keep the sample', () => {
    const dir = withSample('kept');
    const result = run('import', dir, join(fixtures, 'ch1.txt'), '--keep-sample');
    expect(result.code, result.output).toBe(0);
    expect(readdirSync(join(dir, 'content/chapters')).sort()).toEqual(['chapter-1.md', 'prologue.md']);
  });
});
