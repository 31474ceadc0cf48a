/**
 * Run before each build and browser test file (the `site` project's setup file): waits until
 * the global setup has built the test sites, which it started without waiting (so the unit,
 * component and command tests run meanwhile), and fails the file with the build's own message if
 * one failed. Sites kept by an earlier run (TEST_SITES) are marked built already.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { sitesMarkers } from './sites';

const root = inject('sitesRoot');
const failed = join(root, sitesMarkers.failed);
while (!existsSync(join(root, sitesMarkers.built))) {
  if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
  await sleep(100);
}
