import type { Element, ElementContent, Root } from 'hast';
import { classStyles, formattingFromClasses, hiddenTextDropped, inlineStylesheets, withoutHiddenText } from '../class-styles.ts';
import { hasClass, parseHtml, select, selectAll, textOf, treeOf, visibleText } from '../html.ts';
import { classesOf, elementsOf, removeElement } from '../element.ts';
import { withoutChapterLinks } from '../chapter-links.ts';
import { gatherFootnotes, withCalibreNotes, withGoogleDocsNotes } from '../footnotes.ts';
import {
  chaptersAtHeadings,
  chaptersNotice,
  divisionNotice,
  divisionWithTitles,
  frontMatter,
  headingDivision,
  withoutBackMatter,
  type ChapterStart,
} from '../chapter-headings.ts';
import { importedStory, ImportError, type ImportedChapter, type ImportedStory, type ImportedWork } from '../model.ts';
import { problems, counted } from '../../core/problems.ts';
import { authorsPageTitle, fileTitle, parseTitleLine, type TitleLine } from '../title-lines.ts';
import { commentsDropped, contentsDropped, element, byLineBelow, readDocumentBody, titlePageNotice, typedTitlePage } from './document.ts';
import { volumeLabel } from '../../core/chapter-labels.ts';
import { noteBlocksNotice, readNoteBlocks } from '../note-blocks.ts';
import {
  densestBlock,
  fanFictionNetStory,
  fanFictionNetTitle,
  linksFromSiteRoot,
  markDocumentRole,
  withContentsMarked,
  pageAddress,
  withoutGoogleDocsComments,
  withoutRedirects,
  wordLists,
  wordProcessor,
} from './saved-page.ts';

/**
 * A chapter as HTML: a page saved from the web, or text pasted from an editor. The text is
 * the page's `<article>` or `<main>` (or `role="main"`, as FanFiction.net marks its story; else
 * its body); a first heading that reads as a chapter
 * heading gives the title, else the file name does. A whole document saved as a web page
 * (Google Docs, Word, pandoc) with two chapter headings or more is the whole work: a chapter
 * at each heading, and the document's title and author above them for story.md.
 */
export function readHtml(
  text: string,
  stem: string,
  file = `${stem}.html`,
  stylesheet: (href: string) => string | undefined = () => undefined,
): ImportedWork {
  const tree = parseHtml(text);
  const body = select('body', tree) ?? tree;
  withoutReaderFurniture(body);
  // A forum thread's chapters (SpaceBattles, Sufficient Velocity, Questionable Questing): each post a chapter.
  const thread = forumThread(tree, body);
  if (thread) return thread;
  // A blog's page of several posts (its front page, a category's): reading one would lose the others, unsaid.
  const posts = severalPosts(body);
  if (posts > 1) throw new ImportError(problems.ManyPosts.message(file, posts));
  // A word processor's document saved as a page (no menus around it) is its body.
  const editor = wordProcessor(tree);
  // A blog's post (WordPress, Blogger: hAtom's entry-content) is its entry's content, not the page's article around it.
  const entry = editor ? undefined : select('.entry-content, .post-body', body);
  const main = entry ?? select('article', body) ?? select('main, [role="main"]', body) ?? (editor ? undefined : densestBlock(body)) ?? body;
  const setAside: string[] = [];
  const notices: string[] = [];
  const dropped: string[] = [];
  // The blog's share, like and related-posts boxes inside the entry: the blog's, not the story's.
  const widgets = entry ? selectAll(blogWidgets, entry) : [];
  for (const widget of widgets) removeElement(entry!, widget);
  if (widgets.length > 0) dropped.push('the blog’s share, like and related-posts boxes');
  // A table of contents the page holds (pandoc's `<nav id="TOC">`, a `doc-toc`): the site makes its own.
  const contents = selectAll('nav#TOC, nav#toc, [role="doc-toc"]', main);
  for (const toc of contents) removeElement(main, toc);
  dropped.push(...contentsDropped(contents.reduce((lines, toc) => lines + selectAll('li', toc).length, 0)));
  if (main !== body && main.type === 'element') {
    const classes = classesOf(main);
    const described = main.properties.role === 'main' ? ' role="main"' : classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
    notices.push(`took the text from the page’s <${main.tagName}${described}>; the rest of the page (menus, links) is left out`);
  }
  // The page's stylesheets, those it links (where it came with them) before its own.
  const linked = selectAll('link[rel~="stylesheet" i][href]:not([rel~="alternate" i])', tree);
  const styles = classStyles([...linked.flatMap((link) => stylesheet(String(link.properties.href)) ?? []), ...inlineStylesheets(tree)]);
  // What the page hides from its readers is no text of the story (read before the words are counted).
  dropped.push(...hiddenTextDropped(withoutHiddenText(main, styles)));
  // Google Docs sets italics and bold by classes its stylesheet defines, not by elements.
  const styled = formattingFromClasses(main, styles);
  if (styled > 0)
    notices.push(
      `read italics, bold, underline, small capitals and alignment set by the page’s stylesheet (as Google Docs and Word write them) in ${counted(styled, 'place')}`,
    );
  const work = {
    format: 'HTML',
    images: new Map<string, Uint8Array>(),
    source: visibleText(main),
    setAside,
    dropped,
    notices,
  };
  if (entry) {
    const linked = withoutChapterLinks(treeOf(entry.children), setAside);
    entry.children = linked.body.children as ElementContent[];
    if (linked.removed) dropped.push('the links between chapters (“Previous Chapter”, “Next Chapter”…), which the site makes itself');
  }
  const comments = withoutGoogleDocsComments(main, setAside);
  work.dropped.push(...commentsDropped(comments));
  withGoogleDocsNotes(main, setAside);
  withCalibreNotes([main], setAside);
  const unwrapped = withoutRedirects(main);
  if (unwrapped > 0) notices.push(`gave ${counted(unwrapped, 'link')} the address Google Docs had wrapped in its redirect`);
  const address = pageAddress(tree, text);
  const rooted = linksFromSiteRoot(main, address);
  if (rooted > 0)
    notices.push(
      `pointed ${counted(rooted, 'link')} written from the site’s root (/…) at ${address!.origin}, where the page was saved from`,
    );
  const nodes = blocksOf(main);
  // A word processor's document saved as a page reads as the same document saved as .docx or .odt would.
  if (editor) {
    for (const node of nodes) if (node.type === 'element') markDocumentRole(node);
    const page = element('body', nodes.flatMap(withContentsMarked));
    const lists = editor === 'Word' ? wordLists(page, setAside) : 0;
    if (lists > 0) notices.push(`made ${counted(lists, 'list')} of the paragraphs Word had saved with bullets or numbers typed out`);
    const document = readDocumentBody(page, { ...work, format: `HTML (${editor})`, stem, setAside });
    // A whole work with no title in its text: the page's own.
    if (document.story && !document.story.title) document.story.title = textOf(select('title', tree)) || undefined;
    return document;
  }
  const starts = nodes.flatMap((node, index) => {
    const heading = node.type === 'element' && /^h[1-3]$/.test(node.tagName) ? parseTitleLine(textOf(node)) : undefined;
    return heading ? [{ index, heading, node: node as Element }] : [];
  });
  // A chapter at every heading of the level that divides the page, when its chapter headings are among them ("Prologue", then "The Storm").
  const mixed = divisionWithTitles(nodes, starts);
  if (mixed) {
    notices.push(
      divisionNotice(
        mixed,
        starts.map(({ heading }) => heading.title),
      ),
    );
    return { ...work, ...wholeDocument(tree, nodes, mixed.starts, setAside, notices) };
  }
  if (starts.length >= 2) {
    notices.push(chaptersNotice(starts.length, 'chapter headings'));
    return { ...work, ...wholeDocument(tree, nodes, starts, setAside, notices) };
  }
  // Else at paragraphs that are title lines alone ("Chapter One" set bold or centred, as Scrivener
  // and many editors write a heading), as a word processor's document is divided.
  const lines = starts.length === 0 ? titleParagraphs(nodes) : [];
  if (lines.length >= 2) {
    notices.push(chaptersNotice(lines.length, 'title lines'));
    return { ...work, ...wholeDocument(tree, nodes, lines, setAside, notices) };
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
      ? selectAll('h1, h2, h3, .chapter-title', body)
          .map((found) => parseTitleLine(textOf(found)))
          .find(Boolean)
      : undefined);
  const fromName = fileTitle(stem);
  const title = parsed ?? fanFictionNetTitle(tree) ?? pageTitleLine(tree) ?? fromName;
  // A blog post's own title and date, where the post gives them (`h1.entry-title`, `time.published`).
  const entryTitle = entry ? textOf(select('.entry-title, .post-title', body)) : '';
  const dated = entry ? select('time.published[datetime], time.entry-date[datetime], abbr.published[title]', body) : undefined;
  const published = /^\d{4}-\d{2}-\d{2}/.exec(String(dated?.properties.dateTime ?? dated?.properties.title ?? ''))?.[0];
  if (heading) setAside.push(visibleText(heading));
  const inText = (main.children as ElementContent[]).filter((child) => child !== heading);
  const notes = notesAround(body, main);
  if (notes.before.length || notes.after.length)
    notices.push('kept the author’s notes the page sets above and below the chapter as its notes');
  // A site's note boxes inside the part read (Scribble Hub's), above or below the text.
  const boxes = notes.before.length || notes.after.length ? undefined : readNoteBlocks(inText);
  if (boxes) {
    setAside.push(...boxes.labels);
    notices.push(noteBlocksNotice(1, boxes.labels));
  }
  const content = treeOf(boxes?.body ?? inText);
  return {
    ...work,
    source: [work.source, ...[...notes.before, ...notes.after].map(visibleText)].join('\n'),
    story: undefined,
    named: fanFictionNetStory(tree),
    chapters: [
      {
        kind: title?.kind ?? 'chapter',
        number: title?.number,
        title: title?.title ?? (entryTitle || textOf(select('title', tree)) || stem),
        heading: title?.written,
        slug: title?.slug,
        body: content,
        published,
        notes: notes.before.length ? treeOf(notes.before.flatMap((note) => note.children)) : boxes?.notes,
        endNotes: notes.after.length ? treeOf(notes.after.flatMap((note) => note.children)) : boxes?.endNotes,
      },
    ],
  };
}

/** The paragraphs that are a chapter's title line alone, with no picture. */
function titleParagraphs(nodes: ElementContent[]): ChapterStart[] {
  return nodes.flatMap((node, index) => {
    if (node.type !== 'element' || node.tagName !== 'p' || select('img', node)) return [];
    const heading = parseTitleLine(textOf(node));
    return heading ? [{ index, heading, node }] : [];
  });
}

/**
 * The chapter's title line in the page's own title, where sites put it before the story's and
 * their own name ("Chapter 12: The Bridge | The Long Road | Scribble Hub", "Chapter 3 - Flame - Royal Road").
 */
function pageTitleLine(tree: Root): TitleLine | undefined {
  const parts = textOf(select('title', tree)).split(/\s+[|–—•·]\s+|\s+-\s+|\s+::\s+/);
  for (const part of parts) {
    const line = parseTitleLine(part);
    if (line) return line;
  }
  return undefined;
}

/**
 * The author's notes a site sets around a chapter's text, outside the part read (Royal Road's
 * `.author-note` boxes): those above the text, and those below it, in page order.
 */
function notesAround(body: Element | Root, main: Element | Root): { before: Element[]; after: Element[] } {
  if (main === body) return { before: [], after: [] };
  const order = new Map([...elementsOf(body)].map(({ node }, index) => [node, index]));
  const inside = new Set([...elementsOf(main)].map(({ node }) => node));
  const at = order.get(main as Element) ?? 0;
  const notes = selectAll('.author-note', body).filter((note) => !inside.has(note) && note !== main);
  return { before: notes.filter((note) => order.get(note)! < at), after: notes.filter((note) => order.get(note)! > at) };
}

/**
 * A page of a forum thread whose posts are a story's chapters, as XenForo forums (SpaceBattles,
 * Sufficient Velocity, Questionable Questing) show a story's threadmarks in reader mode: each
 * post (`article.message`) a chapter, titled by its threadmark, its text the post's own (the
 * poster's card, dates, likes and signature left out). Undefined for a page of one post or none.
 */
function forumThread(tree: Root, body: Element | Root): ImportedWork | undefined {
  const all = selectAll('article.message', body).flatMap((post) => {
    const text = select('.bbWrapper', post);
    return text ? [{ post, text, author: String(post.properties.dataAuthor ?? '') }] : [];
  });
  // The story's posts: the threadmarked ones where the thread marks any (a thread's page has readers' replies between them), else its author's.
  const marked = all.filter(({ post }) => hasClass(post, 'hasThreadmark') || select('.threadmarkLabel', post));
  const posts = marked.length > 0 ? marked : all.filter(({ author }) => author === all[0]?.author);
  if (posts.length < 2) return undefined;
  const replies = all.length - posts.length;
  const chapters = posts.map(({ post, text }, index): ImportedChapter => {
    // Outside the post's text, as the word check reads it: the threadmark titles it, no word is set aside.
    const label = textOf(select('.threadmarkLabel', post)) || undefined;
    const parsed = label ? parseTitleLine(label) : undefined;
    return {
      kind: parsed?.kind ?? 'chapter',
      number: parsed?.number,
      title: parsed?.title ?? label ?? `Part ${index + 1}`,
      heading: parsed?.written,
      slug: parsed?.slug,
      // As one block, whose runs of text between `<br><br>` are paragraphs, as forum posts write them.
      body: treeOf([{ ...text, properties: {} }]),
    };
  });
  const title = textOf(select('h1.p-title-value, .threadmarkListingHeader-name, h1', body)) || textOf(select('title', tree));
  const author = posts[0]!.author || undefined;
  return {
    format: 'HTML (forum thread)',
    story: importedStory({ title: title || undefined, author }),
    chapters,
    images: new Map(),
    source: posts.map(({ text }) => visibleText(text)).join('\n'),
    setAside: [],
    dropped: [
      'the forum’s page around the posts: posters’ cards, dates, likes, signatures',
      ...(replies ? [`${replies} repl${replies === 1 ? 'y' : 'ies'} by readers, between the story’s posts`] : []),
    ],
    notices: [`read a chapter at each of the ${posts.length} posts of the thread on the page, titled by its threadmark`],
  };
}

/**
 * How many posts a page holds, when it is a blog's page of several (WordPress's and Blogger's
 * entries, Tumblr's articles): articles that are no readers' comments nor the page's furniture, none inside another,
 * each with some fifty words or more (two hundred characters, in any script).
 */
function severalPosts(body: Element | Root): number {
  const entries = selectAll('.entry-content, .post-body', body).filter((entry) => textOf(entry) !== '');
  // One entry is one post, whatever excerpts of others ("recent posts", "you may also like") the page shows around it.
  if (entries.length > 0) return entries.length;
  // Readers' comments, and the page's furniture showing other stories or posts (a sidebar, "you may also like"), hold no post of this page.
  const noPost = (node: Element) =>
    ['aside', 'nav', 'footer', 'header'].includes(node.tagName) ||
    /comment|reply|respon|related|recent|sidebar|widget|recommend|also-like/i.test(
      `${classesOf(node).join(' ')} ${String(node.properties.id ?? '')}`,
    );
  const outer = new Set<Element>();
  const walk = (node: Element | Root, within: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const skip = within || noPost(child);
      if (child.tagName === 'article' && !skip) outer.add(child);
      walk(child, skip || child.tagName === 'article');
    }
  };
  walk(body, false);
  // Some fifty words, in any script: two hundred characters.
  return [...outer].filter((article) => textOf(article).length >= 200).length;
}

/**
 * What reading sites write into the text itself that is none of it, taken out before anything is
 * read: Wattpad sets a chapter's paragraphs inside a `<pre>` (preformatted only in name: the
 * paragraphs are the text's, not code) and a count of readers' comments in each (`.num-comment`).
 */
function withoutReaderFurniture(body: Element | Root): void {
  for (const pre of selectAll('pre', body))
    if (pre.children.some((child) => child.type === 'element' && child.tagName === 'p')) pre.tagName = 'div';
  for (const count of selectAll('.num-comment, .comment-marker', body)) removeElement(body, count);
}

/** What blogs put inside a post's entry that is none of it: WordPress's and Jetpack's share, like and related-posts boxes. */
const blogWidgets =
  '.sharedaddy, #jp-post-flair, .jp-relatedposts, #jp-relatedposts, .wpcnt, .wpl-likebox, .wordads-ad-wrapper, .post-share-buttons, .post-footer';

/** The blocks of the text, through the one wrapper (`<div>`, `<section>`) an editor may put around them all. */
function blocksOf(main: Element | Root): ElementContent[] {
  const blocks = (node: Element | Root) =>
    (node.children as ElementContent[]).filter((child) => child.type !== 'text' || child.value.trim() !== '');
  // A wrapper (a lone `<div>`, or one holding headings, as Word's `div.WordSection1` does) is not a block of its own:
  // its blocks are the page's. A loop, not recursion: wrappers nested thousands deep must not overflow the stack.
  const isWrapper = (node: ElementContent): node is Element => node.type === 'element' && /^(?:div|section)$/.test(node.tagName);
  // Headings in it, or in wrappers in it (Calibre's `<div><section><h1>`, a book's files one after another), a few deep.
  const holdsHeadings = (node: Element, depth: number): boolean =>
    node.children.some(
      (child) =>
        child.type === 'element' && (/^h[1-3]$/.test(child.tagName) || (depth < 4 && isWrapper(child) && holdsHeadings(child, depth + 1))),
    );
  const wrapper = (node: ElementContent, alone: boolean): node is Element => isWrapper(node) && (alone || holdsHeadings(node, 0));
  const out: ElementContent[] = [];
  // The lists of blocks still being read, each with how far: in the order the page has them, each block taken once.
  const stack = [{ list: blocks(main), at: 0 }];
  let alone = stack[0]!.list.length === 1;
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const node = top.list[top.at++];
    if (!node) stack.pop();
    else if (wrapper(node, alone)) {
      const inner = blocks(node);
      alone = alone && inner.length === 1;
      stack.push({ list: inner, at: 0 });
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
  // pandoc's title block; else a Title paragraph (Google Docs, Word), or a heading above the chapters (not a dedication's).
  const titleHeading = block
    ? select('.title', block)
    : top.find(
        (node): node is Element =>
          node.type === 'element' &&
          (/^h[1-3]$/.test(node.tagName) || (node.tagName === 'p' && hasClass(node, 'title'))) &&
          authorsPageTitle(textOf(node)) === undefined &&
          // "Part One" above the first chapter is the first part's heading, not the story's title.
          volumeLabel(textOf(node)) === undefined,
      );
  // Or one typed as a title page (a bold or centred line, its author under it), as a word processor's document has it.
  const typed = block || titleHeading ? undefined : typedTitlePage(top);
  const titleNode = titleHeading ?? typed?.title;
  if (typed) notices.push(titlePageNotice(typed));
  // In the title block, or a paragraph of pandoc's class for it under the title (as Calibre keeps it, the block unwrapped),
  // or "by" the author, or their name alone, under it.
  const authorNode = block
    ? select('.author', block)
    : (typed?.author ??
      (titleNode &&
        (top.find((node): node is Element => node.type === 'element' && node.tagName === 'p' && hasClass(node, 'author')) ??
          byLineBelow(top, titleNode))));
  const title = textOf(titleNode) || textOf(select('title', tree)) || undefined;
  for (const aside of block ? [block] : [titleNode, authorNode]) if (aside) setAside.push(visibleText(aside));
  const before = top.filter((node) => node !== block && node !== titleNode && node !== authorNode);
  // The author's words about the book above and after the chapters (a dedication; acknowledgements): the story's notes.
  const front = frontMatter(before);
  const back = withoutBackMatter(nodes, starts);
  for (const notice of [front?.notice, back.notice]) if (notice) notices.push(notice);
  const chapters = chaptersAtHeadings(back.nodes, back.starts, front ? [] : before, { setAside, notices });
  // The notes at the end of the document (pandoc's, Google Docs'): each to the chapter that refers to it.
  gatherFootnotes(chapters.map((chapter) => chapter.body));
  const story = importedStory({ title, author: textOf(authorNode) || undefined });
  if (front) story.notes = front.notes;
  if (back.endNotes) story.endNotes = back.endNotes;
  return { story, chapters };
}
