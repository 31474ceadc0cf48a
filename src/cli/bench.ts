import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readStory } from '../source/story-source.ts';
import { chapterWords } from '../core/story.ts';
import { generateStory, writeGeneratedStory } from './support/synthetic.ts';
import { parseCommandLine, usageError } from './support/args.ts';
import { projectRoot, startAstroBuild, startProcess, type AstroBuild } from './support/astro-build.ts';
import { writeBareSite } from './support/bare-site.ts';
import { launchBrowser } from './support/chromium.ts';
import { serveStatic } from './support/serve.ts';
import { makeWorkDir } from './support/work-dir.ts';

const pagefindBin = join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs');

const usage = `Usage: npm run bench -- [--sizes 10,100,1000] [--content <dir>] [--compare] [--rebuild] [--keep]

Builds generated stories of each size (or the story in <dir>) and prints build time by
phase, memory and output size, then what a first visit to a chapter page transfers.
  --compare  also build a bare Astro site (Astro's native Markdown, the Pagefind CLI) on
             the same chapters in the same run, and print Quire's times as ratios of it
  --rebuild  also add one chapter and build again with the caches kept, as an author does
  --search   time the search page's first result for a query, against a bare page that only
             runs the same query with Pagefind (median of alternating runs), and its bytes`;

interface BuildFigures {
  label: string;
  chapters: number;
  words: number;
  seconds: number;
  pagefindSeconds: number;
  /** Astro's "generating static routes": every page, the EPUB, the feed. */
  pagesSeconds: number;
  peakRssMb: number;
  distMb: number;
  indexMb: number;
  outDir: string;
}

/** Total resident memory of a process and all its descendants, from /proc, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  let rss = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    stack.push(...(children.get(current) ?? []));
  }
  return rss;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** Chapters and words of a story, counted as the site counts them (every chapter, published or not). */
async function storySize(contentDir: string): Promise<{ chapters: number; words: number }> {
  const { chapters } = await readStory(contentDir, { base: '/', now: new Date() });
  return { chapters: chapters.length, words: chapters.reduce((sum, chapter) => sum + chapterWords(chapter), 0) };
}

/** Samples the peak memory of a running process tree until it ends. */
async function measured(run: AstroBuild): Promise<{ code: number; output: string; seconds: number; peakRssMb: number }> {
  const started = performance.now();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(run.child.pid!))), 100);
  const { code, output } = await run.done;
  clearInterval(sampler);
  return { code, output, seconds: (performance.now() - started) / 1000, peakRssMb: peak / 1024 / 1024 };
}

async function build(label: string, contentDir: string, outDir: string): Promise<BuildFigures> {
  const run = await measured(startAstroBuild({ ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, BUILD_DATE: '2026-01-01' }));
  if (run.code !== 0) throw new Error(`Building ${label} failed:\n${run.output}`);
  const pagefindMs = Number(/Indexed \d+ pages \(written in (\d+) ms/.exec(run.output)?.[1] ?? 0);
  const pages = /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(m?s)/.exec(run.output);
  return {
    label,
    ...(await storySize(contentDir)),
    seconds: run.seconds,
    pagefindSeconds: pagefindMs / 1000,
    pagesSeconds: pages ? Number(pages[1]) / (pages[2] === 'ms' ? 1000 : 1) : 0,
    peakRssMb: run.peakRssMb,
    distMb: dirBytes(outDir) / 1024 / 1024,
    indexMb: dirBytes(join(outDir, 'pagefind')) / 1024 / 1024,
    outDir,
  };
}

/** The bare Astro site on the same chapters: native Markdown, then the Pagefind CLI. Time and peak memory. */
async function bareBuild(contentDir: string, work: string): Promise<{ seconds: number; pagefindSeconds: number; peakRssMb: number }> {
  const site = join(work, 'bare-site');
  rmSync(site, { recursive: true, force: true });
  writeBareSite(site, contentDir);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = await measured(startAstroBuild(env, site));
  if (astro.code !== 0) throw new Error(`Building the bare Astro site failed:\n${astro.output}`);
  const pagefind = await measured(startProcess([pagefindBin, '--site', join(site, 'dist')], env, site));
  if (pagefind.code !== 0) throw new Error(`Pagefind on the bare site failed:\n${pagefind.output}`);
  return {
    seconds: astro.seconds + pagefind.seconds,
    pagefindSeconds: pagefind.seconds,
    peakRssMb: Math.max(astro.peakRssMb, pagefind.peakRssMb),
  };
}

/** A page that does only what any Pagefind site must: import it, run the query, show the first excerpt. */
const floorPage = `<!doctype html><meta charset="utf-8"><title>floor</title><ol id="results"></ol>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
const query = new URLSearchParams(location.search).get('q');
const found = await pagefind.search(query);
const data = await found.results[0].data();
const li = document.createElement('li');
li.innerHTML = data.excerpt;
document.getElementById('results').append(li);
</script>`;

/** From navigation to the first result element, in the page's own clock, and what the query fetched (gzip). */
async function firstResult(url: string, selector: string): Promise<{ ms: number; kb: number }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (!/\/pagefind\/|accents\.json/.test(response.url())) return;
      try {
        bytes += gzipSync(await response.body(), { level: 6 }).length;
      } catch {
        // no body
      }
    });
    // In the page (as text: this file runs in Node): the page's clock when the first result appears.
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (document.querySelector(${JSON.stringify(selector)})) { globalThis.firstResult = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    await page.goto(url);
    const first = () => (globalThis as { firstResult?: number }).firstResult;
    await page.waitForFunction(() => (globalThis as { firstResult?: number }).firstResult !== undefined, undefined, { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    return { ms: Number(await page.evaluate(first)), kb: bytes / 1024 };
  } finally {
    await browser.close();
  }
}

/** The search page against the floor, alternating, several runs each: medians. */
async function searchTiming(outDir: string): Promise<void> {
  writeFileSync(join(outDir, 'search-floor.html'), floorPage);
  const server = await serveStatic(outDir);
  const query = 'lantern';
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  try {
    const quire: { ms: number; kb: number }[] = [];
    const floor: { ms: number; kb: number }[] = [];
    for (let run = 0; run < 7; run++) {
      quire.push(await firstResult(`${server.url}search/?q=${query}`, '.results > li'));
      floor.push(await firstResult(`${server.url}search-floor.html?q=${query}`, '#results > li'));
    }
    const rows = [
      ['first result for "lantern"', 'median ms', 'first query KB (gzip)'],
      ['Quire search page', median(quire.map((r) => r.ms)).toFixed(0), median(quire.map((r) => r.kb)).toFixed(0)],
      ['bare Pagefind page (floor)', median(floor.map((r) => r.ms)).toFixed(0), median(floor.map((r) => r.kb)).toFixed(0)],
      ['ratio', (median(quire.map((r) => r.ms)) / median(floor.map((r) => r.ms))).toFixed(2), ''],
    ];
    console.log(`\nSearch, from opening the page to the first result (each run a fresh browser):\n${table(rows)}`);
  } finally {
    await server.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

const kind = (path: string, contentType: string): string => {
  if (contentType.includes('html')) return 'HTML';
  if (contentType.includes('css') || extname(path) === '.css') return 'CSS';
  if (contentType.includes('javascript')) return 'JS';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  return 'other';
};

/** What a first visit to a chapter page transfers, by type, raw and gzip; and the text's own gzip size. */
async function pageWeight(outDir: string, slug: string): Promise<void> {
  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const bytes = new Map<string, { raw: number; gzip: number }>();
    page.on('response', async (response) => {
      try {
        const body = await response.body();
        const type = kind(new URL(response.url()).pathname, response.headers()['content-type'] ?? '');
        const entry = bytes.get(type) ?? { raw: 0, gzip: 0 };
        entry.raw += body.length;
        entry.gzip += gzipSync(body, { level: 9 }).length;
        bytes.set(type, entry);
      } catch {
        // redirects have no body
      }
    });
    await page.goto(`${server.url}${slug}/`, { waitUntil: 'networkidle' });
    const text = await page.locator('#chapter-text').innerText();
    const floor = gzipSync(Buffer.from(text), { level: 9 }).length;
    const rows = [['chapter page', 'raw bytes', 'gzip bytes']];
    let total = 0;
    for (const type of ['HTML', 'CSS', 'JS', 'fonts', 'other']) {
      const entry = bytes.get(type) ?? { raw: 0, gzip: 0 };
      total += entry.gzip;
      rows.push([type, String(entry.raw), String(entry.gzip)]);
    }
    rows.push(
      ['total', '', String(total)],
      ['text alone (floor)', String(Buffer.byteLength(text)), String(floor)],
      ['ratio', '', (total / floor).toFixed(2)],
    );
    console.log(`\nFirst visit to /${slug}/ (nothing cached):\n${table(rows)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Adds one chapter after the last, as an author publishing the next one does. */
function addChapter(dir: string): void {
  const existing = readdirSync(join(dir, 'chapters')).filter((name) => name.endsWith('.md')).length;
  const [next] = generateStory(existing + 1, 7).chapters.slice(-1);
  writeFileSync(join(dir, 'chapters', 'bench-new-chapter.md'), next!.markdown.replace(/^order: .*$/m, `order: ${existing + 100}`));
}

const ratio = (value: number, floor: number | undefined) => (floor ? `${(value / floor).toFixed(2)}×` : '');

async function main(): Promise<number> {
  const args = parseCommandLine(usage, {
    options: {
      sizes: { type: 'string', default: '10,100,1000' },
      content: { type: 'string' },
      compare: { type: 'boolean', default: false },
      search: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = args.values.sizes.split(',').map(Number);
  if (!args.values.content && sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    usageError(usage, '--sizes takes whole numbers of chapters, e.g. 10,100,1000');
  }
  const work = makeWorkDir('bench-');
  const rows = [['story', 'chapters', 'words', 'build s', 'pages s', 'index tail s', 'peak RSS MB', 'dist MB', 'index MB']];
  const comparison = [['story', 'bare native s', 'bare peak MB', 'Quire cold', 'Quire rebuild', 'rebuild s']];
  let lastOut: string | undefined;
  try {
    const stories = args.values.content
      ? [{ label: args.values.content, dir: args.values.content, size: undefined }]
      : sizes.map((size) => ({ label: `${size} chapters`, dir: join(work, `story-${size}`), size }));
    for (const [index, story] of stories.entries()) {
      if (story.size !== undefined) writeGeneratedStory(story.dir, story.size);
      const outDir = join(work, `dist-${index}`);
      process.stderr.write(`building ${story.label}…\n`);
      const cold = await build(story.label, story.dir, outDir);
      rows.push(figures(cold));
      lastOut = outDir;
      let bare: Awaited<ReturnType<typeof bareBuild>> | undefined;
      if (args.values.compare) {
        process.stderr.write(`building ${story.label} as a bare Astro site…\n`);
        bare = await bareBuild(story.dir, work);
      }
      let rebuilt: BuildFigures | undefined;
      if (args.values.rebuild) {
        // An author's own folder is not changed: the rebuild works on a copy.
        const copy = join(work, `story-${index}-rebuild`);
        if (story.size === undefined) cpSync(story.dir, copy, { recursive: true });
        const dir = story.size === undefined ? copy : story.dir;
        addChapter(dir);
        process.stderr.write(`rebuilding ${story.label} after adding a chapter…\n`);
        rebuilt = await build(`${story.label} + 1`, dir, outDir);
        rows.push(figures(rebuilt));
      }
      if (bare || rebuilt) {
        comparison.push([
          story.label,
          bare ? bare.seconds.toFixed(1) : '',
          bare ? bare.peakRssMb.toFixed(0) : '',
          ratio(cold.seconds, bare?.seconds),
          rebuilt ? ratio(rebuilt.seconds, bare?.seconds) : '',
          rebuilt ? rebuilt.seconds.toFixed(1) : '',
        ]);
      }
    }
    console.log(table(rows));
    if (comparison.length > 1)
      console.log(`\nAgainst a bare Astro site (native Markdown + Pagefind CLI), same chapters, same run:\n${table(comparison)}`);
    const chapterDir = readdirSync(lastOut!, { withFileTypes: true }).find(
      (entry) => entry.isDirectory() && /^chapter-\d+$|^prologue$/.test(entry.name),
    );
    if (chapterDir) await pageWeight(lastOut!, chapterDir.name);
    if (args.values.search) await searchTiming(lastOut!);
  } finally {
    if (args.values.keep) console.log(`\nKept the stories and builds in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

function figures(r: BuildFigures): string[] {
  return [
    r.label,
    String(r.chapters),
    String(r.words),
    r.seconds.toFixed(1),
    r.pagesSeconds.toFixed(1),
    r.pagefindSeconds.toFixed(1),
    r.peakRssMb.toFixed(0),
    r.distMb.toFixed(1),
    r.indexMb.toFixed(1),
  ];
}

process.exitCode = await main();
