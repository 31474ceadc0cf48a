import { strToU8, zipSync } from 'fflate';

/** Input documents as tests write them, for the importer: EPUBs and Word files made from a few lines. */

/** An EPUB as a test writes it: files, a package document, and a nav document or an NCX. */
/** An entry of a table of contents, with the entries nested under it. */
export interface TocEntry {
  title: string;
  href: string;
  children?: TocEntry[];
}

export function makeEpub(options: {
  version: 2 | 3;
  metadata: string;
  spine: { path: string; html: string; properties?: string }[];
  toc: TocEntry[];
  guide?: string;
  extra?: Record<string, Uint8Array>;
  manifest?: string;
}): Uint8Array {
  const page = (body: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>${body}</body></html>`;
  const items = options.spine.map((item, i) => `<item id="s${i}" href="${item.path}" media-type="application/xhtml+xml"/>`).join('');
  const list = (entries: TocEntry[]): string =>
    `<ol>${entries.map((entry) => `<li><a href="${entry.href}">${entry.title}</a>${entry.children ? list(entry.children) : ''}</li>`).join('')}</ol>`;
  const nav = options.version === 3 ? page(`<nav epub:type="toc">${list(options.toc)}</nav>`) : undefined;
  let point = 0;
  const navPoints = (entries: TocEntry[]): string =>
    entries
      .map((entry) => {
        point++;
        return `<navPoint id="n${point}" playOrder="${point}"><navLabel><text>${entry.title}</text></navLabel><content src="${entry.href}"/>${navPoints(entry.children ?? [])}</navPoint>`;
      })
      .join('');
  const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${navPoints(options.toc)}</navMap></ncx>`;
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${options.version}.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${options.metadata}</metadata>
  <manifest>${items}${nav ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : ''}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>${options.manifest ?? ''}</manifest>
  <spine toc="ncx">${options.spine.map((_, i) => `<itemref idref="s${i}"/>`).join('')}</spine>
  ${options.guide ?? ''}
</package>`;
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(opf),
    'OEBPS/toc.ncx': strToU8(ncx),
    ...(nav ? { 'OEBPS/nav.xhtml': strToU8(nav) } : {}),
    ...Object.fromEntries(options.spine.map((item) => [`OEBPS/${item.path}`, strToU8(page(item.html))])),
    ...Object.fromEntries(Object.entries(options.extra ?? {}).map(([path, bytes]) => [`OEBPS/${path}`, bytes])),
  });
}

/** A .docx as Word writes the parts mammoth reads: direct formatting, and `<w:style>`s in styles.xml if given. */
export function makeDocx(paragraphs: string[], relationships = '', styles = ''): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${paragraphs.join('')}</w:body></w:document>`;
  return zipSync({
    ...(relationships
      ? {
          'word/_rels/document.xml.rels': strToU8(
            `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`,
          ),
        }
      : {}),
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
    ...(styles
      ? {
          'word/styles.xml': strToU8(
            `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${styles}</w:styles>`,
          ),
        }
      : {}),
  });
}
