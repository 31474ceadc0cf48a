import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** A running `astro build`: the process (for memory sampling) and its end. */
export interface AstroBuild {
  child: ChildProcess;
  /** The exit code, and stdout and stderr together. */
  done: Promise<{ code: number; output: string }>;
}

/** Starts `astro build` in the project (or the site in `cwd`), as `npm run build` does, with `env` as its whole environment. */
export function startAstroBuild(env: NodeJS.ProcessEnv, cwd = projectRoot, args: string[] = []): AstroBuild {
  return startProcess([astroBin, 'build', ...args], env, cwd);
}

/** Starts a Node script with the project's Node, collecting its output. */
export function startProcess(args: string[], env: NodeJS.ProcessEnv, cwd = projectRoot): AstroBuild {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
  return { child, done };
}
