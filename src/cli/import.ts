import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { ContentFileError, markdownFiles, readContentFile } from '../build/content-files.ts';
import { parseCommandLine, usageError } from './support/args.ts';
import { assignOrder, chapterFile, decodeText, ImportError, parseChapter } from '../importer/plain-text.ts';

const usage = `Usage: npm run import -- <file.txt>... [--out <dir>] [--force]

Turns plain-text chapters into chapter files (Markdown with frontmatter).
  --out <dir>   where to write the chapters (default: content/chapters)
  --force       overwrite a chapter file that already exists`;

/** Orders of the chapters already in the output folder, so an epilogue lands after them. */
function existingOrders(dir: string): number[] {
  return markdownFiles(dir).flatMap((file) => {
    try {
      const { order } = readContentFile(file).frontmatter;
      return typeof order === 'number' ? [order] : [];
    } catch (error) {
      if (error instanceof ContentFileError) return [];
      throw error;
    }
  });
}

function main(argv: string[]): number {
  const args = parseCommandLine(usage, {
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'content/chapters' }, force: { type: 'boolean', default: false } },
  });
  if (args.positionals.length === 0) usageError(usage, 'No files given.');
  const out = args.values.out;
  mkdirSync(out, { recursive: true });
  const orders = existingOrders(out);
  let failed = 0;
  const parsed = args.positionals.map((file) => {
    try {
      const text = decodeText(readFileSync(file), file);
      return { file, chapter: parseChapter(text, file, basename(file, extname(file))) };
    } catch (error) {
      failed++;
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        error instanceof ImportError
          ? error.message
          : code === 'ENOENT'
            ? `${file}: no such file`
            : `${file}: cannot read it (${(error as Error).message})`;
      console.error(`error  ${message}`);
      return undefined;
    }
  });
  // In the order given, so an interlude follows the chapter before it; epilogues last.
  const inOrder = [
    ...parsed.filter((item) => item?.chapter.kind !== 'epilogue'),
    ...parsed.filter((item) => item?.chapter.kind === 'epilogue'),
  ];
  for (const item of inOrder) {
    if (!item) continue;
    const { file, chapter } = item;
    const target = join(out, `${chapter.slug}.md`);
    if (existsSync(target) && !args.values.force) {
      failed++;
      console.error(`error  ${file}: ${relative('.', target)} already exists; pass --force to overwrite it`);
      continue;
    }
    const order = assignOrder(chapter, orders);
    orders.push(order);
    writeFileSync(target, chapterFile(chapter, order));
    console.log(`wrote  ${relative('.', target)}  "${chapter.title}"  order ${order}  ${chapter.words} words`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
