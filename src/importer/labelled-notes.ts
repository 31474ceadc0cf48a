import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { treeOf, visibleText } from './html.ts';
import { removeElement } from './element.ts';
import { isNotesBlock } from './footnotes.ts';
import type { ImportedWork } from './model.ts';
import { isNoteHeading, noteLabel } from './title-lines.ts';
import { isSceneBreak } from '../core/scene-breaks.ts';
import { counted } from '../core/problems.ts';
import { volumeLabel } from '../core/chapter-labels.ts';
import { translations } from '../shared/i18n/index.ts';
import { fencedLines } from '../markdown/source-lines.ts';

/**
 * Authors' notes typed into a chapter's text, as FanFiction.net (which has no place for them)
 * and Word drafts carry them: a paragraph opening the text with a label ("A/N:", "Author's
 * Note:", "Nota de la autora:", "作者有话要说：") becomes the chapter's note, with a disclaimer
 * before it ("Disclaimer: I own nothing.", kept whole); one among the text's last paragraphs
 * (and in its second half), with what follows it, its end note — where the source gave the
 * chapter no notes of its own. The label leaves with it (the site heads notes itself), and so
 * does the rule or break (`<hr>`, `* * *`, `-o-o-o-`) that set the note off from the text; a
 * label in mid-chapter stays the author's prose. In a Markdown chapter, the same paragraphs (`**A/N:**`
 * bold or not) move into its `authorsNote` and `endNote`, as written.
 */

/** How far from the end of a chapter an end note may start, in paragraphs. */
export const endNoteBlocks = 3;

/**
 * The first of `count` blocks an end note may start at, after the `first` that are the
 * chapter's own: among the last few, and in the text's second half, so that a note in a short
 * chapter's first lines never takes the story after it.
 */
export function endNoteFrom(count: number, first: number): number {
  return Math.max(first + 1, count - endNoteBlocks, Math.ceil(count / 2));
}

/** A disclaimer opening a fan work's chapter ("Disclaimer: I own nothing."): the author's words about the work, kept whole in the opening note. */
const disclaimer = /^\s*disclaimer\s*(?::|：|\s[-–—]\s)/i;

/** Moves each chapter's labelled notes out of its text; says in how many chapters it did. */
export function readLabelledNotes(work: ImportedWork): void {
  let found = 0;
  for (const chapter of work.chapters) {
    if (chapter.markdown) {
      if (markdownNotes(chapter.markdown, work.setAside)) found++;
      continue;
    }
    const container = textContainer(chapter.body);
    // The text's own blocks: not its footnotes, nor the heading of the part it opens ("Teil 1", above its first note).
    const textBlocks = () => elementsIn(container).filter((block) => !isNotesBlock(block));
    const blocks = textBlocks().filter((block, index) => index > 0 || !partHeading(block));
    if (blocks.length < 2) continue;
    let moved = false;
    // A note set in a block of its own under its label's heading, opening or closing the text: the block's words.
    const openingBlock = chapter.notes ? undefined : noteBlock(blocks[0]!);
    if (openingBlock) {
      chapter.notes = takeNoteBlock(container, blocks[0]!, openingBlock, work.setAside);
      moved = true;
    }
    const closing = textBlocks();
    const closingBlock = chapter.endNotes || closing.length < 2 ? undefined : noteBlock(closing.at(-1)!);
    if (closingBlock) {
      chapter.endNotes = takeNoteBlock(container, closing.at(-1)!, closingBlock, work.setAside);
      moved = true;
    }
    // A note opening the text: its paragraph, and the next when the first is the label alone;
    // after a disclaimer, which goes with it.
    const lead = isDisclaimer(blocks[0]!) ? 1 : 0;
    const opening = labelled(blocks[lead]!);
    const openingSize = lead + (opening ? (toString(blocks[lead]!).trim() === opening.trim() ? 2 : 1) : 0);
    if ((opening || lead) && !chapter.notes && blocks.length > openingSize) {
      const taken = blocks.slice(0, openingSize);
      chapter.notes = takeNote(container, taken, opening ? { label: opening, at: lead } : undefined, work.setAside);
      withoutSeparator(
        container,
        textBlocks().find((block) => !partHeading(block)),
        work.setAside,
      );
      moved = true;
    }
    const rest = textBlocks();
    if (!chapter.endNotes) {
      for (let at = rest.length - 1; at >= endNoteFrom(rest.length, 0); at--) {
        const label = labelled(rest[at]!);
        if (!label) continue;
        chapter.endNotes = takeNote(container, rest.slice(at), { label, at: 0 }, work.setAside);
        withoutSeparator(container, textBlocks().at(-1), work.setAside);
        moved = true;
        break;
      }
    }
    if (moved) found++;
  }
  if (found > 0)
    work.notices.push(
      `read the labelled notes (“A/N:”, “Author’s Note:”…) and disclaimers opening or closing the text of ${counted(found, 'chapter')} as ${found === 1 ? 'its' : 'their'} author’s notes`,
    );
}

/** Whether a block is the heading of a part a chapter opens ("Teil 1", "Part Two"). */
const partHeading = (block: Element | undefined): boolean =>
  block !== undefined && /^h[1-6]$/.test(block.tagName) && volumeLabel(toString(block)) !== undefined;

/**
 * The element holding a chapter's paragraphs: its tree, or the one wrapper (`<div>`, `<section>`)
 * around them all (and its footnotes, after it; and the heading of the part it opens, before it,
 * as a pandoc EPUB sets a part's first chapter: `<h1>Part 1</h1><section>…</section>`).
 */
function textContainer(tree: Root): Root | Element {
  let container: Root | Element = tree;
  for (;;) {
    const elements: Element[] = elementsIn(container).filter(
      (element, index) => !isNotesBlock(element) && (index > 0 || !partHeading(element)),
    );
    const loose: boolean = (container.children as (RootContent | ElementContent)[]).some(
      (child) => child.type === 'text' && child.value.trim() !== '',
    );
    const only: Element | undefined = elements.length === 1 && !loose ? elements[0]! : undefined;
    if (!only || !['div', 'section', 'article', 'main'].includes(only.tagName)) return container;
    container = only;
  }
}

/** The elements among a tree's or an element's children. */
const elementsIn = (node: Root | Element): Element[] =>
  (node.children as (RootContent | ElementContent)[]).filter((child): child is Element => child.type === 'element');

/** The note label a paragraph opens with, if it is a paragraph and does. */
function labelled(block: Element): string | undefined {
  if (block.tagName === 'p' || block.tagName === 'div') return noteLabel(toString(block));
  // A heading that is the label alone ("## Author's Note"), over the note's paragraphs.
  return /^h[1-6]$/.test(block.tagName) && isNoteHeading(toString(block)) ? toString(block) : undefined;
}

/** The headings the site's own pages and EPUB set over a chapter's notes, in every language it speaks ("Author’s note", "End note"). */
const siteNoteHeadings = new Set(
  Object.values(translations)
    .flatMap((messages) => [messages['note.authors'], messages['note.end']])
    .filter((heading): heading is string => typeof heading === 'string')
    .map((heading) => heading.toLowerCase()),
);

/**
 * The heading of a block that holds a note under its label (`<section><h2>Author’s note</h2><p>…</p></section>`,
 * as the site's own EPUB and some archives set a note), if the block is one.
 */
function noteBlock(block: Element): Element | undefined {
  if (!['section', 'aside', 'div', 'blockquote'].includes(block.tagName)) return undefined;
  const first = elementsIn(block)[0];
  if (!first || !/^h[1-6]$/.test(first.tagName)) return undefined;
  const heading = toString(first).trim();
  return isNoteHeading(heading) || siteNoteHeadings.has(heading.toLowerCase()) ? first : undefined;
}

/** Takes a note's block out of the container: its words, without the heading that labels it. */
function takeNoteBlock(container: Root | Element, block: Element, heading: Element, setAside: string[]): Root {
  removeElement(container, block);
  setAside.push(toString(heading));
  return treeOf(block.children.filter((child) => child !== heading));
}

/** Whether a paragraph is a disclaimer. */
function isDisclaimer(block: Element): boolean {
  return (block.tagName === 'p' || block.tagName === 'div') && disclaimer.test(toString(block));
}

/** A rule or a scene break left at the edge of the text where a note was taken away: it set the note off, and goes with it. */
function withoutSeparator(container: Root | Element, edge: Element | undefined, setAside: string[]): void {
  if (!edge || (edge.tagName !== 'hr' && !(edge.tagName === 'p' && isSceneBreak(toString(edge))))) return;
  if (elementsIn(container).length < 2) return;
  removeElement(container, edge);
  setAside.push(toString(edge));
}

/** Takes the blocks out of the container as a note of their own, without the label one of them (`at`) opens with. */
function takeNote(
  container: Root | Element,
  blocks: Element[],
  labelled: { label: string; at: number } | undefined,
  setAside: string[],
): Root {
  container.children = (container.children as (RootContent | ElementContent)[]).filter(
    (child) => !blocks.includes(child as Element),
  ) as typeof container.children;
  if (labelled) {
    const block = blocks[labelled.at]!;
    setAside.push(labelled.label);
    const leading = toString(block).length - toString(block).trimStart().length;
    withoutLeadingText(block, leading + labelled.label.length);
  }
  const kept = blocks.filter((block, index) => index !== labelled?.at || visibleText(block).trim() !== '');
  return treeOf(kept);
}

/** Removes the first `count` characters of an element's text, whatever elements they sit in; an element the cut emptied goes. */
function withoutLeadingText(node: Element, count: number): number {
  let left = count;
  const emptied = new Set<ElementContent>();
  for (const child of node.children) {
    if (left === 0) break;
    if (child.type === 'text') {
      const cut = Math.min(left, child.value.length);
      child.value = child.value.slice(cut);
      left -= cut;
      if (child.value === '') emptied.add(child);
    } else if (child.type === 'element') {
      left = withoutLeadingText(child, left);
      if (toString(child) === '' && !child.children.some((inner) => inner.type === 'element')) emptied.add(child);
    }
  }
  node.children = node.children.filter((child) => !emptied.has(child));
  return left;
}

/**
 * A Markdown chapter's labelled notes into its frontmatter, where it has none: the paragraphs
 * as written, less their label. A chapter holding fenced code is left as it is (a fence's
 * blank lines are no paragraph breaks).
 */
function markdownNotes(markdown: { body: string; frontmatter: Record<string, unknown> }, setAside: string[]): boolean {
  const { body, frontmatter } = markdown;
  if (fencedLines(body.split('\n')).includes(true)) return false;
  const starts = [0, ...[...body.matchAll(/\n[ \t]*\n(?=[ \t]*\S)/g)].map((match) => match.index + match[0].length)];
  const blockAt = (index: number) => body.slice(starts[index], starts[index + 1] ?? body.length).trim();
  // The heading of the part the chapter opens ("# Teil 1") stays above the text, the note below it.
  const head = volumeLabel(/^#{1,6}\s+(.*)$/.exec(blockAt(0))?.[1] ?? '') !== undefined ? 1 : 0;
  let from = starts[head] ?? body.length;
  // A disclaimer opening the text joins the note, whole, as in every other format.
  const lead = disclaimer.test(blockAt(head)) ? 1 : 0;
  const opening = starts.length > 1 + head + lead && frontmatter.authorsNote === undefined ? unlabelled(blockAt(head + lead)) : undefined;
  // The rule or break that set a note off from the text goes with it, where text stays beside it.
  const separator = (index: number) => index > 0 && index < starts.length && isSceneBreak(blockAt(index));
  let first = head;
  if (opening || (lead && starts.length > 1 + head && frontmatter.authorsNote === undefined)) {
    frontmatter.authorsNote = [...(lead ? [blockAt(head)] : []), ...(opening ? [opening.note] : [])].join('\n\n');
    if (opening) setAside.push(opening.label);
    const taken = head + lead + (opening ? 1 : 0);
    first = separator(taken) && starts.length > taken + 1 ? taken + 1 : taken;
    if (first > taken) setAside.push(blockAt(taken));
    from = starts[first]!;
  }
  // The footnotes' definitions after the text stay with it: an end note is the text's last paragraphs before them.
  // Definitions, and the indented paragraphs that go on with them, from the first definition of the run on.
  const ofNotes = (index: number) => footnoteDefinition.test(blockAt(index)) || body.startsWith('    ', starts[index]);
  let notes = starts.length;
  while (notes > first + 1 && ofNotes(notes - 1)) notes--;
  while (notes < starts.length && !footnoteDefinition.test(blockAt(notes))) notes++;
  const textEnd = notes < starts.length ? starts[notes]! : body.length;
  let to = textEnd;
  if (frontmatter.endNote === undefined)
    for (let at = notes - 1; at >= endNoteFrom(notes, first); at--) {
      const closing = unlabelled(body.slice(starts[at], textEnd).trim());
      if (!closing) continue;
      frontmatter.endNote = closing.note;
      setAside.push(closing.label);
      const ruled = separator(at - 1) && at - 1 > first;
      if (ruled) setAside.push(blockAt(at - 1));
      to = starts[ruled ? at - 1 : at]!;
      break;
    }
  if (first === head && to === textEnd) return false;
  markdown.body = [head ? blockAt(0) : '', body.slice(from, to).trim(), body.slice(textEnd).trim()].filter(Boolean).join('\n\n');
  return true;
}

/** A footnote's definition opening a block: `[^1]: …`. */
const footnoteDefinition = /^ {0,3}\[\^[^\]\s]+\]:/;

/** A Markdown paragraph that opens with a note label (bold or italic, `**A/N:**`): the label, and the note without it. */
function unlabelled(block: string): { label: string; note: string } | undefined {
  const plain = block.replace(/^([*_]{1,3})([^*_\n]{1,40}?)(\s*[:：]?)\1/, '$2$3');
  const label = noteLabel(plain);
  const note = label ? plain.trimStart().slice(label.length).trim() : '';
  return label && note ? { label, note } : undefined;
}
