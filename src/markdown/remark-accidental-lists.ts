import type { List, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { sourceLines } from './source-lines.ts';

/**
 * A line of dialogue: words said, opening as a sentence does (a capital, or Spanish's ¿ ¡), then
 * who said them after a spaced hyphen or dash, to the end of a sentence: `- Hola - dijo él.`,
 * `- Привет, - сказал он.` Not a list's item with a note after a dash (`- milk - the green bottle`,
 * `- Eggs - a dozen`).
 */
function isDialogue(text: string): boolean {
  // Three patterns one after another, each in time linear in the line, not one with two runs of
  // anything around the dash (seconds on a list's item of a few hundred thousand characters).
  const opening = /^[¿¡"“«„]?\p{Lu}/u.exec(text);
  return opening !== null && /\S\s[-–]\s+\p{Ll}/u.test(text.slice(opening[0].length)) && /[.!?…]["”’»]?$/u.test(text);
}

/**
 * Tells the author of prose that Markdown read as a list, which readers see with bullets or
 * numbers and indented: dialogue opened by a hyphen, as Spanish, Russian or French authors
 * type it without a dash key (`- Hola - dijo él.`), and a paragraph opening with a number and
 * a full stop (`1984. The year…`), a list of one starting at 1984. The text renders as Markdown has it.
 */
export function remarkAccidentalLists() {
  return (tree: Root, file: VFile) => {
    const lines = sourceLines(file);
    visit(tree, 'list', (list: List) => {
      const first = list.children[0];
      const start = first?.position?.start;
      if (!first || !start) return;
      const text = toString(first);
      const typed = (lines[start.line - 1] ?? '').trim();
      if (!list.ordered && typed.startsWith('-') && list.children.some((item) => isDialogue(toString(item)))) {
        file.info(problems.DialogueAsList.message(typed), { line: start.line, column: 1 });
      } else if (
        list.ordered &&
        list.children.length === 1 &&
        (list.start ?? 1) !== 1 &&
        /[.!?…]["”’»]?$/u.test(text) &&
        text.split(/\s+/).length >= 4
      ) {
        file.info(problems.NumberAsList.message(typed, String(list.start)), { line: start.line, column: 1 });
      }
    });
  };
}
