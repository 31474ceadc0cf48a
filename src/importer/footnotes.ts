import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { classesOf, elementsOf, semanticsOf, shownBefore } from './element.ts';
import { leavesTheSite } from '../core/links.ts';

/**
 * Footnotes as word processors, archives and ebooks write them: a numbered link (mammoth's
 * `#footnote-1`, pandoc's `#fn1`, Google Docs' `#ftnt1`, GitHub's `#user-content-fn-1`, EPUB's `epub:type="noteref"`)
 * to a note elsewhere (an item of a list at the end, an `<aside>`). They are marked here so
 * they convert to Markdown footnotes, and gathered into the chapter that refers to them.
 */

const noteHref =
  /^#(?:footnote-\d+|fn\d+|fn-[\w-]+|user-content-fn-[\w-]+|ftn\d+|ftnt\d+|_ftn\d+|sdfootnote\d+sym|sdendnote\d+sym|endnote-\d+|_edn\d+)$/;
/** A note's way back to its marker, as the same writers name the marker's place: `#fnref1`, `#ftnt_ref1`, `#_ftnref1`, LibreOffice's `#sdfootnote1anc`. */
const backHref =
  /^#(?:fnref\d+|fnref-[\w-]+|user-content-fnref-[\w-]+|footnote-ref-\d+|ftnt_ref\d+|_ftnref\d+|_ednref\d+|sdfootnote\d+anc|sdendnote\d+anc|endnote-ref-\d+)$/;

/** Whether a link is a note's way back to its marker ("1" before the note, linked to where it is referred to). */
export function isNoteBackLink(node: Element): boolean {
  const href = node.properties.href;
  return node.tagName === 'a' && typeof href === 'string' && backHref.test(href);
}

/** Whether a link is a footnote's marker in the text. */
export function isNoteRef(node: Element): boolean {
  const href = node.properties.href;
  if (node.tagName !== 'a' || typeof href !== 'string' || !href.includes('#')) return false;
  const local = href.slice(href.indexOf('#'));
  // A note's way back, whatever class it wears (Calibre gives pandoc's its markers' class).
  if (/backlink/.test(semanticsOf(node))) return false;
  if (/noteref/.test(semanticsOf(node)) || node.properties.dataFootnoteRef !== undefined) return true;
  if (classesOf(node).some((name) => /^footnote-?ref/.test(name))) return true;
  // Calibre's (`<a class="noteref" href="#note_1">1</a>`), within the book: it names other links so too.
  if (classesOf(node).includes('noteref') && !leavesTheSite(href) && isMarkerText(toString(node))) return true;
  return href.startsWith('#') && noteHref.test(local);
}

/** A marker's text is no word of the story: "1", "[2]", "*", "†". */
export function isMarkerText(text: string): boolean {
  return /^\s*\[?[\d*†‡§ivx]{1,4}\]?\s*$/i.test(text);
}

/**
 * Whether an element holds the notes of a chapter (pandoc's `section.footnotes`, EPUB's
 * `epub:type="footnotes"`), or one of them (`<aside epub:type="footnote">`, as an EPUB's note
 * file left after the last chapter's text comes), or is a list of nothing else, each item a note
 * by its id (mammoth's `<ol><li id="footnote-1">`, a Word document's notes) or by its way back to
 * its marker (`↩︎`, as Calibre writes pandoc's notes into a Word document).
 */
export function isNotesBlock(node: Element): boolean {
  if (
    classesOf(node).includes('footnotes') ||
    /(?:^|\s)(?:(?:foot|end|rear)notes?|doc-(?:endnotes|footnote|endnote))(?:\s|$)/.test(semanticsOf(node))
  )
    return true;
  // A note in a block of its own that opens with its way back (LibreOffice's `<div id="sdfootnote1"><p><a href="#sdfootnote1anc">1</a>…`, Google Docs').
  if (['div', 'aside', 'section'].includes(node.tagName) && opensWithWayBack(node)) return true;
  const items = node.children.filter((child): child is Element => child.type === 'element');
  // A note's way back ends it, in the item or in its paragraph: looked for there alone, so that lists
  // nested in lists are never read again at every level.
  const isWayBack = (child: ElementContent) =>
    child.type === 'element' && child.tagName === 'a' && (isNoteBackLink(child) || isBackText(toString(child)));
  const wayBack = (item: Element) =>
    item.children.some(
      (child) => isWayBack(child) || (child.type === 'element' && child.tagName === 'p' && child.children.some(isWayBack)),
    );
  return (
    (node.tagName === 'ol' || node.tagName === 'ul') &&
    items.length > 0 &&
    items.every(
      (item) =>
        item.tagName === 'li' && typeof item.properties.id === 'string' && (noteHref.test(`#${item.properties.id}`) || wayBack(item)),
    )
  );
}

/** Whether an element's first content, a few elements down, is a note's way back to its marker. */
function opensWithWayBack(node: Element, depth = 0): boolean {
  const first = node.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''));
  if (first?.type !== 'element') return false;
  if (first.tagName === 'a') return isNoteBackLink(first);
  return depth < 3 && opensWithWayBack(first, depth + 1);
}

/** Whether a link's text is a note's way back to its marker: an arrow (↑, ↩, ^), "back", "return to text". */
export function isBackText(text: string): boolean {
  return /^\s*[([]?\s*(?:back|return(?: to (?:the )?text)?|go back|[↑↩⤴^][\uFE0E\uFE0F]?|\[\^\])\s*[)\]]?\s*$/i.test(text);
}

/**
 * Moves each note into the chapter that refers to it, when the source kept it elsewhere
 * (Word's notes all at the end of the document, an ebook's notes page). Trees are changed.
 */
export function gatherFootnotes(trees: Root[]): void {
  for (const tree of trees) withNamedAnchors(tree);
  const byId = new Map<string, { node: Element; parent: Root | Element; tree: Root }>();
  const parents = new Map<Element, Root | Element>();
  // The ids each chapter holds: a note it refers to and holds is its own, though another chapter
  // has one of that id too (pandoc numbers each file's notes from `fn1`).
  const idsOf = new Map<Root, Set<string>>();
  for (const tree of trees) {
    const ids = new Set<string>();
    for (const found of elementsOf(tree)) {
      parents.set(found.node, found.parent);
      const id = found.node.properties.id;
      if (typeof id !== 'string') continue;
      ids.add(id);
      if (!byId.has(id)) byId.set(id, { ...found, tree });
    }
    idsOf.set(tree, ids);
  }
  const emptied = new Set<Element>();
  for (const tree of trees) {
    const wanted = [...elementsOf(tree)].filter(({ node }) => isNoteRef(node)).map(({ node }) => String(node.properties.href).slice(1));
    const moved: Element[] = [];
    for (const id of wanted) {
      const target = byId.get(id);
      if (!target || target.tree === tree || idsOf.get(tree)!.has(id)) continue;
      target.parent.children = target.parent.children.filter((child) => child !== target.node);
      if (target.parent.type === 'element') emptied.add(target.parent);
      moved.push(target.node);
      byId.set(id, { ...target, parent: tree, tree });
    }
    appendNotes(tree, moved);
  }
  // A block the notes left holding nothing to read (Word's notes list, and the rule above it) goes with them, and so on up.
  const empty = (node: Root | Element): node is Element =>
    node.type === 'element' && toString(node).trim() === '' && ![...elementsOf(node)].some(({ node: inner }) => inner.tagName === 'img');
  for (let block of emptied) {
    for (let holder = parents.get(block); holder && empty(block); block = holder, holder = parents.get(holder)) {
      holder.children = holder.children.filter((child) => child !== block);
      if (holder.type !== 'element') break;
    }
  }
}

/**
 * Google Docs' footnotes (File → Download → Web page): after a rule at the end of the
 * document, each note is a paragraph opening with its number linked back to its marker
 * (`<a href="#ftnt_ref1" id="ftnt1">[1]</a>`), the link itself the marker's target. The
 * paragraph is made the target, its number set aside (the site numbers notes), and the block
 * of notes marked as one with its rule taken out: they then read as any other footnotes.
 */
export function withGoogleDocsNotes(root: Root | Element, setAside: string[]): void {
  // Each element's children are looked at, and changed, once: a page of thousands of notes stays linear.
  const holders = [root, ...[...elementsOf(root)].map(({ node }) => node)];
  const notes = new Set<Element>();
  for (const holder of holders) {
    if (holder.type !== 'element' || !/^(?:p|div|li)$/.test(holder.tagName)) continue;
    const number = holder.children.find(
      (child): child is Element =>
        child.type === 'element' &&
        child.tagName === 'a' &&
        typeof child.properties.id === 'string' &&
        /^ftnt\d+$/.test(child.properties.id) &&
        child.properties.href === `#ftnt_ref${child.properties.id.slice(4)}`,
    );
    if (!number) continue;
    holder.properties.id = number.properties.id;
    holder.children = holder.children.filter((child) => child !== number);
    setAside.push(toString(number));
    // The space Google Docs puts between the number and the note.
    const first = firstText(holder);
    if (first) first.value = first.value.replace(/^[\s\u00a0]+/, '');
    notes.add(holder);
  }
  if (notes.size === 0) return;
  for (const holder of holders) {
    const rules = new Set<ElementContent>();
    let previous: Element | undefined;
    for (const child of holder.children) {
      if (child.type !== 'element') continue;
      if (child.children.some((grandchild) => grandchild.type === 'element' && notes.has(grandchild))) {
        child.properties.className = [...classesOf(child), 'footnotes'];
        if (previous?.tagName === 'hr') rules.add(previous);
      }
      previous = child;
    }
    if (rules.size > 0) holder.children = holder.children.filter((child) => !rules.has(child as ElementContent));
  }
}

/** A note's number as Calibre sets it before the note, linked back to its marker: "[←1]". */
const calibreNumber = /^\s*\[?\s*←?\s*[\d*†‡§]{1,4}\s*\]?\s*$/;
/** The heading Calibre sets above the notes it gathers from a Word document. */
const calibreNotesHeading = /^\s*(?:notes|footnotes|endnotes)\s*$/i;

/**
 * Calibre's footnotes (from a Word document, in its EPUBs and zipped pages): each note a
 * `<dl id="note_1">` of its number linked back (`<dt>[←1]</dt>`) and the note (`<dd>`), under
 * a "Notes" heading of Calibre's. Each becomes an `<aside>` of the note alone, keeping the id its
 * marker links to; the numbers and the heading are set aside. Its markers, numbers linked to
 * the notes (in a class Calibre may have renamed), are marked as markers. Trees are changed.
 */
export function withCalibreNotes(roots: readonly (Root | Element)[], setAside: string[]): void {
  const ids = new Set<string>();
  for (const root of roots) calibreNotesIn(root, setAside, ids);
  if (ids.size === 0) return;
  for (const root of roots)
    for (const { node } of elementsOf(root)) {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || leavesTheSite(href)) continue;
      if (!href.includes('#') || !ids.has(href.slice(href.indexOf('#') + 1)) || !isMarkerText(toString(node)) || isNoteRef(node)) continue;
      // Its number, counted as a word of the text while it read as a link, is the marker's.
      setAside.push(toString(node));
      node.properties.epubType = 'noteref';
    }
}

function calibreNotesIn(root: Root | Element, setAside: string[], ids: Set<string>): void {
  for (const { node, parent } of [...elementsOf(root)]) {
    if (node.tagName !== 'dl') continue;
    const [number, note, ...more] = node.children.filter((child): child is Element => child.type === 'element');
    if (more.length > 0 || number?.tagName !== 'dt' || note?.tagName !== 'dd' || !calibreNumber.test(toString(number))) continue;
    // The note's id on the list, or (from an OpenDocument text) on its number.
    const id = node.properties.id ?? number.properties.id;
    if (typeof id !== 'string') continue;
    const heading = shownBefore(parent.children, node);
    if (heading?.type === 'element' && /^h[1-6]$/.test(heading.tagName) && calibreNotesHeading.test(toString(heading))) {
      setAside.push(toString(heading));
      parent.children.splice(parent.children.indexOf(heading), 1);
    }
    setAside.push(toString(number));
    ids.add(id);
    parent.children[parent.children.indexOf(node)] = {
      type: 'element',
      tagName: 'aside',
      properties: { id, epubType: 'footnote' },
      children: note.children,
    };
  }
}

function firstText(node: Element): Text | undefined {
  for (const child of node.children) {
    if (child.type === 'text') return child;
    if (child.type === 'element') {
      const found = firstText(child);
      if (found) return found;
    }
  }
  return undefined;
}

/** Puts notes brought from elsewhere at the end of a chapter, as a list whose items keep the notes' ids. */
export function appendNotes(tree: Root, notes: Element[]): void {
  if (notes.length === 0) return;
  const items = notes.map((node): Element =>
    node.tagName === 'li'
      ? node
      : {
          type: 'element',
          tagName: 'li',
          properties: { id: node.properties.id },
          children: [{ ...node, properties: { ...node.properties, id: undefined } }],
        },
  );
  // Marked as a block of notes, as a page's own are: nothing reads it as the text's last paragraphs (an end note's).
  tree.children.push({ type: 'element', tagName: 'ol', properties: { className: ['footnotes'] }, children: items });
}

/**
 * Notes whose places are named anchors (`<a name="sdfootnote1sym">`, as LibreOffice saves a web
 * page): a marker's name becomes its id, and a note's named number — its way back — names the
 * paragraph it opens, the note. Trees are changed.
 */
function withNamedAnchors(tree: Root): void {
  for (const { node, parent } of elementsOf(tree)) {
    const name = node.properties.name;
    if (node.tagName !== 'a' || typeof name !== 'string' || node.properties.id !== undefined) continue;
    if (isNoteRef(node)) {
      node.properties.id = name;
      continue;
    }
    const href = node.properties.href;
    if (typeof href !== 'string' || !href.startsWith('#') || !isMarkerText(toString(node)) || parent.type !== 'element') continue;
    if (parent.properties.id !== undefined) continue;
    parent.properties.id = name;
    delete node.properties.name;
  }
}

/**
 * Marks footnotes for the converter: `data-quire-footnote="ref:1"` on markers,
 * `"def:1"` on the notes, numbered in the order they are referred to; the notes' own links
 * back to their markers and the rule above a notes block are taken out (not the author's).
 */
export function withFootnoteMarks(tree: Root, marks: string[] = []): Root {
  withNamedAnchors(tree);
  const targets = new Map<string, string>();
  // Where each marker stands (its own id, or its `<sup>`'s): a note's link to there is its way back.
  const markers = new Set<string>();
  let count = 0;
  for (const { node, parent } of elementsOf(tree)) {
    if (!isNoteRef(node)) continue;
    for (const holder of [node, parent])
      if (holder.type === 'element' && typeof holder.properties.id === 'string') markers.add(holder.properties.id);
    const href = String(node.properties.href);
    if (!href.startsWith('#')) continue;
    const target = href.slice(1);
    if (!targets.has(target)) targets.set(target, String(++count));
    node.properties.dataQuireFootnote = `ref:${targets.get(target)}`;
  }
  if (targets.size === 0) return tree;
  for (const { node, parent } of [...elementsOf(tree)]) {
    const id = String(node.properties.id ?? '');
    if (targets.has(id)) {
      node.properties.dataQuireFootnote = `def:${targets.get(id)}`;
      node.children = withoutBackLinks(node.children, markers, marks);
      withoutLeadingSpace(node);
      // A note as an `<aside>` or a `<div>` converts as a list's item does.
      node.tagName = 'li';
    }
    if (isNotesBlock(node)) {
      // The rule that sets the notes off from the text (pandoc's inside their block, markdown-it's
      // just before it) is no scene break of the author's.
      node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'hr'));
      const before = shownBefore(parent.children, node);
      if (before?.type === 'element' && before.tagName === 'hr') parent.children = parent.children.filter((child) => child !== before);
    }
  }
  return tree;
}

/** A note's text without the spaces (no-break ones too) its way back left at its start, which would show as an indent; true once text is reached. */
function withoutLeadingSpace(node: Element): boolean {
  for (const child of node.children) {
    if (child.type === 'text') {
      child.value = child.value.replace(/^[\s\u00a0]+/, '');
      if (child.value !== '') return true;
    } else if (child.type === 'element' && (child.tagName === 'img' || withoutLeadingSpace(child))) return true;
  }
  return false;
}

/**
 * A footnote's own way back to its marker is not the author's text: an arrow (↑, ↩, ^), or its
 * number linked to where the marker stands (as LibreOffice writes notes); that number is added to
 * `marks`, the import's words that are no words of the text.
 */
function withoutBackLinks(children: ElementContent[], markers: ReadonlySet<string>, marks: string[]): ElementContent[] {
  return children
    .filter((child) => {
      if (child.type !== 'element' || child.tagName !== 'a') return true;
      const text = toString(child);
      if (/backlink/.test(semanticsOf(child)) || isBackText(text)) return false;
      const href = String(child.properties.href ?? '');
      if (href.startsWith('#') && markers.has(href.slice(1)) && isMarkerText(text)) {
        // Counted among the words of the source unless it reads as a way back there too (src/importer/html.ts visibleText).
        if (!isNoteBackLink(child)) marks.push(text);
        return false;
      }
      return true;
    })
    .map((child) => (child.type === 'element' ? { ...child, children: withoutBackLinks(child.children, markers, marks) } : child));
}
