import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeGeneratedStory } from '../../src/cli/support/synthetic';
import { buildSite, type BuildOptions } from './build';
import { siteBuilds, siteDir, type SiteName } from './sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding one built site per `SiteName`. */
    sitesRoot: string;
  }
}

/** Builds the test sites once, before any test file runs. */
export default async function setup(project: TestProject) {
  const root = makeWorkDir('sites-');
  const sites = Object.entries(siteBuilds) as [SiteName, (typeof siteBuilds)[SiteName]][];
  // Two at a time: a build waits on its disk and its Pagefind process part of the time, which another fills.
  const build = async ([name, site]: (typeof sites)[number]) => {
    const options: Omit<BuildOptions, 'outDir'> =
      'generateChapters' in site ? { contentDir: generated(join(root, `${name}-content`), site.generateChapters) } : site;
    const result = await buildSite({ ...options, outDir: siteDir(root, name) });
    if (result.code !== 0) throw new Error(`Building the ${name} test site failed:\n${result.output}`);
  };
  const queue = [...sites];
  await Promise.all(
    [0, 1].map(async () => {
      for (let site = queue.shift(); site; site = queue.shift()) await build(site);
    }),
  );
  project.provide('sitesRoot', root);
  return async () => {
    if (!process.env.KEEP_TEST_SITES) await rm(root, { recursive: true, force: true });
  };
}

/** Writes a generated story of short chapters into `dir`, for tests that need many chapters. */
function generated(dir: string, chapters: number): string {
  writeGeneratedStory(dir, chapters, 3, 60);
  return dir;
}
