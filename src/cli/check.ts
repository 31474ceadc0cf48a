import { relative } from 'node:path';
import { readEnv } from '../source/env.ts';
import { readStory } from '../source/story-source.ts';

/**
 * `npm run check` (after `astro check`): reads, checks and renders the story exactly as
 * the build does (src/source/story-source.ts), without building pages, and prints every
 * problem and warning. Exits non-zero on any problem.
 */
async function main(): Promise<number> {
  const { contentDir, basePath, buildDate } = readEnv();
  const reading = await readStory(contentDir, { base: basePath, now: buildDate });

  for (const problem of reading.problems) console.error(`error    ${problem}`);
  for (const warning of reading.warnings) console.warn(`warning  ${warning}`);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${count(reading.chapterFiles, 'chapter file')} in ${relative(process.cwd(), contentDir) || '.'}: ${count(reading.problems.length, 'error')}, ${count(reading.warnings.length, 'warning')}`;
  if (reading.problems.length > 0) {
    console.error(`✗ ${summary}`);
    return 1;
  }
  console.log(`✓ ${summary}`);
  return 0;
}

process.exitCode = await main();
