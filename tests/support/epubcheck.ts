import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'vitest';

const jar = '/usr/share/java/epubcheck.jar';
const many = fileURLToPath(new URL('EpubCheckMany.java', import.meta.url));
/** A JVM started for a short run: no optimising compiler, serial GC (about half the time of a default start). */
const jvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];

export interface EpubcheckResult {
  file: string;
  report: string;
  code: number;
}

const runs = new Map<string, Promise<EpubcheckResult[]>>();

/**
 * Runs epubcheck (Debian's package) on EPUB files and gives each file's report. All the files
 * are checked in one JVM (EpubCheckMany.java), a third of the time of one JVM per file; where
 * Java cannot run a source file (a runtime without the JDK's compiler), one epubcheck per file.
 * Tests asking for the same list share one run, so a file can check each EPUB in its own test
 * and still start one JVM. Skips the test where epubcheck is not installed, except in CI,
 * which always installs it.
 */
export async function epubcheck(context: TestContext, files: string[]): Promise<EpubcheckResult[]> {
  if (!existsSync(jar)) {
    if (process.env.CI) throw new Error('epubcheck is not installed; .ci/run installs it with apt-get');
    context.skip('epubcheck is not installed here (apt-get install epubcheck); CI always runs it');
  }
  const key = files.join('\0');
  let run = runs.get(key);
  if (!run) {
    run = checkTogether(files).then((results) => results ?? Promise.all(files.map(checkAlone)));
    runs.set(key, run);
  }
  return run;
}

/** The reports of one JVM checking every file, or undefined when it could not run them. */
async function checkTogether(files: string[]): Promise<EpubcheckResult[] | undefined> {
  const { output } = await java([...jvm, '-cp', jar, many, ...files]);
  const parts = output.split(/\0(\d+)\n/);
  if (parts.length !== files.length * 2 + 1) return undefined;
  return files.map((file, i) => ({ file, report: parts[i * 2]!, code: Number(parts[i * 2 + 1]) }));
}

async function checkAlone(file: string): Promise<EpubcheckResult> {
  const { output, code } = await java([...jvm, '-jar', jar, file]);
  return { file, report: output, code };
}

function java(args: string[]): Promise<{ output: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ output, code: code ?? 1 }));
  });
}
