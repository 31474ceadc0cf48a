import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build';
import { siteBuilds, siteDir, type SiteName } from './sites';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding one built site per `SiteName`. */
    sitesRoot: string;
  }
}

/** Builds the test sites once, before any test file runs. */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'quire-sites-'));
  for (const [name, options] of Object.entries(siteBuilds) as [SiteName, (typeof siteBuilds)[SiteName]][]) {
    const result = await buildSite({ ...options, outDir: siteDir(root, name) });
    if (result.code !== 0) throw new Error(`Building the ${name} test site failed:\n${result.output}`);
  }
  project.provide('sitesRoot', root);
  return async () => {
    if (!process.env.KEEP_TEST_SITES) await rm(root, { recursive: true, force: true });
  };
}
