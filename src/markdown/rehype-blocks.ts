import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classesOf } from './class-list.ts';
import { blocks } from './remark-blocks.ts';

/**
 * Lays out the author's blocks (see remark-blocks.ts): verse keeps each line break as a
 * `<br>`; a message exchange becomes one `<p class="message">` a line, the sender's name set
 * apart, and the messages of everyone but the first sender on the other side, as a phone shows them.
 */
export function rehypeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.tagName === 'div' ? classesOf(node) : [];
      if (classes.includes(blocks.verse)) keepLineBreaks(node);
      if (classes.includes(blocks.messages)) node.children = messages(node);
    });
  };
}

/** Whether a node is a `<br>` (Markdown's hard break, a line ending in `\` or two spaces). */
const isBreak = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === 'br';

/**
 * Replaces line breaks in the text of `node` with `<br>`s. A line that already ends in a
 * hard break keeps that one break: the line's end after it is the same break, not a second.
 */
function keepLineBreaks(node: Element) {
  visit(node, 'text', (text, index, parent) => {
    if (!parent || index === undefined || !text.value.includes('\n')) return undefined;
    const value = isBreak(parent.children[index - 1]) ? text.value.replace(/^\n/, '') : text.value;
    const parts = value
      .split('\n')
      .flatMap((line, i): ElementContent[] => [
        ...(i > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []),
        ...(line ? [{ type: 'text', value: line } as const] : []),
      ]);
    parent.children.splice(index, 1, ...parts);
    return index + parts.length;
  });
}

/** The exchange's lines as messages, each paragraph split at its line breaks. */
function messages(node: Element): ElementContent[] {
  const lines: ElementContent[][] = [];
  for (const child of node.children) {
    if (child.type !== 'element' || child.tagName !== 'p') continue;
    let line: ElementContent[] = [];
    for (const [i, part] of child.children.entries()) {
      // A hard break ends a message as a line's end does; the line's end after it is the same one.
      if (isBreak(part)) {
        lines.push(line);
        line = [];
      } else if (part.type === 'text' && part.value.includes('\n')) {
        const value = isBreak(child.children[i - 1]) ? part.value.replace(/^\n/, '') : part.value;
        const [first = '', ...rest] = value.split('\n');
        if (first) line.push({ type: 'text', value: first });
        for (const next of rest) {
          lines.push(line);
          line = next ? [{ type: 'text', value: next }] : [];
        }
      } else {
        line.push(part);
      }
    }
    lines.push(line);
  }
  let firstSender: string | undefined;
  return lines
    .filter((line) => line.length > 0)
    .map((line) => {
      const sender = splitSender(line);
      firstSender ??= sender?.name;
      const reply = sender !== undefined && sender.name !== firstSender;
      return {
        type: 'element',
        tagName: 'p',
        properties: { className: reply ? ['message', 'reply'] : ['message'] },
        children: sender
          ? [
              { type: 'element', tagName: 'b', properties: { className: ['sender'] }, children: [{ type: 'text', value: sender.name }] },
              ...sender.rest,
            ]
          : line,
      };
    });
}

/** `Meg: Are you there?` or `**Meg:** Are you there?` → the sender, and the message after the colon. */
function splitSender(line: ElementContent[]): { name: string; rest: ElementContent[] } | undefined {
  const [first, ...others] = line;
  if (first?.type === 'element' && first.tagName === 'strong') {
    const label = first.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    const inside = /^(.{1,40}?):\s*$/.exec(label);
    const next = others[0];
    const after = next?.type === 'text' ? /^:\s*/.exec(next.value) : null;
    if (inside) return { name: inside[1]!, rest: trimStart(others) };
    if (after && next?.type === 'text')
      return { name: label, rest: trimStart([{ type: 'text', value: next.value.slice(after[0].length) }, ...others.slice(1)]) };
  }
  if (first?.type === 'text') {
    const match = /^([^:\n]{1,40}?):\s+/.exec(first.value);
    if (match) return { name: match[1]!, rest: [{ type: 'text', value: ` ${first.value.slice(match[0].length)}` }, ...others] };
  }
  return undefined;
}

function trimStart(parts: ElementContent[]): ElementContent[] {
  const [first, ...rest] = parts;
  if (first?.type === 'text') return [{ type: 'text', value: ` ${first.value.trimStart()}` }, ...rest];
  return parts;
}
