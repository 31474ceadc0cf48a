import type { Element, ElementContent, Root } from 'hast';
import { hasClass, select, textOf, treeOf, visibleText } from './html.ts';
import { counted } from '../core/problems.ts';
import { isSceneBreak } from '../core/scene-breaks.ts';

/**
 * FanFicFare, the downloader most readers use for archives, writes a chapter's notes into its
 * text as `<div class="fff_chapter_notes fff_head_notes">` (and `fff_foot_notes`): a bold label
 * ("Summary for the Chapter:", "Notes for the Chapter:", "Author's Note:", or the site's own words)
 * followed by the note. Read back as the chapter's summary, notes and end notes, so they are shown
 * as notes, not as the first lines of the story.
 *
 * Serial sites set an author's note in a box of its own, above or below the chapter's text, and
 * FanFicFare moves it into the text: Royal Road's `<div class="author-note-portlet">` (captioned
 * "A note from …" above the note itself), Scribble Hub's `<div class="wi_authornotes">` (the
 * author's avatar and name above `wi_authornotes_body`), as a saved Scribble Hub page has it too,
 * Fimfiction's `<div class="authors-note">` (its label, "Author's Note:", inside). The box above the
 * text is the chapter's note, the one below its end note, the caption and label the site's words.
 */

export interface NoteBlocks {
  /** The chapter's text without the notes. */
  body: ElementContent[];
  summary?: Root | undefined;
  notes?: Root | undefined;
  endNotes?: Root | undefined;
  /** The work's own notes ("Author's Note:" before the first chapter, after the last). */
  workNotes?: Root | undefined;
  workEndNotes?: Root | undefined;
  /** The labels, which are FanFicFare's or the site's words, not the author's. */
  labels: string[];
}

/** Takes the note blocks out of a chapter's nodes; undefined when there are none. */
export function readNoteBlocks(nodes: readonly ElementContent[]): NoteBlocks | undefined {
  const blocks = findNoteBlocks(nodes);
  if (blocks.length === 0) return undefined;
  const body = withoutBlocks(nodes, new Set(blocks.map(({ block }) => block)));
  // The rule that set a note off from the text (FanFicFare's own `<hr>` beside ficbook's notes) goes with it.
  if (blocks.some(({ afterText }) => !afterText)) withoutEdgeRule(body, 'start');
  if (blocks.some(({ afterText }) => afterText)) withoutEdgeRule(body, 'end');
  const read: NoteBlocks = { body, labels: [] };
  const collected: Partial<Record<'summary' | 'notes' | 'endNotes' | 'workNotes' | 'workEndNotes', ElementContent[]>> = {};
  for (const { block, afterText } of blocks) {
    if (isSiteNoteBox(block)) {
      // The note itself: a box of its own inside the site's (what is around it, the site's caption),
      // or what the box holds after the heading or bold label that opens it.
      const inner = select('.author-note, .portlet-body, .wi_authornotes_body', block);
      const opening = inner ? undefined : openingLabel(block);
      const caption = inner ? treeOf(withoutBlocks(block.children, new Set([inner]))) : opening;
      const label = caption ? visibleText(caption).replace(/\s+/g, ' ').trim() : '';
      if (label) read.labels.push(label);
      (collected[afterText ? 'endNotes' : 'notes'] ??= []).push(...(inner ?? block).children.filter((child) => child !== opening));
      continue;
    }
    const foot = hasClass(block, 'fff_foot_notes');
    let field: keyof typeof collected = foot ? 'endNotes' : 'notes';
    for (const child of block.children) {
      if (child.type === 'element' && ['b', 'strong'].includes(child.tagName) && /:\s*$/.test(textOf(child))) {
        const label = textOf(child).trim();
        read.labels.push(label);
        field = fieldOf(label, foot);
        continue;
      }
      if (child.type === 'element' && child.tagName === 'hr') continue;
      if (child.type === 'element' && child.tagName === 'br' && !collected[field]?.length) continue;
      if (child.type === 'text' && !child.value.trim()) continue;
      // A blockquote is FanFicFare's wrapper: the note is what it holds.
      const content = child.type === 'element' && child.tagName === 'blockquote' ? child.children : [child];
      (collected[field] ??= []).push(...content);
    }
  }
  for (const [field, content] of Object.entries(collected) as [keyof typeof collected, ElementContent[]][]) {
    if (content.some((node) => textOf(node).trim() || (node.type === 'element' && node.tagName === 'img'))) read[field] = treeOf(content);
  }
  return read;
}

/** What the importer tells of the notes it read, in `chapters` chapters, quoting the labels it found (FanFicFare's or the site's words). */
export function noteBlocksNotice(chapters: number, labels: readonly string[]): string {
  const distinct = [...new Set(labels)];
  const shown = distinct.slice(0, 2).map((label) => `“${label}”`);
  const quoted = shown.length > 0 ? ` (${shown.join(', ')}${distinct.length > shown.length ? '…' : ''})` : '';
  return `read the notes set apart in the text${quoted} of ${counted(chapters, 'chapter')} as ${chapters === 1 ? 'the chapter’s' : 'the chapters’'} notes`;
}

function fieldOf(label: string, foot: boolean): 'summary' | 'notes' | 'endNotes' | 'workNotes' | 'workEndNotes' {
  if (/summary|description/i.test(label)) return 'summary';
  if (/^author'?’?s note/i.test(label)) return foot ? 'workEndNotes' : 'workNotes';
  return foot ? 'endNotes' : 'notes';
}

/**
 * A note box a serial site sets around a chapter's text: Royal Road's `.author-note-portlet` (or
 * its `.author-note` alone), Scribble Hub's `.wi_authornotes`, Fimfiction's `.authors-note`.
 */
function isSiteNoteBox(node: Element): boolean {
  return ['author-note-portlet', 'author-note', 'wi_authornotes', 'authors-note'].some((name) => hasClass(node, name));
}

/** The heading or bold label that opens a note box holding its note directly (`<header><h1>Author's Note</h1></header>`, `<b>Author's Note:</b>`). */
function openingLabel(box: Element): Element | undefined {
  const first = box.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
  if (first?.type !== 'element') return undefined;
  if (first.tagName === 'header' || /^h[1-6]$/.test(first.tagName)) return first;
  return ['b', 'strong'].includes(first.tagName) && /[:：]\s*$/.test(textOf(first)) ? first : undefined;
}

/**
 * The note blocks among `nodes`, in document order, each with whether any of the chapter's own
 * text comes before it. A site's note box counts only above or below the whole text: one between
 * its paragraphs stays where the author put it.
 */
function findNoteBlocks(nodes: readonly ElementContent[]): { block: Element; afterText: boolean }[] {
  const found: { block: Element; textBefore: number }[] = [];
  let text = 0;
  const walk = (children: readonly ElementContent[]) => {
    for (const node of children) {
      if (node.type === 'text' && node.value.trim() !== '') text++;
      if (node.type !== 'element') continue;
      if (hasClass(node, 'fff_chapter_notes') || isSiteNoteBox(node)) found.push({ block: node, textBefore: text });
      else if (node.tagName === 'img') text++;
      else walk(node.children);
    }
  };
  walk(nodes);
  return found
    .filter(({ block, textBefore }) => !isSiteNoteBox(block) || textBefore === 0 || textBefore === text)
    .map(({ block, textBefore }) => ({ block, afterText: textBefore > 0 }));
}

/** Removes a rule or a typed scene break at the start or end of the text, looking inside the wrappers (`<div>`) around it; never the text's only block. */
function withoutEdgeRule(nodes: ElementContent[], edge: 'start' | 'end'): void {
  const elements = nodes.filter((node): node is Element => node.type === 'element');
  const outer = edge === 'start' ? elements[0] : elements.at(-1);
  if (!outer) return;
  const rule = outer.tagName === 'hr' || (outer.tagName === 'p' && isSceneBreak(textOf(outer)));
  if (rule && elements.length > 1) nodes.splice(nodes.indexOf(outer), 1);
  else if (['div', 'section', 'article'].includes(outer.tagName)) withoutEdgeRule(outer.children, edge);
}

function withoutBlocks(nodes: readonly ElementContent[], blocks: Set<Element>): ElementContent[] {
  return nodes
    .filter((node) => !(node.type === 'element' && blocks.has(node)))
    .map((node) => (node.type === 'element' ? { ...node, children: withoutBlocks(node.children, blocks) } : node));
}
