import { importedStory, type ImportedStory } from '../model.ts';

/**
 * A text from Aozora Bunko (青空文庫, the library of Japanese books out of copyright, as
 * Project Gutenberg is of English ones), in its notation: the title and author above a block
 * that explains the notation (【テキスト中に現れる記号について】), the book, and a colophon
 * (底本：…, the edition typed from, and who typed it). Readings (`｜漢字《かんじ》`) stay as they
 * are: the site's Japanese Markdown writes them so. Of the typesetter's notes (［＃…］): a page
 * turned (改ページ) becomes a scene break; a heading's (「一」は中見出し) makes its line a title
 * line; emphasis dots (「先生」に傍点) mark their words as emphasis; the others (indents, where a
 * line ends) are left out, and said.
 */

export interface AozoraText {
  /** The book's own text, its notes taken out. */
  text: string;
  /** The title and author above the notation's explanation. */
  story: ImportedStory;
  /** The lines that are headings, as their notes mark them: a chapter's (中見出し), or a part's (大見出し), which opens the chapter below it. */
  headings: Map<string, 'chapter' | 'part'>;
  /** What was left out, to say. */
  dropped: string[];
}

const explanation = /^-{20,}\s*\n【テキスト中に現れる記号について】[\s\S]*?\n-{20,}\s*$/m;
const note = /［＃[^［］\n]*(?:［[^［］\n]*］[^［］\n]*)*］/g;
const pageTurn = /^(?:改ページ|改丁|改見開き|改段)$/;
const heading = /^「([^」]+)」は(大|中|小)見出し$/;
const emphasis = /^「([^」]+)」に(?:白ゴマ|丸|白丸|黒丸|二重丸|蛇の目|黒三角|白三角|ばつ)?傍点$/;

/**
 * Around words the notes dot for emphasis: two characters of Unicode's private use area, which no
 * text holds, for the text reader to make emphasis of (what the site sets as dots in Japanese).
 */
export const emphasisMarks = { open: '\uE000', close: '\uE001' } as const;

/** The book inside an Aozora Bunko text, or undefined when the text is none. */
export function readAozora(input: string): AozoraText | undefined {
  if (!input.includes('【テキスト中に現れる記号について】')) return undefined;
  const normal = input.replace(/\r\n?/g, '\n');
  const block = explanation.exec(normal);
  if (!block) return undefined;
  const [title, ...byline] = normal
    .slice(0, block.index)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  let body = normal.slice(block.index + block[0].length);
  const dropped = ['Aozora Bunko’s explanation of its notation (【テキスト中に現れる記号について】)'];
  // The colophon: from 底本 (the edition typed from) to the end.
  const colophon = /^底本：/m.exec(body);
  if (colophon) {
    body = body.slice(0, colophon.index);
    dropped.push('Aozora Bunko’s colophon (底本, 入力, 校正: the edition typed from, and who typed it)');
  }
  const headings = new Map<string, 'chapter' | 'part'>();
  let left = 0;
  const raw = body.split('\n');
  // A page turned before a heading is the heading's own page: no break inside the chapter above it.
  const headingNext = (at: number) => {
    let next = at + 1;
    while (next < raw.length && raw[next]!.trim() === '') next++;
    return heading.test(raw[next]?.match(note)?.at(-1)?.slice(2, -1) ?? '');
  };
  const lines = raw.map((line, at) => {
    // Each note taken out in turn, but one after ※, which describes a character the text lacks
    // (※［＃「てへん＋劣」、第3水準1-84-77］): the book's, kept. Emphasis dots over the words just
    // before a note (先生［＃「先生」に傍点］) are marked on them.
    const notes: string[] = [];
    let text = '';
    let from = 0;
    for (const found of line.matchAll(note)) {
      text += line.slice(from, found.index);
      from = found.index + found[0].length;
      if (line[found.index - 1] === '※') {
        text += found[0];
        continue;
      }
      const said = found[0].slice(2, -1);
      notes.push(said);
      const dotted = emphasis.exec(said)?.[1];
      if (dotted && text.endsWith(dotted)) text = `${text.slice(0, -dotted.length)}${emphasisMarks.open}${dotted}${emphasisMarks.close}`;
    }
    if (notes.length === 0) return line;
    text += line.slice(from);
    if (text.trim() === '' && notes.some((said) => pageTurn.test(said))) return headingNext(at) ? '' : '\n* * *\n';
    const marked = notes.map((said) => heading.exec(said)).find((found) => found && found[1] === text.trim());
    if (marked && marked[2] !== '小') headings.set(text.trim(), marked[2] === '大' ? 'part' : 'chapter');
    left += notes.filter((said) => !heading.test(said) && !pageTurn.test(said) && !emphasis.test(said)).length;
    // A heading stands apart from the text around it.
    return marked ? `\n${text.trim()}\n` : text;
  });
  if (left > 0) dropped.push(`${left} of Aozora Bunko’s typesetting notes (［＃…］: indents, line ends, a font’s size)`);
  return {
    text: lines.join('\n'),
    story: importedStory({ title, author: byline.at(-1), language: 'ja' }),
    headings,
    dropped,
  };
}
