import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visibleText } from './html.ts';
import { removeElement } from './element.ts';
import type { ImportedWork } from './model.ts';
import { counted } from '../core/problems.ts';

/**
 * Content warnings as authors write them at the top of a chapter's notes — "CW: blood, grief."
 * or "TW - self-harm; a funeral" — become the chapter's `contentNotes`, which the site shows
 * before the text where a reader may collapse them. The line leaves the notes; every other
 * word of the notes stays. Only a line that opens with the label counts: a warning mentioned
 * in the middle of a note stays the author's prose.
 */

const label = /^\s*(?:CW|TW|content\s+(?:warnings?|notes?)|trigger\s+warnings?)\s*(?:for\b\s*:?|[:\-–—])\s*/i;

/** Moves each chapter's content-warning line out of its notes into `contentNotes`; says how many chapters had one. */
export function readContentNotes(work: ImportedWork): void {
  let found = 0;
  for (const chapter of work.chapters) {
    if (!chapter.notes || chapter.contentNotes?.length) continue;
    const line = takeWarningLine(chapter.notes);
    if (!line) continue;
    found++;
    chapter.contentNotes = line.notes;
    work.setAside.push(line.text);
    if (visibleText(chapter.notes).trim() === '') chapter.notes = undefined;
  }
  if (found > 0)
    work.notices.push(
      `read the content warnings (“CW:”, “TW:”) opening the notes of ${counted(found, 'chapter')} into contentNotes, shown before the text`,
    );
}

/** The warning line of a chapter's notes, taken out of the tree: its text and its items. */
function takeWarningLine(notes: Root): { text: string; notes: string[] } | undefined {
  const block = firstBlock(notes);
  if (!block) return undefined;
  // A line of its own: up to the first line break of the block, or the whole block.
  const breakAt = block.children.findIndex((child) => child.type === 'element' && child.tagName === 'br');
  const line = breakAt === -1 ? block.children : block.children.slice(0, breakAt);
  const text = line.map((node) => toString(node)).join('');
  const match = label.exec(text);
  if (!match) return undefined;
  const items = splitList(text.slice(match[0].length));
  if (items.length === 0) return undefined;
  block.children = breakAt === -1 ? [] : block.children.slice(breakAt + 1);
  if (block.children.every((child) => toString(child).trim() === '' && !(child.type === 'element' && child.tagName === 'img'))) {
    removeElement(notes, block);
  }
  return { text, notes: items };
}

/** The first block of text in a tree (a paragraph, maybe inside a wrapper). */
function firstBlock(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type === 'text' && child.value.trim()) return undefined;
    if (child.type !== 'element') continue;
    if (['div', 'section', 'blockquote'].includes(child.tagName)) return firstBlock(child);
    return ['p', 'li'].includes(child.tagName) ? child : undefined;
  }
  return undefined;
}

/** "blood, grief (a funeral; a wake); fire." → ["blood", "grief (a funeral; a wake)", "fire"]: commas and semicolons outside brackets. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';')) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((item) => item.replace(/\s+/g, ' ').trim().replace(/\.$/, '').trim()).filter(Boolean);
}
