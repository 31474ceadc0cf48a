import type { Root } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { definesTypedAddress, definitionLine } from './markdown-references.ts';
import { decodedOnce } from './xml.ts';
import { isSceneBreak } from '../core/scene-breaks.ts';
import { closesFence, fenceOpened } from '../markdown/source-lines.ts';

/** Markdown as an HTML tree (CommonMark), for what the importer reads as Markdown but writes as story.md's fields. */
export function markdownTree(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkRehype);
  return processor.runSync(processor.parse(markdown)) as Root;
}

/**
 * The words of a chapter's Markdown as a reader will see them, read straight from the text
 * (not through the pipeline that renders it, so the import's word check does not share the
 * renderer's mistakes): markup, link targets, HTML tags and footnote labels removed,
 * paragraphs kept. Every pattern takes time in proportion to the text, whatever it holds (a
 * thousand unclosed `<`, `*` or `![` included): none looks further than a bounded span.
 */
export function markdownToPlainText(markdown: string, { inline = false }: { inline?: boolean } = {}): string {
  // A heading's or a line's own text (`inline`): no block opens it, "1. Bölüm" is no list, "> x" no quote.
  const block = (pattern: RegExp) => (inline ? nothing : pattern);
  // Fenced code shows its lines as typed (tags, marks and all), not its fences: held apart until the rest is read.
  const code: string[] = [];
  const text = inline ? markdown.replace(/\r\n?/g, '\n') : withCodeHeld(markdown.replace(/\r\n?/g, '\n'), code);
  return (
    withoutComments(text)
      // A character escaped (`\*literal\*`, `\<span>`) is text, no mark: held apart until the marks are read.
      .replace(escaped, (_, character: string) => String.fromCharCode(heldApart + character.charCodeAt(0)))
      // A link's or a picture's definition (`[image1]: <data:…>`, as Google Docs writes pictures) is not shown at
      // all; a line that gives no address (`[Level]: 3`) is text, as the site shows it.
      .replace(block(new RegExp(definitionLine.source, 'gm')), (line, _label: string, address: string) =>
        definesTypedAddress(address) ? '' : line,
      )
      // A quote's marks first: a tag may go on over a line's end inside a quote too (`<span` / `> lang="ja">`).
      .replace(block(/^(?: {0,3}> ?)+/gm), '')
      // A tag may go on over a line's end (pandoc wraps a long `<img …>`), never past a blank line.
      .replace(/<\/?[a-zA-Z](?:[^<>\n]|\n(?![ \t]*\n)){0,500}>/g, '')
      // A character reference as the character a reader sees (`&amp;` in raw HTML's text, `&eacute;`).
      .replace(/&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi, decodedOnce)
      // A picture's description is not shown as text (the renderer's word count leaves it out too).
      .replace(/!\[[^\]\n]{0,500}\]\([^)\n]{0,500}\)/g, '')
      .replace(/!\[[^\]\n]{0,500}\]\[[^\]\n]{0,500}\]/g, '')
      .replace(block(/^ {0,3}\[\^[^\]\s]{1,200}\]:[ \t]*/gm), '')
      .replace(/\[\^[^\]\s]{1,200}\]/g, ' ')
      // A link's words, brackets in them kept as written (`[[sic]](…)`, `[a [b] c](…)`, one level deep, as CommonMark reads them).
      .replace(/\[((?:[^[\]\n]|\[[^[\]\n]{0,500}\]){0,500})\]\([^)\n]{0,500}\)/g, '$1')
      .replace(/\[((?:[^[\]\n]|\[[^[\]\n]{0,500}\]){0,500})\]\[[^\]\n]{0,500}\]/g, '$1')
      // A task list's box (`- [x] Buy milk`) is shown as a box, not as the letter in it.
      .replace(block(/^[ \t]*(?:[*+-]|\d+[.)])[ \t]+\[[ xX]\][ \t]+/gm), '')
      .replace(block(/^ {0,3}(?:[*_-] *){3,}$/gm), '')
      .replace(block(/^:{3,}[\w-]*\s*$/gm), '')
      .replace(block(/^ {0,3}(?:#{1,6} +|> ?|[*+-] +(?=\S)|\d+[.)] +)/gm), '')
      // A callout's mark (`[!note] A letter`, Obsidian's) is not shown; alone on its line, its kind is the title shown.
      .replace(/^\[!([\p{L}\p{N}_-]{1,40})\][+-]?[ \t]*(\S?)/gmu, (_, kind: string, next: string) => (next ? next : kind))
      // A code span's words, without its backticks (`code`, ``a `b` c``).
      .replace(/(`+)(?!`)([^\n]{0,500}?[^`])\1(?!`)/g, '$2')
      .replace(/(\*\*|\*|~~)(?=\S)([\s\S]{0,1000}?\S)\1/g, '$2')
      // Underscores mark emphasis only at a word's edge: `snake_case_name` is one word, as written.
      .replace(/(?<![\p{L}\p{N}_])(__|_)(?=\S)([\s\S]{0,1000}?\S)\1(?![\p{L}\p{N}_])/gu, '$2')
      .replace(held, (character) => String.fromCharCode(character.charCodeAt(0) - heldApart))
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      // A paragraph that is only a break's marks (`oOo`, `⁂`) is drawn as the site's break, no words.
      .split('\n\n')
      .filter((paragraph) => inline || !isSceneBreak(paragraph))
      .join('\n\n')
      .replace(heldCode, (_, index: string) => code[Number(index)]!)
      .trim()
  );
}

/** Where a fenced block's lines are held while the rest is read: its number between two private-use characters. */
const heldCode = /\uf8f0(\d+)\uf8f1/g;

/** The text with each fenced code block (its content kept in `code`, its fences gone) as a paragraph of its own holding its number. */
function withCodeHeld(text: string, code: string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = fenceOpened(lines[i]!);
    if (fence === undefined) {
      out.push(lines[i]!);
      continue;
    }
    // To the line that closes it, as the site reads code (source-lines.ts), or to the end.
    let end = i + 1;
    while (end < lines.length && !closesFence(lines[end]!, fence)) end++;
    code.push(lines.slice(i + 1, end).join('\n'));
    out.push('', `\uf8f0${code.length - 1}\uf8f1`, '');
    i = end;
  }
  return out.join('\n');
}

/** A pattern that matches nowhere: a block's pattern, in text no block opens. */
const nothing = /(?!)/g;

/** ASCII punctuation escaped with a backslash, as CommonMark reads it. */
const escaped = /\\([!-/:-@[-`{-~])/g;
/** Where an escaped character is held while the marks around it are read: a private-use character, shifted back after. */
const heldApart = 0xe000;
const held = /[\ue021-\ue02f\ue03a-\ue040\ue05b-\ue060\ue07b-\ue07e]/g;

/** The text without `<!-- comments -->`; an unclosed one hides the rest, as it does on a page. */
function withoutComments(text: string): string {
  let out = '';
  let at = 0;
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', at)) {
    out += text.slice(at, start);
    const end = text.indexOf('-->', start + 4);
    if (end < 0) return out;
    at = end + 3;
  }
  return out + text.slice(at);
}
