import type { Element, ElementContent } from 'hast';
import { imageName } from '../image-name.ts';
import { ImportError, type ImportedWork } from '../model.ts';
import { problems, counted } from '../../core/problems.ts';
import { textDecoder } from '../decode.ts';
import {
  commentsDropped,
  hiddenDropped,
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
 * A Rich Text document (.rtf: TextEdit's and WordPad's own format, and Scrivener's, Word's and
 * LibreOffice's export), read from its control words into the HTML a Word document reads into,
 * so both divide into chapters one way (document.ts): paragraphs and their styles (Heading 1–6,
 * Title, Quote), italics, bold, underline, small caps, centred and right-aligned lines, line
 * breaks, footnotes, pictures (PNG, JPEG), links, and the text's characters in any code page.
 * Comments, hidden text and tracked deletions are no text of the story: left out, and said.
 */

/**
 * Destinations whose text is not the story's: colour and list tables, the document's
 * information, headers and footers, bookmarks, drawings and their fallbacks. (The font table,
 * style sheet, fields' instructions and list numbers are read where `apply` meets them.)
 */
const skipped = new Set([
  'colortbl',
  'info',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'bkmkstart',
  'bkmkend',
  'ftnsep',
  'ftnsepc',
  'aftnsep',
  'aftnsepc',
  'pgdsctbl',
  'userprops',
  'nonshppict',
  'shpinst',
  'object',
  'objdata',
  'atnid',
  'atnauthor',
  'atndate',
  'atnref',
  'atrfstart',
  'atrfend',
  'pntxta',
  'pntxtb',
  'mmathPr',
  'xe',
  'tc',
  'template',
  'filetbl',
  'expandedcolortbl',
  'passwordhash',
]);

/** Windows code pages by the font character sets that name them. */
const charsetPages: Record<number, string> = {
  0: 'windows-1252',
  77: 'macintosh',
  128: 'shift_jis',
  129: 'euc-kr',
  134: 'gbk',
  136: 'big5',
  161: 'windows-1253',
  162: 'windows-1254',
  163: 'windows-1258',
  177: 'windows-1255',
  178: 'windows-1256',
  186: 'windows-1257',
  204: 'windows-1251',
  222: 'windows-874',
  238: 'windows-1250',
};

/** A group's character formatting and what it is part of. */
interface State {
  look: Look;
  /** Inside a destination whose text is skipped (its name), or a comment, hidden or deleted text. */
  skip: boolean;
  /** How many characters stand in for each `\uN` (the `\ucN` in force). */
  uc: number;
  font: number | undefined;
  /** What the group's text goes to: the story, a picture's data, a drawing's property, a field's instruction, a list item's number. */
  target: 'text' | 'picture' | 'property-name' | 'property-value' | 'field-instruction' | 'list-marker';
}

interface Paragraph {
  style: number | undefined;
  outline: number | undefined;
  align: 'center' | 'right' | undefined;
  /** A list item's number or bullet, as the writer drew it (`1.`, `•`), and which list (`\lsN`) it is in. */
  list: string | undefined;
  listId: number | undefined;
  /** A line drawn across the page in it (a scene break). */
  line: boolean;
  /** In a table's cell (`\intbl`). */
  inTable: boolean;
  runs: ElementContent[];
}

const newParagraph = (): Paragraph => ({
  style: undefined,
  outline: undefined,
  align: undefined,
  list: undefined,
  listId: undefined,
  line: false,
  inTable: false,
  runs: [],
});

interface Picture {
  hex: string;
  type: 'png' | 'jpg' | undefined;
  alt: string;
}

interface StyleDefinition {
  name: string;
  basedOn: number | undefined;
  outline: number | undefined;
}

/** The most nested groups read: a document's groups nest a dozen deep; a hostile one, thousands. */
const maxDepth = 500;

class RtfReader {
  private readonly text: string;
  private readonly file: string;
  private readonly stem: string;
  private at = 0;
  private readonly stack: State[] = [];
  private state: State = { look: {}, skip: false, uc: 1, font: undefined, target: 'text' };
  private pending = 0;
  private bytes: number[] = [];
  private page: TextDecoder = new TextDecoder('windows-1252');
  private readonly fonts = new Map<number, TextDecoder>();
  private readonly styles = new Map<number, StyleDefinition>();
  private readonly characterStyles = new Map<number, string>();
  private paragraph: Paragraph = newParagraph();
  private readonly blocks: Element[] = [];
  readonly notes: Element[] = [];
  /** The paragraphs of the footnote being read, and the story's paragraph it interrupts. */
  private note: { blocks: Element[]; outer: Paragraph; depth: number } | undefined;
  private picture: (Picture & { depth: number }) | undefined;
  /** A field being read: its instruction (`HYPERLINK "…"`, `TOC`), and where its result starts in the paragraph. */
  private field: { instruction: string; depth: number; paragraph: Paragraph; from: number } | undefined;
  contents = 0;
  /** The blocks of the table cell being read, the cells of its row, and the table the rows go into. */
  private cellBlocks: ElementContent[] = [];
  private cells: Element[] = [];
  private tableRead: Element | undefined;
  /** The list the last paragraph went into. */
  private list: { element: Element; id: number | undefined } | undefined;
  private styleRead: (StyleDefinition & { id: number; character: boolean; depth: number }) | undefined;
  private stylesheetDepth = -1;
  /** A drawing being read: where it stands (in twips), and whether it is a horizontal line. */
  private shape: { depth: number; top: number; bottom: number; left: number; right: number; rule: boolean } | undefined;
  private property = { name: '', value: '' };
  readonly images = new Map<string, Uint8Array>();
  comments = 0;
  hidden = 0;
  deletions = 0;
  unsupportedPictures = 0;
  source = '';

  constructor(text: string, file: string, stem: string) {
    this.text = text;
    this.file = file;
    this.stem = stem;
  }

  read(): Element[] {
    const text = this.text;
    while (this.at < text.length) {
      const char = text[this.at]!;
      if (char === '{') {
        this.flushBytes();
        if (this.stack.length >= maxDepth)
          throw new ImportError(problems.UnreadableRtf.message(this.file, `groups nested over ${maxDepth} deep`));
        this.stack.push(this.state);
        this.state = { ...this.state, look: { ...this.state.look } };
        this.at++;
        // Each style of the style sheet is a group of its own: `{\s2\sbasedon0 … heading 2;}`.
        if (this.stack.length === this.stylesheetDepth + 1)
          this.styleRead = { id: 0, character: false, name: '', basedOn: undefined, outline: undefined, depth: this.stack.length };
        // `{\*\name` is a destination a reader that does not know it skips.
        if (text.startsWith('\\*', this.at)) {
          this.at += 2;
          const name = /^\s*\\([a-zA-Z]+)/.exec(text.slice(this.at, this.at + 40))?.[1] ?? '';
          if (!['footnote', 'shppict', 'fldinst', 'annotation', 'cs'].includes(name) && !this.state.skip) this.state.skip = true;
        }
      } else if (char === '}') {
        this.flushBytes();
        this.closeGroup();
        this.at++;
      } else if (char === '\\') {
        this.controlWord();
      } else if (char === '\r' || char === '\n') {
        this.at++;
      } else {
        // A byte beyond ASCII written as it is: its code page's, as `\'hh` is.
        if (text.charCodeAt(this.at) > 0x7f) {
          this.byte(text.charCodeAt(this.at));
          this.at++;
          continue;
        }
        this.flushBytes();
        // Plain text up to the next control character, at once.
        let end = this.at;
        while (end < text.length && !'{}\\\r\n'.includes(text[end]!) && text.charCodeAt(end) <= 0x7f) end++;
        this.characters(text.slice(this.at, end));
        this.at = end;
      }
    }
    this.flushBytes();
    this.endParagraph();
    // A table left without its last `\row`: its cells still come in.
    if (this.cells.length > 0 || this.cellBlocks.length > 0) this.endRow();
    return this.blocks;
  }

  private closeGroup(): void {
    const depth = this.stack.length;
    if (this.picture && this.picture.depth === depth) this.endPicture();
    if (this.note && this.note.depth === depth) this.endNote();
    if (this.field && this.field.depth === depth) this.endField();
    if (this.styleRead && this.styleRead.depth === depth) this.endStyle();
    if (this.stylesheetDepth === depth) this.stylesheetDepth = -1;
    if (this.state.target === 'property-value') this.propertyRead();
    if (this.shape && this.shape.depth === depth) this.endShape();
    this.state = this.stack.pop() ?? this.state;
  }

  private controlWord(): void {
    const text = this.text;
    const next = text[this.at + 1];
    if (next === undefined) {
      this.at++;
      return;
    }
    // A control symbol: `\'hh`, `\~`, `\-`, `\_`, `\{`, `\}`, `\\`, `\` before a line end.
    if (!/[a-zA-Z]/.test(next)) {
      this.at += 2;
      if (next === "'") {
        const hex = text.slice(this.at, this.at + 2);
        this.at += 2;
        if (/^[\da-fA-F]{2}$/.test(hex)) this.byte(Number.parseInt(hex, 16));
        return;
      }
      this.flushBytes();
      if (next === '~') this.characters('\u00a0');
      else if (next === '_') this.characters('\u2011');
      else if (next === '{' || next === '}' || next === '\\') this.characters(next);
      else if (next === '\n' || next === '\r') this.endParagraph();
      return;
    }
    const match = /^\\([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(text.slice(this.at, this.at + 48))!;
    this.at += match[0].length;
    const word = match[1]!;
    const parameter = match[2] === undefined ? undefined : Number(match[2]);
    if (word === 'bin') {
      // Binary data follows, as many bytes as it says: a picture's, or nothing the text holds.
      const length = Math.max(0, parameter ?? 0);
      if (this.picture) this.picture.hex += Buffer.from(text.slice(this.at, this.at + length), 'latin1').toString('hex');
      this.at += length;
      return;
    }
    if (word !== 'u') this.flushBytes();
    this.apply(word, parameter);
  }

  private apply(word: string, parameter: number | undefined): void {
    const state = this.state;
    const on = parameter === undefined || parameter !== 0;
    if (word === 'fldinst' || word === 'listtext' || word === 'pntext') {
      state.skip = true;
      state.target = word === 'fldinst' ? 'field-instruction' : 'list-marker';
      return;
    }
    if (skipped.has(word)) {
      state.skip = true;
      return;
    }
    switch (word) {
      case 'ansicpg':
        this.page = textDecoder(`windows-${parameter}`) ?? this.page;
        return;
      case 'mac':
        this.page = textDecoder('macintosh') ?? this.page;
        return;
      case 'fonttbl':
        this.readFonts();
        return;
      case 'stylesheet':
        this.readStyles();
        return;
      case 'f':
        state.font = parameter;
        return;
      case 'uc':
        state.uc = Math.max(0, Math.min(10, parameter ?? 1));
        return;
      case 'u': {
        const code = parameter ?? 0;
        this.flushBytes();
        this.characters(String.fromCharCode(code < 0 ? code + 65536 : code));
        this.pending = state.uc;
        return;
      }
      case 'b':
        state.look.bold = on;
        return;
      case 'i':
        state.look.italic = on;
        return;
      case 'ul':
      case 'uld':
      case 'uldb':
      case 'uldash':
      case 'ulw':
      case 'ulth':
      case 'ulwave':
        state.look.underline = on;
        return;
      case 'ulnone':
        state.look.underline = false;
        return;
      case 'scaps':
        state.look.smallCaps = on;
        return;
      case 'strike':
      case 'striked':
        state.look.strike = on;
        return;
      case 'super':
      case 'sub':
        state.look.position = on ? word : 'baseline';
        return;
      case 'nosupersub':
        state.look.position = 'baseline';
        return;
      case 'plain':
        state.look = {};
        return;
      case 'cs':
        if (this.styleRead?.depth === this.stack.length) {
          this.styleRead.id = parameter ?? 0;
          this.styleRead.character = true;
        } else {
          Object.assign(state.look, namedLooks[(this.characterStyles.get(parameter ?? -1) ?? '').toLowerCase()] ?? {});
        }
        return;
      case 'v':
        if (on && !state.skip) this.hidden++;
        state.skip ||= on;
        return;
      case 'deleted':
        if (!state.skip) this.deletions++;
        state.skip = true;
        return;
      case 'annotation':
        this.comments++;
        state.skip = true;
        return;
      case 'pard':
        if (state.skip && !this.styleRead) return;
        if (this.styleRead?.depth !== this.stack.length) this.paragraph = { ...newParagraph(), runs: this.paragraph.runs };
        return;
      case 's':
        if (this.styleRead?.depth === this.stack.length) this.styleRead.id = parameter ?? 0;
        else if (!state.skip) this.paragraph.style = parameter;
        return;
      case 'sbasedon':
        if (this.styleRead) this.styleRead.basedOn = parameter;
        return;
      case 'outlinelevel':
        if (this.styleRead?.depth === this.stack.length) this.styleRead.outline = parameter;
        else if (!state.skip) this.paragraph.outline = parameter;
        return;
      case 'qc':
      case 'qr':
      case 'ql':
      case 'qj':
        if (!state.skip) this.paragraph.align = word === 'qc' ? 'center' : word === 'qr' ? 'right' : undefined;
        return;
      case 'ls':
        if (state.skip) return;
        this.paragraph.list ??= '';
        this.paragraph.listId = parameter;
        return;
      case 'par':
      case 'sect':
      case 'page':
        if (!state.skip) this.endParagraph();
        return;
      case 'intbl':
        if (!state.skip) this.paragraph.inTable = true;
        return;
      case 'cell':
      case 'nestcell':
        if (state.skip) return;
        this.paragraph.inTable = true;
        this.endParagraph();
        this.cells.push(element('td', this.cellBlocks));
        this.cellBlocks = [];
        return;
      case 'row':
      case 'nestrow':
        if (!state.skip) this.endRow();
        return;
      case 'line':
        if (state.skip) return;
        this.paragraph.runs.push(element('br'));
        // A line break parts the words on either side for the word check as it does on the page.
        this.source += '\n';
        return;
      case 'tab':
        this.characters('\t');
        return;
      case 'emdash':
        this.characters('—');
        return;
      case 'endash':
        this.characters('–');
        return;
      case 'lquote':
        this.characters('‘');
        return;
      case 'rquote':
        this.characters('’');
        return;
      case 'ldblquote':
        this.characters('“');
        return;
      case 'rdblquote':
        this.characters('”');
        return;
      case 'bullet':
        this.characters('•');
        return;
      case 'emspace':
      case 'enspace':
      case 'qmspace':
        this.characters(' ');
        return;
      case 'footnote':
        if (!state.skip) this.startNote();
        return;
      case 'pict':
        if (!state.skip) this.picture = { hex: '', type: undefined, alt: '', depth: this.stack.length };
        state.target = 'picture';
        return;
      case 'pngblip':
        if (this.picture) this.picture.type = 'png';
        return;
      case 'jpegblip':
        if (this.picture) this.picture.type = 'jpg';
        return;
      case 'sn':
        this.property = { name: '', value: '' };
        state.target = 'property-name';
        return;
      case 'sv':
        state.target = 'property-value';
        return;
      case 'field':
        if (!state.skip)
          this.field = { instruction: '', depth: this.stack.length, paragraph: this.paragraph, from: this.paragraph.runs.length };
        return;
      case 'shp':
        this.shape = { depth: this.stack.length, top: 0, bottom: 0, left: 0, right: 0, rule: false };
        return;
      case 'shptop':
      case 'shpbottom':
      case 'shpleft':
      case 'shpright':
        if (this.shape) this.shape[word.slice(3) as 'top'] = parameter ?? 0;
        return;
      case 'fldrslt':
        if (!this.field) return;
        // A generated table of contents: the site makes its own.
        if (/^\s*TOC\b/.test(this.field.instruction)) {
          if (!state.skip) this.contents++;
          state.skip = true;
        }
        this.field.paragraph = this.paragraph;
        this.field.from = this.paragraph.runs.length;
        return;
      default:
    }
  }

  /** The font table: each font's character set, for the bytes written in it. */
  private readFonts(): void {
    let level = 0;
    const start = this.at;
    let end = start;
    for (; end < this.text.length; end++) {
      const char = this.text[end];
      if (char === '\\') end++;
      else if (char === '{') level++;
      else if (char === '}') {
        if (level === 0) break;
        level--;
      }
    }
    for (const [, id, charset] of this.text.slice(start, end).matchAll(/\\f(\d+)[^;]*?\\fcharset(\d+)/g)) {
      const page = textDecoder(charsetPages[Number(charset)]);
      if (page) this.fonts.set(Number(id), page);
    }
    this.at = end;
    this.state.skip = true;
  }

  /** The style sheet: each style's name, parent and outline level, read from its groups as they come (see the group opening in read()). */
  private readStyles(): void {
    this.state.skip = true;
    this.stylesheetDepth = this.stack.length;
  }

  private endStyle(): void {
    const style = this.styleRead!;
    this.styleRead = undefined;
    const name = style.name.replace(/;\s*$/, '').trim();
    if (style.character) this.characterStyles.set(style.id, name);
    else this.styles.set(style.id, { name, basedOn: style.basedOn, outline: style.outline });
  }

  private characters(value: string): void {
    const state = this.state;
    let chars = value;
    if (this.pending > 0) {
      const skip = Math.min(this.pending, chars.length);
      this.pending -= skip;
      chars = chars.slice(skip);
    }
    if (chars === '') return;
    if (state.target === 'picture') {
      if (this.picture) this.picture.hex += chars.replace(/[^\da-fA-F]/g, '');
      return;
    }
    if (state.target === 'property-name') {
      this.property.name += chars;
      return;
    }
    if (state.target === 'property-value') {
      this.property.value += chars;
      return;
    }
    if (state.target === 'field-instruction') {
      if (this.field) this.field.instruction += chars;
      return;
    }
    if (state.target === 'list-marker') {
      this.paragraph.list = (this.paragraph.list ?? '') + chars;
      return;
    }
    if (this.styleRead) {
      if (this.stack.length === this.styleRead.depth) this.styleRead.name += chars;
      return;
    }
    if (state.skip) return;
    this.source += chars;
    const text: ElementContent = { type: 'text', value: chars };
    this.paragraph.runs.push(...dressed([text], state.look));
  }

  /** A byte written as `\'hh`: gathered, so a character of two bytes (Shift-JIS, GBK) decodes whole. */
  private byte(value: number): void {
    if (this.pending > 0) {
      this.pending--;
      return;
    }
    this.bytes.push(value);
  }

  private flushBytes(): void {
    if (this.bytes.length === 0) return;
    const bytes = Uint8Array.from(this.bytes);
    this.bytes = [];
    const page = (this.state.font !== undefined && this.fonts.get(this.state.font)) || this.page;
    const pending = this.pending;
    this.pending = 0;
    this.characters(page.decode(bytes));
    this.pending = pending;
  }

  private role(): Role | undefined {
    const seen = new Set<number>();
    for (let id = this.paragraph.style; id !== undefined && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      const role = roleOf(style.name);
      if (role) return role;
      if (style.outline !== undefined && style.outline < 9) return { heading: Math.min(6, style.outline + 1) };
    }
    if (this.paragraph.outline !== undefined && this.paragraph.outline < 9) return { heading: Math.min(6, this.paragraph.outline + 1) };
    return undefined;
  }

  private endParagraph(): void {
    const paragraph = this.paragraph;
    const runs = merged(paragraph.runs);
    this.paragraph = { ...paragraph, list: undefined, listId: undefined, line: false, runs: [] };
    // A cell's paragraphs go into the cell; a paragraph outside a table ends the one before it.
    if (!paragraph.inTable) this.tableRead = undefined;
    const target = paragraph.inTable && !this.note ? (this.cellBlocks as Element[]) : this.note ? this.note.blocks : this.blocks;
    const blank = !runs.some((run) => run.type === 'element' || run.value.trim() !== '');
    if (paragraph.inTable && !this.note && blank) return;
    this.source += '\n';
    const role = this.role();
    const last = target.at(-1);
    if (paragraph.line && !runs.some((run) => run.type === 'element' || run.value.trim() !== '')) target.push(element('hr'));
    else if (role === 'title') target.push(element('h1', withoutMarks(runs), { className: ['quire-title'] }));
    else if (typeof role === 'object') target.push(element(`h${role.heading}`, withoutMarks(runs)));
    else if (role === 'subtitle' || role === 'author' || role === 'date') target.push(element('p', runs, { className: [`quire-${role}`] }));
    else if (role === 'quote') {
      if (last?.tagName === 'blockquote') last.children.push(element('p', runs));
      else target.push(element('blockquote', [element('p', runs)]));
    } else if (paragraph.list !== undefined) {
      // Numbered ("1", "2.", "a)") or bulleted; the items of one list (`\lsN`) together.
      const tagName = /^\s*[\da-zA-Z]{1,4}[.)]?\s*$/.test(paragraph.list) ? 'ol' : 'ul';
      if (last && last === this.list?.element && last.tagName === tagName && this.list.id === paragraph.listId)
        last.children.push(element('li', runs));
      else {
        const list = element(tagName, [element('li', runs)]);
        this.list = { element: list, id: paragraph.listId };
        target.push(list);
      }
    } else target.push(element('p', runs, paragraph.align ? { className: [paragraph.align] } : {}));
  }

  /** A drawing's property (`{\sn name}{\sv value}`): a picture's description, whether a shape is a horizontal line. */
  private propertyRead(): void {
    const name = this.property.name.trim();
    const value = this.property.value.trim();
    if (name === 'wzDescription' && this.picture) this.picture.alt = value;
    if (this.shape && ((name === 'fHorizRule' && value === '1') || (name === 'shapeType' && value === '20'))) this.shape.rule = true;
  }

  /** A shape drawn as a line across the page, thin and wide, is the scene break it stands for. */
  private endShape(): void {
    const shape = this.shape!;
    this.shape = undefined;
    const height = Math.abs(shape.bottom - shape.top);
    const width = Math.abs(shape.right - shape.left);
    if (shape.rule || (height <= 120 && width >= 20 * Math.max(height, 1))) this.paragraph.line = true;
  }

  /** A table's row ends (`\row`): its cells become a row of the table being read, or of a new one. */
  private endRow(): void {
    if (this.paragraph.runs.length > 0) {
      this.paragraph.inTable = true;
      this.endParagraph();
    }
    if (this.cellBlocks.length > 0) this.cells.push(element('td', this.cellBlocks));
    this.cellBlocks = [];
    const row = element('tr', this.cells);
    this.cells = [];
    if (row.children.length === 0) return;
    if (this.tableRead && this.blocks.at(-1) === this.tableRead) this.tableRead.children.push(row);
    else {
      this.tableRead = element('table', [row]);
      this.blocks.push(this.tableRead);
    }
  }

  private startNote(): void {
    const n = this.notes.length + 1;
    this.paragraph.runs.push(
      element('sup', [element('a', [{ type: 'text', value: `[${n}]` }], { href: `#footnote-${n}`, id: `footnote-ref-${n}` })]),
    );
    this.note = { blocks: [], outer: this.paragraph, depth: this.stack.length };
    this.paragraph = newParagraph();
    this.notes.push(element('li', [], { id: `footnote-${n}` }));
  }

  private endNote(): void {
    if (this.paragraph.runs.length > 0) this.endParagraph();
    const note = this.note!;
    this.note = undefined;
    const n = this.notes.length;
    const children: ElementContent[] = note.blocks;
    const back = element('a', [{ type: 'text', value: '↑' }], { href: `#footnote-ref-${n}` });
    const last = children.at(-1);
    if (last?.type === 'element' && last.tagName === 'p') last.children.push({ type: 'text', value: ' ' }, back);
    else children.push(element('p', [back]));
    this.notes[n - 1]!.children = children;
    this.paragraph = note.outer;
  }

  private endPicture(): void {
    const picture = this.picture!;
    this.picture = undefined;
    if (!picture.type || picture.hex.length < 16) {
      this.unsupportedPictures++;
      return;
    }
    const bytes = Uint8Array.from(Buffer.from(picture.hex.length % 2 ? picture.hex.slice(0, -1) : picture.hex, 'hex'));
    const name = imageName(`${this.stem}-picture.${picture.type}`, new Set(this.images.keys()));
    this.images.set(name, bytes);
    this.paragraph.runs.push(element('img', [], { src: `images/${name}`, alt: picture.alt }));
  }

  private endField(): void {
    const field = this.field!;
    this.field = undefined;
    const href = /^\s*HYPERLINK\s+"([^"]+)"/.exec(field.instruction)?.[1];
    // A link's text, in the paragraph it began in (a field over several paragraphs is left as its text).
    if (!href || !/^(?:https?:|mailto:)/i.test(href) || field.paragraph !== this.paragraph) return;
    const runs = this.paragraph.runs.splice(field.from);
    this.paragraph.runs.push(element('a', withoutUnderline(runs), { href }));
  }
}

/** A link's text without the underline word processors draw under every link. */
function withoutUnderline(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => (node.type === 'element' && node.tagName === 'u' ? withoutUnderline(node.children) : [node]));
}

/** A heading's text without the bold its style sets (a heading is set apart already). */
function withoutMarks(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) =>
    node.type === 'element' && ['strong', 'b'].includes(node.tagName) ? withoutMarks(node.children) : [node],
  );
}

/** Reads a Rich Text document. */
export function readRtf(text: string, file: string, stem: string): ImportedWork {
  const reader = new RtfReader(text, file, stem);
  const children = reader.read();
  if (reader.notes.length > 0) children.push(element('ol', reader.notes));
  const dropped = [
    ...(reader.contents ? ['the document’s table of contents (the site makes its own)'] : []),
    ...commentsDropped(reader.comments),
    ...hiddenDropped(reader.hidden),
    ...deletionsDropped(reader.deletions),
    ...(reader.unsupportedPictures
      ? [`${counted(reader.unsupportedPictures, 'picture')} in a format no page shows (save pictures as PNG or JPEG)`]
      : []),
  ];
  return readDocumentBody(element('body', children), {
    format: 'Rich Text document',
    stem,
    images: reader.images,
    source: reader.source,
    notices: [],
    dropped,
  });
}
