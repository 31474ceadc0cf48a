import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { chaptersDir, ContentFileError, markdownFiles, readContentFile, storyFile } from '../build/content-files.ts';
import { parseCommandLine, usageError } from './support/args.ts';
import { planImport, type ImportPlan } from '../importer/files.ts';
import { ImportError, type ImportedWork } from '../importer/model.ts';
import { readInput } from '../importer/read.ts';
import { holdsSample, sampleTitle } from './support/sample.ts';

const usage = `Usage: npm run import -- <file>... [--content <dir>] [--out <dir>] [--force] [--keep-sample]

Brings a story in: an AO3 download (HTML or EPUB), any EPUB (FanFicFare, FicHub,
Calibre), a Word document (.docx, also from Google Docs), a saved web page (.html),
Markdown, or plain text. The format is read from the file itself.

  --content <dir>  the content folder (default: content). Chapters go to <dir>/chapters/,
                   pictures to <dir>/images/, a whole work's title, tags and notes to
                   <dir>/story.md (written when there is none).
  --out <dir>      put the chapters in this folder instead (pictures and story.md then go
                   next to it, unless --content says where)
  --force          replace chapter files, pictures and story.md that already exist
  --keep-sample    add to a content folder that still holds the sample story (to start
                   your own story instead: npm run new -- <file>...)

Every word of each file must arrive: an import that would lose one writes nothing for that
file and names the passage.`;

/** The folders an import writes to. */
interface Targets {
  chapters: string;
  images: string;
  story: string;
}

/** A folder option: given, not empty, and not a file. */
function folder(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') usageError(usage, `--${option} needs a folder, as in --${option} content`);
  if (existsSync(value) && !statSync(value).isDirectory()) usageError(usage, `--${option} ${value}: that is a file; give a folder`);
  return value;
}

/** A chapter already in the folder: its file and reading order. */
interface Existing {
  file: string;
  order: number | undefined;
}

function existingChapters(dir: string): Existing[] {
  return markdownFiles(dir).map((file) => {
    try {
      const { order } = readContentFile(file).frontmatter;
      return { file, order: typeof order === 'number' ? order : undefined };
    } catch (error) {
      if (error instanceof ContentFileError) return { file, order: undefined };
      throw error;
    }
  });
}

const shown = (path: string) => relative('.', path) || path;
const count = (n: number) => n.toLocaleString('en');

/** What was written in this run, so two inputs never write the same file. */
const writtenBy = new Map<string, string>();

/**
 * The files one input becomes, each checked before any is written: a file that exists
 * (without --force), a file another input of this run wrote, or a reading order another
 * chapter has. Gives the problems; nothing is written when there are any.
 */
function conflicts(input: string, plan: ImportPlan, targets: Targets, existing: Existing[], force: boolean): string[] {
  const problems: string[] = [];
  for (const chapter of plan.chapters) {
    const target = join(targets.chapters, `${chapter.slug}.md`);
    const other = writtenBy.get(target);
    if (other !== undefined) {
      problems.push(
        `${shown(target)} was already written from ${other} in this run; import one of them at a time, or rename its title line`,
      );
      continue;
    }
    if (existsSync(target) && !force) {
      problems.push(`${shown(target)} already exists; pass --force to overwrite it`);
      continue;
    }
    const sameOrder = existing.find((item) => item.order === chapter.order && item.file !== target);
    if (sameOrder) {
      problems.push(
        `"${chapter.title}" would be order ${chapter.order}, which ${shown(sameOrder.file)} already is; move that file away, or import into an empty content folder (--content <new folder>)`,
      );
    }
  }
  for (const [name, bytes] of plan.images) {
    const target = join(targets.images, name);
    if (writtenBy.has(target) && writtenBy.get(target) !== input)
      problems.push(`${shown(target)} was already written from ${writtenBy.get(target)} in this run`);
    else if (!force && existsSync(target) && !readFileSync(target).equals(bytes))
      problems.push(`${shown(target)} already exists and is another picture; pass --force to replace it`);
  }
  return problems;
}

/** Imports one input; gives whether it worked. */
async function importOne(input: string, work: ImportedWork, targets: Targets, existing: Existing[], force: boolean): Promise<boolean> {
  const plan = await planImport(
    work,
    existing.flatMap((item) => (item.order === undefined ? [] : [item.order])),
  );
  const { fidelity } = plan;
  const unfaithful =
    fidelity.kept < fidelity.source
      ? `would keep only ${count(fidelity.kept)} of ${count(fidelity.source)} words. First missing: "${fidelity.firstLoss}"`
      : fidelity.added > 0
        ? `would write ${count(fidelity.added)} words the file does not have (text twice?). First added: "${fidelity.firstAddition}"`
        : fidelity.disorder
          ? `would put chapters out of the file's order: ${fidelity.disorder}`
          : undefined;
  if (unfaithful) {
    console.error(`error  ${input}: the import ${unfaithful}. Nothing was written for it; please report this with the file.`);
    return false;
  }
  // story.md is written when there is none (or with --force), once a run: the first whole work's.
  const earlier = writtenBy.get(targets.story);
  const writeStory = plan.story !== undefined && earlier === undefined && (!existsSync(targets.story) || force);
  const problems = conflicts(input, plan, targets, existing, force);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`error  ${input}: ${problem}`);
    return false;
  }

  console.log(`${work.format}  ${input}`);
  if (plan.story !== undefined) {
    if (writeStory) {
      mkdirSync(dirname(targets.story), { recursive: true });
      writeFileSync(targets.story, plan.story);
      writtenBy.set(targets.story, input);
      console.log(`wrote  ${shown(targets.story)}  "${work.story?.title ?? 'Untitled'}"`);
    } else if (earlier !== undefined) {
      console.log(`note   kept ${shown(targets.story)} as written from ${earlier}`);
    } else {
      console.log(`note   kept the existing ${shown(targets.story)}; pass --force to replace it with this work's title, tags and notes`);
    }
  }
  mkdirSync(targets.chapters, { recursive: true });
  for (const chapter of plan.chapters) {
    const target = join(targets.chapters, `${chapter.slug}.md`);
    writeFileSync(target, chapter.text);
    writtenBy.set(target, input);
    existing.push({ file: target, order: chapter.order });
    console.log(`wrote  ${shown(target)}  "${chapter.title}"  order ${chapter.order}  ${count(chapter.words)} words`);
  }
  for (const [name, bytes] of plan.images) {
    const target = join(targets.images, name);
    mkdirSync(targets.images, { recursive: true });
    writeFileSync(target, bytes);
    writtenBy.set(target, input);
    console.log(`wrote  ${shown(target)}`);
  }
  for (const what of work.dropped) console.log(`dropped  ${what}`);
  for (const notice of work.notices) console.log(`note   ${notice}`);
  console.log(`kept ${count(fidelity.kept)} of ${count(fidelity.source)} words`);
  return true;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(usage, {
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'keep-sample': { type: 'boolean', default: false },
    },
  });
  if (args.positionals.length === 0) usageError(usage, 'No files given.');
  const out = folder(args.values.out, 'out');
  const content = folder(args.values.content, 'content') ?? (out !== undefined ? dirname(out) : 'content');
  // Importing a story of one's own beside the sample would publish the two mixed.
  if (holdsSample(content) && !args.values['keep-sample']) {
    const files = args.positionals.map((file) => (/[\s"'$`\\]/.test(file) ? `'${file.replace(/'/g, `'\\''`)}'` : file)).join(' ');
    console.error(
      [
        `error  ${shown(content)}/ still holds the sample story “${sampleTitle}”, which would be published mixed with what you import.`,
        `       To start your own story from these files (the sample moves to backups/): npm run new -- ${files}`,
        `       To add them to the sample anyway: npm run import -- ${files} --keep-sample`,
      ].join('\n'),
    );
    return 1;
  }
  const targets: Targets = { chapters: out ?? chaptersDir(content), images: join(content, 'images'), story: storyFile(content) };
  const force = args.values.force;

  let failed = 0;
  const works: { input: string; work: ImportedWork }[] = [];
  for (const input of args.positionals) {
    try {
      works.push({ input, work: await readInput(readFileSync(input), input) });
    } catch (error) {
      failed++;
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        error instanceof ImportError
          ? error.message
          : code === 'ENOENT'
            ? `${input}: no such file`
            : code === 'EISDIR'
              ? `${input}: a folder; give the files in it`
              : `${input}: cannot read it (${(error as Error).message})`;
      console.error(`error  ${message}`);
    }
  }
  const existing = existingChapters(targets.chapters);
  const whole = works.find(({ work }) => work.story !== undefined);
  if (whole && existing.length > 0) {
    console.log(
      `note   ${shown(targets.chapters)} already holds ${existing.length} chapter file${existing.length === 1 ? '' : 's'}; they stay part of the site`,
    );
  }
  // In the order given, so an interlude follows the chapter before it; lone epilogues last.
  const isEpilogue = ({ work }: { work: ImportedWork }) =>
    work.story === undefined && work.chapters.every((chapter) => chapter.kind === 'epilogue');
  for (const { input, work } of [...works.filter((item) => !isEpilogue(item)), ...works.filter(isEpilogue)]) {
    try {
      if (!(await importOne(input, work, targets, existing, force))) failed++;
    } catch (error) {
      failed++;
      if (!(error instanceof ImportError)) throw error;
      console.error(`error  ${error.message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
