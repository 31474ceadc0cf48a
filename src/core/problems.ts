/**
 * Every problem Quire reports about an author's content, by name, in the way Astro's
 * `errors-data.ts` catalogues its errors: what is wrong in a line (`title`, listed in the
 * README), and the message the build, `npm run dev` and `npm run check` print, which names
 * the file (and field or line) and says how to fix it. Errors stop the build (the last good
 * site stays); warnings are printed with it; refusals stop `npm run import` before it writes
 * anything. The code that finds a problem reports it from here, and tests refer to it by name.
 *
 * Messages from the Markdown pipeline (`where: 'line'`) are printed after the file and line
 * they concern ("chapters/chapter-2.md:14: …"); the others name their file themselves.
 */

interface ProblemData<Args extends never[] | unknown[]> {
  /** An error stops the build (the last good site stays); a warning is printed with it; a refusal stops `npm run import`, which writes nothing. */
  level: 'error' | 'warning' | 'refusal';
  /** Whether the message is printed after the file and line it concerns (the Markdown pipeline's problems). */
  where?: 'line';
  /** What is wrong, in a line. */
  title: string;
  /** The message as printed. */
  message: (...args: Args) => string;
}

const problem = <Args extends unknown[]>(data: ProblemData<Args>) => data;
/** A count and its noun, as the messages to the author write them: "1 chapter", "3 chapters", "2 entries" (`plural` given). */
export const counted = (count: number, noun: string, plural = `${noun}s`): string => `${count} ${count === 1 ? noun : plural}`;
/** The first three of some titles, quoted, and "…" after them when there are more: “One”, “Two”, “Three”…. */
export const firstFew = (titles: readonly string[]): string =>
  `${titles
    .slice(0, 3)
    .map((title) => `“${title}”`)
    .join(', ')}${titles.length > 3 ? '…' : ''}`;
/** One thing, or several joined with "and". */
const list = (things: readonly string[]) => (things.length === 1 ? things[0]! : `${things.slice(0, -1).join(', ')} and ${things.at(-1)}`);
/** What an element left open does to the rest of a chapter, where readers see it. */
const emphasis = new Map<string, string>([
  ...(['i', 'em', 'cite', 'dfn', 'var'] as const).map((name) => [name, 'set in italics'] as const),
  ...(['b', 'strong'] as const).map((name) => [name, 'set in bold'] as const),
  ...(['u', 'ins'] as const).map((name) => [name, 'underlined'] as const),
  ...(['s', 'strike', 'del'] as const).map((name) => [name, 'struck through'] as const),
  ['a', 'one long link'] as const,
]);
/** Where else a raw-HTML warning applies, past the line it names. */
const elsewhere = (more: number) => (more > 0 ? ` (here and in ${more} more ${more === 1 ? 'place' : 'places'})` : '');

export const problems = {
  // The story and its chapters.
  NoContentFolder: problem({
    level: 'error',
    title: 'The content folder is not there',
    message: (folder: string) =>
      `the content folder ${folder} does not exist: give the folder that holds story.md and chapters/ (CONTENT_DIR, or --content), or start a story there with npm run new`,
  }),
  MissingStory: problem({
    level: 'error',
    title: 'The content folder has no story.md',
    message: () => 'story.md is missing: create it in the content folder with at least title and author, or start a story with npm run new',
  }),
  NoChapters: problem({
    level: 'error',
    title: 'The content folder has no chapter',
    message: () => 'chapters/ holds no chapters: add at least one Markdown file, e.g. chapters/prologue.md',
  }),
  StoryMisnamed: problem({
    level: 'error',
    title: 'story.md is there under another case (Story.md)',
    message: (found: string) =>
      `story.md is missing, but ${found} is there: rename it story.md (file names are case-sensitive on the machines that build sites, though not on a Mac or in Windows)`,
  }),
  ChaptersMisplaced: problem({
    level: 'error',
    title: 'The chapters are in a folder of another case (Chapters/), or beside story.md',
    message: (where: string) => `chapters/ holds no chapters, but ${where}`,
  }),
  NothingToPublish: problem({
    level: 'error',
    title: 'Every chapter is a draft or scheduled for later',
    message: (storyFile: string) =>
      `${storyFile}: no chapter is ready to publish yet (every chapter is a draft or scheduled for later); npm run dev previews them`,
  }),
  EmptyChapter: problem({
    level: 'error',
    title: 'A chapter has no text',
    message: (file: string) => `${file}: the chapter has no text (the body after the frontmatter is empty)`,
  }),
  FileNameNotUrl: problem({
    level: 'error',
    title: 'A chapter’s file name has nothing to make its address from',
    message: (file: string, id: string) =>
      `${file}: the file name "${id}" holds no letter or digit to make the chapter's address from; rename the file (such as chapter-1.md) or set the slug field`,
  }),
  ReservedSlug: problem({
    level: 'error',
    title: 'A chapter’s file name is an address the site uses',
    message: (file: string, slug: string, why: string) =>
      `${file}: slug "${slug}" (the file name) ${why}; rename the file or set the slug field`,
  }),
  SharedOrderOrSlug: problem({
    level: 'error',
    title: 'Two chapters share an order or a slug',
    message: (field: 'order' | 'slug', value: string, files: readonly string[]) =>
      `${field} ${value} is used by both ${list(files)}: each chapter needs its own ${field}`,
  }),
  AliasTaken: problem({
    level: 'error',
    title: 'An old address that is a chapter’s address',
    message: (file: string, alias: string, owner: string | undefined) =>
      owner
        ? `${file}: alias "${alias}" is also the address or an alias of ${owner}; one address leads to one chapter: remove it from one of them`
        : `${file}: alias "${alias}" is this chapter's own address; aliases are the addresses it had before: remove it`,
  }),
  RevisionNoteWithoutDate: problem({
    level: 'error',
    title: 'A revision note has no revision date',
    message: (file: string, today: string) =>
      `${file}: revisionNote needs the date of the revision; add revised: ${today} (the day you changed the chapter)`,
  }),
  RevisedBeforePublished: problem({
    level: 'error',
    title: 'A chapter is revised before it is published',
    message: (file: string, revised: string, published: string) =>
      `${file}: revised (${revised}) is before published (${published}); a chapter is revised after it is out`,
  }),
  CoverProblem: problem({
    level: 'error',
    title: 'The cover is not a picture in the content folder',
    message: (storyFile: string, why: string) => `${storyFile}: cover: ${why}`,
  }),

  // Files in the content folder.
  StoryOutside: problem({
    level: 'error',
    title: 'story.md links to a file outside the content folder',
    message: (file: string) => `${file}: a link to a file outside the content folder; put story.md itself there`,
  }),
  ChapterOutside: problem({
    level: 'error',
    title: 'A chapter file links to a file outside the content folder',
    message: (file: string, dir: string) => `${file}: a link to a file outside the content folder; put the chapter itself in ${dir}/`,
  }),
  DanglingLink: problem({
    level: 'error',
    title: 'A chapter file is a link to nothing',
    message: (file: string) => `${file}: a link to a file that does not exist; fix or remove it`,
  }),
  UnreadableFile: problem({
    level: 'error',
    title: 'A chapter file cannot be read',
    message: (file: string) => `${file}: cannot be read; fix or remove it`,
  }),
  ChaptersInFolder: problem({
    level: 'error',
    title: 'Chapter files in a folder inside chapters/, which the site would leave out',
    message: (folder: string, files: string[], dir: string) =>
      `${folder}/: holds ${files.length === 1 ? `a chapter file (${files[0]})` : `${files.length} chapter files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`}, but chapters are the .md files directly in ${dir}/, so ${files.length === 1 ? 'it' : 'they'} would not be published; move ${files.length === 1 ? 'it' : 'them'} into ${dir}/ (order: in each keeps the reading order; two files of one name need a slug: each), or keep notes outside the content folder`,
  }),
  FolderNamedLikeChapter: problem({
    level: 'error',
    title: 'A folder is named like a chapter file',
    message: (folder: string, dir: string) =>
      `${folder}/: a folder named like a chapter file; chapters are the .md files directly in ${dir}/, so rename the folder`,
  }),
  NotMarkdownFile: problem({
    level: 'error',
    title: 'A chapter file does not end in .md',
    message: (file: string, stem: string) =>
      `${file}: chapter files must end in .md; rename it to ${stem}.md (or import it: npm run import -- ${file})`,
  }),

  // Pictures.
  PictureRuns: problem({
    level: 'error',
    title: 'An SVG picture would run a script or load from elsewhere',
    message: (file: string, threats: readonly string[]) =>
      `${file}: the picture holds ${threats.join(', ')}, which would run or load on the site; a picture may only draw. Remove ${threats.length === 1 ? 'it' : 'them'} (npm run import cleans SVGs), or save the picture as PNG`,
  }),
  UnreadableSvg: problem({
    level: 'error',
    title: 'An SVG picture cannot be read',
    message: (file: string, why: string) => `${file}: ${why}; save it again as SVG or PNG`,
  }),
  PictureMisnamed: problem({
    level: 'error',
    title: 'A picture is not the kind its name says',
    message: (file: string, format: string | undefined, named: string) =>
      `${file}: the file is a ${format?.toUpperCase() ?? 'file of another kind'} picture, not the ${named.toUpperCase()} its name says; rename it to match`,
  }),
  PictureTooLarge: problem({
    level: 'error',
    title: 'A picture has more pixels than the build can process',
    message: (file: string, width: number, height: number, maxPixels: number) =>
      `${file}: ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels) is more than a page can use and more than the build can process (at most ${maxPixels / 1e6} megapixels); scale it down, e.g. to 4000 pixels wide`,
  }),
  NotAPicture: problem({
    level: 'error',
    title: 'A file among the pictures is not one, or is damaged',
    message: (file: string) => `${file}: not a picture, or a damaged one; export it again as JPEG, PNG, GIF or WebP, or remove it`,
  }),
  PictureOutside: problem({
    level: 'error',
    title: 'The text shows a picture from outside the content folder',
    message: (src: string, images: string, name: string) =>
      `the image "${src}" is not in the content folder; put it in ${images}/ and write images/${name}`,
  }),
  PictureCase: problem({
    level: 'error',
    title: 'The text names a picture in another case than its file (Map.png for map.png)',
    message: (src: string, onDisk: string) =>
      `the image "${src}" is ${onDisk} on disk; write ${onDisk} (file names are case-sensitive on the machines that build sites, though not on a Mac or in Windows)`,
  }),
  PictureType: problem({
    level: 'error',
    title: 'The text shows a file that is not a picture every reader can show',
    message: (src: string) => `"${src}" is not a picture every reader can show; use JPEG, PNG, GIF, WebP or SVG`,
  }),

  // The Markdown of a chapter or a note.
  TooDeep: problem({
    level: 'error',
    where: 'line',
    title: 'Quotes, lists or blocks nest too deep',
    message: (what: string, maxDepth: number) =>
      `the ${what} nests more than ${maxDepth} levels deep (quotes inside quotes, lists inside lists, ::: blocks inside blocks); no story needs as many, and no page can show them: take out the extra levels`,
  }),
  ManyNoteUses: problem({
    level: 'error',
    where: 'line',
    title: 'One footnote marked hundreds of times',
    message: (label: string, most: number) =>
      `the footnote [^${label}] is marked more than ${most} times, each mark a link back from the note, which no page can list; give the later marks footnotes of their own`,
  }),
  ManyMarks: problem({
    level: 'error',
    where: 'line',
    title: 'Tens of thousands of emphasis marks or brackets in one paragraph',
    message: (most: number) =>
      `more than ${most.toLocaleString('en')} emphasis marks or brackets (*, _, ~ or [) follow from here in one paragraph, more than any page shows, which would take the build minutes to read (the time grows with their square); separate the paragraphs with blank lines, or write the marks as \\*, \\_, \\~ and \\[`,
  }),
  LongRun: problem({
    level: 'error',
    where: 'line',
    title: 'Tens of thousands of lines without a blank line between them',
    message: (most: number) =>
      `more than ${most.toLocaleString('en')} lines follow from here without a blank line between them, one paragraph longer than any page can hold, which would take the build minutes to read; separate the paragraphs with blank lines`,
  }),
  ManyLines: problem({
    level: 'error',
    where: 'line',
    title: 'A chapter of more lines than any page holds',
    message: (most: number) =>
      `the text runs to more than ${most.toLocaleString('en')} lines from here, more than a chapter of a million words holds, which would take the build many minutes to read; split it into chapters`,
  }),
  WideTable: problem({
    level: 'error',
    where: 'line',
    title: 'A table of tens of thousands of cells',
    message: (most: number) =>
      `a table of more than ${most.toLocaleString('en')} cells starts here (or a paragraph of as many | marks), more than any page can show, which would take the build minutes to read; shorten it, or write the marks as \\|`,
  }),
  DialogueAsList: problem({
    level: 'warning',
    where: 'line',
    title: 'Dialogue opened by a hyphen shows as a bulleted list',
    message: (typed: string) =>
      `the lines from “${typed.length > 60 ? `${typed.slice(0, 60)}…` : typed}” on show as a bulleted list, indented: Markdown reads a line opened by "- " as a list item; write dialogue with dashes (${typed.replace(/^-(?=\s)/, '—').replace(/(?<=\s)[-–](?=\s)/gu, '—')}), or \\- to keep a hyphen`,
  }),
  NumberAsList: problem({
    level: 'warning',
    where: 'line',
    title: 'A paragraph opened by a number and a full stop shows as a numbered list',
    message: (typed: string, number: string) =>
      `“${typed.length > 60 ? `${typed.slice(0, 60)}…` : typed}” shows as a numbered list starting at ${number}, indented: Markdown reads a number and a full stop opening a paragraph as a list; write ${number}\\. to keep it a paragraph`,
  }),
  UnmarkedNote: problem({
    level: 'warning',
    where: 'line',
    title: 'A footnote that nothing in the text marks, which the page leaves out',
    message: (label: string) =>
      `the note [^${label}] is marked nowhere in the text, so no page shows it; put [^${label}] where it belongs in the text, or delete the note`,
  }),
  NoteNowhere: problem({
    level: 'warning',
    where: 'line',
    title: 'A footnote mark for a note written nowhere, which shows as typed',
    message: (mark: string) =>
      `${mark} marks a footnote that is written nowhere, so readers see ${mark} as typed; write the note on a line of its own (${mark}: the note's text), or write \\${mark} to keep the brackets`,
  }),
  SpacedNoteLabel: problem({
    level: 'warning',
    where: 'line',
    title: 'A footnote mark with a space in its label, which shows as typed',
    message: (mark: string, fixed: string) =>
      `${mark} shows as typed: a footnote's label cannot hold a space, so Markdown reads neither the mark nor its note; write ${fixed} here and at the start of its note (${fixed}: the note's text)`,
  }),
  NoteWrittenTwice: problem({
    level: 'warning',
    where: 'line',
    title: 'Two footnotes written with one label, the second of which no page shows',
    message: (label: string) =>
      `the note [^${label}] is written twice (here, and once above), and pages show only the first; give this one a label of its own (such as [^${label}-2]) and mark it in the text, or delete it`,
  }),
  TemplateCode: problem({
    level: 'warning',
    where: 'line',
    title: 'Template code from a blog (Jekyll, Hugo, kramdown) shows as typed',
    message: (code: string) =>
      `${code.length > 60 ? `${code.slice(0, 60)}…` : code} is template code of a blog's site generator (Liquid, a Hugo shortcode or a kramdown attribute list), which Quire does not run: readers see it as typed; remove it, or write what it stands for (the text, or a picture as ![what it shows](../images/lake.png)), or put it between backticks if it is the text's`,
  }),
  SpanningEmphasis: problem({
    level: 'warning',
    where: 'line',
    title: 'Italics or bold opened in one paragraph and closed in a later one show their marks, not the emphasis',
    message: (mark: string, closedAt: number) =>
      `the ${mark} opening this paragraph is closed at the end of line ${closedAt}, paragraphs later: Markdown's emphasis never spans paragraphs, so readers see both ${mark} as typed and nothing is emphasised; mark each paragraph on its own (${mark}…${mark})`,
  }),
  RowlessTable: problem({
    level: 'warning',
    where: 'line',
    title: 'Lines typed as a table, without the line of dashes a table needs, show as one paragraph',
    message: (first: string, cells: number) =>
      `the lines from “${first.length > 60 ? `${first.slice(0, 60)}…` : first}” are typed as a table's rows but show as one paragraph, pipes and all: Markdown makes a table only with a line of dashes under its first row; add ${'| --- '.repeat(cells)}| under it (the first row is then the table's heading)`,
  }),
  SecondFrontmatter: problem({
    level: 'warning',
    where: 'line',
    title: 'The text opens with a second block of frontmatter, which shows as a rule and a heading',
    message: (first: string) =>
      `the text opens with a second block of frontmatter (---, “${first.length > 60 ? `${first.slice(0, 60)}…` : first}”…, ---), which readers see as a rule and a heading; delete it, or move what it says into the frontmatter at the top of the file`,
  }),
  LineBlock: problem({
    level: 'warning',
    where: 'line',
    title: 'Lines opened by a bar, as pandoc writes a poem, show as one paragraph',
    message: (first: string) =>
      `the lines from “${first.length > 60 ? `${first.slice(0, 60)}…` : first}” are opened by a bar, as pandoc writes a poem or an address line by line, but show as one paragraph, bars and all; to keep each line, write them without the bars between a line :::verse and a line :::`,
  }),
  UnclosedFence: problem({
    level: 'warning',
    where: 'line',
    title: 'A code block opened and never closed shows the rest of the chapter as code',
    message: (fence: string) =>
      `the ${fence} on this line opens a code block that is never closed, so everything after it, to the end of the chapter, shows as code (fixed-width, no italics, no paragraphs); close it with a line of ${fence} where the code ends, or remove it`,
  }),
  FenceWords: problem({
    level: 'warning',
    where: 'line',
    title: 'Words after a code fence are read as its language, which no page shows',
    message: (fence: string, words: string) =>
      `“${words.length > 60 ? `${words.slice(0, 60)}…` : words}” after the ${fence} on this line is read as the language of a code block, which no page shows; to show the line as typed, write \\${fence} (a backslash before it)`,
  }),
  SpacedAddress: problem({
    level: 'warning',
    where: 'line',
    title: 'A picture or link shows as typed: a space in its address',
    message: (typed: string, picture: boolean, fixed: string) =>
      `“${typed.length > 80 ? `${typed.slice(0, 80)}…` : typed}” shows as typed, not as a ${picture ? 'picture' : 'link'}: Markdown reads an address with a space only in angle brackets; write ${fixed}${picture ? ', or rename the file without spaces' : ''}`,
  }),
  RemovedHtml: problem({
    level: 'warning',
    where: 'line',
    title: 'Raw HTML that would run a script or show another site is removed',
    message: (things: string[], more: number) =>
      `${list(things)} ${things.length === 1 ? 'is' : 'are'} removed from the page${elsewhere(more)}: nothing in a chapter may run a script or show another site's page inside yours; link to the page instead ([Watch it here](https://…))`,
  }),
  UnknownPassageLanguage: problem({
    level: 'warning',
    where: 'line',
    title: 'A passage is marked as a language with no language tag',
    message: (lang: string, tag: string | undefined) =>
      `lang="${lang}" is no language tag, so it is left out (the passage is read in the story's language, and an EPUB would not pass its check); write ${tag ? `lang="${tag}"` : 'its tag, such as lang="fr", lang="he" or lang="pt-BR"'}`,
  }),
  PlayerAsLink: problem({
    level: 'warning',
    where: 'line',
    title: 'A player embedded from another site is shown as a link to it',
    message: (things: string[], more: number) =>
      `${list(things)} ${things.length === 1 ? 'is shown as a link to what it plays' : 'are shown as links to what they play'}${elsewhere(more)}: nothing in a chapter may show another site inside yours (its script would run on your pages and learn who reads); to say it in your words, write the link yourself ([Listen to the song](https://…))`,
  }),
  UnwrappedHtml: problem({
    level: 'warning',
    where: 'line',
    title: 'Raw HTML the site does not keep shows its words alone',
    message: (tags: string[], more: number) =>
      `${list(tags)} ${tags.length === 1 ? 'shows' : 'show'} only ${tags.length === 1 ? 'its' : 'their'} words${elsewhere(more)}, not ${tags.length === 1 ? 'itself' : 'themselves'}: the site keeps the HTML the README lists (Raw HTML in chapters); for the look, write Markdown (*italics*, **bold**) or use class="center", "right", "small-caps" or "underline"`,
  }),
  DroppedStyle: problem({
    level: 'warning',
    where: 'line',
    title: 'A style attribute in raw HTML is not kept',
    message: (style: string, more: number) =>
      `the style “${style.length > 60 ? `${style.slice(0, 60)}…` : style}” is not kept${elsewhere(more)}: pages never take a chapter's own styles (colours and fonts follow the reader's settings); write Markdown (*italics*, **bold**), or for centred or right-aligned text, small caps or underlining use class="center", "right", "small-caps" or "underline"`,
  }),
  UnclosedComment: problem({
    level: 'error',
    where: 'line',
    title: 'An HTML comment is never closed',
    message: () => 'an HTML comment (<!--) is never closed, so everything after it would disappear; close it with -->',
  }),
  Plaintext: problem({
    level: 'error',
    where: 'line',
    title: 'The text holds <plaintext>',
    message: () => '<plaintext> turns everything after it into raw text; remove it',
  }),
  UnclosedElement: problem({
    level: 'error',
    where: 'line',
    title: 'An HTML element that hides what follows is never closed',
    message: (name: string) =>
      `<${name}> is opened but never closed, so everything after it would disappear; close it with </${name}> or remove it`,
  }),
  UnclosedWrapper: problem({
    level: 'warning',
    where: 'line',
    title: 'An HTML element opened and never closed holds the rest of the chapter',
    message: (name: string) =>
      `<${name}> is opened but never closed, so everything after it, to the end of the chapter, is inside it${emphasis.has(name) ? `, ${emphasis.get(name)!}` : ''}; close it with </${name}> where it should end, or remove it`,
  }),
  UnknownBlock: problem({
    level: 'error',
    where: 'line',
    title: 'A ::: block Quire does not know',
    message: (name: string) =>
      `:::${name} is not a block Quire knows; use :::verse (lines kept) or :::messages (a chat), or remove the colons`,
  }),
  ObsidianComment: problem({
    level: 'error',
    where: 'line',
    title: 'An Obsidian comment (%%…%%), which readers would see',
    message: () =>
      `%%…%% is an Obsidian comment, hidden in Obsidian but shown to every reader of the site; keep it out of the page as <!-- … -->, or write the %% as \\%% if it is the text's`,
  }),
  LinkToNoChapter: problem({
    level: 'error',
    where: 'line',
    title: 'A link points at no chapter of the story',
    message: (href: string) =>
      `the link to "${href}" points at no chapter of the story; link to a chapter's file name, such as chapter-2.md`,
  }),
  LinkToNothingHere: problem({
    level: 'error',
    where: 'line',
    title: 'A link within a chapter leads to nothing',
    message: (href: string, id: string) =>
      `the link "${href}" leads to nothing in this chapter (no element has id="${id}"); give its target id="${id}", or, for a footnote, write it as one ([^1] in the text and "[^1]: the note" below)`,
  }),
  RemotePicture: problem({
    level: 'error',
    where: 'line',
    title: 'The text shows a picture from another site',
    message: (src: string) =>
      `the picture ${src.length > 80 ? `${src.slice(0, 80)}…` : src} is on another site, which every reader's browser would ask for it (and so learn who reads); save it in the content folder's images/ and write images/<name>, or set remoteImages: allow in story.md`,
  }),

  // Warnings: printed with the build, which goes on.
  OrderGap: problem({
    level: 'warning',
    title: 'Chapter numbers jump (a chapter missing?)',
    message: (file: string, before: number, after: number) =>
      `${file}: order jumps from ${before} to ${after}; chapter ${after - before === 2 ? `${before + 1} is` : `${before + 1}–${after - 1} are`} missing`,
  }),
  TitleOfTheOneBefore: problem({
    level: 'warning',
    title: 'A chapter has the title of the chapter before it',
    message: (file: string, before: string, title: string) =>
      `${file} has the title of the chapter before it, ${before} (“${title}”): readers see it twice in the contents and the menu; give it its own title`,
  }),
  TextOfAnother: problem({
    level: 'warning',
    title: 'A chapter has the same text as another',
    message: (file: string, other: string) =>
      `${file} has the same text as ${other}: readers would read it twice; put the chapter's own text in it (or make it a draft until it has one: draft: true)`,
  }),
  LongChapter: problem({
    level: 'warning',
    title: 'A chapter is far longer than the others (two pasted into one?)',
    message: (file: string, words: number, median: number) =>
      `${file}: ${words} words, more than four times the usual chapter (${median}); was a second chapter pasted in?`,
  }),
  LanguageScript: problem({
    level: 'warning',
    title: 'The story’s language is not the one its chapters are written in',
    message: (file: string, language: string, script: string, suggested: string | undefined) =>
      `${file}: language is ${language}, but the chapters are written in ${scriptName(script)}; ${suggested ? `set language: ${suggested}` : 'set language to theirs (a tag such as ru or bg)'}. Search splits words, quotes are set and the text runs by it`,
  }),
  LanguageWords: problem({
    level: 'warning',
    title: 'The story’s language is not the one its chapters’ words are in',
    message: (file: string, language: string, found: string) =>
      `${file}: language is ${language}, but the chapters read as ${languageName(found)} (its most common words); set language: ${found}, unless they are in ${language}. Search finds words by it, quotes are set and words hyphenated by it`,
  }),
  ChineseCharacters: problem({
    level: 'warning',
    title: 'A Chinese story in traditional characters whose language names simplified ones',
    message: (file: string, language: string) =>
      `${file}: language is ${language}, but the chapters are written in traditional characters; set language: zh-Hant (or zh-TW, zh-HK), so the site’s own words are in traditional characters too`,
  }),
  ArabicLetterForms: problem({
    level: 'warning',
    title: 'Words of a Persian story typed with Arabic’s yeh or kaf (ي ك)',
    message: (file: string, words: string[]) =>
      `${file}: ${counted(words.length, 'word')} typed with Arabic’s ي or ك (${words.slice(0, 3).join('، ')}${words.length > 3 ? '…' : ''}) where the story’s language types ی and ک: a reader searching with a Persian keyboard does not find them; replace ي with ی and ك with ک`,
  }),
  InterfaceUntranslated: problem({
    level: 'warning',
    title: 'The site’s own words are not translated into the story’s language',
    message: (file: string, tag: string) =>
      `${file}: the site’s own words (its buttons, labels and headings) have no ${languageName(tag)} translation, so readers see them in English; add one as src/shared/i18n/translations/${tag}.ts (README: Adding a language), or give each in your words under labels:`,
  }),
  ParagraphsRunTogether: problem({
    level: 'warning',
    title: 'Paragraphs typed one a line, which run into one',
    message: (file: string, first: string) =>
      `${file}: the paragraphs from “${first.length > 50 ? `${first.slice(0, 50)}…` : first}” on are typed one a line, which Markdown runs into one paragraph; leave a blank line between paragraphs (or, for verse kept line by line, put it in a :::verse block)`,
  }),
  DashHeading: problem({
    level: 'warning',
    title: 'A paragraph made a heading by the --- or === under it (a scene break without its blank line)',
    message: (file: string, text: string) =>
      `${file}: “${text.length > 60 ? `${text.slice(0, 60)}…` : text}” shows as a heading, because a line of --- or === is straight under it; for a scene break, leave a blank line between the text and the line (or write * * *)`,
  }),
  TitleRepeated: problem({
    level: 'warning',
    title: 'The text opens with a heading that repeats the chapter’s title',
    message: (file: string, heading: string) =>
      `${file}: the text opens with the heading “${heading.length > 60 ? `${heading.slice(0, 60)}…` : heading}”, which says again what the chapter’s title says; every page and the EPUB show the title above the text, so readers see it twice. Delete the heading from the text (the title comes from title: in the frontmatter)`,
  }),
  MixedQuotes: problem({
    level: 'warning',
    title: 'A chapter mixes straight and curly quotes',
    message: (file: string, straight: number, curly: number) =>
      `${file}: mixes straight (") and curly (“ ”) quotes (${straight} straight, ${curly} curly); readers see both styles`,
  }),
  AddressGone: problem({
    level: 'warning',
    title: 'A chapter address readers had is gone from the new site',
    message: (slug: string, title: string, now: string | undefined, since: string) =>
      `/${slug}/ (“${title}”) is on ${since} and gone from this build: readers' bookmarks and links to it would break. ${now ? `The chapter at /${now}/ has its title: if it was renamed, add aliases: [${slug}] to its file` : `If its file was renamed, add aliases: [${slug}] to the chapter's frontmatter`}; if it was taken down on purpose, nothing`,
  }),
  ReleasedOutOfOrder: problem({
    level: 'warning',
    title: 'A later chapter goes out before a scheduled earlier one',
    message: (next: string, others: number, held: string, when: string, heldDate: string) =>
      `${next}${others > 0 ? ` (and ${others} more after it)` : ''} comes after ${held} in reading order but goes out first (${when}), while ${held} is scheduled for ${heldDate}: until then, Next on the chapter before it skips to ${next}. Date ${next} on or after ${heldDate}, or give ${held} an earlier date`,
  }),
  CompleteButScheduled: problem({
    level: 'warning',
    title: 'The story is complete while chapters are still scheduled',
    message: (storyFile: string, count: number, lastFile: string, lastDate: string) =>
      `${storyFile}: status is complete, but ${count === 1 ? `${lastFile} is` : `${count} chapters are`} still scheduled (the last for ${lastDate}): until then readers see "In progress" and the date of the next chapter`,
  }),
  MoreThanExpected: problem({
    level: 'warning',
    title: 'More chapters than expectedChapters',
    message: (storyFile: string, expected: number, count: number) =>
      `${storyFile}: expectedChapters is ${expected}, but there are ${count} chapters; raise it`,
  }),
  CompleteBelowExpected: problem({
    level: 'warning',
    title: 'The story is complete with fewer chapters than expectedChapters',
    message: (storyFile: string, count: number, expected: number) =>
      `${storyFile}: status is complete with ${count} chapters, but expectedChapters is ${expected}; lower it to ${count}, or set status: in-progress`,
  }),
  AllOutButInProgress: problem({
    level: 'warning',
    title: 'Every expected chapter is out but the story is in progress',
    message: (storyFile: string, count: number) =>
      `${storyFile}: all ${count} expected chapters are out, but status is in-progress (readers see ${count}/${count}, In progress); set status: complete if the story is finished, or raise expectedChapters`,
  }),

  // What `npm run import` refuses to read.
  BinaryFile: problem({
    level: 'refusal',
    title: 'The file is not text, nor a format the importer reads',
    message: (file: string) => `${file}: this looks like a binary file, not text; save it as .txt, .docx, .html or .epub and import that`,
  }),
  EmptyFile: problem({
    level: 'refusal',
    title: 'The file is empty',
    message: (file: string) => `${file}: the file is empty`,
  }),
  PdfFile: problem({
    level: 'refusal',
    title: 'A PDF, whose text cannot be read back faithfully',
    message: (file: string) =>
      `${file}: a PDF, whose text cannot be read back faithfully; export the story as .docx, .epub, .html or .txt and import that`,
  }),
  OldWordFile: problem({
    level: 'refusal',
    title: 'An old Word document (.doc)',
    message: (file: string) => `${file}: an old Word document (.doc); save it as .docx (File → Save As) and import that`,
  }),
  UnknownZip: problem({
    level: 'refusal',
    title: 'A zip file that is neither an EPUB, a Word document, an OpenDocument text nor a web page',
    message: (file: string) =>
      `${file}: a zip file that is neither an EPUB, a Word document, an OpenDocument text nor a web page; export the story as .docx, .odt, .epub, .html or .txt and import that`,
  }),
  ZippedPages: problem({
    level: 'refusal',
    title: 'A zip file of several web pages',
    message: (file: string, pages: readonly string[]) =>
      `${file}: a zip file of ${pages.length} web pages (${pages.slice(0, 3).join(', ')}${pages.length > 3 ? '…' : ''}); unzip it and import the folder (npm run import -- <folder>), whose pages are read in the order their names number them, their pictures beside them`,
  }),
  PagesDocument: problem({
    level: 'refusal',
    title: 'An Apple Pages document',
    message: (file: string) =>
      `${file}: an Apple Pages document, which only Pages reads; export it (File → Export To → Word) and import the .docx`,
  }),
  ScrivenerProject: problem({
    level: 'refusal',
    title: 'A Scrivener project',
    message: (file: string) =>
      `${file}: a Scrivener project, whose chapters are in Scrivener's own files; compile it (File → Compile) to Word (.docx), Rich Text or MultiMarkdown and import that`,
  }),
  DrmLocked: problem({
    level: 'refusal',
    title: 'An ebook locked by DRM',
    message: (file: string, kind: string) =>
      `${file}: an ebook locked by DRM (${kind}), whose text cannot be read; import the author's own copy (the .docx, .odt or an EPUB without DRM)`,
  }),
  DamagedZip: problem({
    level: 'refusal',
    title: 'A damaged EPUB, Word document or zip file',
    message: (file: string, kind: string) => `${file}: a damaged ${kind}; download or save it again`,
  }),
  TooManyFiles: problem({
    level: 'refusal',
    title: 'A zip file holds more files than any book has',
    message: (file: string, count: number, kind: string) =>
      `${file}: holds ${count.toLocaleString('en')} files, more than any ${kind} has; it is not read`,
  }),
  TooLargeEntry: problem({
    level: 'refusal',
    title: 'A file in a zip would unpack larger than any book needs',
    message: (file: string, entry: string, size: string, kind: string, limit: string) =>
      `${file}: its ${entry} would take ${size} unpacked, more than any ${kind} needs (at most ${limit} a file); it is not read`,
  }),
  TooLargeFile: problem({
    level: 'refusal',
    title: 'A file larger than any story needs',
    message: (file: string, size: string, limit: string) =>
      `${file}: ${size}, more than any story's file needs (at most ${limit}; the longest serials are a few dozen MB); it is not read`,
  }),
  ManyElements: problem({
    level: 'refusal',
    title: 'A file of more paragraphs than any story',
    message: (file: string, limit: number) =>
      `${file}: more than ${limit.toLocaleString('en')} paragraphs, lines or other elements, more than the longest serials hold (four million words hold some 400,000), which would take the import many minutes and more memory than it has; it is not read. Split it into parts, a few hundred chapters each, and import each`,
  }),
  TooLargeUnpacked: problem({
    level: 'refusal',
    title: 'A zip file would unpack larger than any book needs',
    message: (file: string, size: string, kind: string, limit: string) =>
      `${file}: would take ${size} unpacked, more than any ${kind} needs (at most ${limit}); it is not read`,
  }),
  UnreadableOdt: problem({
    level: 'refusal',
    title: 'An OpenDocument text that cannot be read',
    message: (file: string, why: string) =>
      `${file}: the OpenDocument text could not be read (${why}); open it in LibreOffice and save it again (.odt or .docx)`,
  }),
  NotOdtText: problem({
    level: 'refusal',
    title: 'An OpenDocument file that is not a text (a spreadsheet, a presentation)',
    message: (file: string, type: string) =>
      `${file}: an OpenDocument file that is not a text document (${type}); import the story's text as .odt, .docx or .txt`,
  }),
  UnreadableRtf: problem({
    level: 'refusal',
    title: 'A Rich Text document that cannot be read',
    message: (file: string, why: string) =>
      `${file}: the Rich Text document could not be read (${why}); open it in your word processor and save it as .docx or .odt, and import that`,
  }),
  ManyPosts: problem({
    level: 'refusal',
    title: 'A blog’s page of several posts',
    message: (file: string, count: number) =>
      `${file}: a blog's page of ${count} posts (its front page or a category's); save each chapter's own page and import those, or export the whole site (WordPress: Tools → Export) and import that`,
  }),
  NewsFeed: problem({
    level: 'refusal',
    title: 'A news feed (RSS or Atom)',
    message: (file: string) =>
      `${file}: a news feed, which holds a site's latest posts only, often cut short; export the whole site instead (WordPress: Tools → Export → Posts) and import that`,
  }),
  BrokenXml: problem({
    level: 'refusal',
    title: 'An XML file that cannot be read',
    message: (where: string, reason: string) =>
      `${where}: the file is not well-formed XML (${reason}); export it again, or open it in a text editor at that line and mend it`,
  }),
  WordPressEmpty: problem({
    level: 'refusal',
    title: 'A WordPress export with no post',
    message: (file: string) =>
      `${file}: a WordPress export that holds no post (only pages, pictures or menus); export again with "All content" or "Posts" chosen (Tools → Export) and import that`,
  }),
  KindleBook: problem({
    level: 'refusal',
    title: 'A Kindle book (MOBI, AZW, AZW3)',
    message: (file: string) =>
      `${file}: a Kindle book (MOBI/AZW), whose text cannot be read back faithfully; download the work as EPUB or HTML instead (AO3 offers both), or convert it to EPUB with Calibre, and import that`,
  }),
  UnreadableWord: problem({
    level: 'refusal',
    title: 'A Word document that cannot be read',
    message: (file: string, why: string) =>
      `${file}: Word could not be read (${why}); open it in Word or Google Docs and download it as .docx again`,
  }),
  NoPackageDocument: problem({
    level: 'refusal',
    title: 'An EPUB without its package document',
    message: (file: string) => `${file}: an EPUB without its package document (content.opf); export it again`,
  }),
  NoEpubChapters: problem({
    level: 'refusal',
    title: 'An EPUB whose pages are all front matter or empty',
    message: (file: string) => `${file}: no chapter text found in this EPUB (its pages are all front matter or empty)`,
  }),
  EpubSpineBroken: problem({
    level: 'refusal',
    title: 'An EPUB whose reading order names pages it does not have',
    message: (file: string, missing: readonly string[], unread: readonly string[]) =>
      `${file}: this EPUB is damaged: its spine (the reading order) names ${firstFew(missing)}, which the book does not list, and leaves out ${firstFew(unread)}; open it in Calibre (Convert books, to EPUB) or Sigil and save it again, or export the story again (as .docx or .odt), and import that`,
  }),
  NoFictionBookChapters: problem({
    level: 'refusal',
    title: 'A FictionBook without text',
    message: (file: string) => `${file}: no chapter text found in this FictionBook (its <body> holds no <section> with text)`,
  }),
  NoAo3Chapters: problem({
    level: 'refusal',
    title: 'An AO3 download without its chapters',
    message: (file: string) => `${file}: an AO3 download without its chapters (#chapters); download the work again`,
  }),
  EmptyAo3Download: problem({
    level: 'refusal',
    title: 'An AO3 download with no chapter text',
    message: (file: string) => `${file}: no chapter text found in this AO3 download`,
  }),
  NoTitleLine: problem({
    level: 'refusal',
    title: 'A text file without a title line or a chapter file name',
    message: (file: string) =>
      `${file}: no title line found (such as "Prologue", "Chapter 12: Title", "Epilogue" or "Interlude"); add one above the text, or name the file by its chapter (chapter-12.txt, 12.txt or "12 The Lake.txt")`,
  }),
  NoTextAfterTitle: problem({
    level: 'refusal',
    title: 'A text file with a title line and nothing after it',
    message: (file: string) => `${file}: the chapter has no text after its title line`,
  }),
  NestedTooDeep: problem({
    level: 'refusal',
    title: 'A file whose elements nest deeper than any story',
    message: (file: string, limit: number) =>
      `${file}: its elements nest more than ${limit} deep (boxes inside boxes), deeper than any story is written; it is not read. Open it in the program that made it, save it again (.docx, .odt or .txt) and import that`,
  }),
  UnreadablePicture: problem({
    level: 'refusal',
    title: 'An SVG picture in the input cannot be read',
    message: (name: string, why: string) => `the picture ${name} is ${why}; it is not imported`,
  }),
} as const;

export type ProblemName = keyof typeof problems;

/** The catalogue as the README lists it: one line a problem, errors first. */
export function problemsList(): string {
  const entries = Object.entries(problems) as [ProblemName, (typeof problems)[ProblemName]][];
  return (['error', 'warning', 'refusal'] as const)
    .flatMap((level) => entries.filter(([, data]) => data.level === level).map(([name, data]) => `- \`${name}\` (${level}): ${data.title}`))
    .join('\n');
}

/** A script as the author knows it: "Chinese characters", "Hebrew", "Cyrillic". */
function scriptName(code: string): string {
  if (code === 'Hani') return 'Chinese characters';
  if (code === 'Kana') return 'Japanese kana and kanji';
  return englishName('script', code);
}

/** A language as the author knows it: "French", "Norwegian Bokmål". */
const languageName = (tag: string): string => englishName('language', tag);

/** A script's or a language's name in English, or its code where `Intl` has none. */
function englishName(type: 'script' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}
