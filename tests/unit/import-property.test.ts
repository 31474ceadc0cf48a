import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/importer/files';
import { readInput } from '../../src/importer/read';
import { plainRenderer } from '../support/renderer';
import { parseContentFile } from '../support/content-file';
import { makeDocx, makeEpub } from '../support/documents';
import { wordsOf } from '../support/html';

/**
 * Generated stories, written out as a web page, an EPUB, a Word document, Rich Text, an
 * OpenDocument text, a FictionBook, a WordPress export and plain text by
 * writers of their own, imported, and rendered by the build's pipeline: every word of the
 * story is on the page, in order, and nothing is added. QUIRE_PROPERTY_RUNS=2000 for more.
 */

const runs = Number(process.env.QUIRE_PROPERTY_RUNS ?? 150);

/** A run of text: words from several scripts, punctuation Markdown cares about, and emphasis. */
interface Run {
  tokens: string[];
  separators: string[];
  emphasis: 'none' | 'em' | 'strong';
}
interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  note: string[] | undefined;
  /** How the line starts in plain text: pasted from a word processor, often indented. */
  indent: string;
  /** How a web page or a Word document aligns it. */
  align: 'start' | 'center' | 'right';
  /** Whether a web page or a Word document has an empty paragraph (a word processor's blank line) before it, aligned so. */
  emptyBefore: 'none' | 'start' | 'center';
}
/** Lines kept as written: a poem, a song, a letter's address. */
interface Verse {
  kind: 'verse';
  lines: string[][];
}
type Block = Paragraph | Verse | { kind: 'break' };
type Chapter = Block[];

const words = [
  'lamp',
  'Meg',
  'Erik',
  'été',
  'naïve',
  'über',
  'Straße',
  'O’Neil',
  'don’t',
  '1871',
  '光',
  '夜の灯',
  'שלום',
  'הים',
  'مرحبا',
  'القمر',
  'Ночь',
  'fête',
];
const marks = [
  ',',
  '.',
  '!',
  '?',
  ';',
  ':',
  '…',
  '—',
  '-',
  '(',
  ')',
  '"',
  "'",
  '“',
  '”',
  '*',
  '#',
  '_',
  '<',
  '>',
  '&',
  '[',
  ']',
  '~',
  '`',
  '1.',
  '+',
];

const word = fc.constantFrom(...words);
const token = fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...marks) });
const run: fc.Arbitrary<Run> = fc
  .tuple(
    fc.array(token, { minLength: 1, maxLength: 8 }),
    fc.array(fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0'), { minLength: 8, maxLength: 8 }),
    fc.constantFrom('none', 'none', 'em', 'strong'),
  )
  // Every run holds a word: a paragraph of marks alone is a scene break by design.
  .map(([tokens, separators, emphasis]) => ({ tokens: [...tokens, words[tokens.length % words.length]!], separators, emphasis }));
const paragraph: fc.Arbitrary<Paragraph> = fc.record({
  kind: fc.constant('paragraph' as const),
  runs: fc.array(run, { minLength: 1, maxLength: 4 }),
  note: fc.option(fc.array(word, { minLength: 1, maxLength: 5 }), { nil: undefined, freq: 5 }),
  indent: fc.constantFrom('', '', '    ', '\t', '  ', '\u3000'),
  align: fc.constantFrom('start', 'start', 'start', 'center', 'right'),
  emptyBefore: fc.constantFrom('none', 'none', 'none', 'start', 'center'),
});
const verse: fc.Arbitrary<Verse> = fc.record({
  kind: fc.constant('verse' as const),
  lines: fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 4 }),
});
const chapter: fc.Arbitrary<Chapter> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: paragraph },
      { weight: 1, arbitrary: verse },
      { weight: 1, arbitrary: fc.constant({ kind: 'break' as const }) },
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  // A chapter opens and closes with text, and has no two breaks together.
  .map((blocks) => blocks.filter((block, i) => block.kind !== 'break' || (i > 0 && blocks[i - 1]!.kind !== 'break')))
  .filter((blocks) => blocks.length > 0 && blocks[0]!.kind === 'paragraph' && blocks.at(-1)!.kind === 'paragraph');
const verseLine = (line: string[]) => line.join(' ');

const plain = (r: Run) => r.tokens.map((t, i) => (i === 0 ? t : `${r.separators[i % 8]}${t}`)).join('');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The words a reader of the source sees, in reading order: the text, then its notes. */
function storyWords(chapters: Chapter[], inlineNotes: boolean): string[][] {
  return chapters.map((blocks) => {
    const text: string[] = [];
    const notes: string[] = [];
    for (const block of blocks) {
      if (block.kind === 'break') continue;
      if (block.kind === 'verse') {
        text.push(...block.lines.map(verseLine));
        continue;
      }
      text.push(...block.runs.map(plain));
      if (block.note) (inlineNotes ? text : notes).push(block.note.join(' '));
    }
    return wordsOf([...text, ...notes].join(' '));
  });
}

/** A chapter as (X)HTML: emphasis as elements, breaks as rules, notes as pandoc writes them. */
function htmlChapter(blocks: Chapter, n: number, epub: boolean): string {
  let note = 0;
  const notes: string[] = [];
  const body = blocks
    .map((block) => {
      if (block.kind === 'break') return '<hr/>';
      if (block.kind === 'verse') return `<p>${block.lines.map(verseLine).join('<br/>\n')}</p>`;
      const text = block.runs
        .map((r) => (r.emphasis === 'none' ? escapeXml(plain(r)) : `<${r.emphasis}>${escapeXml(plain(r))}</${r.emphasis}>`))
        .join(' ');
      const empty =
        block.emptyBefore === 'none' ? '' : `<p${block.emptyBefore === 'center' ? ' style="text-align: center"' : ''}><br/></p>`;
      const open = `${empty}<p${block.align === 'start' ? '' : ` style="text-align: ${block.align}"`}>`;
      if (!block.note) return `${open}${text}</p>`;
      note++;
      const id = `c${n}n${note}`;
      notes.push(
        epub
          ? `<aside epub:type="footnote" id="${id}"><p>${block.note.join(' ')}</p></aside>`
          : `<li id="fn${note}"><p>${block.note.join(' ')} <a href="#fnref${note}" class="footnote-back">↩</a></p></li>`,
      );
      return epub
        ? `${open}${text}<a epub:type="noteref" href="#${id}">${note}</a></p>`
        : `${open}${text}<a href="#fn${note}" class="footnote-ref" id="fnref${note}"><sup>${note}</sup></a></p>`;
    })
    .join('\n');
  const heading = `<h2>Chapter ${n}</h2>`;
  if (epub) return `${heading}${body}${notes.join('')}`;
  return `${heading}${body}${notes.length ? `<section class="footnotes"><ol>${notes.join('')}</ol></section>` : ''}`;
}

/** A story as a FictionBook: a section a chapter, emphasis as FB2's own elements, verse as a poem, notes in the notes' body. */
function fictionBook(chapters: Chapter[]): string {
  const notes: string[] = [];
  const sections = chapters.map((blocks, c) => {
    const body = blocks
      .map((block) => {
        if (block.kind === 'break') return '<subtitle>* * *</subtitle>';
        if (block.kind === 'verse')
          return `<poem><stanza>${block.lines.map((line) => `<v>${verseLine(line)}</v>`).join('')}</stanza></poem>`;
        const text = block.runs
          .map((r) =>
            r.emphasis === 'none'
              ? escapeXml(plain(r))
              : `<${r.emphasis === 'em' ? 'emphasis' : 'strong'}>${escapeXml(plain(r))}</${r.emphasis === 'em' ? 'emphasis' : 'strong'}>`,
          )
          .join(' ');
        if (!block.note) return `<p>${text}</p>`;
        notes.push(`<section id="n${notes.length + 1}"><title><p>${notes.length + 1}</p></title><p>${block.note.join(' ')}</p></section>`);
        return `<p>${text}<a l:href="#n${notes.length}" type="note">[${notes.length}]</a></p>`;
      })
      .join('');
    return `<section><title><p>Chapter ${c + 1}</p></title>${body}</section>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink"><description><title-info><book-title>Generated</book-title><lang>en</lang></title-info></description><body>${sections.join('')}</body><body name="notes">${notes.join('')}</body></FictionBook>`;
}

/**
 * A chapter as WordPress's classic editor stores it: paragraphs apart by blank lines, a verse's
 * lines by newlines, no `<p>`; footnotes as a plugin writes them, a list at the end.
 */
function classicPost(blocks: Chapter): string {
  const notes: string[] = [];
  const body = blocks.map((block) => {
    if (block.kind === 'break') return '<hr />';
    if (block.kind === 'verse') return block.lines.map(verseLine).join('\n');
    const text = block.runs
      .map((r) => (r.emphasis === 'none' ? escapeXml(plain(r)) : `<${r.emphasis}>${escapeXml(plain(r))}</${r.emphasis}>`))
      .join(' ');
    if (!block.note) return text;
    notes.push(`<li id="fn${notes.length + 1}">${block.note.join(' ')}</li>`);
    return `${text}<a href="#fn${notes.length}" class="footnote-ref"><sup>${notes.length}</sup></a>`;
  });
  return [...body, ...(notes.length ? [`<ol class="footnotes">${notes.join('')}</ol>`] : [])].join('\n\n');
}

/** A story as a WordPress export: a post a chapter, published a day apart, in the block editor's HTML and the classic editor's text by turns. */
function wordPressExport(chapters: Chapter[]): string {
  const items = chapters.map(
    (blocks, i) =>
      `<item><title>Chapter ${i + 1}</title><content:encoded><![CDATA[${i % 2 ? classicPost(blocks) : htmlChapter(blocks, i + 1, false).replace(/^<h2>.*?<\/h2>/, '')}]]></content:encoded><wp:post_date>2024-03-0${i + 1} 10:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Generated</title><language>en</language>${items.reverse().join('')}</channel></rss>`;
}

/** A chapter as Word runs: italic and bold as run properties, notes inline in brackets. */
function docxChapter(blocks: Chapter, n: number): string[] {
  const run = (text: string, emphasis: Run['emphasis']) =>
    `<w:r>${emphasis === 'em' ? '<w:rPr><w:i/></w:rPr>' : emphasis === 'strong' ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  return [
    `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(`Chapter ${n}`, 'none')}</w:p>`,
    ...blocks.map((block) =>
      block.kind === 'break'
        ? `<w:p>${run('* * *', 'none')}</w:p>`
        : block.kind === 'verse'
          ? `<w:p>${block.lines.map((line) => run(verseLine(line), 'none')).join('<w:r><w:br/></w:r>')}</w:p>`
          : `${block.emptyBefore === 'none' ? '' : `<w:p>${block.emptyBefore === 'center' ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}</w:p>`}<w:p>${block.align === 'start' ? '' : `<w:pPr><w:jc w:val="${block.align}"/></w:pPr>`}${block.runs.map((r) => run(`${plain(r)} `, r.emphasis)).join('')}${block.note ? run(` (${block.note.join(' ')})`, 'none') : ''}</w:p>`,
    ),
  ];
}

/** Text in Rich Text: braces and backslashes escaped, a no-break space as `\~`, anything past ASCII as `\uN?`. */
const rtfText = (text: string) =>
  [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if ('\\{}'.includes(char)) return `\\${char}`;
      if (code === 0xa0) return '\\~';
      return code > 127 ? `\\u${code > 32767 ? code - 65536 : code}?` : char;
    })
    .join('');

/** A story as Rich Text, as LibreOffice and Word write it: headings by outline level, emphasis in groups, verse by `\line`, real footnotes. */
function richText(chapters: Chapter[]): string {
  const body = chapters.flatMap((blocks, c) => [
    `\\pard\\outlinelevel0 Chapter ${c + 1}\\par`,
    ...blocks.map((block) => {
      if (block.kind === 'break') return '\\pard\\qc * * *\\par';
      if (block.kind === 'verse') return `\\pard ${block.lines.map((line) => rtfText(verseLine(line))).join('\\line ')}\\par`;
      const text = block.runs
        .map((r) => (r.emphasis === 'none' ? rtfText(plain(r)) : `{\\${r.emphasis === 'em' ? 'i' : 'b'} ${rtfText(plain(r))}}`))
        .join(' ');
      const note = block.note ? `{\\super \\chftn{\\*\\footnote \\chftn\\pard\\plain ${rtfText(` ${block.note.join(' ')}`)}}}` : '';
      return `\\pard ${text}${note}\\par`;
    }),
  ]);
  return `{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0 Times;}}\n${body.join('\n')}\n}`;
}

/** A story as a flat OpenDocument text (.fodt): headings, emphasis by automatic styles, verse by line breaks, real footnotes. */
function openDocument(chapters: Chapter[]): string {
  let notes = 0;
  const body = chapters.flatMap((blocks, c) => [
    `<text:h text:outline-level="1">Chapter ${c + 1}</text:h>`,
    ...blocks.map((block) => {
      if (block.kind === 'break') return '<text:p>* * *</text:p>';
      if (block.kind === 'verse')
        return `<text:p>${block.lines.map((line) => escapeXml(verseLine(line))).join('<text:line-break/>')}</text:p>`;
      const text = block.runs
        .map((r) =>
          r.emphasis === 'none'
            ? escapeXml(plain(r))
            : `<text:span text:style-name="${r.emphasis === 'em' ? 'T1' : 'T2'}">${escapeXml(plain(r))}</text:span>`,
        )
        .join(' ');
      const note = block.note
        ? `<text:note text:id="ftn${++notes}" text:note-class="footnote"><text:note-citation>${notes}</text:note-citation><text:note-body><text:p>${block.note.join(' ')}</text:p></text:note-body></text:note>`
        : '';
      return `<text:p>${text}${note}</text:p>`;
    }),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style><style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:text>${body.join('')}</office:text></office:body></office:document>`;
}

/** A chapter as plain text, the way authors paste it: notes inline in brackets. */
function textChapter(blocks: Chapter, n: number): string {
  return [
    `Chapter ${n}`,
    ...blocks.map((block) =>
      block.kind === 'break'
        ? '* * *'
        : block.kind === 'verse'
          ? block.lines.map(verseLine).join('\n')
          : `${block.indent}${block.runs.map(plain).join(' ')}${block.note ? ` (${block.note.join(' ')})` : ''}`,
    ),
  ].join('\n\n');
}

const renderer = plainRenderer;

/** The line breaks a reader of the source sees: those within its verse. */
function storyLineBreaks(chapters: Chapter[]): number[] {
  return chapters.map((blocks) => blocks.reduce((sum, block) => sum + (block.kind === 'verse' ? block.lines.length - 1 : 0), 0));
}

/** Imports an input and renders each chapter as the build does: the words on each page (text then footnotes), and its line breaks. */
async function pages(bytes: Uint8Array, name: string): Promise<{ words: string[][]; lineBreaks: number[] }> {
  const work = await readInput(bytes, name);
  const plan = await planImport(work, []);
  // The importer's own word check agrees: an import it would refuse writes nothing, however right its pages.
  expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
  const words: string[][] = [];
  const lineBreaks: number[] = [];
  for (const file of plan.chapters) {
    const { body } = parseContentFile(file.text);
    const page = await renderer.chapter(body);
    expect(page.problems).toEqual([]);
    words.push(wordsOf(`${page.text} ${page.footnotes}`));
    lineBreaks.push(page.html.match(/<br\b/g)?.length ?? 0);
  }
  return { words, lineBreaks };
}

describe('any story, in any format, imports with every word on the page, in order, nothing added', () => {
  const story = fc.array(chapter, { minLength: 1, maxLength: 3 });
  const oneChapter = fc.array(chapter, { minLength: 1, maxLength: 1 });
  const property = (stories: fc.Arbitrary<Chapter[]>, write: (chapters: Chapter[]) => [Uint8Array, string], inlineNotes: boolean) =>
    fc.assert(
      fc.asyncProperty(stories, async (chapters) => {
        const [bytes, name] = write(chapters);
        expect(await pages(bytes, name)).toEqual({ words: storyWords(chapters, inlineNotes), lineBreaks: storyLineBreaks(chapters) });
      }),
      { numRuns: runs },
    );

  it('from an EPUB', { timeout: 120_000 }, () =>
    property(
      story,
      (chapters) => [
        makeEpub({
          version: 3,
          metadata: '<dc:title>Generated</dc:title><dc:language>en</dc:language>',
          spine: chapters.map((blocks, i) => ({ path: `c${i + 1}.xhtml`, html: htmlChapter(blocks, i + 1, true) })),
          toc: chapters.map((_, i) => ({ title: `Chapter ${i + 1}`, href: `c${i + 1}.xhtml` })),
        }),
        'generated.epub',
      ],
      false,
    ),
  );

  it('from a web page', { timeout: 120_000 }, () =>
    property(
      oneChapter,
      (chapters) => [new TextEncoder().encode(`<article>${htmlChapter(chapters[0]!, 1, false)}</article>`), 'chapter-1.html'],
      false,
    ),
  );

  it('from a Word document', { timeout: 120_000 }, () =>
    property(story, (chapters) => [makeDocx(chapters.flatMap((blocks, i) => docxChapter(blocks, i + 1))), 'generated.docx'], true),
  );

  it('from a FictionBook', { timeout: 120_000 }, () =>
    property(story, (chapters) => [new TextEncoder().encode(fictionBook(chapters)), 'generated.fb2'], false),
  );

  it('from a WordPress export', { timeout: 120_000 }, () =>
    property(story, (chapters) => [new TextEncoder().encode(wordPressExport(chapters)), 'generated.xml'], false),
  );

  it('from Rich Text', { timeout: 120_000 }, () =>
    property(story, (chapters) => [new TextEncoder().encode(richText(chapters)), 'generated.rtf'], false),
  );

  it('from an OpenDocument text', { timeout: 120_000 }, () =>
    property(story, (chapters) => [new TextEncoder().encode(openDocument(chapters)), 'generated.fodt'], false),
  );

  it('from plain text', { timeout: 120_000 }, () =>
    property(oneChapter, (chapters) => [new TextEncoder().encode(textChapter(chapters[0]!, 1)), 'chapter-1.txt'], true),
  );
});
