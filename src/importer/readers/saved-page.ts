import type { Element, ElementContent, Root } from 'hast';
import { slugify } from '../../core/slug.ts';
import { classesOf, elementsOf, removeElement } from '../element.ts';
import { hasClass, select, selectAll, textOf, treeOf, visibleText } from '../html.ts';
import { importedStory, type ImportedStory } from '../model.ts';
import { languageTag } from '../../core/language-names.ts';
import { numberedEntry, parseTitleLine, type TitleLine } from '../title-lines.ts';

/*
 * What the sites and editors a page is saved from put in it, read for what it is: which word
 * processor wrote it, Google Docs' redirects and comments, FanFiction.net's chapter menu, the
 * block of a site's page that holds the chapter among its menus and comments.
 */

/**
 * The word processor a page was saved from, if any: Google Docs (its `doc-content` body, its
 * `h.` heading ids), Word or LibreOffice (their generator). Such a page is a document, as its
 * .docx or .odt would be: chapters at title lines as well as at headings, a title page above them.
 */
export function wordProcessor(tree: Root): string | undefined {
  const generator = String(select('meta[name="generator" i]', tree)?.properties.content ?? '');
  if (/microsoft word/i.test(generator) || select('p.MsoNormal, p.MsoTitle', tree)) return 'Word';
  if (/libreoffice|openoffice/i.test(generator)) return 'LibreOffice';
  // macOS's own HTML writer, which Scrivener's and TextEdit's exports use.
  if (/cocoa html writer/i.test(generator)) return 'Scrivener or TextEdit';
  const body = select('body', tree);
  if ((body && hasClass(body, 'doc-content')) || select('h1[id^="h."], h2[id^="h."], p.title[id^="h."]', tree)) return 'Google Docs';
  return undefined;
}

/**
 * Lists as Word saves them in a page: paragraphs styled `mso-list: l0 level1 lfo1`, each opening
 * with its bullet or number typed out in a span Word marks `mso-list: Ignore` ("·" in the Symbol
 * font, "1.", "a)"). Made lists again, nested by level, numbered where the first mark is a number
 * or a letter; the typed marks go, as the list draws its own, added to `setAside` (no words of
 * the story). Gives how many lists it made.
 */
export function wordLists(node: Element | Root, setAside: string[]): number {
  let lists = 0;
  const levelOf = (child: Element): number | undefined => {
    const level = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(String(child.properties.style ?? ''))?.[1];
    return child.tagName === 'p' && level ? Number(level) : undefined;
  };
  const parents = [...elementsOf(node)].map(({ node: element }) => element);
  for (const parent of node.type === 'element' ? [node, ...parents] : parents) {
    if (!parent.children.some((child) => child.type === 'element' && levelOf(child) !== undefined)) continue;
    const children: ElementContent[] = [];
    // The open lists, outermost first, each with its level.
    let open: { list: Element; level: number }[] = [];
    for (const child of parent.children) {
      const level = child.type === 'element' ? levelOf(child) : undefined;
      if (level === undefined || child.type !== 'element') {
        // Spaces between a list's paragraphs keep it open.
        if (child.type === 'text' && child.value.trim() === '' && open.length > 0) continue;
        if (child.type !== 'comment' || open.length === 0) open = [];
        children.push(child);
        continue;
      }
      const marks = selectAll('span', child).filter((span) => /mso-list\s*:\s*ignore/i.test(String(span.properties.style ?? '')));
      const mark = marks
        .map((span) => textOf(span))
        .join('')
        .replace(/\s+/g, '');
      for (const span of marks) removeElement(child, span);
      setAside.push(mark);
      while (open.length > 0 && open.at(-1)!.level > level) open.pop();
      if (open.length === 0 || open.at(-1)!.level < level) {
        const list: Element = {
          type: 'element',
          tagName: /^(?:\d+|[a-z]|[ivxlc]+)[.)]$/i.test(mark) ? 'ol' : 'ul',
          properties: {},
          children: [],
        };
        const holder = open.at(-1)?.list.children.findLast((item): item is Element => item.type === 'element' && item.tagName === 'li');
        if (holder) holder.children.push(list);
        else {
          children.push(list);
          lists++;
        }
        open.push({ list, level });
      }
      open.at(-1)!.list.children.push({ type: 'element', tagName: 'li', properties: {}, children: child.children });
    }
    parent.children = children;
  }
  return lists;
}

/**
 * A table of contents as LibreOffice saves it in a page: a section (`<div id="Table of Contents1">`,
 * its name in the program's language) whose heading is a `<div id="…_Head">`; its lines marked
 * as the document readers mark a table of contents (`quire-contents`), which the site makes itself.
 * Any other block as it is.
 */
export function withContentsMarked(node: ElementContent): ElementContent[] {
  if (node.type !== 'element' || node.tagName !== 'div' || typeof node.properties.id !== 'string') return [node];
  const id = node.properties.id;
  if (!node.children.some((child) => child.type === 'element' && child.properties.id === `${id}_Head`)) return [node];
  return selectAll('p', node).map((line) => ({
    ...line,
    properties: { ...line.properties, className: [...classesOf(line), 'quire-contents'] },
  }));
}

/** The paragraph styles a document's page names by class (Google Docs' `title`, Word's `MsoTitle`), as the document readers know them. */
export function markDocumentRole(node: Element): void {
  const role = classesOf(node).find((name) => /^(?:mso)?(?:sub)?title$/i.test(name));
  if (role) node.properties.className = [...classesOf(node), `quire-${role.replace(/^mso/i, '').toLowerCase()}`];
}

/**
 * Links Google Docs wraps in its redirect (`https://www.google.com/url?q=<address>&sa=D…`) given
 * their own address back; gives how many.
 */
export function withoutRedirects(node: Element | Root): number {
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
 * The story a page saved from FanFiction.net or FictionPress names in its header
 * (`#profile_top`): its title, its author (the link to the author's profile), summary and language.
 */
export function fanFictionNetStory(tree: Root): ImportedStory | undefined {
  const header = select('#storytext', tree) ? select('#profile_top', tree) : undefined;
  if (!header) return undefined;
  const child = (test: (node: Element) => boolean) =>
    header.children.find((node): node is Element => node.type === 'element' && test(node) && textOf(node) !== '');
  const title = textOf(child((node) => node.tagName === 'b')) || undefined;
  const author =
    textOf(child((node) => node.tagName === 'a' && /^(?:https?:\/\/[^/]*)?\/u\/\d+/.test(String(node.properties.href)))) || undefined;
  const summary = child((node) => node.tagName === 'div');
  if (!title || !author) return undefined;
  // The line under the summary: "Rated: Fiction T - English - Adventure - Chapters: 5 - …".
  const details = textOf(child((node) => node.tagName === 'span' && /^Rated:/.test(textOf(node))));
  const language = details
    .split(' - ')
    .map((part) => languageTag(part.trim()))
    .find(Boolean);
  return importedStory({
    title,
    author,
    language,
    summary: summary ? treeOf([{ ...summary, tagName: 'p', properties: {} }]) : undefined,
  });
}

/**
 * A chapter's title on a page saved from FanFiction.net or FictionPress (its `#storytext` under
 * `#profile_top`): the chapter menu's chosen entry ("3. Flame" → "Chapter 3: Flame"), or the
 * story's title for a one-shot, which has no menu. The page's own title ("… Chapter 3: Flame, a
 * … fanfic | FanFiction") is the site's.
 */
export function fanFictionNetTitle(tree: Root): TitleLine | undefined {
  if (!select('#storytext', tree) || !select('#profile_top', tree)) return undefined;
  const chosen = select('select#chap_select option[selected]', tree);
  if (!chosen) {
    const story = textOf(select('#profile_top > b', tree));
    return story ? { kind: 'chapter', number: undefined, title: story, slug: slugify(story) || 'chapter' } : undefined;
  }
  // "Chapter 3: Flame" under the label of the story's language, as FanFiction.net's details line names it.
  return numberedEntry(textOf(chosen), fanFictionNetStory(tree)?.language);
}

/**
 * Comments from the margin, as Google Docs writes them into a page: a marker in the text
 * (`<a id="cmnt_ref1" href="#cmnt1">[a]</a>`) and the comment in a block after the text
 * (`<a id="cmnt1" href="#cmnt_ref1">[a]</a> Fix this`). Both go, set aside from the word check:
 * the author's and their readers' notes to each other are not the story. Gives how many.
 */
export function withoutGoogleDocsComments(node: Element | Root, setAside: string[]): number {
  const comments = selectAll('a[id^="cmnt"]', node).filter((link) => /^#cmnt_ref\d+$/.test(String(link.properties.href)));
  if (comments.length === 0) return 0;
  const markers = selectAll('a[id^="cmnt_ref"]', node).filter((link) => /^#cmnt\d+$/.test(String(link.properties.href)));
  // Each element's parent, read once: a page of thousands of comments stays linear.
  const parents = new Map<Element, Element | Root>([...elementsOf(node)].map(({ node: child, parent }) => [child, parent]));
  // How many of the comments' and markers' links each element holds, counted up from each link once.
  const held = new Map<Element | Root, number>();
  for (const link of [...comments, ...markers])
    for (let at = parents.get(link); at; at = at.type === 'element' ? parents.get(at) : undefined) held.set(at, (held.get(at) ?? 0) + 1);
  const linksIn = (element: Element) => held.get(element) ?? 0;
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
 * notes and comments). Nothing when the text is spread over several blocks, the page is its text,
 * or another chapter follows it.
 */
export function densestBlock(body: Element | Root): Element | undefined {
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
  if (!best || best.length < total * 0.5 || paragraphs < 3) return undefined;
  // A chapter after it, its heading over paragraphs of its own ("Chapter 2" in the next section, as pandoc's
  // `--section-divs` writes a whole story): the block is the first of the page's chapters, not its one
  // chapter among menus (whose heading may stand above it, as Royal Road's does).
  const all = [...elementsOf(body)].map(({ node }) => node);
  const end = all.lastIndexOf(selectAll('*', best.element).at(-1) ?? best.element);
  const after = all.slice(end + 1);
  const lastParagraph = after.findLastIndex((node) => node.tagName === 'p' && textOf(node).trim() !== '');
  const chapterAfter = after
    .slice(0, Math.max(0, lastParagraph))
    .some((node) => /^h[1-3]$/.test(node.tagName) && parseTitleLine(textOf(node)) !== undefined);
  return chapterAfter ? undefined : best.element;
}

/**
 * The address a page was saved from, where it says: its `<base href>`, its canonical address,
 * its Open Graph `og:url`, or the "saved from url" comment browsers write at its top.
 */
export function pageAddress(tree: Root, text: string): URL | undefined {
  const candidates = [
    select('base[href]', tree)?.properties.href,
    select('link[rel~="canonical"][href]', tree)?.properties.href,
    select('meta[property="og:url"][content]', tree)?.properties.content,
    /^\s*(?:<!DOCTYPE[^>]*>\s*)?<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(text.slice(0, 2000))?.[1],
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !/^https?:\/\//i.test(candidate) || !URL.canParse(candidate)) continue;
    return new URL(candidate);
  }
  return undefined;
}

/**
 * Links a saved page writes from its site's root (`/fiction/123/chapter/9`, `/users/ada`) pointed
 * at that site, where they lead; on the story's site they would lead nowhere. Gives how many.
 */
export function linksFromSiteRoot(node: Element | Root, address: URL | undefined): number {
  if (!address) return 0;
  let count = 0;
  for (const link of selectAll('a[href]', node)) {
    const href = String(link.properties.href);
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    link.properties.href = new URL(href, address.origin).href;
    count++;
  }
  return count;
}
