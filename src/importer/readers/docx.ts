import type { Element } from 'hast';
import { strFromU8, strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { visit } from 'unist-util-visit';
import { imageName } from '../image-name.ts';
import { parseHtml, select, visibleText } from '../html.ts';
import { ImportError, type ImportedWork } from '../model.ts';
import { unzipWithin } from '../zip.ts';
import { decodedOnce } from '../xml.ts';
import { refuseOverfull } from '../limits.ts';
import { rubyElement } from '../../markdown/remark-ruby.ts';
import { commentsDropped, deletionsDropped, hiddenDropped, readDocumentBody } from './document.ts';
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
  // Word's table of contents, its entries in the styles "toc 1" to "toc 9" under a "TOC Heading"
  // (by name, which Word keeps in English in every language; by id, in a file without styles).
  "p[style-name^='toc '] => p.quire-contents:fresh",
  "p[style-name='TOC Heading'] => p.quire-contents:fresh",
  ...Array.from({ length: 9 }, (_, i) => `p.TOC${i + 1} => p.quire-contents:fresh`),
  'p.TOCHeading => p.quire-contents:fresh',
];

/**
 * The document as mammoth reads it, with what mammoth would miss made readable: horizontal lines
 * drawn as scene breaks — Word's and pandoc's line shape (`o:hr="t"`), an empty paragraph with
 * only a bottom border, or a line or a thin bar drawn across the page (LibreOffice's horizontal
 * line, a shape from Word's Insert → Shapes) — become a paragraph of `* * *`, which is read as a
 * break; ruby is marked (`withRubyMarked`), and wrappers mammoth drops with their text taken off
 * (`withoutWrappers`), and hidden runs taken out (`withoutHiddenRuns`). Counts the comments,
 * tracked deletions and hidden passages it holds.
 */
function preparedForMammoth(
  bytes: Uint8Array,
  file: string,
): { bytes: Uint8Array; comments: number; deletions: number; hidden: number; xml: string } {
  const files = unzipWithin(bytes, file, 'Word document');
  const document = files['word/document.xml'];
  const comments = files['word/comments.xml'] ? (strFromU8(files['word/comments.xml']).match(/<w:comment\b/g) ?? []).length : 0;
  if (!document) return { bytes, comments, deletions: 0, hidden: 0, xml: '' };
  const original = strFromU8(document);
  refuseOverfull(original, file, /<w:p[\s>/]/);
  const styles = files['word/styles.xml'] ? characterStyles(strFromU8(files['word/styles.xml'])) : new Map();
  const { xml, hidden } = withoutHiddenRuns(
    withRubyMarked(withoutWrappers(withStyledRunsFormatted(withContentsFieldStyled(original), styles))),
  );
  const deletions = trackedDeletions(xml);
  const patched = innermost(xml, 'w:p', (paragraph) => {
    if (/<w:t[\s>]/.test(paragraph)) return paragraph;
    const border = paragraph.indexOf('<w:pBdr>');
    const line =
      paragraph.includes('o:hr="t"') ||
      (border >= 0 && /<w:bottom\b/.test(paragraph.slice(border, paragraph.indexOf('</w:pBdr>', border)))) ||
      drawnLine(paragraph);
    return line ? '<w:p><w:r><w:t>* * *</w:t></w:r></w:p>' : paragraph;
  });
  if (patched === original) return { bytes, comments, deletions, hidden, xml: patched };
  return { bytes: zipSync({ ...files, 'word/document.xml': strToU8(patched) }), comments, deletions, hidden, xml: patched };
}

/**
 * Elements around runs that mammoth leaves out with the runs inside them, text and all (saying
 * only "an unrecognised element was ignored"): a right-to-left embedding or override (`w:dir`,
 * `w:bdo`, as Word writes them in Hebrew and Arabic text) and a simple field's shown result
 * (`w:fldSimple`). Taken off, their runs read as the document shows them.
 */
function withoutWrappers(xml: string): string {
  const unwrapped = xml
    .replace(/<\/?w:(?:dir|bdo|fldSimple)(?:[\s/][^>]*)?>/g, '')
    // A carriage return, a page or a column break, which mammoth leaves out, running the words around it together.
    .replace(/<w:cr\s*\/>|<w:br\s+w:type="(?:page|column)"\s*\/>/g, '<w:br/>');
  // A bookmark inside a link (as Calibre marks a footnote's number, the place its note links back to)
  // stands before the link: mammoth makes it an anchor, which inside the link's would split it from its text.
  return innermost(unwrapped, 'w:hyperlink', (link) => {
    const bookmarks = link.match(/<w:bookmark(?:Start|End)\b[^>]*\/>/g);
    return bookmarks ? bookmarks.join('') + link.replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '') : link;
  });
}

/** What a run's formatting may say that the site keeps: italics, bold, strike-through, small capitals, underline, raised or lowered. */
const keptFormatting = ['i', 'b', 'strike', 'smallCaps', 'u', 'vertAlign'] as const;
type Formatting = (typeof keptFormatting)[number];
/** Each, as a run's properties set it on (`<w:i/>`, `<w:b w:val="1"/>`, not `w:val="0"`), and as they name it at all. */
const formattingSet = new Map(
  keptFormatting.map((tag) => [tag, new RegExp(`<w:${tag}(?:\\s*/>|\\s+w:val="(?!0|false|off|none)[^"]*"\\s*/>)`)]),
);
const formattingNamed = new Map(keptFormatting.map((tag) => [tag, new RegExp(`<w:${tag}[\\s/>]`)]));
/** The character styles mammoth reads as the site's formatting by their names (the `styleMap`): not formatted twice. */
const mappedStyles = new Set(['emphasis', 'intense emphasis', 'subtle emphasis', 'strong']);

/**
 * The formatting each character style of the document sets (its own, and the style's it is based
 * on), as run properties: `Text0` → `<w:i/>`. Underline with a colour is a link's look (Word's
 * Hyperlink style, Calibre's), not the author's underline.
 */
function characterStyles(xml: string): Map<string, { tag: Formatting; xml: string }[]> {
  const own = new Map<string, { basedOn: string | undefined; properties: { tag: Formatting; xml: string }[] }>();
  for (const [style] of xml.matchAll(/<w:style\b[^>]*w:type="character"[^>]*>[\s\S]*?<\/w:style>/g)) {
    const id = /w:styleId="([^"]*)"/.exec(style)?.[1];
    const name = /<w:name\s+w:val="([^"]*)"/.exec(style)?.[1] ?? '';
    if (!id || mappedStyles.has(name.toLowerCase())) continue;
    const runProperties = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(style)?.[1] ?? '';
    const properties = keptFormatting.flatMap((tag) => {
      const found = formattingSet.get(tag)!.exec(runProperties)?.[0];
      if (!found || (tag === 'u' && /<w:color\b/.test(runProperties))) return [];
      return [{ tag, xml: found }];
    });
    own.set(id, { basedOn: /<w:basedOn\s+w:val="([^"]*)"/.exec(style)?.[1], properties });
  }
  const resolved = new Map<string, { tag: Formatting; xml: string }[]>();
  for (const id of own.keys()) {
    const properties: { tag: Formatting; xml: string }[] = [];
    // Its own first, then what it is based on, a few styles up (a loop of styles ends there).
    for (let style = own.get(id), depth = 0; style && depth < 8; style = style.basedOn ? own.get(style.basedOn) : undefined, depth++)
      for (const property of style.properties) if (!properties.some((kept) => kept.tag === property.tag)) properties.push(property);
    if (properties.length > 0) resolved.set(id, properties);
  }
  return resolved;
}

/**
 * Runs in a character style that sets italics, bold and the like (as Calibre writes every run's
 * formatting, and authors a "Thoughts" style): the style's formatting written on the run itself,
 * where the run does not set it otherwise, for mammoth reads only a run's own.
 */
function withStyledRunsFormatted(xml: string, styles: ReadonlyMap<string, { tag: Formatting; xml: string }[]>): string {
  if (styles.size === 0) return xml;
  return innermost(xml, 'w:r', (run) => {
    const style = /<w:rStyle\s+w:val="([^"]*)"\s*\/>/.exec(run)?.[1];
    const properties = style === undefined ? undefined : styles.get(style);
    if (!properties) return run;
    const start = run.indexOf('<w:rPr>');
    const end = run.indexOf('</w:rPr>');
    if (start < 0 || end < start) return run;
    const own = run.slice(start, end);
    const added = properties
      .filter(({ tag }) => !formattingNamed.get(tag)!.test(own))
      .map((property) => property.xml)
      .join('');
    return added ? run.slice(0, end) + added + run.slice(end) : run;
  });
}

/**
 * The paragraphs of a table of contents Word generates (a `TOC` field, from its `begin` to its
 * `end`) in the style of Word's contents entries (`TOC1`), read as the contents whatever style
 * they wear: Calibre writes its entries in the Normal style, and some titled as no chapter is.
 */
function withContentsFieldStyled(xml: string): string {
  if (!/<w:instrText\b[^>]*>\s*TOC\b/.test(xml)) return xml;
  // The fields open where the paragraph starts, outermost first, each with its instruction so far.
  const fields: { instruction: string }[] = [];
  const inContents = () => fields.some((field) => /^\s*TOC\b/.test(field.instruction));
  const styled = innermost(xml, 'w:p', (paragraph) => {
    let contents = inContents();
    for (const [tag, type, instruction] of paragraph.matchAll(
      /<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"[^>]*\/>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g,
    )) {
      if (type === 'begin') fields.push({ instruction: '' });
      else if (type === 'end') fields.pop();
      else if (tag.startsWith('<w:instrText') && fields.length > 0) fields.at(-1)!.instruction += instruction;
      contents ||= inContents();
    }
    if (!contents) return paragraph;
    const style = '<w:pStyle w:val="TOC1"/>';
    if (/<w:pStyle\b[^>]*\/>/.test(paragraph)) return paragraph.replace(/<w:pStyle\b[^>]*\/>/, style);
    if (paragraph.includes('<w:pPr>')) return paragraph.replace('<w:pPr>', `<w:pPr>${style}`);
    return paragraph.replace(/^<w:p\b[^>]*>/, (open) => `${open}<w:pPr>${style}</w:pPr>`);
  });
  // A field never closed would make the rest of the document its result: the text is read as it stands instead.
  return fields.length === 0 ? styled : xml;
}

/**
 * Runs of hidden text (`<w:vanish/>` in the run's own properties), which Word does not show and
 * mammoth does: taken out, and counted, for the author to be told. A run holding other runs (a
 * text box drawn in it) is left as it is. In one pass over the tags.
 */
function withoutHiddenRuns(xml: string): { xml: string; hidden: number } {
  let hidden = 0;
  const out = innermost(xml, 'w:r', (run) => {
    const start = run.indexOf('>') + 1;
    if (!run.slice(start).trimStart().startsWith('<w:rPr>')) return run;
    const from = run.indexOf('<w:rPr>', start);
    const properties = run.slice(from, run.indexOf('</w:rPr>', from));
    if (!/<w:vanish(?:\s*\/>|\s+w:val="(?:1|true|on)")/.test(properties)) return run;
    hidden++;
    return '';
  });
  return { xml: out, hidden };
}

/** Where a reading set over characters (ruby) starts, where its reading starts, and where it ends, as mammoth passes them on. */
const rubyMarks = { start: '\uE000', reading: '\uE001', end: '\uE002' } as const;

/**
 * Word's ruby (a reading set over its characters, `<w:ruby>`), which mammoth leaves out base
 * and all, as the base's runs and the reading's between marks mammoth passes on as text
 * (`rubyMarks`); `withRuby` makes them ruby again. In one pass over the tags.
 */
function withRubyMarked(xml: string): string {
  const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
  const inside = (ruby: string, tag: string) => {
    const from = ruby.indexOf(`<${tag}>`);
    const to = ruby.indexOf(`</${tag}>`, from);
    return from < 0 || to < 0 ? '' : ruby.slice(from + tag.length + 2, to);
  };
  let out = '';
  let at = 0;
  for (let open = xml.indexOf('<w:ruby>'); open >= 0; open = xml.indexOf('<w:ruby>', at)) {
    const close = xml.indexOf('</w:ruby>', open);
    if (close < 0) break;
    const ruby = xml.slice(open + '<w:ruby>'.length, close);
    // The run around the ruby is closed before its parts and opened again after them.
    out += `${xml.slice(at, open)}</w:r>${run(rubyMarks.start)}${inside(ruby, 'w:rubyBase')}${run(rubyMarks.reading)}${inside(ruby, 'w:rt')}${run(rubyMarks.end)}<w:r>`;
    at = close + '</w:ruby>'.length;
  }
  return out + xml.slice(at);
}

/**
 * The ruby `withRubyMarked` marked, as ruby elements (`<ruby>東京駅<rp>(</rp><rt>とうきょうえき</rt><rp>)</rp></ruby>`)
 * where base and reading are each one text; otherwise the reading in brackets after its base.
 */
function withRuby(node: Element): void {
  node.children = node.children.flatMap((child): Element['children'] => {
    if (child.type === 'element') withRuby(child);
    if (child.type !== 'text' || !/[\uE000-\uE002]/.test(child.value)) return [child];
    const parts: Element['children'] = [];
    let at = 0;
    for (const match of child.value.matchAll(/\uE000([^\uE000-\uE002]*)\uE001([^\uE000-\uE002]*)\uE002/g)) {
      if (match.index > at) parts.push({ type: 'text', value: child.value.slice(at, match.index) });
      parts.push(rubyElement([{ type: 'text', value: match[1]! }], [{ type: 'text', value: match[2]! }]));
      at = match.index + match[0].length;
    }
    const rest = child.value
      .slice(at)
      .replace(/\uE000/g, '')
      .replace(/\uE001/g, '(')
      .replace(/\uE002/g, ')');
    if (rest) parts.push({ type: 'text', value: rest });
    return parts;
  });
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
 * WordprocessingML with each element named `name` (`w:p`, `w:r`; the innermost where they nest)
 * put through `change`, in one pass over the tags: a document of thousands of them left open
 * takes as long as one of thousands closed.
 */
function innermost(xml: string, name: string, change: (element: string) => string): string {
  let out = '';
  let done = 0;
  let open = -1;
  for (const tag of xml.matchAll(new RegExp(`<${name}[\\s>]|</${name}>`, 'g'))) {
    if (tag[0] !== `</${name}>`) {
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

/** The text (`<w:t>`) inside the elements named, wherever the document has them: words mammoth left out with them. */
function ignoredText(xml: string, names: readonly string[]): string {
  const words: string[] = [];
  for (const name of new Set(names)) {
    innermost(xml, name, (element) => {
      for (const [, text] of element.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) words.push(decodedOnce(text!));
      return element;
    });
  }
  return words.join(' ');
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
  const unreadPictures: string[] = [];
  const prepared = preparedForMammoth(bytes, file);
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(prepared.bytes) },
      {
        styleMap,
        transformDocument: markAlignment,
        convertImage: mammoth.images.imgElement(async (read) => {
          // As mammoth gives it, beyond its types: a picture linked from outside has no type; the description is there.
          const image = read as Omit<typeof read, 'contentType'> & { contentType: string | null; altText?: string };
          const extension = image.contentType?.split('/')[1]?.replace('jpeg', 'jpg').replace('svg+xml', 'svg') ?? 'png';
          let picture: Uint8Array;
          try {
            picture = new Uint8Array(await image.readAsBuffer());
          } catch {
            // Linked from a file outside the document (never read: mammoth's access to other files
            // is off), or missing from it: its description stays, as the text's.
            unreadPictures.push(image.altText?.trim() ?? '');
            // mammoth sets the description as the picture's alt.
            return { src: '' };
          }
          const name = imageName(`${stem}-picture.${extension}`, new Set(images.keys()));
          images.set(name, picture);
          return { src: `images/${name}` };
        }),
      },
    );
  } catch (error) {
    throw new ImportError(problems.UnreadableWord.message(file, (error as Error).message));
  }
  const notices = result.messages
    .filter(
      (message) =>
        message.type === 'warning' &&
        // A picture of no type is one linked from outside the document, told below.
        !/unrecognised (?:paragraph|run) style|referenced but not defined|image of type null/i.test(message.message),
    )
    .map((message) => `Word: ${message.message}`);
  for (const alt of unreadPictures)
    notices.push(
      `left out ${alt ? `the picture “${alt}”` : 'a picture'}, linked from a file outside the document or missing from it, ${alt ? 'keeping its description' : 'which has no description'} (in Word: File → Info → Edit Links to Files → Save picture in document; or put it in images/ and add it to the chapter)`,
    );
  // What mammoth ignored it says only in passing; the words inside count as the source's, so the word check misses them if they are lost.
  const ignored = result.messages.flatMap((message) => /unrecognised element was ignored: (w:[A-Za-z]+)/.exec(message.message)?.[1] ?? []);
  const unread = ignoredText(prepared.xml, ignored);
  const tree = parseHtml(`<body>${result.value}</body>`);
  const body = (select('body', tree) ?? tree) as Element;
  withRuby(body);
  // A picture that could not be read (its address left empty above): its description, as text.
  visit(body, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || node.properties.src !== '' || !parent || index === undefined) return undefined;
    const alt = String(node.properties.alt ?? '').trim();
    parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
    return index;
  });
  // The words as read, before anything below moves them (the footnotes go to their chapters).
  const dropped = [...commentsDropped(prepared.comments), ...deletionsDropped(prepared.deletions), ...hiddenDropped(prepared.hidden)];
  return readDocumentBody(body, { format: 'Word document', stem, images, source: `${visibleText(body)}\n${unread}`, notices, dropped });
}
