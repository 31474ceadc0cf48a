import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { chaptersDir, ContentFileError, markdownFiles, readContentFile, storyFile } from '../source/content-files.ts';
import { readStory } from '../source/story-source.ts';
import { buildCacheFor, contentFolder, readEnv, type QuireEnv } from '../source/env.ts';
import { localisePictures } from '../importer/remote-pictures.ts';
import { clearUnfinished, StagedFiles } from '../importer/stage.ts';
import { languageOption, parseCommandLine, usageError } from './support/args.ts';
import { languageFromText, planImport, storyMarkdown, type ImportPlan } from '../importer/files.ts';
import { parseRecord, planUpdate, recordFile, recordName, recordOf, type ImportRecord } from '../importer/update.ts';
import { bylineOf, importedStory, ImportError, type ImportedWork } from '../importer/model.ts';
import { readInput } from '../importer/read.ts';
import { holdsSample, sampleTitle } from './support/sample.ts';
import { readInputs } from './support/inputs.ts';
import { publishedOrder, weightOrder } from '../importer/post-order.ts';
import { counted } from '../core/problems.ts';

const usage = `Usage: npm run import -- <file>... [--content <dir>] [--out <dir>] [--force] [--keep-sample] [--dry-run]
                            [--title <title>] [--author <name>] [--language <tag>]
       npm run import -- <file> --update [--take <chapter>]... [--remove] [--dry-run]

Brings a story in: an AO3 download (HTML or EPUB), any EPUB (FanFicFare, FicHub,
Calibre), a Word document (.docx, also from Google Docs), a LibreOffice document (.odt,
.fodt), Rich Text (.rtf), a saved web page (.html, or zipped with its pictures, as Google
Docs downloads one), Markdown, or plain text (FanFicFare's .txt too). The format is read
from the file itself. A folder of chapter files, or a zip of them (as Google Drive
downloads a folder), is read file by file, in the order their names number them.

  --content <dir>  the content folder (default: content, or CONTENT_DIR). Chapters go to <dir>/chapters/,
                   pictures to <dir>/images/, a whole work's title, tags and notes to
                   <dir>/story.md (written when there is none).
  --out <dir>      put the chapters in this folder instead (pictures and story.md then go
                   next to it, unless --content says where)
  --force          replace chapter files, pictures and story.md that already exist
  --keep-sample    add to a content folder that still holds the sample story (to start
                   your own story instead: npm run new -- <file>...)
  --fetch-images   download the pictures a file shows from other sites into images/ (else
                   they are left out, their descriptions kept as text)
  --dry-run        print what would be written, and write nothing
  --title, --author, --language
                   the story's, for the story.md this import writes: from them alone for
                   chapters alone (Word, text, Markdown), which carry none; in place of a
                   whole work's own (its summary, tags and notes kept)

The weekly update: download the work again (AO3 HTML or EPUB, any EPUB, the document
you write the whole story in) and run
  --update         add the new chapters, bring across what changed at the source (chapters,
                   status, tags, summary…) and keep what you changed here. A chapter changed
                   both here and at the source is listed and left as yours. What the last
                   import wrote is in <content>/${recordName} (commit it with the story).
  --take <chapter> for a chapter listed as changed on both sides (chapter-3, or story.md):
                   take the source's version (your date and settings stay); repeatable
  --remove         delete chapters no longer in the source (else they stay, listed)

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
/** "1 word", "2,310 words". */
const words = (n: number) => `${count(n)} ${n === 1 ? 'word' : 'words'}`;
/** Where a chapter's title reads otherwise than the heading it was read from, that heading as written, on the chapter's line. */
const fromHeading = (heading: string | undefined) => (heading ? `  from the heading “${heading}”` : '');

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

/** Whether an import keeps every word, in order, adding none; says what it would lose when not. */
function faithful(input: string, { fidelity }: ImportPlan): boolean {
  const unfaithful =
    fidelity.kept < fidelity.source
      ? `would keep only ${count(fidelity.kept)} of ${count(fidelity.source)} words. First missing: "${fidelity.firstLoss}"`
      : fidelity.added > 0
        ? `would write ${count(fidelity.added)} ${fidelity.added === 1 ? 'word' : 'words'} the file does not have (text twice?). First added: "${fidelity.firstAddition}"`
        : fidelity.disorder
          ? `would put chapters out of the file's order: ${fidelity.disorder}`
          : undefined;
  if (unfaithful) console.error(`error  ${input}: the import ${unfaithful}. Nothing was written for it; please report this with the file.`);
  return unfaithful === undefined;
}

/** Stages one input's files; gives what to print once they are written, or undefined when it failed. */
async function importOne(
  input: string,
  path: string | undefined,
  work: ImportedWork,
  targets: Targets,
  existing: Existing[],
  force: boolean,
  staged: StagedFiles,
  fetchImages: boolean,
): Promise<{ said: string[]; plan: ImportPlan } | undefined> {
  // Pictures beside the file on disk (none for a file inside a zip, which never reaches out of it).
  const pictureNotices = await localisePictures(work, fetchImages, path);
  const plan = await planImport(
    work,
    existing.flatMap((item) => (item.order === undefined ? [] : [item.order])),
  );
  if (!faithful(input, plan)) return undefined;
  const { fidelity } = plan;
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
      said.push(
        `wrote  ${shown(targets.story)}  "${work.story?.title ?? 'Untitled'}"${work.story?.author ? ` by ${bylineOf(work.story)}` : ''}`,
      );
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
    said.push(
      `wrote  ${shown(target)}  "${chapter.title}"  order ${chapter.order}  ${words(chapter.words)}${chapter.part ? `  opens the part “${chapter.part}”` : ''}${fromHeading(chapter.heading)}`,
    );
  }
  for (const [name, bytes] of plan.images) {
    const target = join(targets.images, name);
    write(target, bytes);
    said.push(`wrote  ${shown(target)}`);
  }
  for (const what of work.dropped) said.push(`dropped  ${what}`);
  for (const notice of [...work.notices, ...pictureNotices]) said.push(`note   ${notice}`);
  said.push(`kept ${count(fidelity.kept)} of ${words(fidelity.source)}`);
  return { said, plan };
}

/**
 * The build's own checks (src/source/story-source.ts) on the content folder as the import would
 * leave it: what they find that the folder did not have before, with the preview's paths put
 * back to the real ones. An import never writes what the build then refuses.
 */
async function newProblems(staged: StagedFiles, content: string): Promise<string[]> {
  // Into the story the build reads: rendered as the build will (its base path, into its cache),
  // so the first build after the import renders nothing again; another folder is read apart.
  const build = buildSettings();
  const cacheDir = build && buildCacheFor(build, content);
  const base = cacheDir && build ? build.basePath : '/';
  const read = async (dir: string) => (await readStory(dir, { base, now: new Date(), preview: true, cacheDir })).problems;
  const preview = staged.preview(content);
  // The preview's path as the problems name it, whole or by its folder's name alone ("put it in content/images/").
  const after = (await read(preview)).map((problem) =>
    problem
      .split(shown(preview))
      .join(shown(content))
      .split(basename(preview))
      .join(basename(resolve(content))),
  );
  if (after.length === 0) return [];
  const before = new Set(existsSync(content) ? await read(content) : []);
  return after.filter((problem) => !before.has(problem));
}

/** The build's settings, if the environment gives sound ones (an import does not need them). */
function buildSettings(): QuireEnv | undefined {
  try {
    return readEnv();
  } catch {
    return undefined;
  }
}

/** What tells a work from another: its address (AO3's), else its title, else the file's name. */
function workId(work: ImportedWork, input: string): string {
  return work.story?.reviewUrl ?? work.story?.title ?? basename(input);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The record of the last import into a content folder, if there is one. */
function readRecord(content: string): ImportRecord | undefined {
  const path = join(content, recordName);
  if (!existsSync(path)) return undefined;
  try {
    return parseRecord(readFileSync(path, 'utf8'), shown(path));
  } catch (error) {
    throw new ImportError((error as Error).message);
  }
}

const outcomeWords: Record<string, string> = {
  new: 'new      ',
  updated: 'updated  ',
  taken: 'taken    ',
  kept: 'kept     ',
  unchanged: 'same     ',
  conflict: 'conflict ',
  'removed here': 'removed  ',
  gone: 'gone     ',
  deleted: 'delete   ',
};

/**
 * The weekly update of a work imported before: new chapters added, chapters changed only at
 * the source rewritten, the author's changes kept, both-sides changes listed. Prints the plan;
 * writes it (all at once, once the build's checks pass) unless --dry-run.
 */
async function updateWork(
  input: string,
  work: ImportedWork,
  content: string,
  options: { take: string[]; remove: boolean; dryRun: boolean; fetchImages: boolean; path: string | undefined },
): Promise<number> {
  if (work.story === undefined && work.chapters.length < 2) {
    console.error(
      `error  ${input}: --update needs a whole work (an AO3 download, an EPUB, the document you write the story in), not a single chapter; import a chapter without --update`,
    );
    return 1;
  }
  let record: ImportRecord | undefined;
  try {
    record = readRecord(content);
  } catch (error) {
    console.error(`error  ${(error as Error).message}`);
    return 1;
  }
  const id = workId(work, input);
  // A document that names no work of its own (no address, no title) is known by its file name
  // alone, which a download renames ("story (1).docx"): its chapters, matched by title, tell.
  const namesItself = Boolean(work.story?.reviewUrl ?? work.story?.title);
  if (record && record.work !== id && namesItself) {
    console.error(
      `error  ${input} is “${work.story?.title ?? id}” (${id}), but ${shown(content)}/ was imported from ${record.work}; update a folder with its own work (--content <dir>), or delete ${shown(join(content, recordName))} to adopt this one`,
    );
    return 1;
  }
  const pictureNotices = await localisePictures(work, options.fetchImages, options.path);
  const plan = await planImport(work, []);
  if (!faithful(input, plan)) return 1;

  const chapterFolder = chaptersDir(content);
  const current = new Map(
    markdownFiles(chapterFolder).map((file) => [relative(content, file).split(sep).join('/'), readFileSync(file, 'utf8')] as const),
  );
  const storyPath = storyFile(content);
  const take = new Set(options.take.map((name) => basename(name, '.md')));
  if (take.delete('story')) take.add('story.md');
  const known = new Set([
    ...plan.chapters.map((chapter) => chapter.slug),
    'story.md',
    ...[...current.keys()].map((file) => file.replace(/^chapters\//, '').replace(/\.md$/, '')),
  ]);
  const unknown = [...take].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    console.error(
      `error  --take ${unknown.join(', ')}: no such chapter in ${input} or ${shown(chapterFolder)}/; give a chapter's file name, such as chapter-3, or story.md`,
    );
    return 1;
  }
  let decided: ReturnType<typeof planUpdate>;
  try {
    decided = planUpdate({
      plan,
      record,
      current: { chapters: current, story: existsSync(storyPath) ? readFileSync(storyPath, 'utf8') : undefined },
      take,
      remove: options.remove,
      next: { source: basename(input), format: work.format, work: id, imported: today() },
    });
  } catch (error) {
    // A file here that cannot be read (broken frontmatter): say which, and change nothing.
    if (!(error instanceof ContentFileError)) throw error;
    console.error(`error  ${error.message}; fix it and update again`);
    return 1;
  }

  // A new chapter may not take a reading order a chapter here has.
  const problems: string[] = [];
  const existing = existingChapters(chapterFolder);
  for (const chapter of decided.chapters) {
    if (chapter.outcome !== 'new' || chapter.order === undefined) continue;
    const other = existing.find((item) => item.order === chapter.order)?.file;
    if (other && other !== join(content, chapter.file))
      problems.push(
        `the new chapter “${chapter.title}” would be order ${chapter.order}, which ${shown(other)} already is; change that file's order and update again`,
      );
  }
  for (const problem of problems) console.error(`error  ${problem}`);
  if (problems.length > 0) return 1;

  const staged = new StagedFiles(content);
  try {
    const said = [
      `${work.format}  ${input}  → update of ${shown(content)}/${record ? ` (last imported ${record.imported} from ${record.source})` : ''}`,
    ];
    if (!record && current.size > 0)
      said.push(`note   no ${recordName} yet: chapters here were matched to the source by title; any that differ are listed as conflicts`);
    if (record && record.work !== id)
      said.push(
        `note   ${basename(input)} names no work of its own: taken for ${record.work}, imported last, its chapters matched by title`,
      );
    for (const chapter of decided.chapters) {
      const path = join(content, chapter.file);
      if (chapter.text !== undefined) staged.write(path, chapter.text);
      if (chapter.outcome === 'deleted') staged.remove(path);
      const detail = {
        new: `order ${chapter.order}  ${words(chapter.words ?? 0)}${fromHeading(chapter.heading)}`,
        updated: 'changed at the source',
        taken: "the source's version, your date and settings kept",
        kept: 'your changes kept (unchanged at the source)',
        unchanged: '',
        conflict: `changed here and at the source: yours kept; to take the source's, add --take ${chapter.file.replace(/^chapters\//, '').replace(/\.md$/, '')}`,
        'removed here': 'deleted here: not brought back',
        gone: 'no longer in the source: kept (--remove deletes it)',
        deleted: 'no longer in the source',
      }[chapter.outcome];
      said.push(`${outcomeWords[chapter.outcome]}${shown(path)}  “${chapter.title}”${detail ? `  ${detail}` : ''}`);
    }
    const { story } = decided;
    if (story.text !== undefined) staged.write(storyPath, story.text);
    if (story.changed.length > 0) said.push(`updated  ${shown(storyPath)}  ${story.changed.join(', ')}`);
    if (story.conflicts.length > 0)
      said.push(
        `conflict ${shown(storyPath)}  ${story.conflicts.join(', ')} changed here and at the source: yours kept; --take story.md takes the source's`,
      );
    for (const [name, bytes] of plan.images) {
      const target = join(content, 'images', name);
      if (!existsSync(target)) {
        staged.write(target, bytes);
        said.push(`new      ${shown(target)}`);
      } else if (!readFileSync(target).equals(bytes)) said.push(`kept     ${shown(target)}  (the source's picture differs; yours kept)`);
    }
    staged.write(join(content, recordName), recordFile(decided.record));
    for (const what of work.dropped) said.push(`dropped  ${what}`);
    for (const notice of [...work.notices, ...pictureNotices]) said.push(`note   ${notice}`);
    const checks = await newProblems(staged, content);
    if (checks.length > 0) {
      for (const problem of checks) console.error(`error  ${problem}`);
      console.error('✗ the update would leave a story the build refuses, so nothing was written');
      return 1;
    }
    const tally = (outcome: string) => decided.chapters.filter((chapter) => chapter.outcome === outcome).length;
    said.push(
      `${tally('new')} new, ${tally('updated') + tally('taken')} updated, ${tally('kept') + tally('unchanged')} kept, ${tally('conflict') + (story.conflicts.length > 0 ? 1 : 0)} conflicting, ${tally('gone')} gone from the source`,
    );
    if (options.dryRun) {
      for (const line of said) console.log(line);
      console.log('dry run: nothing was written');
      return 0;
    }
    staged.commit();
    for (const line of said) console.log(line);
  } finally {
    staged.abandon();
  }
  return 0;
}

/** `npm run import -- …argv`: the exit code, with what it did and what went wrong printed. */
export async function main(argv: string[]): Promise<number> {
  writtenBy.clear();
  const args = parseCommandLine(usage, {
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'keep-sample': { type: 'boolean', default: false },
      'fetch-images': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      take: { type: 'string', multiple: true, default: [] },
      remove: { type: 'boolean', default: false },
      title: { type: 'string' },
      author: { type: 'string' },
      language: { type: 'string' },
    },
  });
  if (args.positionals.length === 0) usageError(usage, 'No files given.');
  const { update, remove, take } = args.values;
  if (update && args.positionals.length > 1) usageError(usage, '--update brings in one work at a time; give one file');
  if (update && args.values.force) usageError(usage, '--force replaces every file, --update keeps your changes: use one of them');
  if (update && args.values.out !== undefined) usageError(usage, '--update works on a content folder (--content <dir>), not --out');
  if (!update && (remove || take.length > 0)) usageError(usage, `--${remove ? 'remove' : 'take'} goes with --update`);
  const values = { ...args.values, language: languageOption(args.values.language) };
  const named = Object.fromEntries(
    (['title', 'author', 'language'] as const).flatMap((key) => (values[key] === undefined ? [] : [[key, values[key]!]])),
  );
  const naming = Object.keys(named).length > 0;
  if (update && naming) usageError(usage, '--update keeps story.md as you edited it: change the title, author or language there');
  const out = folder(args.values.out, 'out');
  const content = folder(args.values.content, 'content') ?? (out !== undefined ? dirname(out) : contentFolder());
  // The files as a shell takes them, for the commands the messages suggest.
  const files = args.positionals.map((file) => (/[\s"'$`\\]/.test(file) ? `'${file.replace(/'/g, `'\\''`)}'` : file)).join(' ');
  // Importing a story of one's own beside the sample would publish the two mixed.
  if (holdsSample(content) && !args.values['keep-sample']) {
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

  const read = readInputs(args.positionals);
  let failed = read.errors.length;
  for (const error of read.errors) console.error(`error  ${error}`);
  for (const note of read.notes) console.log(`note   ${note}`);
  if (update && read.inputs.length > 1) usageError(usage, '--update brings in one work at a time; give one file');
  const works: { input: string; path: string | undefined; from: string | undefined; work: ImportedWork }[] = [];
  for (const { name, bytes, path, from } of read.inputs) {
    try {
      works.push({ input: name, path, from, work: await readInput(bytes, name) });
    } catch (error) {
      failed++;
      if (!(error instanceof ImportError)) throw error;
      console.error(`error  ${error.message}`);
    }
  }
  if (works.length === 0) return 1;
  // A folder's (or zip's) files come in the order of their names; a blog's posts, in the order they were published.
  for (const from of new Set(works.flatMap((item) => (item.from === undefined ? [] : [item.from])))) {
    const start = works.findIndex((item) => item.from === from);
    const group = works.filter((item) => item.from === from);
    const byWeight = weightOrder(group);
    const ordered = byWeight ?? publishedOrder(group);
    if (!ordered) continue;
    works.splice(start, group.length, ...ordered);
    const said = byWeight
      ? `files in ${from} in the order of their weight, as Hugo orders a section’s pages`
      : `posts in ${from} in the order they were published, as a blog lists them`;
    console.log(`note   put the ${group.length} ${said}: ${ordered.map(({ input }) => basename(input)).join(', ')}`);
  }
  if (update) {
    const { input, path, work } = works[0]!;
    return updateWork(input, work, content, {
      take,
      remove,
      dryRun: args.values['dry-run'],
      fetchImages: args.values['fetch-images'],
      path,
    });
  }
  const existing = existingChapters(targets.chapters);
  const whole = works.find(({ work }) => work.story !== undefined);
  if (naming && existsSync(targets.story) && !args.values.force) {
    console.error(`error  ${shown(targets.story)} exists: change the title, author or language there (or replace it: --force)`);
    return 1;
  }
  // What tells the source work from others, for the weekly --update, and its own title, author and
  // language where others are given: what a later update compares the source with, not the names given.
  const sourceIds = new Map(works.map(({ input, work }) => [work, workId(work, input)]));
  const given = whole
    ? Object.fromEntries(
        (['title', 'author', 'language'] as const).filter((key) => key in named).map((key) => [key, whole.work.story![key]]),
      )
    : {};
  // The title, author and language given: in place of the whole work's, else a story of their own for chapters alone.
  if (whole) Object.assign(whole.work.story!, named);
  // Else, into a folder without story.md, the story a chapter's page names around it (FanFiction.net's header).
  const intoContent = resolve(targets.chapters) === resolve(chaptersDir(content));
  const pageNamed =
    !naming && !whole && intoContent && !existsSync(targets.story) ? works.find(({ work }) => work.named)?.work.named : undefined;
  const givenStory = naming && !whole ? importedStory(named) : pageNamed;
  if (pageNamed)
    console.log(`note   took the story's title, author, summary and language from the page; change them in ${shown(targets.story)}`);
  // Chapters alone (Word, text, Markdown) into a folder without story.md: the build would refuse
  // the story for want of a title and an author, which only the author can give.
  if (!whole && !givenStory && !existsSync(targets.story) && intoContent) {
    console.error(
      [
        `error  ${shown(content)}/ has no story.md, and ${works.length === 1 ? 'this file holds' : 'these files hold'} chapters only, without the story's title and author.`,
        `       Give them: add --title "…" --author "…" to the command, or start the story with them: npm run new -- ${files} --title "…" --author "…"`,
      ].join('\n'),
    );
    return 1;
  }
  if (whole && existing.length > 0) {
    console.log(`note   ${shown(targets.chapters)} already holds ${counted(existing.length, 'chapter file')}; they stay part of the site`);
  }
  const staged = new StagedFiles(content);
  try {
    const reports: string[][] = [];
    const plans: { input: string; work: ImportedWork; plan: ImportPlan }[] = [];
    // In the order given, so an interlude follows the chapter before it; lone epilogues last.
    const isEpilogue = ({ work }: { work: ImportedWork }) =>
      work.story === undefined && work.chapters.every((chapter) => chapter.kind === 'epilogue');
    for (const { input, path, work } of [...works.filter((item) => !isEpilogue(item)), ...works.filter(isEpilogue)]) {
      try {
        const report = await importOne(input, path, work, targets, existing, force, staged, args.values['fetch-images']);
        if (report) {
          reports.push(report.said);
          plans.push({ input, work, plan: report.plan });
        } else failed++;
      } catch (error) {
        failed++;
        if (!(error instanceof ImportError)) throw error;
        console.error(`error  ${error.message}`);
      }
    }
    if (reports.length === 0) return 1;
    // Once for the run: which titles read otherwise than their headings is on each chapter's line.
    const retitled = plans.flatMap(({ plan }) => plan.chapters).filter((chapter) => chapter.heading !== undefined).length;
    if (retitled > 0)
      reports.push([
        `note   ${retitled === 1 ? 'a title is' : `${retitled} titles are`} written in the site’s form (the chapter’s number in digits, a colon between label and name); to show a heading as you wrote it, put it in the title: of its chapter’s file`,
      ]);
    if (givenStory) {
      if (!givenStory.language)
        for (const said of languageFromText(givenStory, plans.map(({ work }) => work.source).join('\n'))) reports.push([`note   ${said}`]);
      staged.write(targets.story, storyMarkdown(givenStory));
      reports.push([`wrote  ${shown(targets.story)}  "${givenStory.title ?? 'Untitled'}" by ${bylineOf(givenStory) ?? 'Anonymous'}`]);
    }
    // A whole work imported into the content folder is recorded, for the weekly --update.
    // So is a single document holding several chapters, as an author writes a story in one.
    const wholes = plans.filter(({ work }) => work.story !== undefined);
    const recorded = wholes.length === 1 ? wholes[0] : plans.length === 1 && plans[0]!.plan.chapters.length > 1 ? plans[0] : undefined;
    if (recorded && intoContent) {
      const { input, work, plan } = recorded;
      staged.write(
        join(content, recordName),
        recordFile(recordOf({ source: input, format: work.format, work: sourceIds.get(work)!, plan, today: today(), given })),
      );
      reports.push([`wrote  ${shown(join(content, recordName))}  (what was imported, for npm run import -- <file> --update)`]);
    }
    // The chapters of a content folder are checked with it, as the build will read them.
    const problems = intoContent ? await newProblems(staged, content) : [];
    if (problems.length > 0) {
      for (const problem of problems) console.error(`error  ${problem}`);
      console.error(
        `✗ the import would leave a story the build refuses, so nothing was written; fix the file${works.length === 1 ? '' : 's'}, or the story, and import again`,
      );
      return 1;
    }
    if (args.values['dry-run']) {
      for (const line of reports.flat()) console.log(line.replace(/^wrote /, 'would write '));
      console.log('dry run: nothing was written');
      return failed > 0 ? 1 : 0;
    }
    staged.commit();
    for (const line of reports.flat()) console.log(line);
  } finally {
    staged.abandon();
  }
  return failed > 0 ? 1 : 0;
}

// Run as a command (the tests call `main` in their own process).
if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
