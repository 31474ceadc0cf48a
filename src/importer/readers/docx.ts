import type { Element } from 'hast';
import { strFromU8, strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { imageName } from '../files.ts';
import { parseHtml, select, visibleText } from '../html.ts';
import { ImportError, type ImportedWork } from '../model.ts';
import { unzipWithin } from '../zip.ts';
import { commentsDropped, deletionsDropped, readDocumentBody } from './document.ts';
import { problems } from '../../core/problems.ts';

/**
 * Word's formatting the site keeps: underline, small caps, centred and right-aligned lines,
 * titles, and the built-in styles for quotations (Quote, Intense Quote, and Block Text, which
 * pandoc writes for a block quote) and emphasis (Emphasis, Strong, as Word's style gallery sets them).
 */
const styleMap = [
  'u => u',
  'small-caps => span.small-caps',
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => em",
  "r[style-name='Subtle Emphasis'] => em",
  "r[style-name='Strong'] => strong",
  "p[style-name='Quire Center'] => p.center:fresh",
  "p[style-name='Quire Right'] => p.right:fresh",
  "p[style-name='Title'] => h1.quire-title:fresh",
  "p[style-name='Subtitle'] => p.quire-subtitle:fresh",
  "p[style-name='Author'] => p.quire-author:fresh",
  "p[style-name='Date'] => p.quire-date:fresh",
];

/**
 * Horizontal lines drawn as scene breaks, which mammoth does not read: Word's and pandoc's
 * line shape (`o:hr="t"`), an empty paragraph with only a bottom border, or a line or a thin
 * bar drawn across the page (LibreOffice's horizontal line, a shape from Word's Insert → Shapes).
 * They become a paragraph of `* * *`, which is read as a break.
 */
function withDrawnBreaks(bytes: Uint8Array, file: string): { bytes: Uint8Array; comments: number; deletions: number } {
  const files = unzipWithin(bytes, file, 'Word document');
  const document = files['word/document.xml'];
  const comments = files['word/comments.xml'] ? (strFromU8(files['word/comments.xml']).match(/<w:comment\b/g) ?? []).length : 0;
  if (!document) return { bytes, comments, deletions: 0 };
  const xml = strFromU8(document);
  const deletions = trackedDeletions(xml);
  const patched = paragraphsOf(xml, (paragraph) => {
    if (/<w:t[\s>]/.test(paragraph)) return paragraph;
    const border = paragraph.indexOf('<w:pBdr>');
    const line =
      paragraph.includes('o:hr="t"') ||
      (border >= 0 && /<w:bottom\b/.test(paragraph.slice(border, paragraph.indexOf('</w:pBdr>', border)))) ||
      drawnLine(paragraph);
    return line ? '<w:p><w:r><w:t>* * *</w:t></w:r></w:p>' : paragraph;
  });
  if (patched === xml) return { bytes, comments, deletions };
  return { bytes: zipSync({ ...files, 'word/document.xml': strToU8(patched) }), comments, deletions };
}

/**
 * How many deletions a document tracked that hold text (`<w:del>` around a `<w:delText>`), which
 * Word keeps and mammoth leaves out: read in one pass over those tags, so deletions left open by
 * the thousand cost no more than closed ones.
 */
function trackedDeletions(xml: string): number {
  let count = 0;
  let open = false;
  let counted = false;
  for (const [tag] of xml.matchAll(/<w:del\b|<\/w:del>|<w:delText\b/g)) {
    if (tag === '<w:del') [open, counted] = [true, false];
    else if (tag === '</w:del>') open = false;
    else if (open && !counted) {
      count++;
      counted = true;
    }
  }
  return count;
}

/** English Metric Units: 914,400 to the inch. */
const inch = 914_400;

/**
 * Whether a paragraph without text holds only a line drawn across the page: a line shape, or a
 * rectangle at most 3 points high and at least 3 inches wide (no picture in it).
 */
function drawnLine(paragraph: string): boolean {
  if (paragraph.includes('<a:blip') || paragraph.includes('<v:imagedata')) return false;
  if (/<wps:wsp\b[\s\S]*?prst="line"/.test(paragraph) || /<v:line\b/.test(paragraph)) return true;
  const extent = /<wp:extent\s+cx="(\d+)"\s+cy="(\d+)"/.exec(paragraph);
  if (!extent || !/prst="rect"/.test(paragraph)) return false;
  const [width, height] = [Number(extent[1]), Number(extent[2])];
  return width >= 3 * inch && height <= (3 / 72) * inch;
}

/**
 * WordprocessingML with each paragraph (`<w:p>…</w:p>`, the innermost where they nest) put
 * through `change`, in one pass over the tags: a document of thousands of paragraphs left
 * open takes as long as one of thousands closed.
 */
function paragraphsOf(xml: string, change: (paragraph: string) => string): string {
  let out = '';
  let done = 0;
  let open = -1;
  for (const tag of xml.matchAll(/<w:p[ >]|<\/w:p>/g)) {
    if (tag[0] !== '</w:p>') {
      open = tag.index;
      continue;
    }
    const close = tag.index + tag[0].length;
    if (open >= done) {
      out += xml.slice(done, open) + change(xml.slice(open, close));
      done = close;
    }
    open = -1;
  }
  return out + xml.slice(done);
}

/** Gives centred and right-aligned paragraphs (direct formatting, no style) a style the map above knows. */
function markAlignment(element: { type?: string; alignment?: string; styleName?: string; children?: unknown[] }): unknown {
  if (element.type === 'paragraph' && !element.styleName) {
    if (element.alignment === 'center') return { ...element, styleName: 'Quire Center' };
    if (element.alignment === 'right' || element.alignment === 'end') return { ...element, styleName: 'Quire Right' };
  }
  if (Array.isArray(element.children)) return { ...element, children: element.children.map((child) => markAlignment(child as never)) };
  return element;
}

/**
 * A Word document (.docx, also as Google Docs downloads it), read by mammoth: one chapter, or
 * several split at their headings or title lines ("Chapter 3: The Lake"); italics, bold,
 * underline, small caps, centred lines, scene breaks, footnotes and pictures kept.
 */
export async function readDocx(bytes: Uint8Array, file: string, stem: string): Promise<ImportedWork> {
  const images = new Map<string, Uint8Array>();
  const prepared = withDrawnBreaks(bytes, file);
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(prepared.bytes) },
      {
        styleMap,
        transformDocument: markAlignment,
        convertImage: mammoth.images.imgElement(async (image) => {
          const extension = image.contentType.split('/')[1]?.replace('jpeg', 'jpg').replace('svg+xml', 'svg') ?? 'png';
          const name = imageName(`${stem}-picture.${extension}`, new Set(images.keys()));
          images.set(name, new Uint8Array(await image.readAsBuffer()));
          return { src: `images/${name}` };
        }),
      },
    );
  } catch (error) {
    throw new ImportError(problems.UnreadableWord.message(file, (error as Error).message));
  }
  const notices = result.messages
    .filter(
      (message) => message.type === 'warning' && !/unrecognised (?:paragraph|run) style|referenced but not defined/i.test(message.message),
    )
    .map((message) => `Word: ${message.message}`);
  const tree = parseHtml(`<body>${result.value}</body>`);
  const body = (select('body', tree) ?? tree) as Element;
  // The words as read, before anything below moves them (the footnotes go to their chapters).
  const dropped = [...commentsDropped(prepared.comments), ...deletionsDropped(prepared.deletions)];
  return readDocumentBody(body, { format: 'Word document', stem, images, source: visibleText(body), notices, dropped });
}
