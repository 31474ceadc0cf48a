import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { chaptersDir, ContentFileError, markdownFiles, readContentFile, storyFile } from '../source/content-files.ts';
import { readStory } from '../source/story-source.ts';
import { localisePictures } from '../importer/remote-pictures.ts';
import { clearUnfinished, StagedFiles } from '../importer/stage.ts';
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
  --fetch-images   download the pictures a file shows from other sites into images/ (else
                   they are left out, their descriptions kept as text)

Every word of each file must arrive: an import that would lose one, add one or put chapters
out of order writes nothing for that file and names the passage. All files are written at
once, and only if the story then passes the build's own checks.`;

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

/** Stages one input's files; gives what to print once they are written, or undefined when it failed. */
async function importOne(
  input: string,
  work: ImportedWork,
  targets: Targets,
  existing: Existing[],
  force: boolean,
  staged: StagedFiles,
  fetchImages: boolean,
): Promise<string[] | undefined> {
  const pictureNotices = await localisePictures(work, fetchImages);
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
    return undefined;
  }
  // story.md is written when there is none (or with --force), once a run: the first whole work's.
  const earlier = writtenBy.get(targets.story);
  const writeStory = plan.story !== undefined && earlier === undefined && (!existsSync(targets.story) || force);
  const problems = conflicts(input, plan, targets, existing, force);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`error  ${input}: ${problem}`);
    return undefined;
  }

  const said = [`${work.format}  ${input}`];
  const write = (file: string, content: string | Uint8Array) => {
    staged.write(file, content);
    writtenBy.set(file, input);
  };
  if (plan.story !== undefined) {
    if (writeStory) {
      write(targets.story, plan.story);
      said.push(`wrote  ${shown(targets.story)}  "${work.story?.title ?? 'Untitled'}"`);
    } else if (earlier !== undefined) {
      said.push(`note   kept ${shown(targets.story)} as written from ${earlier}`);
    } else {
      said.push(`note   kept the existing ${shown(targets.story)}; pass --force to replace it with this work's title, tags and notes`);
    }
  }
  for (const chapter of plan.chapters) {
    const target = join(targets.chapters, `${chapter.slug}.md`);
    write(target, chapter.text);
    existing.push({ file: target, order: chapter.order });
    said.push(`wrote  ${shown(target)}  "${chapter.title}"  order ${chapter.order}  ${count(chapter.words)} words`);
  }
  for (const [name, bytes] of plan.images) {
    const target = join(targets.images, name);
    write(target, bytes);
    said.push(`wrote  ${shown(target)}`);
  }
  for (const what of work.dropped) said.push(`dropped  ${what}`);
  for (const notice of [...work.notices, ...pictureNotices]) said.push(`note   ${notice}`);
  said.push(`kept ${count(fidelity.kept)} of ${count(fidelity.source)} words`);
  return said;
}

/**
 * The build's own checks (src/source/story-source.ts) on the content folder as the import would
 * leave it: what they find that the folder did not have before, with the preview's paths put
 * back to the real ones. An import never writes what the build then refuses.
 */
async function newProblems(staged: StagedFiles, content: string): Promise<string[]> {
  const read = async (dir: string) => (await readStory(dir, { base: '/', now: new Date(), preview: true })).problems;
  const preview = staged.preview(content);
  const after = (await read(preview)).map((problem) => problem.split(shown(preview)).join(shown(content)));
  if (after.length === 0) return [];
  const before = new Set(existsSync(content) ? await read(content) : []);
  return after.filter((problem) => !before.has(problem));
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
      'fetch-images': { type: 'boolean', default: false },
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
  for (const notice of clearUnfinished(content)) console.log(`note   ${notice}`);

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
  if (works.length === 0) return 1;
  const existing = existingChapters(targets.chapters);
  const whole = works.find(({ work }) => work.story !== undefined);
  if (whole && existing.length > 0) {
    console.log(
      `note   ${shown(targets.chapters)} already holds ${existing.length} chapter file${existing.length === 1 ? '' : 's'}; they stay part of the site`,
    );
  }
  const staged = new StagedFiles(content);
  try {
    const reports: string[][] = [];
    // In the order given, so an interlude follows the chapter before it; lone epilogues last.
    const isEpilogue = ({ work }: { work: ImportedWork }) =>
      work.story === undefined && work.chapters.every((chapter) => chapter.kind === 'epilogue');
    for (const { input, work } of [...works.filter((item) => !isEpilogue(item)), ...works.filter(isEpilogue)]) {
      try {
        const report = await importOne(input, work, targets, existing, force, staged, args.values['fetch-images']);
        if (report) reports.push(report);
        else failed++;
      } catch (error) {
        failed++;
        if (!(error instanceof ImportError)) throw error;
        console.error(`error  ${error.message}`);
      }
    }
    if (reports.length === 0) return 1;
    // The chapters of a content folder are checked with it, as the build will read them.
    const problems = resolve(targets.chapters) === resolve(chaptersDir(content)) ? await newProblems(staged, content) : [];
    if (problems.length > 0) {
      for (const problem of problems) console.error(`error  ${problem}`);
      console.error(
        `✗ the import would leave a story the build refuses, so nothing was written; fix the file${works.length === 1 ? '' : 's'}, or the story, and import again`,
      );
      return 1;
    }
    staged.commit();
    for (const line of reports.flat()) console.log(line);
  } finally {
    staged.abandon();
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
