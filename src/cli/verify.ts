import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readEnv } from '../source/env.ts';
import { parseCommandLine } from './support/args.ts';
import { verifySite } from './support/verify-site.ts';

const usage = `Usage: npm run verify -- [--dir <built site>]

Checks the built site (dist/, or OUT_DIR) as it will be published: every page valid HTML,
every link, picture and file on the site there, fragments included, the feeds well-formed
with absolute links, and the EPUB a sound book whose every link leads somewhere in it.
Reads BASE_PATH as the build does. Exits non-zero, listing each problem, if any is found;
deploy only a site that passes.`;

async function main(): Promise<number> {
  const args = parseCommandLine(usage, { options: { dir: { type: 'string' } } });
  const env = readEnv();
  const dir = resolve(args.values.dir ?? env.outDir ?? 'dist');
  const shown = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir)) {
    console.error(`error    ${shown} does not exist: build the site first (npm run build)`);
    return 1;
  }
  const started = performance.now();
  const problems = await verifySite(dir, env.basePath);
  for (const problem of problems) console.error(`error    ${shown}/${problem}`);
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (problems.length > 0) {
    console.error(`✗ ${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${took}); do not publish it`);
    return 1;
  }
  console.log(`✓ ${shown}: every page, link, feed and the EPUB check out (${took})`);
  return 0;
}

process.exitCode = await main();
