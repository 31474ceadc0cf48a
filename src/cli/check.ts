import { relative, resolve } from 'node:path';
import { readStory } from '../source/story-source.ts';
import { upcoming } from '../core/schedule.ts';
import { commandSettings, parseCommandLine } from './support/args.ts';
import { buildCacheFor } from '../source/env.ts';
import { counted } from '../core/problems.ts';

const usage = `Usage: npm run check -- [--content <dir>]

Reads, checks and renders the story as the build does, without building pages, and prints
every error and warning, file by file. Exits non-zero on any error.

  --content <dir>  the content folder to check (default: content, or CONTENT_DIR)`;

/**
 * `npm run check` (after `astro check`): reads, checks and renders the story exactly as
 * the build does (src/source/story-source.ts), without building pages, and prints every
 * problem and warning. Exits non-zero on any problem.
 */
async function main(): Promise<number> {
  const args = parseCommandLine(usage, { options: { content: { type: 'string' } } });
  const env = commandSettings();
  const contentDir = args.values.content === undefined ? env.contentDir : resolve(args.values.content);
  const { basePath, buildDate } = env;
  const reading = await readStory(contentDir, { base: basePath, now: buildDate, cacheDir: buildCacheFor(env, contentDir) });

  for (const problem of reading.problems) console.error(`error    ${problem}`);
  for (const warning of reading.warnings) console.warn(`warning  ${warning}`);
  const summary = `${counted(reading.chapterFiles, 'chapter file')} in ${relative(process.cwd(), contentDir) || '.'}: ${counted(reading.problems.length, 'error')}, ${counted(reading.warnings.length, 'warning')}`;
  if (reading.problems.length > 0) {
    console.error(`✗ ${summary}`);
    return 1;
  }
  console.log(`✓ ${summary}`);
  // What goes out later, and when: the first build on or after each time publishes it (the hourly release workflow runs one).
  const timeZone = reading.story?.data.timeZone;
  const scheduled = upcoming(reading.chapters, buildDate, 5, timeZone);
  for (const line of scheduled) console.log(`scheduled  ${line}`);
  // Times in UTC, while the author may mean their own: say how to schedule in theirs.
  if (!timeZone && scheduled.some((line) => line.endsWith(' UTC'))) {
    const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    console.log(
      `note     the times are UTC; to schedule in your own, add timeZone: ${own && own !== 'UTC' ? own : 'Europe/London'} (yours) to story.md`,
    );
  }
  return 0;
}

process.exitCode = await main();
