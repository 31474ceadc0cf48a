import { createHash } from 'node:crypto';
import { titleLength, titleParts } from '../core/chapter-labels.ts';
import type { DetailRow } from '../core/details.ts';
import { formatDate, isoDate, listSeparator } from '../shared/format.ts';
import { textDirection } from '../shared/i18n/languages.ts';
import type { StringKey, Translate } from '../shared/i18n/strings.ts';
import { escapeXml } from '../core/escape.ts';
import { storyParts } from '../core/story.ts';
import { ownIndent } from './xhtml.ts';
import { zip, type ZipEntry } from './zip.ts';

/** One chapter of the book, its parts already XHTML. */
export interface EpubChapter {
  /** File-safe id, e.g. the slug. */
  id: string;
  title: string;
  /** The part of the story (a book, a volume, an arc) this chapter opens, when it opens one. */
  part: string | undefined;
  body: string;
  /** What the chapter is about, shown under its title. */
  summary: string | undefined;
  /** Content warnings, shown before the text. */
  contentNotes: string[];
  authorsNote: string | undefined;
  endNote: string | undefined;
  /** When the chapter was revised, and what changed (XHTML) when the author said. */
  revision?: { date: Date; note: string | undefined } | undefined;
}

/** A picture the book carries, at `OEBPS/<href>`. */
export interface EpubImage {
  /** Where it is in the book, e.g. `images/lake.jpg`. */
  href: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Everything the EPUB holds. */
export interface EpubBook {
  title: string;
  /** The byline, as the title page shows it ("Ada, Wren"). */
  author: string;
  /** Each creator, credited one by one in the package (a reading app lists and sorts them so). */
  authors: readonly string[];
  language: string;
  /** The story's time zone, in which dates are days (UTC when not given). */
  timeZone?: string | undefined;
  /** The summary, as XHTML. */
  summary: string;
  /** The work's beginning and end notes, as XHTML. */
  notes: string | undefined;
  endNotes: string | undefined;
  /** "Part 2 of Masks", when the story is part of a series. */
  series: string | undefined;
  /** The cover: one of `images`, and what it shows. */
  cover: { href: string; alt: string } | undefined;
  /** Every picture the book shows, the cover included. */
  images: EpubImage[];
  /** Plain-text summary, for the package metadata. */
  description: string;
  /** The story's details for the title page: fandom, rating, status, words… */
  details: DetailRow[];
  tags: string[];
  /** When the book last changed: `dcterms:modified`. */
  modified: Date;
  /** Where the story lives online, if known. */
  url: string | undefined;
  chapters: EpubChapter[];
  /** The book's own words (headings, navigation) in the story's language. */
  t: Translate;
}

/** A stable identifier for the book: the same story always gets the same `urn:uuid`. */
export function bookIdentifier(title: string, author: string): string {
  const hex = createHash('sha1').update(`quire\0${title}\0${author}`).digest('hex');
  // Shaped as a name-based (version 5) UUID.
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Languages whose scripts have no true italics, never slanted by force: the site's list (src/styles/global.css, --font-style-aside). */
const withoutItalics = ['zh', 'ja', 'ko', 'ar', 'fa', 'ur', 'he', 'yi', 'th', 'hi'];

const stylesheet = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
img { max-width: 100%; height: auto; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-height: 95vh; }
table { border-collapse: collapse; margin: 1em auto; font-size: 0.9em; }
th, td { border: 1px solid #888; padding: 0.2em 0.5em; vertical-align: top; }
figure { margin: 1em 0; text-align: center; }
figcaption { font-size: 0.875em; text-indent: 0; }
.verse { margin: 1em 2em; }
.verse p { text-indent: 0; }
.verse p + p { margin-top: 1em; }
.messages p.message { text-indent: 0; margin: 0.3em 25% 0.3em 0; padding: 0.3em 0.6em; border: 1px solid #999; border-radius: 0.6em; }
.messages p.reply { margin: 0.3em 0 0.3em 25%; }
.messages .sender { display: block; font-size: 0.8em; }
.nowrap { white-space: nowrap; }
.summary-box, .content-notes { margin: 1em 0; padding: 0.5em 1em; border: 1px solid #888; font-size: 0.9em; }
.summary-box h2, .content-notes h2 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 0.5em; }
.summary-box p, .content-notes p { text-indent: 0; }
.revision { margin: 1em 0; padding: 0.5em 1em; border: 1px dashed #888; font-size: 0.85em; }
.revision .label { font-weight: bold; text-indent: 0; margin: 0; }
.revision p { text-indent: 0; }
.footnotes { margin-top: 2em; border-top: 1px solid #888; font-size: 0.9em; }
.visually-hidden { display: none; }
h1 { text-align: center; margin: 2em 0 1em; line-height: 1.2; }
.title-label { display: block; font-size: 0.55em; font-weight: normal; margin-bottom: 0.4em; }
.part { margin: 0 0 1em; text-align: center; font-style: italic; }
.title-name { display: block; }
.title-name.long { font-size: 0.8em; }
.title-name.very-long { font-size: 0.62em; line-height: 1.3; }
p { margin: 0; text-indent: 1.5em; }
h1 + p, .note p, hr + p, .title-page p, p.${ownIndent} { text-indent: 0; }
p + p { margin-top: 0.2em; }
hr { border: 0; margin: 1.5em 0; text-align: center; }
hr::after { content: "* * *"; }
.note { margin: 1.5em 0; padding: 0.5em 1em; border-inline-start: 3px solid #888; font-size: 0.9em; }
.note h2 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 0.5em; }
.note p { margin-bottom: 0.5em; font-style: italic; }
${withoutItalics.flatMap((language) => ['.note p', '.title-page .author', '.part'].map((slanted) => `:lang(${language}) ${slanted}`)).join(', ')} { font-style: normal; }
:lang(ja) em { font-style: normal; text-emphasis: filled sesame; -epub-text-emphasis: filled sesame; }
:lang(zh) em { font-style: normal; text-emphasis: filled dot; -epub-text-emphasis: filled dot; text-emphasis-position: under right; -epub-text-emphasis-position: under right; }
:lang(ko) em { font-style: normal; text-emphasis: filled dot; -epub-text-emphasis: filled dot; }
:lang(ar) em, :lang(fa) em, :lang(ur) em, :lang(he) em, :lang(yi) em { font-style: normal; font-weight: bold; }
.title-page { text-align: center; }
.title-page .author { font-style: italic; margin-bottom: 2em; }
.title-page dl { text-align: start; margin: 2em 0; }
.title-page dt { font-weight: bold; margin-top: 0.5em; }
.title-page dd { margin-inline-start: 1em; }
.summary { text-align: start; margin-top: 2em; }
`;

function xhtmlDocument(language: string, title: string, body: string, cssHref: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${escapeXml(language)}" lang="${escapeXml(language)}" dir="${textDirection(language)}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="${cssHref}"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/** `xml:lang` and `lang` for `lang`, when there is one. */
const attributes = (lang: string | undefined) => (lang ? ` xml:lang="${escapeXml(lang)}" lang="${escapeXml(lang)}"` : '');

/** The language attributes of an element showing the site's message `key`, when its words are not in the book's language (a language not translated): XHTML's `xml:lang` and HTML's `lang`. */
function langOf(book: EpubBook, key: StringKey): string {
  return attributes(book.t.lang(key));
}

/** The same for the book's own words inside such a message (a date). */
function langInside(book: EpubBook, key: StringKey): string {
  return attributes(book.t.langInside(key));
}

/** An element of the site's message `key`, escaped, marked with its language when not the book's (`langOf`). */
function said(book: EpubBook, tag: string, key: StringKey, attributesGiven = ''): string {
  return `<${tag}${attributesGiven}${langOf(book, key)}>${escapeXml(book.t(key))}</${tag}>`;
}

const noteHeadings = { authors: 'note.authors', end: 'note.end', work: 'home.notes', 'work-end': 'home.endNotes' } as const;

function note(book: EpubBook, kind: keyof typeof noteHeadings, html: string): string {
  const id = `${kind}-note-title`;
  return `<section class="note" aria-labelledby="${id}">${said(book, 'h2', noteHeadings[kind], ` id="${id}"`)}${html}</section>`;
}

function chapterSummary(book: EpubBook, html: string): string {
  return `<section class="summary-box" aria-labelledby="chapter-summary-title">${said(book, 'h2', 'chapter.summary', ' id="chapter-summary-title"')}${html}</section>`;
}

/** "Revised 3 December 2026", and what changed, as on the chapter's page. */
function revisionNote(book: EpubBook, revision: NonNullable<EpubChapter['revision']>): string {
  const date = `<time datetime="${isoDate(revision.date, book.timeZone)}"${langInside(book, 'chapter.revised')}>${escapeXml(formatDate(revision.date, book.language, book.timeZone))}</time>`;
  const label = book.t
    .parts('chapter.revised')
    .map((part) => (typeof part === 'string' ? escapeXml(part) : date))
    .join('');
  return `<aside class="revision" aria-labelledby="revision-title"><p class="label" id="revision-title"${langOf(book, 'chapter.revised')}>${label}</p>${revision.note ?? ''}</aside>`;
}

function contentNotes(book: EpubBook, notes: string[]): string {
  const items = notes.map((item) => `<li>${escapeXml(item)}</li>`).join('');
  return `<section class="content-notes" aria-labelledby="content-notes-title">${said(book, 'h2', 'contentNotes.heading', ' id="content-notes-title"')}<ul>${items}</ul></section>`;
}

/** The chapter's title as the site sets it: its label on a line of its own, the name sized by length. */
function chapterHeading(title: string): string {
  const { label, name, separator } = titleParts(title);
  // `dir="auto"`: a name in the other direction's script keeps its own order ("Hello, world!" in a Hebrew book).
  const named = `<span class="title-name ${titleLength(name)}" dir="auto">${escapeXml(name)}</span>`;
  const between = separator ? `<span class="visually-hidden">${escapeXml(separator)}</span>` : '';
  return label ? `<span class="title-label">${escapeXml(label)}</span>${between}${named}` : named;
}

function chapterDocument(book: EpubBook, chapter: EpubChapter): string {
  // Each chapter is a document of its own: its ids are the page ids an author's text never takes (contract.ts).
  const body = `${chapter.part ? `<p class="part">${escapeXml(chapter.part)}</p>\n` : ''}<section epub:type="chapter" role="doc-chapter" aria-labelledby="title">
<h1 id="title">${chapterHeading(chapter.title)}</h1>
${chapter.summary ? chapterSummary(book, chapter.summary) : ''}
${chapter.contentNotes.length > 0 ? contentNotes(book, chapter.contentNotes) : ''}
${chapter.revision ? revisionNote(book, chapter.revision) : ''}
${chapter.authorsNote ? note(book, 'authors', chapter.authorsNote) : ''}
${chapter.body}
${chapter.endNote ? note(book, 'end', chapter.endNote) : ''}
</section>`;
  return xhtmlDocument(book.language, chapter.title, body, '../style.css');
}

function detailText(book: EpubBook, value: DetailRow['value']): string {
  if ('date' in value) return formatDate(value.date, book.language, book.timeZone);
  return 'list' in value ? value.list.join(listSeparator(book.language)) : value.text;
}

function titlePage(book: EpubBook): string {
  const details = book.details
    .map(
      ({ label, lang, value }) =>
        `<dt${attributes(lang)}>${escapeXml(label)}</dt><dd${attributes('text' in value ? value.lang : undefined)}>${escapeXml(detailText(book, value))}</dd>`,
    )
    .join('');
  const body = `<section class="title-page" epub:type="titlepage">
<h1>${escapeXml(book.title)}</h1>
<p class="author"${langOf(book, 'site.byline')}>${escapeXml(book.t('site.byline', { author: book.author }))}</p>
${book.series ? `<p class="series">${escapeXml(book.series)}</p>` : ''}
${details ? `<dl>${details}</dl>` : ''}
<div class="summary">${book.summary}</div>
${book.notes ? note(book, 'work', book.notes) : ''}
${book.url ? `<p${langOf(book, 'epub.readOnline')}>${escapeXml(book.t('epub.readOnline'))} <a href="${escapeXml(book.url)}">${escapeXml(book.url)}</a></p>` : ''}
</section>`;
  return xhtmlDocument(book.language, book.title, body, 'style.css');
}

function coverDocument(book: EpubBook, cover: { href: string; alt: string }): string {
  const body = `<section class="cover" epub:type="cover"><img src="${escapeXml(cover.href)}" alt="${escapeXml(cover.alt)}"/></section>`;
  return xhtmlDocument(book.language, book.t('epub.cover'), body, 'style.css');
}

function endNotesDocument(book: EpubBook, html: string): string {
  return xhtmlDocument(book.language, book.t('home.endNotes'), note(book, 'work-end', html), 'style.css');
}

function navDocument(book: EpubBook): string {
  const entries = (chapters: EpubChapter[]) =>
    chapters.map((chapter) => `<li><a href="chapters/${chapter.id}.xhtml" dir="auto">${escapeXml(chapter.title)}</a></li>`).join('\n');
  // A part's name over its chapters, as a label without a page of its own.
  const items = storyParts(book.chapters)
    .map((part) =>
      part.name
        ? `<li><span dir="auto">${escapeXml(part.name)}</span>\n<ol>\n${entries(part.chapters)}\n</ol></li>`
        : entries(part.chapters),
    )
    .join('\n');
  const body = `<nav epub:type="toc" id="toc" role="doc-toc">
${said(book, 'h1', 'epub.contents')}
<ol>
<li><a href="title.xhtml" dir="auto">${escapeXml(book.title)}</a></li>
${items}
${book.endNotes ? `<li>${said(book, 'a', 'home.endNotes', ' href="end-notes.xhtml"')}</li>` : ''}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<ol>
${book.cover ? `<li>${said(book, 'a', 'epub.cover', ' epub:type="cover" href="cover.xhtml"')}</li>` : ''}
<li>${said(book, 'a', 'epub.titlePage', ' epub:type="titlepage" href="title.xhtml"')}</li>
<li>${said(book, 'a', 'epub.start', ` epub:type="bodymatter" href="chapters/${book.chapters[0]?.id}.xhtml"`)}</li>
</ol>
</nav>`;
  return xhtmlDocument(book.language, book.t('epub.contents'), body, 'style.css');
}

function packageDocument(book: EpubBook): string {
  const modified = `${book.modified.toISOString().slice(0, 19)}Z`;
  const chapters = book.chapters;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(book.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${bookIdentifier(book.title, book.author)}</dc:identifier>
<dc:title>${escapeXml(book.title)}</dc:title>
${book.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('\n')}
<dc:language>${escapeXml(book.language)}</dc:language>
${book.description.trim() ? `<dc:description>${escapeXml(book.description)}</dc:description>` : ''}
${book.tags.map((tag) => `<dc:subject>${escapeXml(tag)}</dc:subject>`).join('\n')}
${book.url ? `<dc:source>${escapeXml(book.url)}</dc:source>` : ''}
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="style" href="style.css" media-type="text/css"/>
<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
${book.cover ? '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>' : ''}
${chapters.map((chapter) => `<item id="c-${chapter.id}" href="chapters/${chapter.id}.xhtml" media-type="application/xhtml+xml"/>`).join('\n')}
${book.endNotes ? '<item id="end-notes" href="end-notes.xhtml" media-type="application/xhtml+xml"/>' : ''}
${book.images
  .map(
    (image, i) =>
      `<item id="image-${i}" href="${escapeXml(image.href)}" media-type="${image.mediaType}"${image.href === book.cover?.href ? ' properties="cover-image"' : ''}/>`,
  )
  .join('\n')}
</manifest>
<spine${textDirection(book.language) === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
${book.cover ? '<itemref idref="cover" linear="yes"/>' : ''}
<itemref idref="title"/>
<itemref idref="nav" linear="no"/>
${chapters.map((chapter) => `<itemref idref="c-${chapter.id}"/>`).join('\n')}
${book.endNotes ? '<itemref idref="end-notes"/>' : ''}
</spine>
</package>
`;
}

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/**
 * Packs the book as an EPUB 3 file. Deterministic: the same book gives the same bytes
 * (file times are the book's modified date).
 */
export function buildEpub(book: EpubBook): Uint8Array {
  const text = (path: string, content: string): ZipEntry => ({ path, bytes: Buffer.from(content, 'utf8'), compress: true });
  const files: ZipEntry[] = [
    // The mimetype must come first and be stored uncompressed.
    { path: 'mimetype', bytes: Buffer.from('application/epub+zip'), compress: false },
    text('META-INF/container.xml', container),
    text('OEBPS/content.opf', packageDocument(book)),
    text('OEBPS/nav.xhtml', navDocument(book)),
    text('OEBPS/style.css', stylesheet),
    text('OEBPS/title.xhtml', titlePage(book)),
    ...book.chapters.map((chapter) => text(`OEBPS/chapters/${chapter.id}.xhtml`, chapterDocument(book, chapter))),
  ];
  if (book.cover) files.push(text('OEBPS/cover.xhtml', coverDocument(book, book.cover)));
  if (book.endNotes) files.push(text('OEBPS/end-notes.xhtml', endNotesDocument(book, book.endNotes)));
  // Pictures are compressed already.
  for (const image of book.images) files.push({ path: `OEBPS/${image.href}`, bytes: image.bytes, compress: false });
  return zip(files, book.modified);
}
