import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageProblems } from '../../src/cli/support/verify-site';
import { withoutWords } from '../../src/importer/fidelity';
import { plainRenderer } from '../support/renderer';

/**
 * What an author types, read by the build's pipeline: generated chapters of words and of the
 * marks Markdown, fanfic and pasted HTML use, run together any way. Every letter typed reaches
 * the page (its text or its footnotes), or the author is told why not (a problem or a notice
 * naming the line). Left out as what Markdown means by them: the names of HTML tags, and
 * numbers (a list's number is its marker). And however the raw HTML is typed (left open,
 * misnested, in no list), the page is valid HTML, which the check before a site goes live asks.
 * QUIRE_PROPERTY_RUNS=5000 for more.
 */

const runs = Number(process.env.QUIRE_PROPERTY_RUNS ?? 1000);

const words = ['meg', 'lantern', 'Café', 'don’t', "o'clock", 'POV', '雪', '夜の灯', 'שלום', 'القمر', 'Ночь'];
/** HTML the tests type, whose tag names are markup, not words. */
const tags = ['<br>', '<i>', '</i>', '<center>', '</center>', '<p>', '</p>', '<b>', '</b>'];
const marks = [
  ...['*', '**', '_', '__', '~', '~~', '~~~', '==', '`', '```', '[', ']', '(', ')', '<', '>', '#', '-', '+', '|', '\\', '!'],
  ...['^', '"', "'", '&', ':', ';', '.', '?', '/', '=', '{', '}', '%', '$$', '---', '***', '[^1]', '^[', ':::', '[[', ']]'],
  ...[' ', ' ', ' ', '\t', '    ', '\n', '\n', '  \n', '\n\n', '\n\n', '> ', '- ', '* ', '# '],
  ...tags,
];
const chapter = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 3 }, { arbitrary: fc.constantFrom(...marks), weight: 4 }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((tokens) => tokens.join(''));

/** The letters of a text, each once per time it occurs: what a reader would read, marks aside. */
function letters(text: string): string[] {
  return [...text.normalize('NFC').toLowerCase().matchAll(/\p{L}/gu)].map(([letter]) => letter);
}

const tagNames = new RegExp(tags.map((tag) => RegExp.escape(tag)).join('|'), 'g');

describe('every letter an author types', () => {
  it('reaches the page, or the author is told where and why', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(chapter, async (markdown) => {
        const rendered = await plainRenderer.chapter(markdown);
        if (rendered.problems.length > 0 || rendered.notices.length > 0) return;
        const lost = withoutWords(letters(markdown.replace(tagNames, ' ')), letters(`${rendered.text} ${rendered.footnotes}`));
        expect(lost.join(''), `${JSON.stringify(markdown)} → ${JSON.stringify(rendered.text)}`).toBe('');
      }),
      { numRuns: runs, seed: Number(process.env.QUIRE_PROPERTY_SEED ?? 20261207) },
    );
  });
});

/** Raw HTML as authors type it, and mistype it: left open, in the wrong place, without what it needs. */
const rawHtml = [
  ...['<i>', '</i>', '<b>', '</b>', '<em>', '<span lang="fr">', '<span dir="rtl">', '</span>', '<a href="https://example.org/">', '</a>'],
  ...['<center>', '</center>', '<div class="center">', '</div>', '<p>', '</p>', '<br>', '<hr>', '<h2>', '</h2>', '<blockquote>'],
  ...['<ul>', '<ol>', '<li>', '</li>', '<dl>', '<dt>', '<dd>', '<table>', '<tr>', '<td>', '<caption>', '<details>', '<summary>'],
  ...['</details>', '<ruby>', '<rt>', '</ruby>', '<sup>', '<sub>', '<kbd>', '<u>', '<s>', '<small>', '<pre>', '</pre>', '<code>'],
];
const typedHtml = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...words), weight: 3 },
      { arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '  \n', '*', '- ', '> ', '```', '[^1]', '\n[^1]: a note\n'), weight: 2 },
      { arbitrary: fc.constantFrom(...rawHtml), weight: 3 },
    ),
    { minLength: 1, maxLength: 60 },
  )
  .map((tokens) => tokens.join(''));

describe('raw HTML however it is typed', () => {
  it('makes a valid page, as the check before a site goes live asks', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(typedHtml, async (markdown) => {
        const rendered = await plainRenderer.chapter(markdown);
        if (rendered.problems.length > 0) return;
        const page = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A chapter</title>\n</head>\n<body>\n<main>\n<h1>A chapter</h1>\n${rendered.html}\n</main>\n</body>\n</html>\n`;
        expect(await pageProblems(page), `${JSON.stringify(markdown)} →\n${rendered.html}`).toEqual([]);
      }),
      { numRuns: Math.ceil(runs / 4), seed: Number(process.env.QUIRE_PROPERTY_SEED ?? 20261207) },
    );
  });
});
