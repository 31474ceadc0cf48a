/**
 * Builds several test sites one after another in this one process, through Astro's `build()`
 * API: `node tests/support/build-sites.ts '<json>'`, the JSON a list of `{ name, env }`, each
 * `env` the whole environment of that build (what `npm run build` would be given).
 *
 * The global setup runs two of these side by side instead of one `astro build` process per site:
 * a build after the first in the same process skips loading Astro, Vite and Rolldown again
 * (about 2 s of a small site's build instead of 6), and writes the same bytes (checked by
 * tests/build/quality.test.ts, whose reproducible-build test builds with the CLI and compares).
 */
import { build } from 'astro';
import { buildTries, projectRoot, trippedOnAnotherBuild } from './build.ts';

interface SiteBuild {
  name: string;
  env: Record<string, string>;
}

const sites = JSON.parse(process.argv[2] ?? '[]') as SiteBuild[];
const started = { ...process.env };

for (const site of sites) {
  // Each build sees exactly its own environment, as its own process would.
  for (const key of Object.keys(process.env)) if (!(key in started)) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, site.env);
  try {
    for (let tried = 1; ; tried++) {
      try {
        await build({ root: projectRoot });
        break;
      } catch (error) {
        if (tried === buildTries || !trippedOnAnotherBuild(error)) throw error;
      }
    }
  } catch (error) {
    console.error(`\nBuilding the ${site.name} test site failed:`, error);
    process.exit(1);
  }
}
