import type { Element, ElementContent, Root } from 'hast';
import { hasClass, textOf, treeOf } from '../html.ts';

/**
 * FanFicFare, the downloader most readers use for archives, writes a chapter's notes into its
 * text as `<div class="fff_chapter_notes fff_head_notes">` (and `fff_foot_notes`): a bold label
 * ("Summary for the Chapter:", "Notes for the Chapter:", "Author's Note:", or the site's own words)
 * followed by the note. Read back as the chapter's summary, notes and end notes, so they are shown
 * as notes, not as the first lines of the story.
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
  const read: FanFicFareNotes = { body: withoutBlocks(nodes, new Set(blocks)), labels: [] };
  const collected: Partial<Record<'summary' | 'notes' | 'endNotes' | 'workNotes' | 'workEndNotes', ElementContent[]>> = {};
  for (const block of blocks) {
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

function fieldOf(label: string, foot: boolean): 'summary' | 'notes' | 'endNotes' | 'workNotes' | 'workEndNotes' {
  if (/summary|description/i.test(label)) return 'summary';
  if (/^author'?’?s note/i.test(label)) return foot ? 'workEndNotes' : 'workNotes';
  return foot ? 'endNotes' : 'notes';
}

function findNoteBlocks(nodes: readonly ElementContent[]): Element[] {
  const found: Element[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (hasClass(node, 'fff_chapter_notes')) found.push(node);
    else found.push(...findNoteBlocks(node.children));
  }
  return found;
}

function withoutBlocks(nodes: readonly ElementContent[], blocks: Set<Element>): ElementContent[] {
  return nodes
    .filter((node) => !(node.type === 'element' && blocks.has(node)))
    .map((node) => (node.type === 'element' ? { ...node, children: withoutBlocks(node.children, blocks) } : node));
}
