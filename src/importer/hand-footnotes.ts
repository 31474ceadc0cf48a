import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { appendNotes, isBackText, isMarkerText, isNoteBackLink, isNoteRef } from './footnotes.ts';
import type { ImportedChapter, ImportedWork } from './model.ts';
import { counted } from '../core/problems.ts';
import { classesOf, elementsOf, shownBefore } from './element.ts';

/**
 * Footnotes as AO3 authors make them by hand: a superscript `[1]` linking to `#fn1`, and in
 * the end notes a line "1. The note. (back)" whose anchor (`<a name="fn1">` or `id`) is the
 * target and whose "(back)" links to the marker. Left as they are, the number shows twice,
 * "(back)" leads nowhere on the site and the EPUB fails epubcheck. Each such pair becomes a
 * real footnote: the marker marked as one, the note moved beside the text (the converter
 * makes Markdown footnotes of both), its number and "(back)" link set aside.
 */

const blockNames = new Set(['p', 'li', 'div', 'dd', 'blockquote', 'aside', 'section']);
const leadingMarker = /^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.):]|\*{1,3}|[†‡])\s*/;

interface Place {
  node: Element;
  /** The elements from the tree's root down to the node's parent. */
  ancestors: (Element | Root)[];
  tree: Root;
  /** The node's position among all elements of its tree, for "after the marker". */
  order: number;
}

/** Turns each chapter's hand-made footnotes into footnotes the converter knows; says how many. */
export function readHandMadeFootnotes(work: ImportedWork): void {
  let count = 0;
  const touched = new Set<Root>();
  const oneChapter = work.chapters.length === 1;
  // The notes a chapter refers to that another chapter's text holds (a book's notes gathered at the
  // end of its part, as pandoc's EPUBs have them), found by their places in every chapter's text,
  // gathered once, when a chapter first looks for one.
  let book: Map<string, Place> | undefined;
  const elsewhere = () => (book ??= placesById(work.chapters.flatMap((chapter) => (chapter.markdown ? [] : [chapter.body]))));
  for (const chapter of work.chapters) {
    if (chapter.markdown) continue;
    // A one-chapter work's notes are the work's: AO3 puts them in the work's end notes.
    const extra = oneChapter ? [work.story?.endNotes] : [];
    count += readChapter(chapter, [chapter.body, chapter.endNotes, chapter.notes, ...extra], work.setAside, touched, elsewhere);
  }
  const left = (notes: Root | undefined) => (notes && touched.has(notes) ? leftOver(notes, work.setAside) : notes);
  for (const chapter of work.chapters) {
    chapter.endNotes = left(chapter.endNotes);
    chapter.notes = left(chapter.notes);
  }
  if (work.story) work.story.endNotes = left(work.story.endNotes);
  if (count > 0)
    work.notices.push(
      `turned ${counted(count, 'hand-made footnote')} (a linked [1] in the text and its note in the notes) into footnotes, without the repeated number and “(back)” links`,
    );
}

/** The places of trees by the ids and names they carry, the first of each. */
function placesById(trees: readonly (Root | undefined)[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const tree of trees) {
    if (!tree) continue;
    for (const place of placesIn(tree)) {
      for (const key of [place.node.properties.id, place.node.properties.name]) {
        if (typeof key === 'string' && key && !places.has(key)) places.set(key, place);
      }
    }
  }
  return places;
}

function readChapter(
  chapter: ImportedChapter,
  trees: (Root | undefined)[],
  setAside: string[],
  touched: Set<Root>,
  elsewhere: () => Map<string, Place>,
): number {
  const places = placesById(trees);
  const refs = placesIn(chapter.body).filter(({ node }) => isHandMadeRef(node));
  const moved: Element[] = [];
  const taken = new Set<Element>();
  /** Lists in the text holding notes, with the element they are in. */
  const notesLists = new Map<Element, Element | Root>();
  for (const ref of refs) {
    const id = String(ref.node.properties.href).slice(1);
    const own = places.get(id);
    const target = own ?? elsewhere().get(id);
    if (!target) continue;
    const block = blockOf(target);
    if (!block || taken.has(block) || enclosingBlock(ref.ancestors) === block) continue;
    const inText = target.tree === chapter.body;
    // Where the marker stands: its own id, or an empty anchor just before it (a bookmark Word kept outside the link).
    const parent = ref.ancestors.at(-1)!;
    const before = parent.children.slice(0, parent.children.indexOf(ref.node)).findLast((child) => child.type === 'element');
    const anchor = before?.type === 'element' && before.tagName === 'a' && toString(before).trim() === '' ? before : undefined;
    const refIds = [ref.node.properties.id, ref.node.properties.name, anchor?.properties.id, anchor?.properties.name].filter(
      (value): value is string => typeof value === 'string',
    );
    // In another chapter's text, only a note that leads back to this marker is this chapter's note.
    if (!own && !leadsBackByHand(block, refIds)) continue;
    // A footnote the converter knows already (pandoc's, Word's), or a link back up the text, is no
    // hand-made one; a marker named as theirs (`#fn1`) whose note leads back by a link of the
    // author's own ("(back)" to `#ref1`) is.
    if (inText && ((isNoteRef(ref.node) && !leadsBackByHand(block, refIds)) || target.order < ref.order)) continue;
    taken.add(block);
    // The note, cleaned: its anchor, its leading number and its way back are not the author's words.
    block.children = cleaned(block.children, target.node, refIds, setAside);
    stripLeadingMarker(block, setAside);
    block.properties = { ...block.properties, id, name: undefined };
    // The marker: a footnote reference, out of its superscript. (One named as a converter's, `#fn1`,
    // was never counted among the source's words.)
    if (!isNoteRef(ref.node)) setAside.push(toString(ref.node));
    ref.node.properties = { ...ref.node.properties, className: ['footnote-ref'] };
    const sup = ref.ancestors.at(-1);
    if (sup && sup.type === 'element' && sup.tagName === 'sup' && toString(sup).trim() === toString(ref.node).trim()) {
      const holder = ref.ancestors.at(-2);
      if (holder) holder.children = holder.children.map((child) => (child === sup ? ref.node : child)) as typeof holder.children;
    }
    if (inText && block.tagName === 'li') {
      const list = blockParent(target, block);
      const holder = target.ancestors[target.ancestors.indexOf(list) - 1];
      if (list.type === 'element' && holder) notesLists.set(list, holder);
    }
    if (!inText) {
      const parent = blockParent(target, block);
      parent.children = parent.children.filter((child) => child !== block) as typeof parent.children;
      moved.push(block);
      touched.add(target.tree);
      // A list of notes in another chapter's text, left empty, goes.
      if (!own && parent.type === 'element' && /^[ou]l$/.test(parent.tagName) && toString(parent).trim() === '') {
        const holder = target.ancestors[target.ancestors.indexOf(parent) - 1];
        if (holder) holder.children = holder.children.filter((child) => child !== parent) as typeof holder.children;
      }
    }
  }
  appendNotes(chapter.body, moved);
  // In the text, the heading over a list of notes that all became footnotes ("Notes:") goes with them.
  for (const [list, holder] of notesLists) {
    const items = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    if (!items.every((item) => taken.has(item))) continue;
    // A list of notes and nothing else: a block of notes, as the converter's own are (nothing reads it as the text's last paragraphs).
    list.properties = { ...list.properties, className: [...classesOf(list), 'footnotes'] };
    const before = shownBefore(holder.children, list);
    if (before?.type !== 'element' || !notesHeading.test(toString(before))) continue;
    setAside.push(toString(before));
    holder.children = holder.children.filter((child) => child !== before) as typeof holder.children;
  }
  return taken.size;
}

/** Whether a note links back to its marker (`#ref1`) other than as a converter's footnotes do (`#fnref1`). */
function leadsBackByHand(note: Element, refIds: readonly string[]): boolean {
  return elementsOf(note).some(
    ({ node }) =>
      node.tagName === 'a' &&
      typeof node.properties.href === 'string' &&
      refIds.includes(node.properties.href.slice(1)) &&
      !isNoteBackLink(node),
  );
}

/** A link to a place in the page whose text is a note's number: `[1]`, `1`, `*`. */
function isHandMadeRef(node: Element): boolean {
  const href = node.properties.href;
  return node.tagName === 'a' && typeof href === 'string' && /^#./.test(href) && isMarkerText(toString(node));
}

function placesIn(tree: Root): Place[] {
  const found: Place[] = [];
  const walk = (node: Element | Root, ancestors: (Element | Root)[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      found.push({ node: child, ancestors: [...ancestors, node], tree, order: found.length });
      walk(child, [...ancestors, node]);
    }
  };
  walk(tree, []);
  return found;
}

/** The block a target stands for: itself if a block, else the block around it (an empty `<a name>` in a paragraph). */
function blockOf(place: Place): Element | undefined {
  return blockNames.has(place.node.tagName) ? place.node : enclosingBlock(place.ancestors);
}

/** The innermost block among a node's ancestors. */
function enclosingBlock(ancestors: Place['ancestors']): Element | undefined {
  return ancestors.findLast((node): node is Element => node.type === 'element' && blockNames.has(node.tagName));
}

function blockParent(target: Place, block: Element): Element | Root {
  if (block === target.node) return target.ancestors.at(-1)!;
  const index = target.ancestors.indexOf(block);
  return target.ancestors[index - 1]!;
}

/** A note's children without its anchor (when it holds only a number) and its links back to the marker. */
function cleaned(children: ElementContent[], anchor: Element, refIds: string[], setAside: string[]): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element') {
      const text = toString(child);
      const href = typeof child.properties.href === 'string' ? child.properties.href.slice(1) : undefined;
      const isAnchor = child === anchor && (text.trim() === '' || isMarkerText(text));
      const isBack =
        child.tagName === 'a' &&
        (isBackText(text) || (href !== undefined && refIds.includes(href) && (isMarkerText(text) || isBackText(text))));
      if (isAnchor || isBack) {
        setAside.push(text);
        continue;
      }
      kept.push({ ...child, children: cleaned(child.children, anchor, refIds, setAside) });
    } else kept.push(child);
  }
  // "(back)" written as "(<a>back</a>)": the brackets left around nothing go too.
  return kept
    .map((child) => (child.type === 'text' ? { ...child, value: child.value.replace(/\s*\(\s*\)|\s*\[\s*\]/g, '') } : child))
    .filter((child) => child.type !== 'text' || child.value !== '');
}

/** Takes "1." or "[1]" off the start of a note. */
function stripLeadingMarker(block: Element | Root, setAside: string[]): boolean {
  const first = block.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
  if (!first) return false;
  if (first.type === 'text') {
    const match = leadingMarker.exec(first.value);
    if (!match) return false;
    setAside.push(match[0]);
    first.value = first.value.slice(match[0].length);
    return true;
  }
  if (first.type === 'element' && (blockNames.has(first.tagName) || ['sup', 'b', 'strong', 'span'].includes(first.tagName))) {
    if (['sup', 'b', 'strong', 'span'].includes(first.tagName) && isMarkerText(toString(first).replace(/[.):]$/, ''))) {
      setAside.push(toString(first));
      block.children = block.children.filter((child) => child !== first) as typeof block.children;
      return true;
    }
    return stripLeadingMarker(first, setAside);
  }
  return false;
}

const notesHeading = /^\s*(?:foot|end|translation|translator'?s?|author'?s?)?\s*notes?\s*:?\s*$/i;

/** Notes after their footnotes left: without the heading ("Footnotes:") that stood over them, or none if nothing is left. */
function leftOver(notes: Root, setAside: string[]): Root | undefined {
  const isBlank = (node: Root['children'][number]) => node.type === 'text' && node.value.trim() === '';
  let last = notes.children.findLastIndex((child) => !isBlank(child));
  while (last >= 0) {
    const child = notes.children[last]!;
    if (child.type !== 'element' || !notesHeading.test(toString(child))) break;
    setAside.push(toString(child));
    notes.children.splice(last);
    last = notes.children.findLastIndex((other) => !isBlank(other));
  }
  const hasPicture = (node: Root | Element): boolean =>
    node.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasPicture(child)));
  return toString(notes).trim() === '' && !hasPicture(notes) ? undefined : notes;
}
