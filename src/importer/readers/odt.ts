import type { Element as HastElement, ElementContent } from 'hast';
import type { Element, ElementContent as XmlContent, Root } from 'xast';
import { strFromU8 } from 'fflate';
import { fromXml } from 'xast-util-from-xml';
import { withDeclaredEntities } from '../xml.ts';
import { rubyElement } from '../../markdown/remark-ruby.ts';
import { imageName } from '../image-name.ts';
import { ImportError, type ImportedWork } from '../model.ts';
import { unzipWithin } from '../zip.ts';
import { refuseOverfull } from '../limits.ts';
import { problems, counted } from '../../core/problems.ts';
import {
  commentsDropped,
  deletionsDropped,
  dressed,
  element,
  merged,
  namedLooks,
  readDocumentBody,
  roleOf,
  type Look,
  type Role,
} from './document.ts';

/**
 * An OpenDocument text (.odt, LibreOffice's and OpenOffice's own format, also a Google Docs
 * and Word download; or .fodt, the same as one XML file), read from its XML into the HTML a
 * Word document reads into, so both divide into chapters one way (document.ts): headings,
 * the Title, Subtitle and Quotations styles, italics, bold, underline and small caps (set by
 * a style or by hand), centred and right-aligned lines, lists, tables, footnotes and endnotes,
 * pictures, scene breaks drawn as a line. Comments, tracked deletions and a generated table of
 * contents are no text of the story: left out, and said.
 */

const textTypes = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text-template']);

/** A name without its namespace prefix: `text:p` → `p`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** An attribute by its local name, whatever its prefix. */
function attr(node: Element, name: string): string | undefined {
  for (const [key, value] of Object.entries(node.attributes)) if (local(key) === name && value != null) return String(value);
  return undefined;
}

const childElements = (node: Element | Root): Element[] =>
  (node.children as XmlContent[]).filter((child): child is Element => child.type === 'element');

/** How many elements of a name a tree holds. */
function elementsNamed(node: Element | Root, name: string): number {
  return childElements(node).reduce((count, child) => count + (local(child.name) === name ? 1 : 0) + elementsNamed(child, name), 0);
}

function find(node: Element | Root, name: string): Element | undefined {
  for (const child of childElements(node)) {
    if (local(child.name) === name) return child;
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

interface Style {
  /** The name people see: `Heading 1`, `Quotations` (an XML name encodes spaces as `_20_`). */
  display: string;
  parent: string | undefined;
  look: Look;
  align: 'center' | 'right' | 'start' | undefined;
  /** A border under the paragraph: a line drawn across the page. */
  line: boolean | undefined;
}

/** A style's name as people see it: its XML name writes a space as `_20_`. */
const decodedName = (name: string) => name.replace(/_([\da-f]{2,4})_/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function lookOf(properties: Element | undefined): Look {
  const look: Look = {};
  if (!properties) return look;
  const style = attr(properties, 'font-style');
  if (style) look.italic = style === 'italic' || style === 'oblique';
  const weight = attr(properties, 'font-weight');
  if (weight) look.bold = weight === 'bold' || Number(weight) >= 600;
  const underline = attr(properties, 'text-underline-style');
  if (underline) look.underline = underline !== 'none';
  const variant = attr(properties, 'font-variant');
  if (variant) look.smallCaps = variant === 'small-caps';
  const through = attr(properties, 'text-line-through-style');
  if (through) look.strike = through !== 'none';
  // `super 58%`, `sub 58%`, or a percentage raised (`33%`) or lowered (`-33%`); `0%` is the line itself.
  const position = attr(properties, 'text-position')?.trim().split(/\s+/)[0];
  if (position) {
    const raised = Number.parseFloat(position);
    look.position = position === 'super' || position === 'sub' ? position : raised > 0 ? 'super' : raised < 0 ? 'sub' : 'baseline';
  }
  return look;
}

const borderLine = (value: string | undefined) => (value === undefined ? undefined : value !== 'none' && !/^0(?:\D|$)/.test(value));

/** The document's styles (named and automatic), by family and name, read up their parents on demand. */
class Styles {
  private readonly own = new Map<string, Style>();
  private readonly lists = new Map<string, Element>();
  private readonly resolved = new Map<string, { look: Look; align: Style['align']; line: boolean; role: Role | undefined }>();

  constructor(roots: (Element | Root)[]) {
    for (const root of roots) this.read(root);
  }

  private read(node: Element | Root): void {
    for (const child of childElements(node)) {
      const name = local(child.name);
      if (name === 'style' || name === 'default-style') {
        const styleName = attr(child, 'name') ?? '';
        const paragraph = childElements(child).find((item) => local(item.name) === 'paragraph-properties');
        const align = paragraph && attr(paragraph, 'text-align');
        this.own.set(`${attr(child, 'family')}:${name === 'default-style' ? '' : styleName}`, {
          display: attr(child, 'display-name') ?? decodedName(styleName),
          parent: name === 'default-style' ? undefined : (attr(child, 'parent-style-name') ?? ''),
          look: lookOf(childElements(child).find((item) => local(item.name) === 'text-properties')),
          align: align === 'center' ? 'center' : align === 'end' || align === 'right' ? 'right' : align ? 'start' : undefined,
          line: paragraph && (borderLine(attr(paragraph, 'border-bottom')) ?? borderLine(attr(paragraph, 'border'))),
        });
      } else if (name === 'list-style') {
        this.lists.set(attr(child, 'name') ?? '', child);
      } else if (['styles', 'automatic-styles', 'document-styles', 'document-content', 'document'].includes(name)) {
        this.read(child);
      }
    }
  }

  /** A style with what its parents set, the nearest first. */
  get(family: string, name: string | undefined) {
    const key = `${family}:${name ?? ''}`;
    let found = this.resolved.get(key);
    if (found) return found;
    const chain: Style[] = [];
    for (let current = this.own.get(key); current && chain.length < 32 && !chain.includes(current);) {
      chain.push(current);
      current = current.parent === undefined ? undefined : this.own.get(`${family}:${current.parent}`);
    }
    const look: Look = {};
    let align: Style['align'];
    let line: boolean | undefined;
    let role: Role | undefined;
    for (const style of chain) {
      // A property the nearer style leaves unset, its parent sets.
      for (const [property, value] of Object.entries(style.look)) (look as Record<string, unknown>)[property] ??= value;
      align ??= style.align;
      line ??= style.line;
      role ??= roleOf(style.display);
    }
    // A built-in style the document names without defining it (LibreOffice's Title, in a document pandoc wrote) is known by its name.
    const names = chain.length === 0 && name ? [decodedName(name)] : chain.map((style) => style.display);
    role ??= chain.length === 0 && name ? roleOf(names[0]!) : undefined;
    // The styles for emphasis are italic and bold by their names, however a writer defined them (as Word's are read, docx.ts).
    for (const named of names)
      for (const [property, value] of Object.entries(namedLooks[named.toLowerCase()] ?? {}))
        (look as Record<string, unknown>)[property] ??= value;
    found = { look, align, line: line ?? false, role };
    this.resolved.set(key, found);
    return found;
  }

  /** Whether a list style numbers its items at a depth (else they are bulleted). */
  numbered(name: string | undefined, depth: number): boolean {
    const levels = name === undefined ? [] : childElements(this.lists.get(name) ?? { type: 'root', children: [] });
    const level = levels.find((item) => attr(item, 'level') === String(depth)) ?? levels[0];
    return level !== undefined && local(level.name) === 'list-level-style-number';
  }
}

/** Text as ODF reads it: runs of white space are one space (`text:s` stands for the others). */
const folded = (value: string) => value.replace(/[ \t\r\n]+/g, ' ');

/** Parts of a document that are no text of the story: they are left out (and said, where the author wrote them). */
const unread = new Set([
  'tracked-changes',
  'sequence-decls',
  'variable-decls',
  'user-field-decls',
  'dde-connection-decls',
  'forms',
  'soft-page-break',
  'bookmark',
  'bookmark-start',
  'bookmark-end',
  'reference-mark',
  'reference-mark-start',
  'reference-mark-end',
  'annotation-end',
  'change',
  'change-start',
  'change-end',
  'toc-mark',
  'toc-mark-start',
  'toc-mark-end',
  'alphabetical-index-mark',
  'alphabetical-index-mark-start',
  'alphabetical-index-mark-end',
  'user-index-mark',
  'user-index-mark-start',
  'user-index-mark-end',
  'bibliography-mark',
  'note-citation',
  'binary-data',
  'office-scripts',
  'event-listeners',
]);
const indexes = new Set([
  'table-of-content',
  'alphabetical-index',
  'illustration-index',
  'table-index',
  'object-index',
  'user-index',
  'bibliography',
]);
const blockNames = new Set(['p', 'h', 'list-item', 'list-header', 'table-cell', 'note-body']);

/** A picture's title or description (`svg:title`, `svg:desc`): what it shows, not text the reader sees; `text:title` is the document's title, shown. */
const isDescription = (node: Element) => /^svg:(?:title|desc)$/.test(node.name);

/** The words a reader of the document sees, read straight from its XML (not from the HTML made of it). */
function sourceOf(node: Element | Root): string {
  let out = '';
  for (const child of node.children) {
    if (child.type === 'text') out += folded(child.value);
    if (child.type !== 'element') continue;
    const name = local(child.name);
    if (unread.has(name) || indexes.has(name) || name === 'annotation' || isDescription(child)) continue;
    if (name === 's' || name === 'tab' || name === 'line-break') out += ' ';
    // A reading is words of its own beside its base.
    else if (name === 'ruby-text') out += ` ${sourceOf(child)} `;
    else if (blockNames.has(name)) out += `\n${sourceOf(child)}\n`;
    else out += sourceOf(child);
  }
  return out;
}

/** A length in points (`0.02in`, `1.5pt`, `0.5mm`). */
function points(length: string | undefined): number | undefined {
  const match = /^([\d.]+)(in|cm|mm|pt|pc|px)$/.exec(length ?? '');
  if (!match) return undefined;
  const per = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1, pc: 12, px: 0.75 }[match[2] as 'in'];
  return Number(match[1]) * per;
}

/** A paragraph holding only a line drawn across the page (Word's horizontal line, as LibreOffice reads it): a scene break. */
function drawsLine(paragraph: Element): boolean {
  const shapes = childElements(paragraph).filter((child) => child.name.startsWith('draw:'));
  return (
    shapes.length > 0 &&
    shapes.every((shape) => {
      if (local(shape.name) === 'line') return true;
      if (!['rect', 'custom-shape'].includes(local(shape.name))) return false;
      const height = points(attr(shape, 'height'));
      const width = points(attr(shape, 'width'));
      return (
        height !== undefined && height <= 6 && (attr(shape, 'rel-width') !== undefined || (width !== undefined && width >= height * 20))
      );
    })
  );
}

/** Reads the body of one document into HTML. */
class OdtReader {
  readonly notes: HastElement[] = [];
  readonly images = new Map<string, Uint8Array>();
  comments = 0;
  contents = 0;
  /** Pictures linked from files on the writer's computer, not kept in the document. */
  readonly unlinked: string[] = [];
  objects = 0;

  private readonly styles: Styles;
  private readonly pictures: (path: string) => Uint8Array | undefined;
  private readonly stem: string;

  constructor(styles: Styles, pictures: (path: string) => Uint8Array | undefined, stem: string) {
    this.styles = styles;
    this.pictures = pictures;
    this.stem = stem;
  }

  blocks(nodes: XmlContent[], list?: { style: string | undefined; depth: number }): ElementContent[] {
    const out: ElementContent[] = [];
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const name = local(node.name);
      if (unread.has(name)) continue;
      if (indexes.has(name)) this.contents++;
      else if (name === 'h' || name === 'p') out.push(...this.paragraph(node));
      else if (name === 'list') out.push(...this.list(node, list));
      else if (name === 'table') out.push(this.table(node));
      else if (name === 'frame' || name === 'a' || name === 'span') out.push(element('p', this.inline([node], {})));
      else if (name === 'annotation') this.comments++;
      else out.push(...this.blocks(node.children, list));
    }
    // Paragraphs in a quotation style side by side are one quotation.
    const grouped: ElementContent[] = [];
    for (const node of out) {
      const quote = node.type === 'element' && node.properties.dataQuote !== undefined;
      if (quote) delete node.properties.dataQuote;
      const last = grouped.at(-1);
      if (quote && last?.type === 'element' && last.tagName === 'blockquote') last.children.push(node);
      else grouped.push(quote ? element('blockquote', [node]) : node);
    }
    return grouped;
  }

  private paragraph(node: Element): HastElement[] {
    const style = this.styles.get('paragraph', attr(node, 'style-name'));
    const role = style.role;
    const outline = Number(attr(node, 'outline-level'));
    const level = typeof role === 'object' ? role.heading : local(node.name) === 'h' ? Math.min(6, Math.max(1, outline || 1)) : undefined;
    if (role === 'title' || level !== undefined) {
      const text = this.inline(node.children, {});
      // An empty heading (a Heading 1 left blank for space) titles nothing.
      if (!text.some((child) => child.type === 'element' || child.value.trim() !== '')) return [];
      return [element(role === 'title' ? 'h1' : `h${level}`, text, role === 'title' ? { className: ['quire-title'] } : {})];
    }
    const children = this.inline(node.children, style.look);
    if (role === 'subtitle' || role === 'author' || role === 'date') return [element('p', children, { className: [`quire-${role}`] })];
    if (
      (role === 'line' || style.line || drawsLine(node)) &&
      sourceOf(node).trim() === '' &&
      !children.some((child) => child.type === 'element')
    ) {
      return [element('hr')];
    }
    if (role === 'quote') return [element('p', children, { dataQuote: '' })];
    return [element('p', children, style.align === 'center' || style.align === 'right' ? { className: [style.align] } : {})];
  }

  private list(node: Element, outer: { style: string | undefined; depth: number } | undefined): ElementContent[] {
    const style = attr(node, 'style-name') ?? outer?.style;
    const depth = (outer?.depth ?? 0) + 1;
    const items = childElements(node).filter((item) => ['list-item', 'list-header'].includes(local(item.name)));
    const contents = items.map((item) => this.blocks(item.children, { style, depth }));
    // Headings numbered as a list (chapter numbering set up as one) are headings.
    const headings = contents.flat().filter((child) => child.type === 'element');
    if (headings.length > 0 && headings.every((child) => /^h\d$/.test(child.tagName))) return contents.flat();
    const lis = contents.map((children) => element('li', children));
    return [element(this.styles.numbered(style, depth) ? 'ol' : 'ul', lis)];
  }

  private table(node: Element): HastElement {
    const rows: HastElement[] = [];
    const walk = (parent: Element, header: boolean) => {
      for (const child of childElements(parent)) {
        const name = local(child.name);
        if (name === 'table-row') {
          const cells = childElements(child)
            .filter((cell) => local(cell.name) === 'table-cell')
            .map((cell) => element(header ? 'th' : 'td', this.blocks(cell.children)));
          rows.push(element('tr', cells));
        } else if (['table-header-rows', 'table-rows', 'table-row-group'].includes(name)) {
          walk(child, header || name === 'table-header-rows');
        }
      }
    };
    walk(node, false);
    return element('table', rows);
  }

  /** A paragraph's text in HTML, runs in the same marks merged. */
  inline(nodes: XmlContent[], look: Look): ElementContent[] {
    return merged(this.runs(nodes, look));
  }

  private runs(nodes: XmlContent[], look: Look): ElementContent[] {
    const out: ElementContent[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        out.push(...dressed([{ type: 'text', value: folded(node.value) }], look));
        continue;
      }
      if (node.type !== 'element') continue;
      const name = local(node.name);
      if (unread.has(name)) continue;
      if (name === 's') out.push({ type: 'text', value: ' '.repeat(Math.min(1000, Number(attr(node, 'c')) || 1)) });
      else if (name === 'tab') out.push({ type: 'text', value: '\t' });
      else if (name === 'line-break') out.push(element('br'));
      else if (name === 'span')
        out.push(...this.runs(node.children, { ...look, ...definedLook(this.styles.get('text', attr(node, 'style-name')).look) }));
      else if (name === 'a') out.push(element('a', this.runs(node.children, look), { href: attr(node, 'href') ?? '' }));
      else if (name === 'ruby') out.push(this.ruby(node, look));
      else if (name === 'note') out.push(this.note(node));
      else if (name === 'frame') out.push(...this.frame(node, look));
      else if (name === 'annotation') this.comments++;
      else out.push(...this.runs(node.children, look));
    }
    return out;
  }

  /** A reading set over its characters (`text:ruby`): the base, and the reading in brackets for a browser without ruby. */
  private ruby(node: Element, look: Look): HastElement {
    const part = (name: string) => childElements(node).find((child) => local(child.name) === name)?.children ?? [];
    return rubyElement(this.runs(part('ruby-base'), look), this.runs(part('ruby-text'), {}));
  }

  /** A footnote or endnote: its marker here, its text at the end of the document (as Word's are). */
  private note(node: Element): HastElement {
    const n = this.notes.length + 1;
    const body = find(node, 'note-body');
    const children = this.blocks(body?.children ?? []);
    const back = element('a', [{ type: 'text', value: '↑' }], { href: `#footnote-ref-${n}` });
    const last = children.at(-1);
    if (last?.type === 'element' && last.tagName === 'p') last.children.push({ type: 'text', value: ' ' }, back);
    else children.push(element('p', [back]));
    this.notes.push(element('li', children, { id: `footnote-${n}` }));
    return element('sup', [element('a', [{ type: 'text', value: `[${n}]` }], { href: `#footnote-${n}`, id: `footnote-ref-${n}` })]);
  }

  /** A frame: its picture (the first the frame offers), or the text of a text box. */
  private frame(node: Element, look: Look): ElementContent[] {
    const alt =
      childElements(node)
        .filter(isDescription)
        .map((item) => folded(item.children.map((child) => (child.type === 'text' ? child.value : '')).join('')).trim())
        .find(Boolean) ?? '';
    for (const child of childElements(node)) {
      const name = local(child.name);
      if (name === 'image') {
        const href = attr(child, 'href') ?? '';
        // A picture linked from a website: the import's remote pictures decide (remote-pictures.ts).
        if (/^https?:\/\//i.test(href)) return [element('img', [], { src: href, alt })];
        const picture = this.picture(child);
        if (picture) return [element('img', [], { src: `images/${picture}`, alt })];
        if (href && !find(child, 'binary-data')) this.unlinked.push(href);
      } else if (name === 'text-box') {
        return childElements(child).flatMap((block, index) => [...(index ? [element('br')] : []), ...this.runs([block], look)]);
      } else if (name === 'object' || name === 'object-ole') {
        this.objects++;
        return [];
      }
    }
    return [];
  }

  private picture(image: Element): string | undefined {
    const href = attr(image, 'href');
    const binary = find(image, 'binary-data');
    const bytes = href
      ? this.pictures(href.replace(/^\.\//, ''))
      : binary
        ? Buffer.from(sourceOf(binary).replace(/\s+/g, ''), 'base64')
        : undefined;
    if (!bytes || bytes.length === 0) return undefined;
    const type = imageType(bytes);
    if (!type) return undefined;
    const name = imageName(`${this.stem}-picture.${type}`, new Set(this.images.keys()));
    this.images.set(name, new Uint8Array(bytes));
    return name;
  }
}

/** The look a text style sets, without what it leaves unset. */
const definedLook = (look: Look): Look => Object.fromEntries(Object.entries(look).filter(([, value]) => value !== undefined));

/** A picture's type from its first bytes: what a page can show. */
function imageType(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49) return 'gif';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57) return 'webp';
  const head = strFromU8(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return undefined;
}

function parse(text: string, file: string): Root {
  try {
    return fromXml(withDeclaredEntities(text));
  } catch (error) {
    throw new ImportError(problems.UnreadableOdt.message(file, (error as Error).message.split('\n')[0] ?? ''));
  }
}

/** Reads an OpenDocument text: a zip (.odt), or its flat XML (.fodt) when `text` is given. */
export function readOdt(bytes: Uint8Array, file: string, stem: string, text?: string): ImportedWork {
  let content: Root;
  let styles: Root | undefined;
  let files: Record<string, Uint8Array> = {};
  if (text === undefined) {
    files = unzipWithin(bytes, file, 'OpenDocument text');
    const type = files.mimetype ? strFromU8(files.mimetype).trim() : 'application/vnd.oasis.opendocument.text';
    if (!textTypes.has(type)) throw new ImportError(problems.NotOdtText.message(file, type));
    if (!files['content.xml']) throw new ImportError(problems.UnreadableOdt.message(file, 'it has no content.xml'));
    const xml = strFromU8(files['content.xml']);
    refuseOverfull(xml, file, /<text:[ph][\s>/]/);
    content = parse(xml, file);
    styles = files['styles.xml'] ? parse(strFromU8(files['styles.xml']), file) : undefined;
  } else {
    content = parse(text, file);
  }
  const body = find(content, 'text');
  if (!body) throw new ImportError(problems.UnreadableOdt.message(file, 'it holds no text document'));
  const reader = new OdtReader(new Styles(styles ? [styles, content] : [content]), (path) => files[path], stem);
  const children = reader.blocks(body.children);
  if (reader.notes.length > 0) children.push(element('ol', reader.notes));
  const dropped = [
    ...(reader.contents ? ['the document’s table of contents (the site makes its own)'] : []),
    ...commentsDropped(reader.comments),
    ...deletionsDropped(elementsNamed(body, 'deletion')),
    ...reader.unlinked.map(
      (href) =>
        `the picture “${href}”, linked from a file outside the document (in LibreOffice, Edit → Links to External Files → Break Link keeps it in the document; or put it in images/ and add it to the chapter)`,
    ),
    ...(reader.objects ? [`${counted(reader.objects, 'chart or embedded object', 'charts or embedded objects')}`] : []),
  ];
  return readDocumentBody(element('body', children), {
    format: 'OpenDocument text',
    stem,
    images: reader.images,
    source: sourceOf(body),
    notices: [],
    dropped,
  });
}
