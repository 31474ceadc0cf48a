import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { parseCommandLine } from './support/args.ts';
import { projectRoot, startAstroBuild } from './support/astro-build.ts';
import { launchBrowser } from './support/chromium.ts';
import { serveStatic } from './support/serve.ts';
import { makeWorkDir } from './support/work-dir.ts';

const usage = `Usage: npm run lighthouse -- [--dir <built site>] [--assert]

Builds the fixture story (or takes an already built site), serves it on 127.0.0.1 and runs
Lighthouse (mobile) on the home page, a chapter and the search page, printing the scores of
its four categories. With --assert, exits non-zero unless accessibility, best practices and
SEO score 100 and performance at least 90 (a page below 90 is run twice more and its median run counts).`;

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const pages = [
  ['home', ''],
  ['chapter', 'chapter-2/'],
  ['search', 'search/?q=lantern'],
] as const;

/** A port no one listens on, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function buildFixture(outDir: string): Promise<void> {
  const { code, output } = await startAstroBuild({
    ...process.env,
    CONTENT_DIR: join(projectRoot, 'tests/fixtures/story'),
    OUT_DIR: outDir,
    BUILD_DATE: '2026-01-01',
  }).done;
  if (code !== 0) throw new Error(`Building the fixture failed:\n${output}`);
}

async function main(): Promise<number> {
  const args = parseCommandLine(usage, { options: { dir: { type: 'string' }, assert: { type: 'boolean', default: false } } });
  const work = args.values.dir ? undefined : makeWorkDir('lighthouse-');
  const dir = args.values.dir ?? join(work!, 'dist');
  if (work) await buildFixture(dir);
  const server = await serveStatic(dir);
  // Lighthouse drives the browser the tests use, through its debugging port.
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  const failures: string[] = [];
  try {
    const rows: string[][] = [['page', ...categories]];
    const run = async (name: string, path: string) => {
      const result = await lighthouse(`${server.url}${path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
      });
      if (!result?.lhr) throw new Error(`Lighthouse returned no report for ${name}`);
      return result.lhr;
    };
    const score = (report: Awaited<ReturnType<typeof run>>, category: (typeof categories)[number]) =>
      Math.round((report.categories[category]?.score ?? 0) * 100);
    for (const [name, path] of pages) {
      // Performance varies from run to run on a busy machine: one below the mark is measured twice
      // more and the median run counts, as Lighthouse's own advice (and Lighthouse CI's three runs) has it.
      let lhr = await run(name, path);
      if (score(lhr, 'performance') < 90) {
        const runs = [lhr, await run(name, path), await run(name, path)].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
        lhr = runs[1]!;
      }
      const scores = categories.map((category) => score(lhr, category));
      rows.push([name, ...scores.map(String)]);
      categories.forEach((category, i) => {
        const needed = category === 'performance' ? 90 : 100;
        if (scores[i]! < needed) {
          const audits = lhr.categories[category]!.auditRefs.map((ref) => lhr.audits[ref.id]!)
            .filter(
              (audit) =>
                audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual',
            )
            .map((audit) => audit.id);
          failures.push(`${name}: ${category} ${scores[i]} (below ${needed}): ${audits.join(', ') || 'no single audit'}`);
        }
      });
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    console.log(rows.map((row) => row.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).join('\n'));
    for (const failure of failures) console.log(`  ${failure}`);
  } finally {
    await browser.close();
    await server.close();
    if (work) rmSync(work, { recursive: true, force: true });
  }
  return args.values.assert && failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
