import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readStory } from '../build/story-source.ts';
import { chapterWords } from '../core/story.ts';
import { generateStory } from './support/synthetic.ts';
import { parseCommandLine, usageError } from './support/args.ts';
import { startAstroBuild } from './support/astro-build.ts';
import { launchBrowser } from './support/chromium.ts';
import { serveStatic } from './support/serve.ts';
import { makeWorkDir } from './support/work-dir.ts';

const usage = `Usage: npm run bench -- [--sizes 10,100,1000] [--content <dir>] [--keep]

Builds generated stories of each size (or the story in <dir>) and prints build time,
memory and output size, then what a first visit to a chapter page transfers.`;

interface BuildFigures {
  label: string;
  chapters: number;
  words: number;
  seconds: number;
  pagefindSeconds: number;
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
  const { chapters } = await readStory(contentDir, { base: '/' });
  return { chapters: chapters.length, words: chapters.reduce((sum, chapter) => sum + chapterWords(chapter), 0) };
}

async function build(label: string, contentDir: string, outDir: string): Promise<BuildFigures> {
  const started = performance.now();
  const { child, done } = startAstroBuild({ ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, BUILD_DATE: '2026-01-01' });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const { code, output } = await done;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`Building ${label} failed:\n${output}`);
  const seconds = (performance.now() - started) / 1000;
  const pagefindMs = Number(/Indexed \d+ pages in (\d+) ms/.exec(output)?.[1] ?? 0);
  return {
    label,
    ...(await storySize(contentDir)),
    seconds,
    pagefindSeconds: pagefindMs / 1000,
    peakRssMb: peak / 1024 / 1024,
    distMb: dirBytes(outDir) / 1024 / 1024,
    indexMb: dirBytes(join(outDir, 'pagefind')) / 1024 / 1024,
    outDir,
  };
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

async function main(): Promise<number> {
  const args = parseCommandLine(usage, {
    options: { sizes: { type: 'string', default: '10,100,1000' }, content: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  const sizes = args.values.sizes.split(',').map(Number);
  if (!args.values.content && sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    usageError(usage, '--sizes takes whole numbers of chapters, e.g. 10,100,1000');
  }
  const work = makeWorkDir('bench-');
  const results: BuildFigures[] = [];
  try {
    const stories = args.values.content
      ? [{ label: args.values.content, dir: args.values.content }]
      : sizes.map((size) => ({ label: `${size} chapters`, dir: join(work, `story-${size}`), size }));
    for (const story of stories) {
      if ('size' in story) {
        const { storyMarkdown, chapters } = generateStory(story.size as number);
        mkdirSync(join(story.dir, 'chapters'), { recursive: true });
        writeFileSync(join(story.dir, 'story.md'), storyMarkdown);
        for (const chapter of chapters) writeFileSync(join(story.dir, 'chapters', `${chapter.slug}.md`), chapter.markdown);
      }
      process.stderr.write(`building ${story.label}…\n`);
      results.push(await build(story.label, story.dir, join(work, `dist-${results.length}`)));
    }
    const rows = [['story', 'chapters', 'words', 'build s', 'astro s', 'pagefind s', 's/1k words', 'peak RSS MB', 'dist MB', 'index MB']];
    for (const r of results) {
      rows.push([
        r.label,
        String(r.chapters),
        String(r.words),
        r.seconds.toFixed(1),
        (r.seconds - r.pagefindSeconds).toFixed(1),
        r.pagefindSeconds.toFixed(1),
        ((r.seconds / r.words) * 1000).toFixed(3),
        r.peakRssMb.toFixed(0),
        r.distMb.toFixed(1),
        r.indexMb.toFixed(1),
      ]);
    }
    console.log(table(rows));
    const last = results.at(-1)!;
    const chapterDir = readdirSync(last.outDir, { withFileTypes: true }).find(
      (entry) => entry.isDirectory() && /^chapter-\d+$|^prologue$/.test(entry.name),
    );
    if (chapterDir) await pageWeight(last.outDir, chapterDir.name);
  } finally {
    if (args.values.keep) console.log(`\nKept the stories and builds in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = await main();
