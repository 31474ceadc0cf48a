import type { Element, ElementContent, Root } from 'hast';
import { elementChildren, hasClass, parseHtml, select, selectAll, textOf, treeOf, visibleText } from '../html.ts';
import {
  dateFirstAndLast,
  importedStory,
  ImportError,
  treesOf,
  type ImportedChapter,
  type ImportedStory,
  type ImportedWork,
} from '../model.ts';
import { languageTag } from '../../core/language-names.ts';
import { counted, problems } from '../../core/problems.ts';
import { linksFromSiteRoot } from './saved-page.ts';

/**
 * An Archive of Our Own download, after otwarchive's templates (app/views/downloads/): the
 * preface's tags and stats become `story.md`, each chapter's meta block its title, summary
 * and notes, the afterword the work's end notes. Older layouts are read too: no `#preface`
 * (before 2019), a titled chapter headed by its bare title (before late 2025), singular tag
 * labels, no `Language:`, a one-chapter work with no chapter meta at all. It leans on AO3's
 * words and ids rather than its classes, which Calibre renames in AO3's EPUBs (see epub.ts).
 * The archive's own words ("Posted originally on…", "Please drop by…") are dropped, and said so.
 */
export function readAo3(text: string, file: string): ImportedWork {
  const tree = parseHtml(text);
  const body = select('body', tree) ?? tree;
  // A work's page saved from the browser, not a download: the archive's templates for the site (app/views/works/show).
  const skin = select('#workskin', body);
  if (skin) return readWorkPage(body, skin, file);
  // The words as read, before the reading below takes the page apart.
  const source = visibleText(body);
  const reading = new Ao3Reading();
  const preface =
    select('#preface', body) ?? selectAll('div', body).find((div) => select(':scope > dl', div) && select(':scope > h1', div));
  const story = preface ? reading.preface(preface) : importedStory();
  // Older downloads put the line outside the preface.
  reading.postedOriginally(body, story);
  const container = select('#chapters', body);
  if (!container) throw new ImportError(problems.NoAo3Chapters.message(file));
  const chapters = reading.chaptersOf(container, story);
  const afterword = select('#afterword', body);
  reading.afterword(afterword ?? body, story);
  if (chapters.length === 0) throw new ImportError(problems.EmptyAo3Download.message(file));
  reading.dateChapters(chapters);
  return reading.work('AO3 HTML download', story, chapters, source);
}

/** One chapter's parts, from the nodes an AO3 chapter is made of: its meta block, its text, its end notes. */
export interface Ao3ChapterParts {
  heading: string;
  summary: Root | undefined;
  notes: Root | undefined;
  endNotes: Root | undefined;
  body: Root;
}

/** The state of reading one download: what was set aside, dropped and noticed. */
export class Ao3Reading {
  readonly setAside: string[] = [];
  readonly dropped: string[] = [];
  readonly notices: string[] = [];
  private stats: { published?: string | undefined; updated?: string | undefined } = {};

  /** Text that is the download's, not the story's: kept out of the word check. */
  aside(node: Element | Root | undefined): void {
    if (node) this.setAside.push(visibleText(node));
  }

  drop(node: Element | undefined, what: string): void {
    if (!node) return;
    this.aside(node);
    if (!this.dropped.includes(what)) this.dropped.push(what);
  }

  /** The preface: title, byline, tags and stats, summary, notes, related works. */
  preface(preface: Element): ImportedStory {
    const story = importedStory();
    for (const heading of selectAll('h2', preface)) if (/^(?:Preface)$/i.test(textOf(heading))) this.aside(heading);
    this.postedOriginally(preface, story);
    const tags = select('dl', preface);
    if (tags) this.tags(tags, story);
    const title = select('h1', preface);
    story.title = textOf(title) || undefined;
    this.aside(title);
    const byline = selectAll('div, p', preface).find((node) => /^by\s/i.test(textOf(node)) && !select('div, p', node));
    story.author = creators(byline, textOf(byline).replace(/^by\s+/i, ''));
    this.aside(byline);
    const labelled = this.labelledBlocks(preface);
    story.summary = labelled.get('summary');
    story.notes = labelled.get('notes');
    this.asideEndNoteLinks(preface);
    this.associations(preface, story);
    return story;
  }

  /** The work's associations (a gift, a translation, the works it was inspired by): links to related works, set aside. */
  associations(section: Element, story: ImportedStory): void {
    for (const item of selectAll('ul > li', section)) {
      const link = select('a', item);
      const href = String(link?.properties.href ?? '');
      const relation = textOf(item)
        .split(textOf(link))[0]!
        .replace(/[:\s]+$/, '')
        .trim();
      // A gift ("For meg_g.") names a reader, not a work: the archive keeps it.
      if (/\/users\/[^/]+\/gifts\b/.test(href)) {
        this.drop(item, `AO3’s gift line “${textOf(item)}”`);
        continue;
      }
      if (link && /^https?:/.test(href))
        story.related.push({ title: textOf(link), url: href, ...(relation ? { relation: relation.toLowerCase() } : {}) });
      this.aside(item);
    }
  }

  /** AO3's "Posted originally on the Archive of Our Own at …": the work's address kept for comments, the line dropped. */
  postedOriginally(section: Element | Root, story: ImportedStory): void {
    for (const message of selectAll('p', section).filter((p) => /Posted originally on the/i.test(textOf(p)))) {
      if (this.setAside.includes(visibleText(message))) continue;
      story.reviewUrl ??= selectAll('a', message)
        .map((link) => String(link.properties.href ?? ''))
        .find((href) => /\/works\/\d+/.test(href));
      this.drop(message, 'AO3’s “Posted originally on the Archive of Our Own at …”');
    }
  }

  /** The tags list: labels (singular or plural) to fields of `story.md`. */
  tags(list: Element, story: ImportedStory): void {
    this.aside(list);
    const children = elementChildren(list);
    for (const [i, term] of children.entries()) {
      if (term.tagName !== 'dt') continue;
      const value = children[i + 1];
      if (!value || value.tagName !== 'dd') continue;
      const label = textOf(term).replace(/:$/, '').toLowerCase();
      const items = selectAll('a', value).map(textOf);
      const values = items.length > 0 ? items : textOf(value).split(/,\s*/).filter(Boolean);
      if (label === 'rating' || label === 'ratings') story.rating = values.join(', ');
      else if (label.startsWith('archive warning')) story.warnings.push(...values);
      else if (label.startsWith('categor')) story.categories.push(...values);
      else if (label.startsWith('fandom')) story.fandom = values.join(', ');
      else if (label.startsWith('relationship')) story.relationships.push(...values);
      else if (label.startsWith('character')) story.characters.push(...values);
      else if (label.startsWith('additional tag')) story.tags.push(...values);
      else if (label === 'language') {
        story.language = languageTag(textOf(value));
        if (!story.language) this.notices.push(`the language "${textOf(value)}" is not one Quire knows by name; set language in story.md`);
      } else if (label === 'series') this.series(value, story);
      else if (label === 'stats') this.statsOf(textOf(value), story);
    }
  }

  /** "Part 2 of Masks" (the first series, when the work is in several). */
  private series(value: Element, story: ImportedStory): void {
    const match = /Part\s+(\d+)\s+of\s+/i.exec(textOf(value));
    const link = select('a', value);
    if (!match || !link) return;
    const href = String(link.properties.href ?? '');
    story.series = { title: textOf(link), part: Number(match[1]), ...(/^https?:/.test(href) ? { url: href } : {}) };
  }

  /** "Published: 2020-01-01 Updated: 2020-03-01 Words: 12,345 Chapters: 3/?" */
  private statsOf(text: string, story: ImportedStory): void {
    this.stats.published = /Published:\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    this.stats.updated = /(?:Updated|Completed):\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    const chapters = /Chapters:\s*([\d,]+)\s*\/\s*([\d,]+|\?)/.exec(text);
    if (chapters) {
      const [written, expected] = [chapters[1]!, chapters[2]!].map((n) => Number(n.replace(/,/g, '')));
      story.status = written === expected ? 'complete' : 'in-progress';
      if (!Number.isNaN(expected) && written !== expected) story.expectedChapters = expected;
    }
  }

  /**
   * The blocks a meta section labels with a `<p>` before a `<blockquote>`: "Summary", "Notes",
   * "Chapter Summary", "Chapter Notes", "Chapter End Notes", "End Notes".
   */
  labelledBlocks(section: Element | Root): Map<string, Root> {
    const found = new Map<string, Root>();
    for (const container of [section, ...selectAll('div', section)]) {
      const children = elementChildren(container);
      for (const [i, child] of children.entries()) {
        if (child.tagName !== 'blockquote') continue;
        const label = children[i - 1];
        if (!label || label.tagName !== 'p') continue;
        const name = textOf(label)
          .toLowerCase()
          .replace(/^chapter\s+/, '')
          .replace(/:$/, '');
        if (!['summary', 'notes', 'end notes'].includes(name) || found.has(name)) continue;
        this.aside(label);
        found.set(name, treeOf(child.children));
      }
    }
    return found;
  }

  /**
   * The blocks a work page labels with a heading inside a module (`div.summary.module > h3 +
   * blockquote`): "Summary", "Notes", "End Notes" (a chapter's end notes are "Notes" in a
   * module marked `end`).
   */
  modules(section: Element): Map<string, Root> {
    const found = new Map<string, Root>();
    for (const module of selectAll('div.module', section)) {
      const label = select('h3.heading', module);
      const quote = select('blockquote.userstuff', module);
      if (!label || !quote) continue;
      const said = textOf(label).toLowerCase().replace(/:$/, '');
      const name = hasClass(module, 'end') && said === 'notes' ? 'end notes' : said;
      if (!['summary', 'notes', 'end notes'].includes(name) || found.has(name)) continue;
      this.aside(label);
      this.asideEndNoteLinks(module);
      found.set(name, treeOf(quote.children));
    }
    return found;
  }

  /** "See the end of the chapter/work for more notes": a link, not the author's words. */
  asideEndNoteLinks(section: Element | Root): void {
    for (const node of selectAll('div, p', section))
      if (/^\(?See the end of the (?:chapter|work) for/i.test(textOf(node))) this.aside(node);
  }

  /**
   * The chapters of `#chapters`: each begins at a block holding a heading (its meta), followed
   * by its text and maybe its end notes (`#endnotesN`); a one-chapter work is its text alone.
   */
  chaptersOf(container: Element, story: ImportedStory): ImportedChapter[] {
    const nodes = elementChildren(container);
    const starts = nodes.flatMap((node, index) => (node.tagName === 'h2' || select(':scope > h2', node) ? [index] : []));
    if (starts.length === 0) {
      return [{ kind: 'chapter', number: 1, title: story.title ?? 'Chapter 1', slug: undefined, body: treeOf(container.children) }];
    }
    return starts.map((start, index) => {
      const parts = this.chapterParts(nodes.slice(start, starts[index + 1] ?? nodes.length));
      const position = index + 1;
      return {
        kind: 'chapter',
        number: position,
        title: chapterTitle(parts.heading, position),
        slug: undefined,
        summary: parts.summary,
        notes: parts.notes,
        endNotes: parts.endNotes,
        body: parts.body,
      } satisfies ImportedChapter;
    });
  }

  /** One chapter's parts from its nodes: the meta block first, then the text, then any end notes. */
  chapterParts(nodes: Element[]): Ao3ChapterParts {
    const [meta, ...rest] = nodes;
    const heading = meta?.tagName === 'h2' ? meta : select('h2', meta!);
    this.aside(heading);
    if (meta && meta !== heading) {
      for (const byline of selectAll('p', meta).filter((p) => /^by\s/i.test(textOf(p)))) this.aside(byline);
      this.asideEndNoteLinks(meta);
    }
    const labelled = meta && meta !== heading ? this.labelledBlocks(meta) : new Map<string, Root>();
    const endBlock = rest.find(
      (node) => /^endnotes/.test(String(node.properties.id ?? '')) || /^Chapter End Notes$/i.test(textOf(select('p', node))),
    );
    const endNotes = endBlock ? this.labelledBlocks(endBlock).get('end notes') : undefined;
    const text = rest.filter((node) => node !== endBlock);
    const body: ElementContent[] = text.length === 1 ? text[0]!.children : text;
    return { heading: textOf(heading), summary: labelled.get('summary'), notes: labelled.get('notes'), endNotes, body: treeOf(body) };
  }

  /** The afterword: the work's end notes; the archive's "Please drop by…" and its list of inspired works left out. */
  afterword(section: Element | Root, story: ImportedStory): void {
    for (const heading of selectAll('h2', section)) if (/^Afterword$/i.test(textOf(heading))) this.aside(heading);
    const endNotes = select('#endnotes', section) ?? section;
    story.endNotes ??= this.labelledBlocks(endNotes).get('end notes');
    for (const message of selectAll('p', section).filter((p) => /drop by the Archive and comment/i.test(textOf(p)))) {
      this.drop(message, 'AO3’s “Please drop by the Archive and comment…”');
    }
    const inspired = selectAll('dl', section).find((list) => /inspired by this one/i.test(textOf(select('dt', list))));
    if (inspired) {
      this.aside(inspired);
      this.notices.push('left out the list of works inspired by this one (the archive keeps it current)');
    }
  }

  /** AO3 downloads date the work, not its chapters: the first chapter gets "Published", the last "Updated". */
  dateChapters(chapters: ImportedChapter[]): void {
    dateFirstAndLast(chapters, this.stats);
  }

  work(format: string, story: ImportedStory, chapters: ImportedChapter[], source: string): ImportedWork {
    const work = {
      format,
      story,
      chapters,
      images: new Map(),
      source,
      setAside: this.setAside,
      dropped: this.dropped,
      notices: this.notices,
    };
    archiveLinks(work);
    return work;
  }
}

/** The archive's address, which its links written from its root (`/works/123`) lead to. */
const archive = new URL('https://archiveofourown.org');

/**
 * Links an AO3 work writes from the archive's root (`/works/123/chapters/456`, `/users/ada`, as
 * authors link their other works and the archive its tags) pointed at the archive, where they
 * lead; on the site they would lead nowhere. Says how many.
 */
export function archiveLinks(work: ImportedWork): void {
  const count = treesOf(work).reduce((sum, tree) => sum + linksFromSiteRoot(tree, archive), 0);
  if (count > 0)
    work.notices.push(
      `pointed ${counted(count, 'link')} to the archive’s own pages (/works/…, /users/…) at ${archive.origin}, where they lead`,
    );
}

/**
 * Who wrote the work, from its byline: co-authors each by name (the archive links each creator
 * `rel="author"`, "by Ada, Wren"), one author as the byline reads.
 */
function creators(byline: Element | undefined, read: string): string | string[] | undefined {
  const linked = byline ? selectAll('a[rel~="author"]', byline).map(textOf).filter(Boolean) : [];
  return linked.length > 1 ? linked : read || undefined;
}

/**
 * A work's page on the archive, saved from the browser (the whole work, or one chapter of it):
 * the tags above it, its preface (title, byline, summary, notes), each `div.chapter` with its
 * own preface, text and end notes, and the afterword. The archive's page around the work —
 * menus, kudos, comments — is left out, and said.
 */
function readWorkPage(body: Element | Root, skin: Element, file: string): ImportedWork {
  const reading = new Ao3Reading();
  const meta = select('dl.work.meta', body);
  const source = [meta, skin].map((node) => (node ? visibleText(node) : '')).join('\n');
  const story = importedStory();
  if (meta) reading.tags(meta, story);
  const preface = elementChildren(skin).find((node) => hasClass(node, 'preface'));
  if (preface) {
    const title = select('h2.title', preface);
    const byline = select('h3.byline', preface);
    story.title = textOf(title) || undefined;
    story.author = creators(byline, textOf(byline));
    for (const node of [title, byline]) reading.aside(node);
    const modules = reading.modules(preface);
    story.summary = modules.get('summary');
    story.notes = modules.get('notes');
    reading.associations(preface, story);
  }
  const container = select('#chapters', skin);
  if (!container) throw new ImportError(problems.NoAo3Chapters.message(file));
  const divisions = elementChildren(container).filter((node) => hasClass(node, 'chapter'));
  const chapters: ImportedChapter[] =
    divisions.length === 0
      ? [{ kind: 'chapter', number: 1, title: story.title ?? 'Chapter 1', slug: undefined, body: pageText(container, reading) }]
      : divisions.map((division, index) => {
          const heading = select('h3.title', division);
          reading.aside(heading);
          for (const byline of selectAll('h4.byline', division)) reading.aside(byline);
          const text = select('div.userstuff[role="article"]', division) ?? select('div.userstuff', division);
          const modules = reading.modules(division);
          // The chapter's number as the archive shows it ("Chapter 3"), which one chapter's page saved alone keeps.
          const position = Number(/^Chapter\s+(\d+)/i.exec(textOf(heading))?.[1] ?? index + 1);
          return {
            kind: 'chapter',
            number: position,
            title: chapterTitle(textOf(heading), position),
            slug: undefined,
            summary: modules.get('summary'),
            notes: modules.get('notes'),
            endNotes: modules.get('end notes'),
            body: text ? pageText(text, reading) : treeOf([]),
          } satisfies ImportedChapter;
        });
  const afterword = elementChildren(skin).find((node) => hasClass(node, 'afterword'));
  if (afterword) {
    story.endNotes = reading.modules(afterword).get('end notes');
    for (const module of selectAll('.series, .children', afterword)) reading.aside(module);
  }
  if (chapters.every((chapter) => visibleText(chapter.body).trim() === '')) throw new ImportError(problems.EmptyAo3Download.message(file));
  reading.dropped.push('the archive’s page around the work (its menus, kudos and comments)');
  reading.dateChapters(chapters);
  return reading.work('AO3 work page', story, chapters, source);
}

/** A chapter's text on the archive's page, without the hidden heading the archive puts above it ("Chapter Text", "Work Text:"). */
function pageText(container: Element, reading: Ao3Reading): Root {
  const landmarks = elementChildren(container).filter((node) => hasClass(node, 'landmark'));
  for (const landmark of landmarks) reading.aside(landmark);
  const rest = container.children.filter((node) => !landmarks.includes(node as Element));
  // One chapter's page with no division of its own: its text is the one `div.userstuff` there.
  const only = rest.filter((node) => node.type === 'element');
  return treeOf(only.length === 1 && only[0]!.type === 'element' && hasClass(only[0]!, 'userstuff') ? only[0]!.children : rest);
}

/** AO3's chapter heading as the site shows it: "Chapter 2: The Lake" (older downloads give the bare title). */
export function chapterTitle(heading: string, position: number): string {
  if (!heading) return `Chapter ${position}`;
  return /^Chapter\s+\d+\b/i.test(heading) ? heading : `Chapter ${position}: ${heading}`;
}
