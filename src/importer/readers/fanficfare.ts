import type { Element, ElementContent, Root } from 'hast';
import { hasClass, select, textOf, treeOf } from '../html.ts';
import { counted } from '../../core/problems.ts';

/**
 * FanFicFare, the downloader most readers use for archives, writes a chapter's notes into its
 * text as `<div class="fff_chapter_notes fff_head_notes">` (and `fff_foot_notes`): a bold label
 * ("Summary for the Chapter:", "Notes for the Chapter:", "Author's Note:", or the site's own words)
 * followed by the note. Read back as the chapter's summary, notes and end notes, so they are shown
 * as notes, not as the first lines of the story.
 *
 * From Royal Road it moves the site's note boxes into the text (`<div class="author-note-portlet">`,
 * captioned "A note from …" above the note itself): the one above the text is the chapter's note,
 * the one below its end note, the caption the site's words.
 */

export interface FanFicFareNotes {
  /** The chapter's text without the notes. */
  body: ElementContent[];
  summary?: Root | undefined;
  notes?: Root | undefined;
  endNotes?: Root | undefined;
  /** The work's own notes ("Author's Note:" before the first chapter, after the last). */
  workNotes?: Root | undefined;
  workEndNotes?: Root | undefined;
  /** The labels, which are FanFicFare's words, not the author's. */
  labels: string[];
}

/** Takes FanFicFare's note blocks out of a chapter's nodes; undefined when there are none. */
export function readFanFicFareNotes(nodes: readonly ElementContent[]): FanFicFareNotes | undefined {
  const blocks = findNoteBlocks(nodes);
  if (blocks.length === 0) return undefined;
  const read: FanFicFareNotes = { body: withoutBlocks(nodes, new Set(blocks.map(({ block }) => block))), labels: [] };
  const collected: Partial<Record<'summary' | 'notes' | 'endNotes' | 'workNotes' | 'workEndNotes', ElementContent[]>> = {};
  for (const { block, afterText } of blocks) {
    if (isSiteNoteBox(block)) {
      const caption = select('.portlet-title', block);
      if (caption && textOf(caption).trim()) read.labels.push(textOf(caption).trim());
      const note = select('.author-note, .portlet-body', block) ?? block;
      (collected[afterText ? 'endNotes' : 'notes'] ??= []).push(...note.children.filter((child) => child !== caption));
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
export function fanFicFareNotesNotice(chapters: number, labels: readonly string[]): string {
  const shown = [...new Set(labels)].slice(0, 2).map((label) => `“${label}”`);
  const more = new Set(labels).size > shown.length ? '…' : '';
  return `read the note blocks FanFicFare writes into the text (${shown.join(', ')}${more}) in ${counted(chapters, 'chapter')} as summaries and notes`;
}

function fieldOf(label: string, foot: boolean): 'summary' | 'notes' | 'endNotes' | 'workNotes' | 'workEndNotes' {
  if (/summary|description/i.test(label)) return 'summary';
  if (/^author'?’?s note/i.test(label)) return foot ? 'workEndNotes' : 'workNotes';
  return foot ? 'endNotes' : 'notes';
}

/** A note box Royal Road sets around a chapter's text (`.author-note-portlet`, or its `.author-note` alone). */
function isSiteNoteBox(node: Element): boolean {
  return hasClass(node, 'author-note-portlet') || hasClass(node, 'author-note');
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

function withoutBlocks(nodes: readonly ElementContent[], blocks: Set<Element>): ElementContent[] {
  return nodes
    .filter((node) => !(node.type === 'element' && blocks.has(node)))
    .map((node) => (node.type === 'element' ? { ...node, children: withoutBlocks(node.children, blocks) } : node));
}
