import { spawnSync } from 'node:child_process';
import { format, inspect } from 'node:util';
import { join } from 'node:path';
import { projectRoot, startAstroBuild, startProcess } from '../../src/cli/support/astro-build.ts';

export { projectRoot };

export interface BuildOptions {
  /** Content folder to build: a fixture or a folder the test wrote (never the author's `content/`). */
  contentDir: string;
  /** Where to write the site. */
  outDir: string;
  basePath?: string;
  siteUrl?: string;
  /** Fixed "now" so scheduled chapters are deterministic. */
  buildDate?: string;
  /** More environment variables for the build. */
  env?: Record<string, string>;
}

export interface BuildResult {
  code: number;
  /** stdout and stderr together, for asserting on error messages. */
  output: string;
}

const compileCache = join(projectRoot, 'node_modules/.cache/quire/node-compile');

/** What `CONTENT_DIR` is for a child process not given a story: a folder that does not exist. */
const noContent = join(projectRoot, 'tests/fixtures/no-story-given');

/**
 * The environment for a child process, without the variables Vitest sets for its own
 * workers (NODE_ENV=test, BASE_URL, MODE, DEV…), which would change how Astro runs.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(key)),
  );
  // `content/` is the author's: a child that is not told which story to read finds none, rather than theirs.
  return {
    ...env,
    CONTENT_DIR: noContent,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    // Node keeps the compiled code of what a command loads: the tests start the CLIs and Astro
    // dozens of times, each start then half as long (the import CLI: 1.2 s, then 0.6 s).
    NODE_COMPILE_CACHE: compileCache,
    ...extra,
  };
}

/** The whole environment `npm run build` is given for these settings. */
function buildEnv(options: BuildOptions): NodeJS.ProcessEnv {
  if (!options.outDir.startsWith(projectRoot)) {
    throw new Error(
      `Build into the project (makeWorkDir), not ${options.outDir}: outside it, parallel builds share Astro's .astro/ folder`,
    );
  }
  return childEnv({
    OUT_DIR: options.outDir,
    CONTENT_DIR: options.contentDir,
    BASE_PATH: options.basePath ?? '',
    SITE_URL: options.siteUrl ?? '',
    BUILD_DATE: options.buildDate ?? '2026-01-01',
    ...options.env,
  });
}

/**
 * Whether a build failed only on another's file: Astro writes `.astro/content-assets.mjs` at the
 * project's root whatever the cacheDir, through one temporary file, and two builds at once can
 * trip over each other's rename, or one can read the file while another half wrote it (Vite
 * then cannot parse it). `failure` is what the build printed, or the error it threw, read with
 * its cause (Astro's UnknownFilesystemError names the file only there).
 */
export function trippedOnAnotherBuild(failure: unknown): boolean {
  return /ENOENT[^\n]*content-assets\.mjs|PARSE_ERROR[\s\S]{0,400}?\.astro\/content-assets\.mjs:/.test(
    typeof failure === 'string' ? failure : inspect(failure),
  );
}

/** How many times a build tripped over another's file is started again: each try is a race lost to a build running beside it. */
export const buildTries = 3;

/** Runs `astro build` in a child process, as `npm run build` does, with the given settings. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const env = buildEnv(options);
  let result = await startAstroBuild(env).done;
  for (let tried = 1; tried < buildTries && result.code !== 0 && trippedOnAnotherBuild(result.output); tried++)
    result = await startAstroBuild(env).done;
  return result;
}

/**
 * Builds sites that must build, one after another in one child process (tests/support/build-sites.ts):
 * the same files as `buildSite` gives each, in a third of the time after the first. For sites whose
 * build output a test does not read (a failure throws with it).
 */
export async function buildSites(sites: { name: string; options: BuildOptions }[]): Promise<void> {
  const list = sites.map(({ name, options }) => ({ name, env: buildEnv(options) }));
  const result = await startProcess([join(projectRoot, 'tests/support/build-sites.ts'), JSON.stringify(list)], childEnv()).done;
  if (result.code !== 0) throw new Error(`Building the test sites ${sites.map(({ name }) => name).join(', ')} failed:\n${result.output}`);
}

/** What a command gave: its exit code and what it printed. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of Quire's commands the way an author does (`npm run <command> -- …args`): Node runs
 * the TypeScript CLI in a process of its own, in `cwd` (the project's root unless given), with
 * `env` added to what a child process gets.
 */
export function runCommand(
  command: 'import' | 'new' | 'check' | 'verify',
  args: string[] = [],
  { cwd = projectRoot, env = {} }: { cwd?: string; env?: Record<string, string> } = {},
): CommandResult {
  const result = spawnSync(process.execPath, [join(projectRoot, `src/cli/${command}.ts`), ...args], {
    cwd,
    encoding: 'utf8',
    env: childEnv(env),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run import -- …args` as a process of its own (runImport runs it in this one). */
export function runImportProcess(...args: string[]): CommandResult {
  return runCommand('import', args);
}

/** Thrown in place of `process.exit` while a command runs in the test's process. */
class Exit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

/**
 * Runs `npm run import -- …args` in this process: the command's own `main`, with what it prints
 * to the console captured and `process.exit` (a usage error) turned into the exit code. The same
 * code as the CLI's (src/cli/import.ts), without starting Node and loading the importer again
 * for each of the dozens of imports the tests run (half a second each); runImportProcess checks
 * the CLI as a process.
 */
export async function runImport(...args: string[]): Promise<CommandResult> {
  const { main } = await import('../../src/cli/import.ts');
  const printed = { stdout: '', stderr: '' };
  const { log, error } = console;
  const exit = process.exit;
  console.log = (...parts: unknown[]) => void (printed.stdout += `${format(...parts)}\n`);
  console.error = (...parts: unknown[]) => void (printed.stderr += `${format(...parts)}\n`);
  process.exit = ((code?: number) => {
    throw new Exit(code ?? 0);
  }) as typeof process.exit;
  try {
    return { code: await main(args), ...printed };
  } catch (thrown) {
    if (thrown instanceof Exit) return { code: thrown.code, ...printed };
    throw thrown;
  } finally {
    Object.assign(console, { log, error });
    process.exit = exit;
  }
}
