/**
 * Run before each build and browser test file (the `site` project's setup file): waits until
 * the global setup has built the test sites, which it started without waiting (so the unit and
 * component tests run meanwhile), and fails the file with the build's own message if one failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { sitesMarkers } from './sites';

const root = inject('sitesRoot');
const failed = join(root, sitesMarkers.failed);
// A folder given with TEST_SITES was built by an earlier run, with nothing to wait for.
while (!process.env.TEST_SITES && !existsSync(join(root, sitesMarkers.built))) {
  if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
  await sleep(100);
}
