import type { Element, ElementContent, Root } from 'hast';
import { classStyles, formattingFromClasses, inlineStylesheets } from '../class-styles.ts';
import { hasClass, parseHtml, select, selectAll, textOf, visibleText } from '../html.ts';
import { classesOf } from '../element.ts';
import { gatherFootnotes, withGoogleDocsNotes } from '../footnotes.ts';
import { chaptersAtHeadings, chaptersNotice, divisionNotice, headingDivision, type ChapterStart } from '../chapter-headings.ts';
import { importedStory, type ImportedChapter, type ImportedStory, type ImportedWork } from '../model.ts';
import { fileTitle, parseTitleLine, type TitleLine } from '../title-lines.ts';
import { commentsDropped, element, readDocumentBody } from './document.ts';
import { slugify } from '../../core/slug.ts';

/**
 * A chapter as HTML: a page saved from the web, or text pasted from an editor. The text is
 * the page's `<article>` or `<main>` (or `role="main"`, as FanFiction.net marks its story; else
 * its body); a first heading that reads as a chapter
 * heading gives the title, else the file name does. A whole document saved as a web page
 * (Google Docs, Word, pandoc) with two chapter headings or more is the whole work: a chapter
 * at each heading, and the document's title and author above them for story.md.
 */
export function readHtml(text: string, stem: string): ImportedWork {
  const tree = parseHtml(text);
  const body = select('body', tree) ?? tree;
  // A word processor's document saved as a page (no menus around it) is its body.
  const editor = wordProcessor(tree);
  const main = select('article', body) ?? select('main, [role="main"]', body) ?? (editor ? undefined : densestBlock(body)) ?? body;
  const setAside: string[] = [];
  const notices: string[] = [];
  if (main !== body && main.type === 'element') {
    const classes = classesOf(main);
    const described = main.properties.role === 'main' ? ' role="main"' : classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
    notices.push(`took the text from the page’s <${main.tagName}${described}>; the rest of the page (menus, links) is left out`);
  }
  // Google Docs sets italics and bold by classes its stylesheet defines, not by elements.
  const styled = formattingFromClasses(main, classStyles(inlineStylesheets(tree)));
  if (styled > 0)
    notices.push(
      `read italics, bold, underline, small capitals and alignment set by the page’s stylesheet (as Google Docs writes them) in ${styled} places`,
    );
  const work = {
    format: 'HTML',
    images: new Map<string, Uint8Array>(),
    source: visibleText(main),
    setAside,
    dropped: [] as string[],
    notices,
  };
  const comments = withoutGoogleDocsComments(main, setAside);
  work.dropped.push(...commentsDropped(comments));
  withGoogleDocsNotes(main, setAside);
  const unwrapped = withoutRedirects(main);
  if (unwrapped > 0)
    notices.push(`gave ${unwrapped} link${unwrapped === 1 ? '' : 's'} the address Google Docs had wrapped in its redirect`);
  const nodes = blocksOf(main);
  // A word processor's document saved as a page reads as the same document saved as .docx or .odt would.
  if (editor) {
    for (const node of nodes) if (node.type === 'element') markDocumentRole(node);
    const document = readDocumentBody(element('body', nodes), { ...work, format: `HTML (${editor})`, stem, setAside });
    // A whole work with no title in its text: the page's own.
    if (document.story && !document.story.title) document.story.title = textOf(select('title', tree)) || undefined;
    return document;
  }
  const starts = nodes.flatMap((node, index) => {
    const heading = node.type === 'element' && /^h[1-3]$/.test(node.tagName) ? parseTitleLine(textOf(node)) : undefined;
    return heading ? [{ index, heading, node: node as Element }] : [];
  });
  if (starts.length >= 2) {
    notices.push(chaptersNotice(starts.length, 'chapter headings'));
    return { ...work, ...wholeDocument(tree, nodes, starts, setAside, notices) };
  }
  // Else at its headings titled as written, if they divide it ("The Lake", "Homecoming").
  const division = starts.length === 0 ? headingDivision(nodes) : undefined;
  if (division) {
    notices.push(divisionNotice(division));
    return { ...work, ...wholeDocument(tree, nodes, division.starts, setAside, notices) };
  }

  // Only the part read counts: the page's menus and footers are not the story.
  const first = select('h1, h2, h3', main);
  const own = first ? parseTitleLine(textOf(first)) : undefined;
  // The heading read as the title, taken out of the text (one in the text only).
  const heading = own ? first : undefined;
  // A chapter's title above its text, outside the part read (a site's page header), titles it too.
  const parsed =
    own ??
    (main !== body
      ? selectAll('h1, h2, h3', body)
          .map((found) => parseTitleLine(textOf(found)))
          .find(Boolean)
      : undefined);
  const fromName = fileTitle(stem);
  const title = parsed ?? fanFictionNetTitle(tree) ?? fromName;
  if (heading) setAside.push(visibleText(heading));
  const content: Root = { type: 'root', children: (main.children as Root['children']).filter((child) => child !== heading) };
  return {
    ...work,
    story: undefined,
    chapters: [
      {
        kind: title?.kind ?? 'chapter',
        number: title?.number,
        title: title?.title ?? (textOf(select('title', tree)) || stem),
        slug: title?.slug,
        body: content,
      },
    ],
  };
}

/** The blocks of the text, through the one wrapper (`<div>`, `<section>`) an editor may put around them all. */
function blocksOf(main: Element | Root): ElementContent[] {
  const blocks = (node: Element | Root) =>
    (node.children as ElementContent[]).filter((child) => child.type !== 'text' || child.value.trim() !== '');
  // A wrapper (a lone `<div>`, or one holding headings, as Word's `div.WordSection1` does) is not a block of its own:
  // its blocks are the page's. A loop over a queue, not recursion: wrappers nested thousands deep must not overflow the stack.
  const wrapper = (node: ElementContent, alone: boolean): node is Element =>
    node.type === 'element' &&
    /^(?:div|section)$/.test(node.tagName) &&
    (alone || node.children.some((child) => child.type === 'element' && /^h[1-3]$/.test(child.tagName)));
  const out: ElementContent[] = [];
  const queue = blocks(main);
  let alone = queue.length === 1;
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (wrapper(node, alone)) {
      const inner = blocks(node);
      alone = alone && inner.length === 1;
      queue.unshift(...inner);
    } else {
      alone = false;
      out.push(node);
    }
  }
  return out;
}

/**
 * A document of several chapters: each chapter heading starts one; above the first, the
 * document's title and author (pandoc's title block, or a heading and the page's `<title>`)
 * go to story.md, and any other text there is kept as the first chapter's author's note.
 */
function wholeDocument(
  tree: Root,
  nodes: ElementContent[],
  starts: ChapterStart[],
  setAside: string[],
  notices: string[],
): { story: ImportedStory; chapters: ImportedChapter[] } {
  const top = nodes.slice(0, starts[0]!.index);
  const block = top.find((node): node is Element => node.type === 'element' && node.properties.id === 'title-block-header');
  // pandoc's title block; else a Title paragraph (Google Docs, Word), or a heading above the chapters.
  const titleNode = block
    ? select('.title', block)
    : top.find(
        (node): node is Element =>
          node.type === 'element' && (/^h[1-3]$/.test(node.tagName) || (node.tagName === 'p' && hasClass(node, 'title'))),
      );
  const authorNode = block ? select('.author', block) : undefined;
  const title = textOf(titleNode) || textOf(select('title', tree)) || undefined;
  const aside = block ?? titleNode;
  if (aside) setAside.push(visibleText(aside));
  const before = top.filter((node) => node !== block && node !== titleNode);
  const chapters = chaptersAtHeadings(nodes, starts, before, { setAside, notices });
  // The notes at the end of the document (pandoc's, Google Docs'): each to the chapter that refers to it.
  gatherFootnotes(chapters.map((chapter) => chapter.body));
  return { story: importedStory({ title, author: textOf(authorNode) || undefined }), chapters };
}

/**
 * The word processor a page was saved from, if any: Google Docs (its `doc-content` body, its
 * `h.` heading ids), Word or LibreOffice (their generator). Such a page is a document, as its
 * .docx or .odt would be: chapters at title lines as well as at headings, a title page above them.
 */
function wordProcessor(tree: Root): string | undefined {
  const generator = String(select('meta[name="generator" i]', tree)?.properties.content ?? '');
  if (/microsoft word/i.test(generator) || select('p.MsoNormal, p.MsoTitle', tree)) return 'Word';
  if (/libreoffice|openoffice/i.test(generator)) return 'LibreOffice';
  const body = select('body', tree);
  if ((body && hasClass(body, 'doc-content')) || select('h1[id^="h."], h2[id^="h."], p.title[id^="h."]', tree)) return 'Google Docs';
  return undefined;
}

/** The paragraph styles a document's page names by class (Google Docs' `title`, Word's `MsoTitle`), as the document readers know them. */
function markDocumentRole(node: Element): void {
  const role = classesOf(node).find((name) => /^(?:mso)?(?:sub)?title$/i.test(name));
  if (role) node.properties.className = [...classesOf(node), `quire-${role.replace(/^mso/i, '').toLowerCase()}`];
}

/**
 * Links Google Docs wraps in its redirect (`https://www.google.com/url?q=<address>&sa=D…`) given
 * their own address back; gives how many.
 */
function withoutRedirects(node: Element | Root): number {
  let count = 0;
  for (const link of selectAll('a[href]', node)) {
    const target = redirectTarget(String(link.properties.href));
    if (target) {
      link.properties.href = target;
      count++;
    }
  }
  return count;
}

/** Where a Google redirect leads (an http(s) address), if the address is one. */
export function redirectTarget(href: string): string | undefined {
  if (!URL.canParse(href)) return undefined;
  const url = new URL(href);
  if (!/^(?:www\.)?google\.[a-z.]+$/i.test(url.hostname) || url.pathname !== '/url') return undefined;
  const target = url.searchParams.get('q') ?? url.searchParams.get('url');
  return target && /^https?:\/\//i.test(target) && URL.canParse(target) ? target : undefined;
}

/**
 * A chapter's title on a page saved from FanFiction.net or FictionPress (its `#storytext` under
 * `#profile_top`): the chapter menu's chosen entry ("3. Flame" → "Chapter 3: Flame"), or the
 * story's title for a one-shot, which has no menu. The page's own title ("… Chapter 3: Flame, a
 * … fanfic | FanFiction") is the site's.
 */
function fanFictionNetTitle(tree: Root): TitleLine | undefined {
  if (!select('#storytext', tree) || !select('#profile_top', tree)) return undefined;
  const chosen = select('select#chap_select option[selected]', tree);
  if (!chosen) {
    const story = textOf(select('#profile_top > b', tree));
    return story ? { kind: 'chapter', number: undefined, title: story, slug: slugify(story) || 'chapter' } : undefined;
  }
  const entry = /^(\d+)\.\s*(.*)$/.exec(textOf(chosen));
  if (!entry) return parseTitleLine(textOf(chosen));
  const [, number, name = ''] = entry;
  return parseTitleLine(name) ?? parseTitleLine(name ? `Chapter ${number}: ${name}` : `Chapter ${number}`);
}

/**
 * Comments from the margin, as Google Docs writes them into a page: a marker in the text
 * (`<a id="cmnt_ref1" href="#cmnt1">[a]</a>`) and the comment in a block after the text
 * (`<a id="cmnt1" href="#cmnt_ref1">[a]</a> Fix this`). Both go, set aside from the word check:
 * the author's and their readers' notes to each other are not the story. Gives how many.
 */
function withoutGoogleDocsComments(node: Element | Root, setAside: string[]): number {
  const comments = selectAll('a[id^="cmnt"]', node).filter((link) => /^#cmnt_ref\d+$/.test(String(link.properties.href)));
  if (comments.length === 0) return 0;
  const markers = selectAll('a[id^="cmnt_ref"]', node).filter((link) => /^#cmnt\d+$/.test(String(link.properties.href)));
  // Each element's parent, read once: a page of thousands of comments stays linear.
  const parents = new Map<Element, Element | Root>();
  const walk = (holder: Element | Root) => {
    for (const child of holder.children) {
      if (child.type !== 'element') continue;
      parents.set(child, holder);
      walk(child);
    }
  };
  walk(node);
  const links = new Set([...comments, ...markers]);
  const linksIn = (element: Element) => selectAll('a[id^="cmnt"]', element).filter((link) => links.has(link)).length;
  // Each comment's block: the outermost element around it that holds no other comment and no marker of the text.
  const removed = new Set<Element>(markers);
  for (const comment of comments) {
    let block = comment;
    for (let parent = parents.get(block); parent && parent !== node && parent.type === 'element'; parent = parents.get(parent)) {
      if (linksIn(parent) > 1) break;
      block = parent;
    }
    removed.add(block);
  }
  const holders = new Set<Element | Root>();
  for (const element of removed) {
    setAside.push(visibleText(element));
    const parent = parents.get(element);
    if (parent) holders.add(parent);
  }
  // Each holder's children filtered once, however many of them go.
  for (const holder of holders) holder.children = holder.children.filter((child) => !(child.type === 'element' && removed.has(child)));
  return comments.length;
}

/**
 * The block of a page without landmarks (no `<article>`, no `<main>`) that holds its text: the
 * element whose own paragraphs (three at least) hold more than half of the page's paragraph
 * text (a saved chapter page of a site: Royal Road's `div.chapter-content`, among menus, author
 * notes and comments). Nothing when the text is spread over several blocks, or the page is its text.
 */
function densestBlock(body: Element | Root): Element | undefined {
  const own = (element: Element | Root) =>
    element.children.reduce((sum, child) => sum + (child.type === 'element' && child.tagName === 'p' ? textOf(child).length : 0), 0);
  const total = selectAll('p', body).reduce((sum, paragraph) => sum + textOf(paragraph).length, 0);
  if (total === 0 || own(body) >= total * 0.5) return undefined;
  let best: { element: Element; length: number } | undefined;
  for (const element of selectAll('div, section, td', body)) {
    const length = own(element);
    if (length > (best?.length ?? 0)) best = { element, length };
  }
  const paragraphs = best ? best.element.children.filter((child) => child.type === 'element' && child.tagName === 'p').length : 0;
  return best && best.length >= total * 0.5 && paragraphs >= 3 ? best.element : undefined;
}
