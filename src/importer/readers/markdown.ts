import { ContentFileError, frontmatterBlock, splitFrontmatter, type ContentFile } from '../../source/content-files.ts';
import { markdownToPlainText } from '../markdown-text.ts';
import { chapterSchema, schemaProblems } from '../../core/schema.ts';
import { slugPattern, slugProblem } from '../../core/slug.ts';
import { sourceText, withoutControls } from '../decode.ts';
import { importedStory, ImportError, type ImportedChapter, type ImportedStory, type ImportedWork } from '../model.ts';
import { languageTag } from '../../core/language-names.ts';
import { markdownTree } from '../markdown-text.ts';
import { gatherFootnoteDefinitions, inlineReferences } from '../markdown-references.ts';
import {
  amongNotice,
  chaptersNotice,
  dividingLevel,
  dividesBeyondTitles,
  noteAboveNotice,
  numberedInVolumes,
  withTitledHeadings,
} from '../chapter-headings.ts';
import { volumeLabel } from '../../core/chapter-labels.ts';
import {
  fileTitle,
  isNoteHeading,
  noteLabel,
  parseTitleLine,
  partAtEnd,
  titlePageAuthor,
  titlePageName,
  titlePageTitle,
  titleWithNameBelow,
  type TitleLine,
} from '../title-lines.ts';
import { embeddedPicture, obsidianEmbed, wikiLinksAsShown } from '../../markdown/remark-obsidian.ts';
import { readsAsSentence } from '../../markdown/remark-dash-headings.ts';
import { commentsDropped } from './document.ts';
import { parse as parseToml, TomlError } from 'smol-toml';
import { closest } from '../../shared/suggest.ts';
import { parseDate } from '../../core/dates.ts';
import { counted } from '../../core/problems.ts';
import { closesFence, fenceOpened, fencedLines } from '../../markdown/source-lines.ts';
import { lineBlockLine } from '../../markdown/remark-rowless-tables.ts';

/**
 * A chapter already in Markdown: its frontmatter checked against the chapter format (any
 * fault named, with the field), its text kept exactly as written. Without frontmatter, the
 * first heading (taken out of the text when it opens it) or the file name gives the title,
 * and a file of several chapters, each under a chapter heading, is read as each of them.
 */
export function readMarkdown(input: string, file: string, stem: string): ImportedWork {
  // Obsidian's picture embeds (`![[lamp.png|A lamp]]`) as the Markdown pictures every other editor writes.
  const embeds = obsidianPictures(tomlAsYaml(input, file));
  // Obsidian's comments (`%%…%%`), which it hides: notes to the writer, not the story.
  const commented = withoutObsidianComments(embeds.text);
  const comments = commented.count;
  // Pandoc's attributes on pictures, links and spans, which the site's Markdown would show as typed.
  const pandoc = pandocSpans(commented.text);
  // And its blocks: line blocks, fenced divs, headings' attributes.
  const blocks = pandocBlocks(pandoc.text);
  const written = { ...commented, text: blocks.text };
  // Breaks typed as control characters become line and paragraph breaks; the build refuses the rest, so they go.
  const { text, removed } = withoutControls(written.text);
  let split: ContentFile;
  try {
    // Read as the build reads content files, so an import is checked by the same rules.
    split = splitFrontmatter(text.replace(/^\uFEFF/, ''), file);
  } catch (error) {
    if (error instanceof ContentFileError) throw new ImportError(error.message);
    throw error;
  }
  // MultiMarkdown's metadata (Scrivener, nvALT): "Title: …" lines above the text, where YAML would be.
  const multiMarkdown = Object.keys(split.frontmatter).length === 0 ? multiMarkdownMetadata(split.body) : undefined;
  if (multiMarkdown) split = { ...split, ...multiMarkdown };
  // A page exported from Notion: its id off the file's name, its properties off the text.
  const notion = notionPage(split.body, stem);
  if (notion) {
    split = { ...split, body: notion.body };
    stem = notion.stem;
  }
  // Links and pictures by reference, written inline: a chapter cut from the file keeps those it shows.
  const body = inlineReferences(split.body);
  const notices = removed > 0 ? [`removed ${counted(removed, 'invisible control character')}`] : [];
  if (body !== split.body)
    notices.push('wrote the links and pictures the file gives by reference ([text][1], and [1]: … below) inline, each where it is shown');
  if (embeds.count > 0) notices.push(`wrote ${counted(embeds.count, 'picture')} embedded the Obsidian way (![[…]]) as Markdown pictures`);
  const dropped: string[] = commentsDropped(comments, 'in %%…%%');
  if (pandoc.attributes.length > 0)
    dropped.push(
      `pandoc’s attributes of ${counted(pandoc.attributes.length, 'picture, link or span', 'pictures, links and spans')} ({width="3in"}, {.underline}…), the site sizing pictures itself; underlined and small-capital words kept so`,
    );
  if (blocks.lineBlocks > 0) notices.push(`wrote ${counted(blocks.lineBlocks, 'line block')} pandoc’s way (| …) as verse, each line kept`);
  if (blocks.divs > 0)
    dropped.push(
      `the fences of ${counted(blocks.divs, 'pandoc div')} (::: {.letter} … :::), their text kept${blocks.poems > 0 ? `, ${counted(blocks.poems, 'poem')} as verse` : ''}`,
    );
  const attributedHeadings = blocks.attributes.length - blocks.divs;
  if (attributedHeadings > 0) dropped.push(`pandoc’s attributes of ${counted(attributedHeadings, 'heading')} ({#id}, {.class}, {-})`);
  if (notion?.properties.length)
    dropped.push(
      `the page’s Notion properties (${notion.properties.map((line) => `“${line.slice(0, line.indexOf(':'))}”`).join(', ')}), which a chapter has no place for`,
    );
  // A whole work's metadata as pandoc and Markdown editors write it (title, author, lang, description…): the story's, not a chapter's.
  const work = isPost(split.frontmatter) ? undefined : workMetadata(split.frontmatter, dropped);
  const frontmatter = work
    ? {}
    : multiMarkdown
      ? chapterFields(multiMarkdown.frontmatter, dropped)
      : postFields(split.frontmatter, dropped, notices);
  const headings = headingLines(body);
  // Without a chapter's frontmatter, a whole story in one file: a chapter at each title heading ("# Chapter 2").
  const bare = Object.keys(frontmatter).length === 0;
  const titledSections = bare ? titleSections(body, headings) : [];
  // At every heading of the level that divides the file, when the chapter headings are among them ("# Prologue", then "# The Storm").
  const divided = bare ? dividedSections(body, headings, titledSections, notices) : [];
  const titled = divided.length === 0 && titledSections.length >= 2 ? titledSections : null;
  const sections = divided.length > 0 ? divided : (titled ?? []);
  const whole = sections.length >= 2;
  // Above a whole story's chapters, its title (a heading) and perhaps "by" its author, as a document exported from an editor opens.
  const titlePage = whole && !work ? markdownTitlePage(body.slice(0, sections[0]!.start)) : undefined;
  // A whole work of one chapter opened by its chapter heading ("# Chapter 1"): titled and addressed by that heading, not by the work.
  const chapterHeading = work && !whole ? openingTitleLine(body, headings[0]) : undefined;
  const chapters = whole
    ? storyChapters(titlePage ? titlePage.rest : body.slice(0, sections[0]!.start).trim(), sections, notices, titled !== null)
    : [
        oneChapter(
          body,
          work?.title !== undefined && !chapterHeading ? { title: work.title } : withPostDate(frontmatter, stem, notices),
          headings[0],
          file,
          chapterHeading?.slug ?? postName(frontmatter, stem),
        ),
      ];
  if (work?.published) chapters[0]!.chapter.published = work.published;
  const { weight } = split.frontmatter;
  if (
    !work &&
    !multiMarkdown &&
    chapters.length === 1 &&
    typeof weight === 'number' &&
    Number.isFinite(weight) &&
    split.frontmatter.order === undefined
  ) {
    chapters[0]!.chapter.weight = weight;
    notices.push(`read the file’s weight (${weight}) for its place among the files of its folder, as Hugo orders them`);
  }
  if (work) notices.push(`read the file’s metadata (${work.fields.join(', ')}) into story.md`);
  if (titlePage) notices.push(`read the story’s title${titlePage.author ? ' and author' : ''} from the heading above its chapters`);
  return {
    format: 'Markdown',
    story: work?.story ?? (titlePage ? importedStory({ title: titlePage.title, author: titlePage.author }) : undefined),
    chapters: chapters.map(({ chapter }) => chapter),
    images: new Map(),
    // The description is text the file holds, shown as the story's summary.
    source:
      markdownToPlainText(
        // Obsidian's links counted as the words they show, as the site shows them.
        wikiLinksAsShown(sourceText(multiMarkdown?.body ?? splitFrontmatter(written.text.replace(/^\uFEFF/, ''), file).body)),
      ) + (work?.summary ? `\n${markdownToPlainText(work.summary)}` : ''),
    setAside: [...chapters.flatMap(({ setAside }) => setAside), ...(titlePage?.setAside ?? []), ...(notion?.properties ?? [])],
    dropped,
    notices,
  };
}

/** The 32-digit id Notion's export ends each page's file name with ("Chapter 1 3f2a…e1.md"). */
const notionId = /\s+[0-9a-f]{32}$/;

/**
 * A page exported from Notion (its file named with its id): the file's name without the id,
 * and the text without the page's properties, which Notion sets as "Status: Draft" lines under
 * the page's title; the property lines, to be said and set aside.
 */
function notionPage(body: string, stem: string): { body: string; stem: string; properties: string[] } | undefined {
  if (!notionId.test(stem)) return undefined;
  const found = /^(#[ \t][^\n]*\n+)((?:\p{L}[^\n:]{0,40}:[ \t][^\n]*\n)+)(?:\n|$)/u.exec(body);
  return {
    stem: stem.replace(notionId, ''),
    body: found ? `${found[1]}${body.slice(found[0].length)}` : body,
    properties: found ? found[2]!.trim().split('\n') : [],
  };
}

/**
 * A MultiMarkdown metadata block opening a text (`Title: The Lamp`, `Author: Ada Quill`, a value
 * running on over indented lines), up to the first blank line: its fields, keyed as YAML's would
 * be, and the text below it. Only a block every line of which is such a line, naming a title or
 * an author: "Note: I wrote this in a week." is the text's own.
 */
export function multiMarkdownMetadata(text: string): { frontmatter: Record<string, unknown>; body: string } | undefined {
  const end = /\r?\n[ \t]*\r?\n/.exec(text);
  const block = end ? text.slice(0, end.index) : text;
  const fields: Record<string, string> = {};
  let last: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    const field = /^([\p{L}][\p{L}\p{N} _-]{0,40}?)[ \t]*:[ \t]*(.*)$/u.exec(line);
    if (field && !/^[ \t]/.test(line)) {
      last = field[1]!.trim();
      fields[last] = field[2]!.trim();
    } else if (last !== undefined && /^[ \t]+\S/.test(line)) {
      fields[last] = `${fields[last]} ${line.trim()}`.trim();
    } else return undefined;
  }
  if (!Object.keys(fields).some((key) => /^(?:title|author)$/i.test(key))) return undefined;
  return { frontmatter: fields, body: end ? text.slice(end.index + end[0].length) : '' };
}

/**
 * Hugo's TOML frontmatter (`+++` lines around `key = value` lines) as the YAML frontmatter the
 * build reads, the same fields (written as JSON, which YAML reads); a fault named with its line.
 */
function tomlAsYaml(text: string, file: string): string {
  const block = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
  if (!block) return text;
  let fields: Record<string, unknown>;
  try {
    fields = parseToml(block[1]!);
  } catch (error) {
    const line = error instanceof TomlError ? `:${error.line + 1}` : '';
    throw new ImportError(
      `${file}${line}: the frontmatter between the +++ lines is not valid TOML (${(error as Error).message.split('\n')[0]}); correct it, or write it as YAML between --- lines`,
    );
  }
  return `---\n${JSON.stringify(fields)}\n---\n${text.slice(block[0].length)}`;
}

/**
 * Keys a blog or a site generator gives a post (Jekyll, Hugo, Eleventy, WordPress's exports),
 * which say a file's metadata is a post's, a chapter's, even beside the tags a whole work has.
 */
const postKeys = /^(?:layout|permalink|categories|category|excerpt|comments|weight|lastmod)$/i;

/** Whether a file's frontmatter is a blog post's (a chapter published as one) or titles a chapter ("Chapter 3: The Storm"). */
function isPost(frontmatter: Record<string, unknown>): boolean {
  const { title } = frontmatter;
  return Object.keys(frontmatter).some((key) => postKeys.test(key)) || (typeof title === 'string' && parseTitleLine(title) !== undefined);
}

/**
 * A chapter's frontmatter with what a blog or a site generator adds: its `date` as the
 * chapter's `published`; the keys a chapter has no place for (layout, tags, categories…) left
 * out, and said. A key close to one of the chapter's stays, for the check to name as mistyped.
 */
function postFields(frontmatter: Record<string, unknown>, dropped: string[], notices: string[]): Record<string, unknown> {
  const known = Object.keys(chapterSchema.shape);
  const fields: Record<string, unknown> = {};
  const left: string[] = [];
  for (const [key, value] of Object.entries(frontmatter)) {
    if (key === 'aliases' && Array.isArray(value)) {
      // Hugo's old addresses are paths ("/2024/03/the-storm/"): the last part is the old slug the site can keep.
      const slugOf = (path: unknown) => String(path).split('/').filter(Boolean).pop() ?? '';
      const slugs = value.map(slugOf).filter((slug) => !slugProblem(slug));
      if (slugs.length) fields.aliases = [...new Set(slugs)];
      const others = value.filter((path) => slugProblem(slugOf(path)));
      if (others.length)
        dropped.push(`the aliases ${others.map((path) => `“${String(path)}”`).join(', ')}, which end in no address a chapter can have`);
    } else if (key === 'weight' && Number.isFinite(value) && frontmatter.order === undefined) {
      // Hugo's order of a section's pages: the order of the files imported together (post-order.ts), not a chapter's own key.
    } else if (known.includes(key) || closest(key, known)) fields[key] = value;
    else if (key.toLowerCase() === 'date' && frontmatter.published === undefined && typeof value === 'string' && parseDate(value)) {
      fields.published = value;
      notices.push(`took the file’s date (${value}) for the chapter’s published date`);
    } else left.push(key);
  }
  if (left.length > 0) dropped.push(`the metadata ${left.map((key) => `“${key}”`).join(', ')}, which a chapter has no place for`);
  return fields;
}

/** A blog post's file name, as Jekyll names posts: its date, then its name (`2024-03-01-the-storm`). */
const postFileName = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/** A post's name without the date its file name opens with (`the-storm`), for its address; any other file's as it is. */
const postName = (frontmatter: Record<string, unknown>, stem: string): string =>
  typeof frontmatter.title === 'string' ? (postFileName.exec(stem)?.[2] ?? stem) : stem;

/** A post's frontmatter with the date its file name gives (as Jekyll dates posts), when it gives none itself. */
function withPostDate(frontmatter: Record<string, unknown>, stem: string, notices: string[]): Record<string, unknown> {
  const date = postFileName.exec(stem)?.[1];
  if (typeof frontmatter.title !== 'string' || frontmatter.published !== undefined || !date || !parseDate(date)) return frontmatter;
  notices.push(`took the date the file name opens with (${date}) for the chapter’s published date, as Jekyll dates a post`);
  return { ...frontmatter, published: date };
}

/** A chapter's MultiMarkdown metadata: its title; the rest (a printed book's settings) left out, and said. */
function chapterFields(fields: Record<string, unknown>, dropped: string[]): Record<string, unknown> {
  const keys = Object.keys(fields);
  const left = keys.filter((key) => key.toLowerCase() !== 'title');
  if (left.length > 0) dropped.push(`the metadata ${left.map((key) => `“${key}”`).join(', ')}, which a chapter has no place for`);
  const title = keys.find((key) => key.toLowerCase() === 'title');
  return title ? { title: fields[title] } : {};
}

/** Text without Obsidian's comments (`%%…%%`, on one line or several), and how many there were; one left open stays, for the build to name. */
export function withoutObsidianComments(text: string): { text: string; count: number } {
  let count = 0;
  const gone = () => {
    count++;
    return '';
  };
  // A comment on lines of its own goes with its lines; one in a paragraph with the space before it.
  const stripped = text
    .replace(/^[ \t]*(?<!\\)%%[\s\S]*?(?<!\\)%%[ \t]*(?:\r?\n|$)/gm, gone)
    .replace(/[ \t]?(?<!\\)%%[\s\S]*?(?<!\\)%%/g, gone);
  return { text: stripped, count };
}

/**
 * Obsidian's picture embeds as Markdown pictures: `![[lamp.png]]` → `![](<lamp.png>)`, its
 * description after a bar (`![[lamp.png|A lamp]]`) as the picture's, a size (`|300`) left out.
 * An embed of anything else (another note) is left as written.
 */
export function obsidianPictures(text: string): { text: string; count: number } {
  let count = 0;
  const replaced = text.replace(obsidianEmbed, (_: string, written: string, after: string | undefined) => {
    count++;
    const { path, alt } = embeddedPicture(written, after);
    return `![${alt.replace(/([\\[\]])/g, '\\$1')}](<${path}>)`;
  });
  return { text: replaced, count };
}

/** Pandoc's attributes, `{width="3in"}`, `{.underline}`, `{#id .class key=value}` (an id in any script, `{#été}`), on one line or several. */
const pandocAttributes = String.raw`\{\s*(?:(?:[#.][^\s{}#="']+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))\s*){1,20}\}`;
const attributedLink = new RegExp(String.raw`(!?\[[^\]\n]{0,500}\]\([^)\n]{0,500}\))(${pandocAttributes})`, 'g');
/** A span: brackets that are not a picture's, a link's or typed as text (`\[…\]{.smallcaps}`, which pandoc escapes when it is no span). */
const attributedSpan = new RegExp(String.raw`(?<![!\]\\])\[([^[\]\n]{1,500})(?<!\\)\](${pandocAttributes})`, 'g');

/**
 * Pandoc's Markdown as the site's (pandoc, Zettlr and Quarto write it; `pandoc -t markdown` writes
 * a Word file so): a picture's or a link's attributes (`![](map.png){width="3in"}`) left out, the
 * site sizing pictures itself; a span (`[words]{.underline}`) as its words, underlined or in small
 * capitals when its class says so. What was left out (no words of the story) is returned, for the author.
 */
export function pandocSpans(text: string): { text: string; attributes: string[] } {
  const attributes: string[] = [];
  const replaced = text
    .replace(attributedLink, (_, link: string, written: string) => {
      attributes.push(written);
      return link;
    })
    .replace(attributedSpan, (_, words: string, written: string) => {
      attributes.push(written);
      if (/\.(?:underline|ul)\b/.test(written)) return `<u>${words}</u>`;
      if (/\.smallcaps\b/.test(written)) return `<span style="font-variant: small-caps">${words}</span>`;
      if (/\.mark\b/.test(written)) return `==${words}==`;
      return words;
    });
  return { text: replaced, attributes };
}

/** A heading's attributes as pandoc writes them, whole: `{#lake .unnumbered}`, `{-}`. */
const headingAttributes = new RegExp(`^(?:${pandocAttributes}|\\{-\\})$`);

/** Classes of a pandoc div that hold a poem or a song: the site's verse. */
const verseClasses = /^(?:verse|poem|poetry|lyrics|song|stanza|line-?block)$/i;

/**
 * Pandoc's blocks as the site's Markdown (pandoc, Zettlr and Quarto write them): a line block
 * (`| Dear Meg,` line by line, as pandoc writes a poem or an address) as a `:::verse` block,
 * each line kept and its indent kept as no-break spaces, as pandoc keeps it; a fenced div
 * (`::: {.letter}` … `:::`) as its text, or as verse when its class says it is a poem; and a
 * heading's attributes (`## The Lake {#lake}`) left out. Code blocks stay as written. What
 * was left out (the divs' and headings' attributes, no words of the story) is returned, for the author.
 */
export function pandocBlocks(text: string): { text: string; attributes: string[]; lineBlocks: number; divs: number; poems: number } {
  // The frontmatter is YAML, not text (its last line, over its closing ---, is no heading): the blocks are read after it.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const { body } = frontmatterBlock(text.slice(bom.length));
  const head = text.slice(0, text.length - body.length);
  const lines = body.split('\n');
  const out: string[] = [];
  const attributes: string[] = [];
  let lineBlocks = 0;
  let divs = 0;
  let poems = 0;
  let fence: string | undefined;
  // The ::: blocks open around each line: pandoc's (dropped, or verse) and the site's own (:::verse), each closed by a line of colons.
  const open: ('pandoc' | 'verse' | 'site')[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    fence = fenceOpened(line);
    if (fence) {
      out.push(line);
      continue;
    }
    // A run of lines each opened by a bar and a space (a bar alone is an empty line), with no
    // table's line of dashes among them and not every one closed by a bar as a table's rows are.
    if (lineBlockLine.test(line) && (i === 0 || lines[i - 1]!.trim() === '')) {
      let end = i;
      while (end < lines.length && (lineBlockLine.test(lines[end]!) || (end > i && /^ +\S/.test(lines[end]!)))) end++;
      const run = lines.slice(i, end);
      const tableLike = run.some((row) => /^\|?\s*:?-+:?\s*\|/.test(row)) || run.every((row) => /\|\s*$/.test(row.slice(1)));
      if (!tableLike && run.some((row) => row.length > 2)) {
        lineBlocks++;
        out.push(':::verse');
        for (const row of run) {
          // A line that goes on under the one before (indented, no bar) joins it, as pandoc reads it.
          if (!row.startsWith('|')) {
            out[out.length - 1] += ` ${row.trim()}`;
            continue;
          }
          const said = row.slice(2);
          const indent = /^ */.exec(said)![0].length;
          out.push(said.trim() === '' ? '' : '\u00a0'.repeat(indent) + said.slice(indent));
        }
        out.push(':::');
        i = end - 1;
        continue;
      }
    }
    const pandocDiv = /^ {0,3}(:{3,})\s*(\{[^}\n]*\}|[\w-]+)\s*:*\s*$/.exec(line);
    // The site's own blocks (`:::verse`, no space) open as directives do; pandoc's have a space or braces.
    if (pandocDiv && !/^ {0,3}:{3,}[A-Za-z]/.test(line)) {
      divs++;
      const written = pandocDiv[2]!;
      const classes = written.startsWith('{') ? [...written.matchAll(/\.([\w-]+)/g)].map((match) => match[1]!) : [written];
      const verse = classes.some((name) => verseClasses.test(name));
      open.push(verse ? 'verse' : 'pandoc');
      if (verse) poems++;
      attributes.push(written);
      if (verse) out.push(':::verse');
      continue;
    }
    if (/^ {0,3}:{3,}[A-Za-z]/.test(line)) {
      open.push('site');
      out.push(line);
      continue;
    }
    if (/^ {0,3}:{3,}\s*$/.test(line) && open.length > 0) {
      const closed = open.pop();
      if (closed !== 'pandoc') out.push(':::');
      continue;
    }
    // A heading's attributes: after an ATX heading's text, or on the text over a setext one's line.
    const underlined = /^ {0,3}(?:=+|-+)\s*$/.test(lines[i + 1] ?? '') && line.trim() !== '';
    const typed = line.trimEnd();
    const braced = typed.endsWith('}') ? typed.lastIndexOf('{') : -1;
    if ((underlined || /^ {0,3}#{1,6}\s/.test(line)) && braced > 0 && /\s/.test(typed[braced - 1]!)) {
      const written = typed.slice(braced);
      if (headingAttributes.test(written)) {
        attributes.push(written);
        out.push(typed.slice(0, braced).trimEnd());
        continue;
      }
    }
    out.push(line);
  }
  return { text: head + out.join('\n'), attributes, lineBlocks, divs, poems };
}

/** The title line a heading that opens the text reads as ("# Chapter 1", "# Prologue"), if it opens it and is one. */
const openingTitleLine = (body: string, heading: HeadingLine | undefined): TitleLine | undefined =>
  heading !== undefined && body.slice(0, heading.start).trim() === '' ? parseTitleLine(heading.text) : undefined;

/** A chapter read, and the heading it took its title from, taken out of its text (if it was). */
interface ReadChapter {
  chapter: ImportedChapter;
  setAside: string[];
}

/** Keys of a whole work's metadata in a Markdown file (pandoc's, and story.md's own), none of them a chapter's. */
const workKeys = new Set([
  'author',
  'authors',
  'lang',
  'language',
  'description',
  'abstract',
  'subject',
  'keywords',
  'tags',
  'fandom',
  'rating',
  'status',
]);
/** Keys pandoc's metadata has for laying out a printed book, not the story's: left out, and said. */
const layoutKeys =
  /^(?:subtitle|date|rights|publisher|identifier|cover-image|css|documentclass|classoption|geometry|fontsize|mainfont|linestretch|papersize|toc|toc-depth|numbersections|header-includes|include-before|include-after|margin-\w+|colorlinks|linkcolor|urlcolor|bibliography|csl|link-citations|nocite|output|editor_options|creator|contributor|belongs-to-collection|ibooks|page-progression-direction|title-prefix|pagetitle|base header level|quotes language|latex[\w ]*|mmd[\w ]*|html header|xhtml header|format)$/i;

/** A metadata value as text: a list's items joined. */
const metadataText = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value.trim() || undefined
    : Array.isArray(value)
      ? value.map(metadataText).filter(Boolean).join(', ') || undefined
      : undefined;
/** A metadata value as a list: a string's comma-separated items. */
const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(listOf) : typeof value === 'string' ? value.split(/\s*[,;]\s*/).filter(Boolean) : [];

/** A whole work's metadata, when the file's frontmatter is one (it names an author, a language, a description…): undefined for a chapter's. */
function workMetadata(
  frontmatter: Record<string, unknown>,
  dropped: string[],
):
  | { story: ImportedStory; title: string | undefined; summary: string | undefined; published: string | undefined; fields: string[] }
  | undefined {
  const keys = Object.keys(frontmatter);
  if (!keys.some((key) => workKeys.has(key.toLowerCase()))) return undefined;
  const value = (...names: string[]) =>
    names.map((name) => frontmatter[keys.find((key) => key.toLowerCase() === name) ?? '']).find((found) => found !== undefined);
  const title = metadataText(value('title'));
  const language = metadataText(value('lang', 'language'));
  const summary = metadataText(value('description', 'abstract', 'summary'));
  const status = metadataText(value('status'));
  const story = importedStory({
    title,
    author: metadataText(value('author', 'authors')),
    language: language ? languageTag(language) : undefined,
    summary: summary ? markdownTree(summary) : undefined,
    fandom: metadataText(value('fandom')),
    rating: metadataText(value('rating')),
    status: status === 'complete' || status === 'in-progress' ? status : undefined,
    tags: [...new Set([...listOf(value('subject')), ...listOf(value('keywords')), ...listOf(value('tags'))])],
  });
  const date = value('date');
  const published =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? date
      : date instanceof Date
        ? date.toISOString().slice(0, 10)
        : undefined;
  // What went into story.md: every work key (a status only as one of story.md's), the title, the summary, a date of the calendar.
  const read = new Set([...workKeys, 'title', 'summary', ...(published ? ['date'] : [])]);
  if (!story.status) read.delete('status');
  const left = keys.filter((key) => !read.has(key.toLowerCase()));
  if (left.length > 0)
    dropped.push(
      `the metadata ${left.map((key) => `“${key}”`).join(', ')}, ${left.every((key) => layoutKeys.test(key)) ? 'which lays out a printed book' : 'which story.md has no place for'}`,
    );
  return { story, title, summary, published, fields: keys.filter((key) => read.has(key.toLowerCase())) };
}

/** The one chapter of a file: its frontmatter, else its first heading, else the file name gives the title. */
function oneChapter(
  body: string,
  frontmatter: Record<string, unknown>,
  heading: HeadingLine | undefined,
  file: string,
  stem: string,
): ReadChapter {
  const parsed =
    typeof frontmatter.title === 'string' ? parseTitleLine(frontmatter.title) : heading ? parseTitleLine(heading.text) : fileTitle(stem);
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : (parsed?.title ?? heading?.text ?? stem);
  const order = typeof frontmatter.order === 'number' ? frontmatter.order : parsed?.number;
  const problems = schemaProblems(chapterSchema, { ...frontmatter, title, order: order ?? 0 });
  if (problems.length > 0) throw new ImportError(`${file}: ${problems.join('; ')}`);
  const slug = typeof frontmatter.slug === 'string' ? frontmatter.slug : slugPattern.test(stem) ? stem : parsed?.slug;
  // A heading that opens the text and gave the title, or repeats it, is the title: not shown twice.
  const repeated = typeof frontmatter.title === 'string' && heading !== undefined && frontmatter.title.trim() === heading.text.trim();
  const opening =
    heading &&
    (repeated || (frontmatter.title === undefined && (parsed || title === heading.text))) &&
    body.slice(0, heading.start).trim() === ''
      ? heading
      : undefined;
  return {
    chapter: {
      kind: parsed?.kind ?? 'chapter',
      number: order,
      title,
      slug,
      body: { type: 'root', children: [] },
      markdown: { body: (opening ? body.slice(opening.end) : body).replace(/^\s*\n/, ''), frontmatter },
    },
    setAside: opening ? [opening.text] : [],
  };
}

/**
 * A title page opening a whole story's Markdown: a heading alone (`# The Salt Road`, bold or
 * not), then perhaps "by" its author on a line of its own (or their name alone, nothing else under it); what follows (a summary, a
 * dedication) stays, for the first chapter's note. Undefined where the text opens otherwise.
 */
function markdownTitlePage(before: string): { title: string; author: string | undefined; rest: string; setAside: string[] } | undefined {
  const blocks = before
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const heading = blocks[0] && !blocks[0].includes('\n') ? atxHeading(blocks[0]) : undefined;
  const title = heading ? markdownToPlainText(heading, { inline: true }) : '';
  // "# Part One" above the first chapter is the first part's heading, not the story's title.
  if (!title || !titlePageTitle(title) || noteLabel(title) || parseTitleLine(title) || volumeLabel(title) !== undefined) return undefined;
  const byline = blocks[1] && !blocks[1].includes('\n') ? markdownToPlainText(blocks[1]) : '';
  // "by" its author, or the author's name alone as the one line under the title (as Calibre writes a title page).
  const author = titlePageAuthor(byline) ?? (blocks.length === 2 ? titlePageName(byline) : undefined);
  const taken = author ? 2 : 1;
  return { title, author, rest: blocks.slice(taken).join('\n\n'), setAside: [title, ...(author ? [byline] : [])] };
}

/** A whole story's chapters, one a section; the text above the first (`before`) kept as its author's note. */
function storyChapters(above: string, sections: TitleSection[], notices: string[], atChapterHeadings: boolean): ReadChapter[] {
  // Headings titled as written said already how they divided the file (dividedSections).
  if (atChapterHeadings) notices.push(chaptersNotice(sections.length, 'chapter headings'));
  // A volume's heading ("**PART TWO: THE HILLS**"; or "# Part Two" and its name under it, "The Hills")
  // closing the text above a chapter heading opens that chapter instead.
  const texts = [above, ...sections.map((section) => section.body)];
  const openings = sections.map((_, i) => {
    const blocks = texts[i]!.split(/\n[ \t]*\n/);
    const plain = blocks.slice(-2).map((block) => markdownToPlainText(block));
    // A part's name under its heading is a line of its own.
    const part = partAtEnd(blocks.at(-1)!.includes('\n') ? plain.slice(-1) : plain);
    if (!part || (i > 0 && blocks.length <= part.taken)) return undefined;
    texts[i] = blocks.slice(0, -part.taken).join('\n\n').trim();
    return part.taken === 2 ? `# ${part.name}` : blocks.at(-1)!.trim();
  });
  const before = texts[0]!;
  if (before) notices.push(noteAboveNotice(sections[0]!.text));
  const chapters = sections.map((section, i) => {
    // A heading set straight under a chapter heading that names no chapter ("# Chapter One", "## The Storm") is its name.
    const [first = '', ...rest] = texts[i + 1]!.split(/\n[ \t]*\n/);
    const below =
      !openings[i] && section.heading.kind === 'chapter' && (/^#+/.exec(first)?.[0].length ?? 0) > section.level
        ? atxHeading(first, 6)
        : undefined;
    const name = below === undefined ? undefined : markdownToPlainText(below);
    const named = name === undefined ? undefined : titleWithNameBelow(section.text, name);
    return {
      chapter: {
        kind: section.heading.kind,
        number: section.heading.number,
        title: named ?? section.heading.title,
        heading: named ? undefined : section.heading.written,
        slug: section.heading.slug,
        body: { type: 'root', children: [] },
        markdown: {
          body: [openings[i], named ? rest.join('\n\n') : texts[i + 1]].filter(Boolean).join('\n\n'),
          frontmatter: i === 0 && before ? { authorsNote: before } : {},
        },
      } satisfies ImportedChapter,
      setAside: [section.text, ...(named ? [name!] : [])],
    };
  });
  // Notes written after the last chapter, each to the chapter that refers to it.
  const gathered = gatherFootnoteDefinitions(chapters.map(({ chapter }) => chapter.markdown.body));
  if (gathered.moved > 0) {
    chapters.forEach(({ chapter }, i) => (chapter.markdown.body = gathered.bodies[i]!));
    notices.push(`moved ${counted(gathered.moved, 'footnote')} written after the chapters into the chapter that refers to each`);
  }
  numberedInVolumes(
    chapters.map(({ chapter }) => chapter),
    openings.map((opening) => opening && markdownToPlainText(opening)),
  );
  return chapters;
}

/** An ATX heading's text (`## Title ##` → `Title`), of `#` to `deepest` #s, read in linear time whatever the line holds. */
function atxHeading(line: string, deepest = 3): string | undefined {
  const found = /^(#{1,6})[ \t]+(.*)$/.exec(line);
  const text = found && found[1]!.length <= deepest ? found[2]!.trimEnd() : undefined;
  if (!text) return undefined;
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  // Closing #s are the heading's only after a space ("# C#" keeps its #).
  return end < text.length && end > 0 && /\s/.test(text[end - 1]!) ? text.slice(0, end).trimEnd() : text;
}

/** An ATX heading line of the text (`#` to `###`), outside fenced code. */
interface HeadingLine {
  /** Its text as a reader sees it (`**雪**` as 雪, a link as its words), without its `#`s: a title shows no Markdown. */
  text: string;
  /** How many `#`s: 1 to 3. */
  level: number;
  /** Where its line starts and ends in the text. */
  start: number;
  end: number;
}

/** The text's headings (`#` to `###`, and underlined ones), in order, those in fenced code left out: read in one pass. */
function headingLines(body: string): HeadingLine[] {
  const found: HeadingLine[] = [];
  let offset = 0;
  const lines = body.split('\n');
  const fenced = fencedLines(lines);
  for (const [index, line] of lines.entries()) {
    if (!fenced[index]) {
      const text = atxHeading(line);
      const underlined = text ? undefined : setextLevel(line, lines[index + 1], lines[index - 1]);
      if (text)
        found.push({
          text: markdownToPlainText(text, { inline: true }),
          level: /^#+/.exec(line)![0].length,
          start: offset,
          end: offset + line.length,
        });
      else if (underlined)
        found.push({
          text: markdownToPlainText(line.trim()),
          level: underlined,
          start: offset,
          end: offset + line.length + 1 + lines[index + 1]!.length,
        });
    }
    offset += line.length + 1;
  }
  return found;
}

/**
 * A one-line heading underlined (`Chapter 1` over `=====`, level 1; over `-----`, level 2), as
 * older Markdown and pandoc write them, after a blank line; a sentence over a dashed line is no
 * heading here (the author's scene break typed under the text), as the site warns of it.
 */
function setextLevel(line: string, under: string | undefined, above: string | undefined): number | undefined {
  if (under === undefined || (above !== undefined && above.trim() !== '') || !line.trim() || /^ {4}|^\t/.test(line)) return undefined;
  if (/^ {0,3}=+[ \t]*$/.test(under)) return 1;
  if (/^ {0,3}-+[ \t]*$/.test(under) && !readsAsSentence(line)) return 2;
  return undefined;
}

interface TitleSection extends HeadingLine {
  /** What the heading says of its chapter; a heading titled as written ("Der Sturm") suggests no file name. */
  heading: Omit<TitleLine, 'slug'> & { slug: string | undefined };
  /** The text under it, to the next such heading. */
  body: string;
}

/**
 * The sections under the headings of the highest level that divides the text (`#`, or `##`
 * under a lone `#` that titles it), two or more with text under each — as a Word document's
 * Heading 1s divide it (chapter-headings.ts): titled as written ("Der Sturm") where no heading
 * reads as a chapter's, and the chapter headings (`titled`) read as such when they are all among
 * them and fewer ("# Prologue", "# The Storm"). None otherwise, or where two chapter headings or
 * more divide the text apart from the others.
 */
function dividedSections(body: string, headings: HeadingLine[], titled: readonly TitleSection[], notices: string[]): TitleSection[] {
  // A note's heading ("## Author's Note") heads the author's words in the chapter it is in, not a chapter.
  const dividing = headings.filter(({ text }) => !isNoteHeading(text));
  const hasText = (from: number, to: number) => body.slice(from, to).trim() !== '';
  // With chapter headings, the headings from the first of them on (above it: the title page).
  const fromTitled = titled[0]
    ? dividingLevel(
        dividing.filter(({ start }) => start >= titled[0]!.start),
        body.length,
        hasText,
      )
    : undefined;
  const among =
    fromTitled !== undefined &&
    dividesBeyondTitles(
      fromTitled.at.map(({ start }) => start),
      titled.map(({ start }) => start),
    );
  if (!among && titled.length >= 2) return [];
  const division = among ? fromTitled : dividingLevel(dividing, body.length, hasText);
  if (!division) return [];
  const { level, at } = division;
  const byPlace = new Map(among ? titled.map((section) => [section.start, section.heading] as const) : []);
  const titles = withTitledHeadings(at.map((line) => byPlace.get(line.start) ?? line.text));
  notices.push(
    `divided the file at its ${at.length} headings of level ${level} (${'#'.repeat(level)}), ${amongNotice([...byPlace.values()].map(({ title }) => title))}`,
  );
  return at.map((line, i) => ({
    ...line,
    heading: titles[i]!,
    body: body.slice(line.end, at[i + 1]?.start ?? body.length).trim(),
  }));
}

/** The text's sections under headings that read as chapter headings; none unless each has text under it, so no chapter is ever empty. */
function titleSections(body: string, headings: HeadingLine[]): TitleSection[] {
  const found = headings.flatMap((line) => {
    const heading = parseTitleLine(line.text);
    return heading ? [{ ...line, heading }] : [];
  });
  const sections = found.map((item, i) => ({ ...item, body: body.slice(item.end, found[i + 1]?.start ?? body.length).trim() }));
  return sections.every((section) => section.body !== '') ? sections : [];
}
