import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { chaptersDir, storyFile } from '../source/content-files.ts';
import { contentFolder } from '../source/env.ts';
import { isTimeZone } from '../core/dates.ts';
import { schemaProblems, storySchema } from '../core/schema.ts';
import { languageOption, parseCommandLine, usageError } from './support/args.ts';
import { holdsSample, sampleTitle } from './support/sample.ts';

const usage = `Usage: npm run new -- [<file>...] [--title <title>] [--author <name>] [--language <tag>] [--content <dir>]

Starts your own story in content/ (or the --content folder, or CONTENT_DIR). What the folder holds now (the
sample story, or an earlier story) is moved to backups/, never deleted. Then:

  with files   imports them into the empty folder, as npm run import does: an AO3 download
               (HTML or EPUB), any EPUB, a Word, LibreOffice or Rich Text document, a web
               page, Markdown or plain text. A whole work (AO3, EPUB, a document of several
               chapters) brings its title and author (--title, --author and
               --language replace them); for chapters alone (Word, text, Markdown), which
               carry none, give --title and --author, which story.md is written from
  without      writes story.md (from --title, --author, --language) and a first chapter,
               chapters/chapter-1.md, to write in

If the import fails, the folder is put back as it was.

  npm run new -- --title "The Lantern Keeper" --author "Ada"
  npm run new -- ~/Downloads/The_Lantern_Keeper.html
  npm run new -- chapter-1.docx chapter-2.docx --title "The Lantern Keeper" --author "Ada"`;

const shown = (path: string) => relative('.', path) || path;

/** A folder holding anything but the system's litter. */
function holdsFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => !['.DS_Store', 'Thumbs.db', 'desktop.ini'].includes(name));
}

/** Moves a folder aside into `backups/`, across file systems too; gives where it went. */
function moveAside(dir: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  const backup = resolve('backups', `${basename(dir)}-${stamp}`);
  mkdirSync(resolve('backups'), { recursive: true });
  try {
    renameSync(dir, backup);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(dir, backup, { recursive: true });
    rmSync(dir, { recursive: true });
  }
  return backup;
}

/** Puts a folder moved aside back where it was, replacing what a failed import left there. */
function putBack(backup: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  renameSync(backup, dir);
}

/** story.md and a first chapter for a story begun from nothing; checked as the build checks them. */
function firstFiles(title: string, author: string, language: string): { story: string; chapter: string; timeZone: string | undefined } {
  // This computer's time zone, for chapters dated with a time (published: 2027-01-08 18:00).
  const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const timeZone = own && isTimeZone(own) ? own : undefined;
  const front = { title, author, language, status: 'in-progress', ...(timeZone ? { timeZone } : {}) };
  const problems = schemaProblems(storySchema, front);
  if (problems.length > 0) usageError(usage, problems.join('\n'));
  const story = `---\n${yaml.dump(front, { lineWidth: -1 })}---\n\nWhat the story is about, in a few sentences. Readers see this on the home page, in link previews and in the EPUB.\n`;
  const chapter = `---\n${yaml.dump({ title: 'Chapter 1', order: 1 }, { lineWidth: -1 })}---\n\nThe first chapter begins here. Write in Markdown: a blank line between paragraphs, *italics* between asterisks, and a line of \`* * *\` for a scene break.\n\nSet \`published: 2026-01-31\` above (between the \`---\` lines) to release the chapter on a day of your choosing (\`2026-01-31 18:00\` at a time, in story.md's \`timeZone\`), or \`draft: true\` to keep it to \`npm run dev\`.\n`;
  return { story, chapter, timeZone };
}

function main(): number {
  const args = parseCommandLine(usage, {
    allowPositionals: true,
    options: {
      content: { type: 'string', default: contentFolder() },
      title: { type: 'string' },
      author: { type: 'string' },
      language: { type: 'string' },
    },
  });
  const files = args.positionals;
  const { title, author } = args.values;
  const language = languageOption(args.values.language);
  for (const file of files) if (!existsSync(file)) usageError(usage, `${file}: no such file`);
  const content = resolve(args.values.content);
  if (existsSync(content) && !statSync(content).isDirectory())
    usageError(usage, `--content ${args.values.content}: that is a file; give a folder`);
  // Checked before anything moves.
  const fresh = files.length === 0 ? firstFiles(title ?? 'My Story', author ?? 'Anonymous', language ?? 'en') : undefined;

  let backup: string | undefined;
  if (holdsFiles(content)) {
    const what = holdsSample(content) ? `the sample story “${sampleTitle}”` : 'what it held';
    backup = moveAside(content);
    console.log(`moved  ${shown(content)}/ → ${shown(backup)}/  (${what}; move it back to undo)`);
  } else {
    rmSync(content, { recursive: true, force: true });
  }

  if (fresh) {
    mkdirSync(chaptersDir(content), { recursive: true });
    writeFileSync(storyFile(content), fresh.story);
    console.log(
      `wrote  ${shown(storyFile(content))}  "${title ?? 'My Story'}" by ${author ?? 'Anonymous'}${fresh.timeZone ? `  (scheduled times in ${fresh.timeZone}, this computer's time zone: timeZone in story.md)` : ''}`,
    );
    writeFileSync(join(chaptersDir(content), 'chapter-1.md'), fresh.chapter);
    console.log(`wrote  ${shown(join(chaptersDir(content), 'chapter-1.md'))}`);
    console.log(`\nNext: npm run dev, and edit both files (the page follows each save); then commit and push to publish.`);
    return 0;
  }

  // The title, author and language given go to the import, for the story.md it writes.
  const named = Object.entries({ title, author, language }).flatMap(([key, value]) => (value === undefined ? [] : [`--${key}`, value]));
  const imported = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('./import.ts', import.meta.url)), ...files, '--content', content, ...named],
    {
      stdio: 'inherit',
    },
  );
  if (imported.status !== 0) {
    if (backup) putBack(backup, content);
    else rmSync(content, { recursive: true, force: true });
    console.error(`\nNothing changed: ${shown(content)}/ is as it was.`);
    return imported.status ?? 1;
  }
  console.log(`\nNext: npm run dev to read it, npm run check for anything worth a look; then commit and push to publish.`);
  return 0;
}

process.exitCode = main();
