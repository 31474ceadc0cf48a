import { writtenIn } from '../core/written-in.ts';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import yaml from 'js-yaml';
import { chapterWords } from '../core/story.ts';
import { renderJobs, type RenderJob } from '../source/render-pool.ts';
import { compareWords, fidelityWords, withoutWords, type Fidelity } from './fidelity.ts';
import { embeddedPictures } from './embedded-pictures.ts';
import { embeddedMedia } from './embedded-media.ts';
import { imageName } from './image-name.ts';
import { hastToMarkdown } from './hast-to-markdown.ts';
import { bookLink, ImportError, treesOf, type ImportedChapter, type ImportedStory, type ImportedWork } from './model.ts';
import { elementsOf } from './element.ts';
import { linkedChapter } from '../core/links.ts';
import { fileTitle, headingWrittenOtherwise } from './title-lines.ts';
import { partOrder, volumeLabel } from '../core/chapter-labels.ts';
import { sanitizeSvg } from '../core/svg.ts';
import { counted, firstFew, problems } from '../core/problems.ts';
import { isBreakLabel } from '../core/scene-breaks.ts';

/** A chapter file to write: where, and what. */
export interface ChapterFile {
  slug: string;
  order: number;
  title: string;
  /** The part of the story it opens, when it opens one. */
  part?: string | undefined;
  /** The heading it was read from as the source writes it, where the title reads otherwise ("CHAPTER TWELVE." for "Chapter 12"). */
  heading?: string | undefined;
  text: string;
  /** Its words, as the site will count them. */
  words: number;
}

/** What an input becomes: chapter files, `story.md` (for a whole work) and pictures. */
export interface ImportPlan {
  chapters: ChapterFile[];
  story: string | undefined;
  /** Fields of `story` the source left out, filled for the build (Untitled, Anonymous): no value of the source's. */
  storyFilledIn: ('title' | 'author')[];
  images: Map<string, Uint8Array>;
  fidelity: Fidelity;
}

/** The Markdown of a chapter file's parts. */
interface ChapterMarkdown {
  summary: string | undefined;
  authorsNote: string | undefined;
  endNote: string | undefined;
  body: string;
  /** Frontmatter kept from a Markdown source. */
  frontmatter: Record<string, unknown>;
}

/** The marks of scene breaks drawn as the site's break while converting: no words of the text. */
let breakMarks: string[] = [];
/** The story's language, which passages in another are marked apart from. */
let storyLanguage: string | undefined;
const markdown = (tree: Root | undefined) => (tree ? hastToMarkdown(tree, breakMarks, storyLanguage) || undefined : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function chapterMarkdown(chapter: ImportedChapter): ChapterMarkdown {
  if (chapter.markdown) {
    const { frontmatter } = chapter.markdown;
    return {
      summary: text(frontmatter.summary),
      authorsNote: text(frontmatter.authorsNote),
      endNote: text(frontmatter.endNote),
      body: chapter.markdown.body.trim(),
      frontmatter,
    };
  }
  return {
    summary: markdown(chapter.summary),
    authorsNote: markdown(chapter.notes),
    endNote: markdown(chapter.endNotes),
    body: markdown(chapter.body) ?? '',
    frontmatter: {},
  };
}

/**
 * Turns what was read into files, and checks, by rendering those files as the site will,
 * that every word of the source is in them. `existingOrders` are the chapters already in the
 * content folder, so new ones fall into place around them.
 */
export async function planImport(work: ImportedWork, existingOrders: readonly number[]): Promise<ImportPlan> {
  drawingsAsPictures(work);
  embeddedPictures(work);
  embeddedMedia(work);
  if (work.story && !work.story.language) work.notices.push(...languageFromText(work.story, work.source));
  breakMarks = [];
  storyLanguage = work.story?.language;
  const placed = place(work.chapters, existingOrders, work.chapters.length > 1 || work.story !== undefined);
  resolveSourceLinks(work, placed);
  for (const { chapter } of placed) chapter.part ??= liftedPart(chapter);
  const parts = placed.map(({ chapter }) => chapterMarkdown(chapter));
  const storyParts = work.story && {
    summary: markdown(work.story.summary),
    notes: markdown(work.story.notes),
    endNotes: markdown(work.story.endNotes),
  };

  // Render what will be written, as the build will (a long work on every core), and count its words against the source's.
  const defined = (...notes: (string | undefined)[]) => notes.filter((note): note is string => note !== undefined);
  const storyNotes = defined(storyParts?.summary, storyParts?.notes, storyParts?.endNotes);
  const chapterNotes = parts.map((own) => defined(own.summary, own.authorsNote, own.endNote));
  const noteJob = (markdown: string): RenderJob => ({ kind: 'note', markdown, idPrefix: 'n--' });
  const results = await renderJobs(
    {
      base: '/',
      chapters: placed.map(({ slug }) => [slug, slug]),
      language: work.story?.language ?? 'en',
      labels: {},
      contentDir: '',
      remoteImages: true,
      images: [...work.images.keys()],
      strings: 'en',
    },
    [
      ...storyNotes.map(noteJob),
      ...parts.flatMap((own, i) => [...chapterNotes[i]!.map(noteJob), { kind: 'chapter' as const, markdown: own.body }]),
    ],
    undefined,
  );
  let next = 0;
  const rendered: string[] = [];
  const noteRendered = () => {
    const result = results[next++]!;
    rendered.push(result.text, result.footnotes);
  };
  storyNotes.forEach(noteRendered);
  const chapters: ChapterFile[] = [];
  const bodies: { title: string; words: string[] }[] = [];
  for (const [i, { chapter, order, slug }] of placed.entries()) {
    const own = parts[i]!;
    chapterNotes[i]!.forEach(noteRendered);
    const body = results[next++]!;
    // A part's name, which the site shows over its chapters, is the source's words too.
    rendered.push(chapter.part ?? '', body.text, body.footnotes);
    // A note the text marks nowhere is written to the file as the source has it, and the author
    // told: no page shows it until the text marks it (the build says so too).
    for (const note of body.unshownNotes ?? []) {
      rendered.push(note.text);
      work.notices.push(
        `the note [^${note.label}] of ${slug}.md is marked nowhere in its text: written as it is, shown on no page until the text marks it`,
      );
    }
    bodies.push({ title: chapter.title, words: fidelityWords(body.text) });
    chapters.push({
      slug,
      order,
      title: chapter.title,
      part: chapter.part,
      heading: headingWrittenOtherwise(chapter.title, chapter.heading),
      text: chapterFile(chapter, order, own),
      words: chapterWords({ body }),
    });
  }
  // What the source holds that is no words of the text: set aside by the readers, or drawn as breaks.
  const noWords = [...work.setAside, ...breakMarks];
  // A break named in words ("Line Break"): the words are gone from the page, and the author told.
  const named = noWords.filter(isBreakLabel);
  if (named.length > 0)
    work.notices.push(
      `drew ${named.length === 1 ? 'a line' : `${named.length} lines`} naming a scene break (${firstFew([...new Set(named.map((line) => line.trim()))])}) as the site’s scene break`,
    );
  const expected = withoutWords(fidelityWords(work.source), noWords.flatMap(fidelityWords));
  const fidelity = compareWords(expected, rendered.flatMap(fidelityWords), bodies);
  return {
    chapters,
    story: work.story && storyMarkdown(work.story, storyParts!),
    storyFilledIn: work.story ? (['title', 'author'] as const).filter((field) => work.story![field] === undefined) : [],
    images: cleanPictures(work),
    fidelity,
  };
}

/**
 * The pictures as they will be written: an SVG cleaned to what only draws (the build refuses
 * anything more), and the author told what was taken out of which.
 */
function cleanPictures(work: ImportedWork): Map<string, Uint8Array> {
  return new Map(
    [...work.images].map(([name, bytes]) => {
      if (!name.toLowerCase().endsWith('.svg')) return [name, bytes];
      let cleaned: { svg: string; removed: string[] };
      try {
        cleaned = sanitizeSvg(new TextDecoder().decode(bytes));
      } catch (error) {
        throw new ImportError(problems.UnreadablePicture.message(name, (error as Error).message));
      }
      if (cleaned.removed.length > 0) work.notices.push(`cleaned the picture ${name}: removed ${cleaned.removed.join(', ')}`);
      return [name, new TextEncoder().encode(cleaned.svg)];
    }),
  );
}

/**
 * Reading order and file names. A chapter with a number keeps it (an interlude or a
 * "Chapter 4.5" falls between); a prologue is 0; an epilogue comes after the last chapter.
 * In a whole work, chapters without numbers follow in the source's order.
 */
function place(chapters: ImportedChapter[], existingOrders: readonly number[], wholeWork: boolean) {
  const taken = new Set(existingOrders);
  const slugs = new Set<string>();
  let previous = wholeWork ? 0 : Math.max(0, ...existingOrders);
  return chapters.map((chapter, index) => {
    const part = chapter.number !== undefined && chapter.number === Math.floor(previous) ? nextPart(previous, taken) : undefined;
    let order: number;
    // A prologue in parts ("Prologue, Part 2"): its later parts right after it, at 0.01, 0.02…
    if (chapter.kind === 'prologue') order = taken.has(0) ? (nextPart(0, taken) ?? between(0, taken)) : 0;
    else if (chapter.kind === 'epilogue') order = Math.floor(Math.max(previous, ...(wholeWork ? [] : existingOrders))) + 1;
    else if (chapter.number !== undefined && (!wholeWork || index === 0 || chapter.number > previous)) order = chapter.number;
    // The same number again, the next part of a chapter in parts ("Chapter 7 Part 1", "Chapter 7 Part 2"): 7.01, 7.02…
    else if (part !== undefined) order = part;
    // An interlude, and a chapter without a number that the next numbered one follows at once
    // ("Chapter 5", "The Letter", "Chapter 6"), fall between: "Chapter 6" keeps its number and address.
    else if (chapter.kind === 'interlude' || (wholeWork && (nextNumber(chapters, index) ?? Infinity) <= Math.floor(previous) + 1))
      order = between(previous, taken);
    else order = Math.floor(previous) + 1;
    taken.add(order);
    previous = Math.max(previous, order);
    const wanted = chapter.slug ?? (chapter.kind === 'chapter' ? `chapter-${String(order).replace('.', '-')}` : chapter.kind);
    let slug = wanted;
    for (let n = 2; slugs.has(slug); n++) slug = `${wanted}-${n}`;
    slugs.add(slug);
    return { chapter, order, slug };
  });
}

/** The next part's place after `after` within its chapter's number (7 → 7.01, 7.01 → 7.02), if one is free below 7.99. */
function nextPart(after: number, taken: ReadonlySet<number>): number | undefined {
  const whole = Math.floor(after);
  for (let part = 1; part < 100; part++) {
    const order = partOrder(whole, part);
    if (order > after && !taken.has(order)) return order;
  }
  return undefined;
}

/** The number of the first chapter after `index` that has one. */
function nextNumber(chapters: readonly ImportedChapter[], index: number): number | undefined {
  return chapters.slice(index + 1).find((chapter) => chapter.number !== undefined)?.number;
}

/** The first free place between `after` and the next whole number: 1.5, then 1.75… */
function between(after: number, taken: ReadonlySet<number>): number {
  let order = Math.floor(after) + 0.5;
  while (taken.has(order)) order = (order + Math.floor(after) + 1) / 2;
  return order;
}

const dump = (data: Record<string, unknown>) =>
  yaml.dump(
    Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))),
    { lineWidth: -1, noRefs: true, quotingType: '"' },
  );

/** A chapter file: frontmatter, a blank line, the text. */
function chapterFile(chapter: ImportedChapter, order: number, parts: ChapterMarkdown): string {
  // Title and order first, as every chapter file starts; then what the source's frontmatter held.
  const front = dump({
    title: chapter.title,
    order,
    part: chapter.part,
    ...Object.fromEntries(Object.entries(parts.frontmatter).filter(([key]) => key !== 'title' && key !== 'order')),
    published: chapter.published ?? parts.frontmatter.published,
    draft: chapter.draft ?? parts.frontmatter.draft,
    summary: parts.summary,
    contentNotes: chapter.contentNotes ?? parts.frontmatter.contentNotes,
    authorsNote: parts.authorsNote,
    endNote: parts.endNote,
  });
  return `---\n${front}---\n\n${parts.body}\n`;
}

/**
 * The name of the part of the story (a book, a volume, an arc) a chapter opens, as its opening
 * heading or line alone gives it ("Book Two", "**PART TWO: THE SEA**", "第二卷"): taken out of
 * its text, for the chapter's `part`, in every format alike. Not where the chapter has another
 * such line (a long chapter's "Part 1" and "Part 2"), nor where nothing follows it.
 */
function liftedPart(chapter: ImportedChapter): string | undefined {
  const named = (text: string) => {
    const name = text.replace(/\s+/g, ' ').trim();
    return volumeLabel(name) === undefined ? undefined : name;
  };
  if (chapter.markdown) {
    const lines = chapter.markdown.body.split('\n');
    const lineName = (line: string) => named(line.replace(/^#{1,6}\s+|^(\*\*|__)(.*)\1$/g, '$2'));
    const at = lines.findIndex((line) => line.trim() !== '');
    const name = at === -1 ? undefined : lineName(lines[at]!);
    const rest = lines.slice(at + 1);
    if (!name || !rest.some((line) => line.trim() !== '') || rest.some((line) => lineName(line) !== undefined)) return undefined;
    chapter.markdown.body = rest.join('\n').replace(/^\s*\n/, '');
    return name;
  }
  const children = chapter.body.children;
  const blocks = children.filter((child): child is Element => child.type === 'element');
  const lineName = (node: Element) => (/^(?:h[1-6]|p)$/.test(node.tagName) ? named(toString(node)) : undefined);
  const [first, ...rest] = blocks;
  const name = first && lineName(first);
  if (!name || rest.length === 0 || rest.some((block) => lineName(block) !== undefined)) return undefined;
  children.splice(children.indexOf(first), 1);
  return name;
}

/**
 * A story's language where its source never said (a Word document, a text file): the one its
 * text's script names (Chinese, Japanese, Korean, Hebrew, Thai…), which the site's search, quotes
 * and direction follow; English, the default, stays unsaid. Gives what the author is told.
 */
export function languageFromText(story: ImportedStory, text: string): string[] {
  const found = writtenIn(text)?.language;
  // English, the default, stays unsaid.
  if (!found || found === 'en') return [];
  story.language = found;
  return [`set the story’s language to ${found}, the language its text is written in (change it in story.md if it is another)`];
}

/**
 * Links between the files of a book (`bookLink`) pointed at the chapters read from those files,
 * at their start (`chapter-3.md`: the ids inside a chapter are the site's own, not the book's);
 * a link to a file no chapter was read from (the book's contents, its title page), or to a page
 * of the site a page was saved from that no imported chapter is (`about.html`), leaves its words.
 */
function resolveSourceLinks(work: ImportedWork, placed: readonly { chapter: ImportedChapter; slug: string }[]): void {
  const slugOf = new Map<string, string>();
  for (const { chapter, slug } of placed) for (const source of chapter.sources ?? []) if (!slugOf.has(source)) slugOf.set(source, slug);
  const slugs = new Set(placed.map(({ slug }) => slug));
  let pointed = 0;
  let unlinked = 0;
  let pages = 0;
  // The links to unwrap, by their parent: each parent's children rebuilt once, however many it holds.
  const unwrap = new Map<Root | Element, Set<Element>>();
  const unwrapped = (node: Element, parent: Root | Element) => unwrap.set(parent, (unwrap.get(parent) ?? new Set()).add(node));
  for (const tree of treesOf(work)) {
    for (const { node, parent } of elementsOf(tree)) {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string') continue;
      if (!href.startsWith(bookLink)) {
        // A page of the site it was saved from (`about.html`), which the story has no chapter for: a dead link here.
        // One named as a chapter (`chapter-5.html`) stays, for a chapter imported with it or before it.
        const page = /\.(?:html?|xhtml)(?:[?#]|$)/i.test(href) ? linkedChapter(href) : undefined;
        if (page !== undefined && !slugs.has(page) && fileTitle(page) === undefined) {
          unwrapped(node, parent);
          pages++;
        }
        continue;
      }
      const slug = slugOf.get(href.slice(bookLink.length));
      if (slug) {
        node.properties.href = `${slug}.md`;
        pointed++;
      } else {
        unwrapped(node, parent);
        unlinked++;
      }
    }
  }
  for (const [parent, links] of unwrap)
    parent.children = parent.children.flatMap((child) =>
      child.type === 'element' && links.has(child) ? child.children : [child],
    ) as typeof parent.children;
  if (pointed > 0) work.notices.push(`pointed ${counted(pointed, 'link')} between the book’s files at the chapters read from them`);
  if (unlinked > 0)
    work.notices.push(
      `kept the words of ${counted(unlinked, 'link')} to pages of the book that are no chapter (its contents, its title page), without the link`,
    );
  if (pages > 0)
    work.notices.push(
      `kept the words of ${counted(pages, 'link')} to other pages (about.html…) that are no chapter imported here, without the link`,
    );
}

/** `story.md` for a whole work: its metadata, and the summary as the body (by default its own, as Markdown; none for a story given only a title and author). */
export function storyMarkdown(
  story: ImportedStory,
  parts: { summary: string | undefined; notes: string | undefined; endNotes: string | undefined } = {
    summary: story.summary && (hastToMarkdown(story.summary, [], story.language) || undefined),
    notes: story.notes && (hastToMarkdown(story.notes, [], story.language) || undefined),
    endNotes: story.endNotes && (hastToMarkdown(story.endNotes, [], story.language) || undefined),
  },
): string {
  const front = dump({
    title: story.title ?? 'Untitled',
    author: story.author ?? 'Anonymous',
    language: story.language,
    status: story.status,
    fandom: story.fandom,
    rating: story.rating,
    warnings: story.warnings,
    categories: story.categories,
    characters: story.characters,
    relationships: story.relationships,
    tags: story.tags,
    notes: parts.notes,
    endNotes: parts.endNotes,
    series: story.series,
    related: story.related,
    cover: story.cover && `images/${story.cover}`,
    expectedChapters: story.expectedChapters,
    reviewUrl: story.reviewUrl,
  });
  return `---\n${front}---\n\n${parts.summary ?? ''}\n`;
}

/**
 * Drawings written into the text (`<svg>` in a page) become pictures in `images/`, cleaned to
 * what only draws: the site keeps no SVG in its text. The words drawn in one (a sign, a
 * label) stay in the picture and become its description; they are set aside from the check.
 */
function drawingsAsPictures(work: ImportedWork): void {
  const visit = (node: Root | Element) => {
    node.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (child.tagName !== 'svg') return visit(child);
      const words = toString(child).replace(/\s+/g, ' ').trim();
      let svg: string;
      try {
        svg = sanitizeSvg(toHtml(child, { space: 'svg' })).svg;
      } catch {
        return;
      }
      const name = imageName('drawing.svg', new Set(work.images.keys()));
      work.images.set(name, new TextEncoder().encode(svg));
      node.children[index] = { type: 'element', tagName: 'img', properties: { src: `images/${name}`, alt: words }, children: [] };
      if (words) work.setAside.push(words);
      work.notices.push(`kept a drawing in the text as the picture images/${name}${words ? `, described as “${words}”` : ''}`);
    });
  };
  for (const tree of treesOf(work)) visit(tree);
}
