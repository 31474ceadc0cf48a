import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { addressesFile, goneAddresses } from '../core/addresses.ts';
import { siteAddresses } from '../source/site-addresses.ts';
import { problems, counted } from '../core/problems.ts';
import { commandSettings, parseCommandLine } from './support/args.ts';
import { verifySite } from './support/verify-site.ts';

const usage = `Usage: npm run verify -- [--dir <built site>] [--since <live site's address, or a folder>]

Checks the built site (dist/, or OUT_DIR) as it will be published: every page valid HTML,
every link, picture and file on the site there, fragments included, the feeds well-formed
with absolute links, and the EPUB a sound book whose every link leads somewhere in it.
Reads BASE_PATH as the build does. Exits non-zero, listing each problem, if any is found;
deploy only a site that passes. With --since, also warns of each chapter address the site
there has (its addresses.txt) that this one would lose: a renamed chapter file wants aliases.`;

async function main(): Promise<number> {
  const args = parseCommandLine(usage, { options: { dir: { type: 'string' }, since: { type: 'string' } } });
  const env = commandSettings();
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
    console.error(`✗ ${shown}: ${counted(problems.length, 'problem')} (${took}); do not publish it`);
    return 1;
  }
  console.log(`✓ ${shown}: every page, link, feed and the EPUB check out (${took})`);
  if (args.values.since !== undefined) await compareWith(args.values.since, dir);
  return 0;
}

/**
 * Warns of each chapter address the site at `since` (the live site's address, or a folder)
 * has and the one in `dir` lacks. A site that cannot be read (the first deploy, no network) is
 * said and passed over: the comparison never stops a deploy.
 */
async function compareWith(since: string, dir: string): Promise<void> {
  const [earlier, built] = [await siteAddresses(since), await siteAddresses(dir)];
  if ('unread' in built) {
    console.log(
      `note     ${addressesFile} is not in the built site (${built.unread}), built before Quire wrote it: build again to compare with ${since}`,
    );
    return;
  }
  if ('unread' in earlier) {
    console.log(`note     no chapter addresses to compare with at ${since} (${earlier.unread}): a first deploy has none`);
    return;
  }
  const gone = goneAddresses(earlier.addresses, built.addresses);
  for (const address of gone) {
    const message = problems.AddressGone.message(address.slug, address.title, address.now, since);
    console.warn(`warning  ${message}`);
    // On GitHub, on the run's page too.
    if (process.env.GITHUB_ACTIONS === 'true') console.log(`::warning title=A chapter address would break::${message}`);
  }
  if (gone.length === 0) console.log(`✓ every chapter address on ${since} is still here`);
}

process.exitCode = await main();
