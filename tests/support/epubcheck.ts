import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestContext } from 'vitest';

const jar = '/usr/share/java/epubcheck.jar';

/**
 * Runs epubcheck (Debian's package) on EPUB files, two at a time, each in a JVM started for
 * a short run (no optimising compiler, serial GC: about half the time of a default start).
 * Gives each file's report. Skips the test where epubcheck is not installed, except in CI,
 * which always installs it.
 */
export async function epubcheck(context: TestContext, files: string[]): Promise<{ file: string; report: string; code: number }[]> {
  if (!existsSync(jar)) {
    if (process.env.CI) throw new Error('epubcheck is not installed; .ci/run installs it with apt-get');
    context.skip('epubcheck is not installed here (apt-get install epubcheck); CI always runs it');
  }
  const check = (file: string) =>
    new Promise<{ file: string; report: string; code: number }>((resolve, reject) => {
      const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto', '-jar', jar, file]);
      let report = '';
      child.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (report += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ file, report, code: code ?? 1 }));
    });
  const results: { file: string; report: string; code: number }[] = [];
  for (let i = 0; i < files.length; i += 2) results.push(...(await Promise.all(files.slice(i, i + 2).map(check))));
  return results;
}
