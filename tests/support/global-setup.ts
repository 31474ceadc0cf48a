import { existsSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeGeneratedStory } from '../../src/cli/support/synthetic';
import { buildSites } from './build';
import { siteBuilds, siteDir, sitesMarkers, type SiteName } from './sites';
import { makeWorkDir } from '../../src/cli/support/work-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding one built site per `SiteName`. */
    sitesRoot: string;
  }
}

/**
 * Starts building the test sites once, and returns: the unit, component and command tests, which
 * run first (`sequence.groupOrder`), run while the sites build; each build and browser test file
 * waits for them before it starts (tests/support/sites-ready.ts).
 */
export default function setup(project: TestProject) {
  // Sites kept by an earlier run (KEEP_TEST_SITES=1), for running browser tests again without building.
  const reuse = process.env.TEST_SITES;
  if (reuse) {
    if (!existsSync(join(reuse, sitesMarkers.built)))
      throw new Error(`TEST_SITES=${reuse} holds no finished build: run once with KEEP_TEST_SITES=1`);
    project.provide('sitesRoot', reuse);
    return;
  }
  const root = makeWorkDir('sites-');
  const sites = (Object.entries(siteBuilds) as [SiteName, (typeof siteBuilds)[SiteName]][]).map(([name, site]) => ({
    name,
    options: {
      ...('generateChapters' in site ? { contentDir: generated(join(root, `${name}-content`), site.generateChapters) } : site),
      outDir: siteDir(root, name),
    },
  }));
  // Two processes, each building its half of the sites in turn: a build waits on its disk and its
  // Pagefind process part of the time, which the other fills.
  const built = Promise.all([0, 1].map((half) => buildSites(sites.filter((_, index) => index % 2 === half)))).then(
    () => writeFileSync(join(root, sitesMarkers.built), ''),
    (error: unknown) => writeFileSync(join(root, sitesMarkers.failed), error instanceof Error ? error.message : String(error)),
  );
  project.provide('sitesRoot', root);
  return async () => {
    await built;
    if (process.env.KEEP_TEST_SITES) console.log(`The test sites are kept in ${root} (TEST_SITES=${root} runs on them again).`);
    else await rm(root, { recursive: true, force: true });
  };
}

/** Writes a generated story of short chapters into `dir`, for tests that need many chapters. */
function generated(dir: string, chapters: number): string {
  writeGeneratedStory(dir, chapters, 3, 60);
  return dir;
}
