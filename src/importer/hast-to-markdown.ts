import type { Element, ElementContent, Root, RootContent } from 'hast';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Html, Parent as MdastParent, PhrasingContent, Root as MdastRoot, RootContent as MdastContent, TableCell } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { sanitize } from 'hast-util-sanitize';
import { classesOf, elementsOf } from './element.ts';
import { alignmentOf, declaredFormatting, formattingMarks, holdsOnlyALink, withMarks } from './class-styles.ts';
import { escapeXml } from '../core/escape.ts';
import { withFootnoteMarks } from './footnotes.ts';
import { pageBlocks, sceneBreakMarks, selectAll } from './html.ts';
import { withPassageLanguages } from './passage-languages.ts';
import { sanitizeSchema } from '../markdown/sanitize.ts';

/**
 * Directive syntax written as Quire's Markdown has it: the `:::verse` blocks, and a colon inside
 * a line left as typed (`10:30`, `John 1:5`, `Re:Zero`), not `10\:30`: the site reads a colon
 * there as the author's text whatever follows it (src/markdown/remark-blocks.ts), so the escape
 * would only clutter the author's files.
 */
const directives = ((extension) => ({
  ...extension,
  unsafe: extension.unsafe?.filter((rule) => !(rule.character === ':' && rule.before === '[^:]')),
}))(directiveToMarkdown());

/**
 * The one way an imported text becomes Markdown: the HTML tree of any format, cleaned with
 * the site's own sanitizer rules, then converted, escaping whatever Markdown would read as
 * syntax (`*sigh*`, `1. ` at a line's start) so the words render as written. Formatting the
 * site keeps in raw HTML (underline, small caps, centred or right-aligned lines) stays as raw
 * HTML; verse becomes a `:::verse` block; footnotes become Markdown footnotes; a passage in another
 * language than the story's (`language`) is marked so in raw HTML (`<span lang="fr">`).
 */
export function hastToMarkdown(tree: Root, breaks: string[] = [], language?: string): string {
  const marked = withPassageLanguages(withFootnoteMarks(withTypedBullets(withLayoutClasses(tree, breaks), breaks), breaks), language);
  const clean = withTextJoined(sanitize(marked, importSchema) as Root);
  const mdast = toMdast(clean, { handlers }) as MdastRoot;
  withoutNestedFormatting(mdast, new Set());
  return trimmed(
    toMarkdown(mdast, {
      extensions: [gfmToMarkdown(), directives],
      bullet: '-',
      emphasis: '*',
      strong: '*',
      rule: '*',
      ruleSpaces: true,
      fences: true,
      listItemIndent: 'one',
      // Signs the site's Markdown reads beyond CommonMark, as typed when the text has them: `==` (a
      // highlight), `%%` (an Obsidian comment, which the build refuses).
      unsafe: [
        { character: '=', after: '=' },
        { character: '%', after: '%' },
      ],
    }),
  );
}

/**
 * The tree with each run of text and `<span>`s the Markdown keeps nothing of (a word processor's
 * runs, a converter's wrappers: `keepsItsSpan`) joined into one text, in one pass: the converter joins neighbouring
 * texts one at a time, re-reading the growing text each time, which a paragraph of 20,000 runs
 * made take seconds.
 */
function withTextJoined(tree: Root): Root {
  const join = (node: Root | Element): void => {
    const children: RootContent[] = [];
    const flat = (list: readonly RootContent[]): RootContent[] =>
      list.flatMap((child) =>
        child.type === 'element' && child.tagName === 'span' && !keepsItsSpan(child) ? flat(child.children) : [child],
      );
    for (const child of flat(node.children)) {
      const last = children.at(-1);
      if (child.type === 'text' && last?.type === 'text') last.value += child.value;
      else {
        if (child.type === 'element') join(child);
        children.push(child.type === 'text' ? { ...child } : child);
      }
    }
    node.children = children as typeof node.children;
  };
  join(tree);
  return tree;
}

/**
 * Markdown without the blank lines and spaces around it; an ideographic space opening its
 * first paragraph (a Chinese or Japanese indent, kept in every other paragraph) stays. By
 * position, not a pattern, which would retry a long run of spaces inside the text.
 */
function trimmed(markdown: string): string {
  const space = (char: string | undefined) => char === ' ' || char === '\t' || char === '\r' || char === '\n';
  let start = 0;
  let end = markdown.length;
  while (start < end && space(markdown[start])) start++;
  while (end > start && space(markdown[end - 1])) end--;
  return markdown.slice(start, end);
}

/** The site's rules, plus what the importer marks for itself (footnotes, verse) before converting. */
const importSchema = {
  ...sanitizeSchema,
  attributes: {
    ...sanitizeSchema.attributes,
    a: [...(sanitizeSchema.attributes?.a ?? []), 'dataQuireFootnote'],
    li: [...(sanitizeSchema.attributes?.li ?? []), 'dataQuireFootnote'],
  },
};

/** Classes kept as raw HTML around the converted text. */
const blockClasses = ['center', 'right'];
/** Inline classes the site styles, by the names other writers give them (pandoc's `smallcaps`, `underline`). */
const inlineClasses: Record<string, string> = { 'small-caps': 'small-caps', smallcaps: 'small-caps', 'small-caps-text': 'small-caps' };

/** Whether a `<span>` is kept in the Markdown (underlined, or in a class the site styles), not only its words. */
const keepsItsSpan = (node: Element): boolean =>
  passageMarks(node) !== '' || classesOf(node).some((name) => name === 'underline' || Object.hasOwn(inlineClasses, name));

/** A passage's language and direction as attributes (` lang="he" dir="rtl"`), as `withPassageLanguages` marked them; empty for none. */
const passageMarks = (node: Element): string =>
  (['lang', 'dir'] as const)
    .map((name) => (typeof node.properties[name] === 'string' ? ` ${name}="${node.properties[name]}"` : ''))
    .join('');

/** Inline elements the site keeps that Markdown has no syntax for: kept as raw HTML around their converted text. */
const keptInline = ['u', 'ins', 'sup', 'sub', 'ruby', 'rt', 'rp', 'small', 'mark'];

const handlers: Record<string, Handle> = {
  // x², H₂O and a reading over its characters (漢字 with かんじ) mean something else run
  // together; underlined, small and highlighted words (a signature, a whisper) are set apart so.
  ...Object.fromEntries(
    keptInline.map((name): [string, Handle] => [name, (state, node) => wrapInline(state, node, `<${name}>`, `</${name}>`)]),
  ),
  // A formula stays MathML, which the site keeps (src/markdown/sanitize.ts) and browsers draw.
  // A formula in a line stays in it; one set apart (`display="block"`) is a block of its own.
  math: (_state, node) =>
    node.properties.display === 'block'
      ? { type: 'html', value: toHtml(node, { space: 'html' }) }
      : inlineHtml(toHtml(node, { space: 'html' })),
  span: (state, node) => {
    const classes = classesOf(node);
    if (!keepsItsSpan(node)) return state.all(node) as PhrasingContent[];
    const marks = passageMarks(node);
    if (marks) return wrapInline(state, { ...node, properties: {} }, `<span${marks}>`, '</span>');
    if (classes.includes('underline'))
      return wrapInline(
        state,
        { ...node, properties: { ...node.properties, className: classes.filter((name) => name !== 'underline') } },
        '<u>',
        '</u>',
      );
    const kept = [...new Set(classes.flatMap((name) => inlineClasses[name] ?? []))];
    return wrapInline(state, node, `<span class="${kept.join(' ')}">`, '</span>');
  },
  div: (state, node) => {
    const classes = classesOf(node);
    if (classes.includes('verse')) {
      return {
        type: 'containerDirective',
        name: 'verse',
        attributes: {},
        children: state.toFlow(state.all(node)),
      } as unknown as MdastContent;
    }
    const marks = passageMarks(node);
    if (marks) {
      const inner = state.toFlow(state.all(node)) as MdastContent[];
      return inner.length === 0 ? [] : [{ type: 'html', value: `<div${marks}>` }, ...inner, { type: 'html', value: '</div>' }];
    }
    return wrapBlock(state, node, classes);
  },
  // A part the reader opens (a spoiler, a content warning, as AO3 lets authors fold them) stays
  // one, as raw HTML around its converted text: Markdown has no fold of its own.
  details: (state, node) => {
    const summary = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary');
    const inner = state.toFlow(state.all({ ...node, children: node.children.filter((child) => child !== summary) })) as MdastContent[];
    const open = node.properties.open === true || node.properties.open === '' ? ' open' : '';
    const title = summary ? escapeXml(toString(summary).replace(/\s+/g, ' ').trim()) : '';
    return [
      { type: 'html', value: `<details${open}>${title ? `<summary>${title}</summary>` : ''}` },
      ...inner,
      { type: 'html', value: '</details>' },
    ];
  },
  p: (state, node) => {
    // A paragraph of spaces alone (no-break ones too: an exporter's empty line) holds nothing to read.
    if (toString(node).trim() === '' && selectAll('img, svg, math, picture, video, audio, iframe, object, embed, hr', node).length === 0)
      return [];
    const classes = classesOf(node).filter((name) => blockClasses.includes(name));
    if (classes.length === 0) return defaultHandlers.p(state, node);
    return wrapBlock(state, { ...node, properties: { ...node.properties, className: [] } }, classes, true);
  },
  a: (state, node) => {
    const mark = node.properties.dataQuireFootnote;
    if (typeof mark === 'string' && mark.startsWith('ref:'))
      return { type: 'footnoteReference', identifier: mark.slice(4), label: mark.slice(4) };
    return defaultHandlers.a(state, node);
  },
  li: (state, node) => {
    const mark = node.properties.dataQuireFootnote;
    if (typeof mark === 'string' && mark.startsWith('def:')) {
      return {
        type: 'footnoteDefinition',
        identifier: mark.slice(4),
        label: mark.slice(4),
        children: state.toFlow(state.all(node)),
      } as unknown as MdastContent;
    }
    return defaultHandlers.li(state, node);
  },
  ol: (state, node) => {
    // A list of footnotes is no list: its items become the footnotes' definitions.
    if (node.children.some((child) => child.type === 'element' && typeof child.properties.dataQuireFootnote === 'string')) {
      return state.all(node) as MdastContent[];
    }
    return defaultHandlers.ol(state, node);
  },
  // A table's cell holds one line of Markdown: its line breaks, paragraphs and lists (a LitRPG
  // status box, as Royal Road's tables hold them) kept as the HTML a cell may hold.
  td: (state, node) => ({
    ...(defaultHandlers.td(state, { ...node, children: [] }) as TableCell),
    children: cellLine(state, node.children),
  }),
  th: (state, node) => ({
    ...(defaultHandlers.th(state, { ...node, children: [] }) as TableCell),
    children: cellLine(state, node.children),
  }),
};

/** Parts of a table inside a cell: blocks of its text, each on a line of its own. */
const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/**
 * A cell's content as one line: its line breaks as `<br>`, each block (a paragraph, a heading, a
 * cell of a table inside it) on a line of its own, a list as HTML; Markdown's table has no other way
 * to hold them, and would run the lines together ("Name: Kai Level: 3") or break the table.
 */
function cellLine(state: State, nodes: readonly ElementContent[]): PhrasingContent[] {
  const html = (value: string): Html => ({ type: 'html', value });
  const line: PhrasingContent[] = [];
  // Whether what comes next starts a line of its own (after a block).
  let apart = false;
  // A space between two runs of the line (`<em>café</em> <em>lantern</em>`): kept where words
  // follow in the same line, not where a line or the cell begins or ends.
  let spaced = false;
  const add = (content: PhrasingContent[]) => {
    if (content.every((node) => node.type === 'text' && node.value.trim() === '')) {
      spaced ||= content.some((node) => node.type === 'text' && node.value !== '');
      return;
    }
    if (apart && line.length > 0) line.push(html('<br>'));
    else if (spaced && line.length > 0) line.push({ type: 'text', value: ' ' });
    apart = false;
    spaced = false;
    line.push(...content);
  };
  for (const child of nodes) {
    if (child.type !== 'element') {
      add(state.all({ type: 'element', tagName: 'span', properties: {}, children: [child] }) as PhrasingContent[]);
    } else if (child.tagName === 'br') {
      line.push(html('<br>'));
      apart = false;
      spaced = false;
    } else if (child.tagName === 'ul' || child.tagName === 'ol') {
      const items = child.children.flatMap((item) =>
        item.type === 'element' && item.tagName === 'li' ? [html('<li>'), ...cellLine(state, item.children), html('</li>')] : [],
      );
      apart = false;
      spaced = false;
      line.push(html(`<${child.tagName}>`), ...items, html(`</${child.tagName}>`));
    } else if (pageBlocks.has(child.tagName) || tableParts.has(child.tagName)) {
      apart = true;
      add(cellLine(state, child.children));
      apart = true;
    } else {
      add(state.all({ type: 'element', tagName: 'span', properties: {}, children: [child] }) as PhrasingContent[]);
    }
  }
  return line;
}

/**
 * Raw HTML inside a line, marked as inline (`hName`, which the converter reads), so text beside
 * it outside a paragraph (in a list's item, a quote, a bare `<div>`) stays one paragraph with it, not three.
 */
const inlineHtml = (value: string): Html => ({ type: 'html', value, data: { hName: 'span' } });

function wrapInline(state: State, node: Element, open: string, close: string): PhrasingContent[] {
  const inner = state.all(node) as PhrasingContent[];
  // Nothing to wrap: an empty superscript (a note's way back, left out), or a footnote's marker
  // raised in one, which the site raises itself.
  const bare = inner.every((child) => child.type === 'footnoteReference' || (child.type === 'text' && child.value.trim() === ''));
  return bare ? inner : [inlineHtml(open), ...inner, inlineHtml(close)];
}

/** A block of the author's kept in raw HTML (`<div class="center">`), its contents still Markdown. */
function wrapBlock(state: State, node: Element, classes: string[], asParagraph = false): MdastContent[] {
  const kept = classes.filter((name) => blockClasses.includes(name));
  // A paragraph of nothing (`<p class="center"><br></p>`, a word processor's empty line) gives nothing.
  const inner = asParagraph ? [defaultHandlers.p(state, node) ?? []].flat() : state.toFlow(state.all(node));
  if (kept.length === 0 || inner.length === 0) return inner as MdastContent[];
  return [{ type: 'html', value: `<div class="${kept.join(' ')}">` }, ...(inner as MdastContent[]), { type: 'html', value: '</div>' }];
}

/** Formatting that reads the same inside itself: italics in italics are italics. */
const formatting = new Set(['emphasis', 'strong', 'delete']);

/**
 * Italics inside italics (bold in bold, struck in struck) unwrapped: they read the same, and
 * Markdown's writer takes time growing with the cube of such nesting (a hostile or broken page
 * nests hundreds deep: 100 levels took 17 s); with each kind at most once on any path, the
 * formatting nests at most three deep.
 */
function withoutNestedFormatting(parent: MdastParent, inside: ReadonlySet<string>): void {
  const children: MdastContent[] = parent.children;
  const flat = children.flatMap((child): MdastContent[] => {
    if (!('children' in child)) return [child];
    const kind = formatting.has(child.type) ? child.type : undefined;
    withoutNestedFormatting(child, kind ? new Set([...inside, kind]) : inside);
    return kind && inside.has(kind) ? child.children : [child];
  });
  // Runs side by side in the same formatting as one (`~~H~~~~2~~~~O~~` reads as tildes, not as one struck word).
  const joined: MdastContent[] = [];
  for (const child of flat) {
    const last = joined.at(-1);
    if (last && last.type === child.type && formatting.has(child.type) && 'children' in last && 'children' in child)
      joined[joined.length - 1] = { ...last, children: [...last.children, ...child.children] } as MdastContent;
    else joined.push(child);
  }
  (parent as { children: MdastContent[] }).children = joined;
}

/** Inline formatting Markdown writes with delimiters (`*`, `**`), which cannot open after or close before a space. */
const delimited = new Set(['em', 'i', 'strong', 'b']);

/**
 * Emphasis with the spaces at its edges moved outside (`<em>word </em>next`, as Word and
 * LibreOffice often set the space after an italic word in italics): `*word* next` rather
 * than `*word&#x20;*&#x6E;ext`, which reads the same but not for the author editing it.
 */
function withSpacesOutside(node: Element, children: ElementContent[]): ElementContent[] {
  const inner = [...children];
  const edge = (start: boolean): ElementContent[] => {
    const at = start ? 0 : inner.length - 1;
    const child = inner[at];
    if (child?.type !== 'text') return [];
    const space = (start ? /^\s+/ : /\s+$/).exec(child.value)?.[0];
    if (!space) return [];
    const rest = start ? child.value.slice(space.length) : child.value.slice(0, -space.length);
    if (rest === '') inner.splice(at, 1);
    else inner[at] = { ...child, value: rest };
    return [{ type: 'text', value: space }];
  };
  const before = edge(true);
  const after = edge(false);
  if (inner.length === 0) return [...before, ...after];
  return [...before, { ...node, properties: { ...node.properties }, children: inner }, ...after];
}

/** Whether an element holds a block (a paragraph, a rule): its text is no one line. */
const holdsBlocks = (node: Element): boolean => node.children.some((child) => child.type === 'element' && pageBlocks.has(child.tagName));

/** Elements whose own `style` may set their text's formatting: inline text and the blocks holding only it. */
const styledText = new Set(['span', 'font', 'p', 'li', 'dt', 'dd', 'td', 'th']);

/**
 * An element's own `style` as the elements the import keeps (`<span style="font-style: italic">`,
 * as forums, web-novel sites and text copied from Google Docs set italics): a span becomes the
 * mark, a paragraph has its content wrapped in it; `<b style="font-weight: normal">` (Google
 * Docs wraps all text copied from it in one) and `<i style="font-style: normal">` are no bold
 * and no italics. A link's own underline is none the author set. A copy; the node is left as it was.
 */
function withOwnStyle(node: Element, inLink: boolean): Element {
  const style = node.properties.style;
  if (typeof style !== 'string' || style.trim() === '') return node;
  const declared = declaredFormatting(style);
  const undone =
    (['b', 'strong'].includes(node.tagName) && declared.bold === false) ||
    (['i', 'em'].includes(node.tagName) && declared.italic === false);
  const element: Element = { ...node, tagName: undone ? 'span' : node.tagName };
  if (!styledText.has(element.tagName) || holdsBlocks(element)) return element;
  const marks = formattingMarks((key) => declared[key] === true && (key !== 'underline' || !(inLink || holdsOnlyALink(element))));
  return withMarks(element, marks);
}

/** A forum's spoiler, a fold with a button to open it: XenForo's `bbCodeSpoiler` (`bbCodeSpoilerContainer` before 2.0), a `spoiler` elsewhere. */
const isSpoiler = (node: Element): boolean =>
  node.tagName === 'div' && classesOf(node).some((name) => /^(?:bbCodeSpoiler|bbCodeSpoilerContainer|spoiler)$/i.test(name));

/**
 * The title a fold gives itself: a fieldset's legend; a spoiler's header (its first child, a
 * button or a block named its title, header or caption), read for the part named its title
 * within it when it has one (`<div class="spoiler-header"><button>Show</button><span
 * class="spoiler-title">Omake</span></div>`), else its button; or its `data-caption`.
 */
function foldTitle(
  node: Element,
  children: readonly ElementContent[],
): { title: ElementContent[]; rest: ElementContent[]; leftOut: string } {
  const named = (child: Element, pattern: RegExp) => classesOf(child).some((name) => pattern.test(name));
  const header = children.find(
    (child): child is Element =>
      child.type === 'element' &&
      (node.tagName === 'fieldset'
        ? child.tagName === 'legend'
        : child.tagName === 'button' || named(child, /(?:^|[-_])(?:title|button|header|caption)$/i)),
  );
  if (header) {
    const titled = node.tagName === 'fieldset' ? undefined : selectAll('*', header).find((inner) => named(inner, /(?:^|[-_])title$/i));
    const button = node.tagName === 'fieldset' || header.tagName === 'button' ? undefined : selectAll('button', header)[0];
    const title = titled ?? button ?? header;
    // The header's other words (a button's "Show"), which the fold's own control replaces.
    const leftOut = (element: Element): string =>
      element === title ? ' ' : element.children.map((child) => (child.type === 'element' ? leftOut(child) : toString(child))).join('');
    return { title: title.children, rest: children.filter((child) => child !== header), leftOut: leftOut(header) };
  }
  const caption = node.properties.dataCaption;
  return {
    title: typeof caption === 'string' && caption.trim() ? [{ type: 'text', value: caption }] : [],
    rest: [...children],
    leftOut: '',
  };
}

/**
 * A fieldset and a forum's spoiler. A spoiler (and a fieldset whose legend says "Spoiler", as
 * FanFicFare writes a forum's spoilers) stays a fold the reader opens, titled as it was; another
 * fieldset is its legend, as a paragraph, and its content.
 */
function asFold(node: Element, children: readonly ElementContent[], breaks: string[]): ElementContent[] {
  const { title, rest: content, leftOut } = foldTitle(node, children);
  if (leftOut.trim()) breaks.push(leftOut);
  // Its text as paragraphs: a fold's HTML holds Markdown only in blocks of their own.
  const rest = paragraphsAtDoubleBreaks(content, true)!;
  const words = title
    .map((child) => toString(child))
    .join('')
    .trim();
  if (node.tagName === 'fieldset' && !/^spoiler\b/i.test(words))
    return [...(words ? [{ type: 'element', tagName: 'p', properties: {}, children: title } satisfies Element] : []), ...rest];
  return [
    {
      type: 'element',
      tagName: 'details',
      properties: {},
      children: [...(words ? [{ type: 'element', tagName: 'summary', properties: {}, children: title } satisfies Element] : []), ...rest],
    },
  ];
}

/** Elements whose inline content may run as paragraphs split by `<br><br>`. */
const containers = ['div', 'body', 'main', 'article', 'section', 'blockquote', 'td', 'center'];

/** An empty text, or one of spaces alone. */
const blank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';
const isBreak = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === 'br';

/**
 * Inline content split into paragraphs at runs of two or more line breaks (`text<br><br>text`,
 * as pages written without paragraphs separate them, FanFiction.net's older chapters among them),
 * blocks left where they are; a single break stays a line break. Nothing when there is no such run,
 * unless asked for `always` (the content of a block that must hold paragraphs, not text).
 */
function paragraphsAtDoubleBreaks(children: readonly ElementContent[], always = false): ElementContent[] | undefined {
  const out: ElementContent[] = [];
  let group: ElementContent[] = [];
  let split = false;
  const flush = () => {
    while (group.length > 0 && (blank(group[0]!) || isBreak(group[0]))) group.shift();
    while (group.length > 0 && (blank(group.at(-1)!) || isBreak(group.at(-1)))) group.pop();
    if (group.length > 0) out.push({ type: 'element', tagName: 'p', properties: {}, children: group });
    group = [];
  };
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (isBreak(child)) {
      let next = index + 1;
      while (next < children.length && blank(children[next]!)) next++;
      if (isBreak(children[next])) {
        while (next < children.length && (isBreak(children[next]) || blank(children[next]!))) next++;
        split = true;
        flush();
        index = next - 1;
        continue;
      }
    }
    if (child.type === 'element' && pageBlocks.has(child.tagName)) {
      flush();
      out.push(child);
    } else group.push(child);
  }
  flush();
  return split || always ? out : undefined;
}

/**
 * A bullet typed before an item's text ("• milk"), and the space after it: the bullets, the
 * middle dot and the Symbol font's private one (U+F0B7) that Word's bullets become where the
 * font is lost (as in Calibre's Rich Text).
 */
const typedBullet = /^[\t ]*[•◦▪●‣·\uF0B7][\s\u00a0]+/u;

/**
 * A paragraph's text without the bullet typed before it, its first text (inside the formatting
 * it opens with, a few deep) copied; undefined when it opens with none.
 */
function withoutTypedBullet(node: Element, marks: string[], depth = 0): Element | undefined {
  const index = node.children.findIndex((child) => child.type !== 'text' || child.value.trim() !== '');
  const first = node.children[index];
  let replacement: ElementContent | undefined;
  if (first?.type === 'text') {
    const bullet = typedBullet.exec(first.value)?.[0];
    if (bullet) {
      marks.push(bullet.trim());
      replacement = { ...first, value: first.value.slice(bullet.length) };
    }
  } else if (first?.type === 'element' && depth < 8 && !pageBlocks.has(first.tagName)) {
    replacement = withoutTypedBullet(first, marks, depth + 1);
  }
  if (!replacement) return undefined;
  const item = { ...node, children: [...node.children.slice(0, index), replacement, ...node.children.slice(index + 1)] };
  // A bullet with nothing after it is no item.
  if (depth === 0 && toString(item).trim() === '') {
    marks.pop();
    return undefined;
  }
  return item;
}

/**
 * Paragraphs opening with a bullet typed out ("• milk", as Calibre writes a Word document's
 * lists, and Rich Text its manual bullets), one after another, as a list of them: the bullets
 * added to `marks` (drawn, not words). The tree is changed.
 */
function withTypedBullets(tree: Root, marks: string[]): Root {
  for (const holder of [tree, ...[...elementsOf(tree)].map(({ node }) => node)]) {
    if (holder.type === 'element' && /^(?:ul|ol|li|p|h[1-6]|pre)$/.test(holder.tagName)) continue;
    // Each paragraph's opening read once, a few elements deep: a tree thousands deep is not read over for each of its wrappers.
    const items = holder.children.map((child) =>
      child.type === 'element' && (child.tagName === 'p' || (child.tagName === 'div' && !holdsBlocks(child)))
        ? withoutTypedBullet(child, marks)
        : undefined,
    );
    if (!items.some(Boolean)) continue;
    const children: RootContent[] = [];
    let list: Element | undefined;
    for (const [index, child] of holder.children.entries()) {
      const item = items[index];
      if (item) {
        if (!list) children.push((list = { type: 'element', tagName: 'ul', properties: {}, children: [] }));
        list.children.push({ ...item, tagName: 'li', properties: {} });
      } else if (!(list && child.type === 'text' && child.value.trim() === '')) {
        list = undefined;
        children.push(child);
      }
    }
    holder.children = children as typeof holder.children;
  }
  return tree;
}

/**
 * Alignment as HTML writes it (`align="center"`, `style="text-align: center"`, `<center>`)
 * as the classes the site keeps, and paragraphs that are scene breaks (src/importer/
 * scene-breaks.ts) as the site's break, their marks added to `breaks` (drawn, not words).
 * A copy: the input tree is left as it was.
 */
function withLayoutClasses(tree: Root, breaks: string[]): Root {
  const visit = (original: ElementContent, inLink = false): ElementContent[] => {
    if (original.type !== 'element') return [original];
    // Paragraphs written as runs of text between `<br><br>` first: each may be a scene break.
    const paragraphs = ['p', ...containers].includes(original.tagName) ? paragraphsAtDoubleBreaks(original.children) : undefined;
    if (paragraphs)
      return visit({ ...original, tagName: original.tagName === 'p' ? 'div' : original.tagName, children: paragraphs }, inLink);
    // A paragraph, or a block of text alone (`<div style="text-align: center">* * *</div>`), that is a break.
    const marks =
      original.tagName === 'p' || (['div', 'center'].includes(original.tagName) && !holdsBlocks(original))
        ? sceneBreakMarks(original)
        : undefined;
    if (marks !== undefined) {
      breaks.push(marks);
      return [{ type: 'element', tagName: 'hr', properties: {}, children: [] }];
    }
    // Preformatted text that holds paragraphs (as Wattpad sets a chapter's) is no preformatted text: its paragraphs are.
    const node = withOwnStyle(original.tagName === 'pre' && holdsBlocks(original) ? { ...original, tagName: 'div' } : original, inLink);
    const children = node.children.flatMap((child) => visit(child, inLink || node.tagName === 'a'));
    // A bookmark (`<a id="_Toc12">`, as Word leaves them) is no link: its text stays, the anchor goes.
    if (node.tagName === 'a' && node.properties.href === undefined) return children;
    // An embedded object is its fallback to any page that cannot play it, as the site is.
    if (node.tagName === 'object') return children.filter((child) => child.type !== 'element' || child.tagName !== 'param');
    // A figure: its picture, then its caption as a paragraph of its own.
    if (node.tagName === 'figure') {
      return children.map((child): ElementContent =>
        child.type === 'element' && child.tagName === 'figcaption'
          ? { ...child, tagName: 'p' }
          : child.type === 'element' && child.tagName === 'img'
            ? { type: 'element', tagName: 'p', properties: {}, children: [child] }
            : child,
      );
    }
    // A table's caption, which Markdown's tables have no place for: a paragraph of its own above it.
    if (node.tagName === 'table') {
      const captions = children.filter((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      if (captions.length > 0)
        return [
          ...captions.map((caption): Element => ({ type: 'element', tagName: 'p', properties: {}, children: caption.children })),
          { ...node, properties: { ...node.properties }, children: children.filter((child) => !captions.includes(child as Element)) },
        ];
    }
    if (node.tagName === 'center') return [{ type: 'element', tagName: 'div', properties: { className: ['center'] }, children }];
    if (node.tagName === 'fieldset' || isSpoiler(node)) return asFold(node, children, breaks);
    // A forum's control to open or close a long quotation ("Click to expand…"): the forum's words, not the story's.
    if (classesOf(node).some((name) => /^bbCodeBlock-(?:expand|shrink)Link$/.test(name))) {
      breaks.push(toString(node));
      return [];
    }
    // A forum's quotation (XenForo's `bbCodeBlock--quote`, `bbCodeQuote`, `quoteContainer`): a quotation.
    if (node.tagName === 'div' && classesOf(node).some((name) => /^(?:bbCodeQuote|quoteContainer|quote)$|--quote$/i.test(name)))
      return [{ type: 'element', tagName: 'blockquote', properties: {}, children }];
    if (delimited.has(node.tagName)) return withSpacesOutside(node, children);
    const side = ['p', 'div'].includes(node.tagName) ? alignmentOf(node) : undefined;
    if (!side) return [{ ...node, properties: { ...node.properties }, children }];
    return [{ ...node, properties: { ...node.properties, className: [...classesOf(node), side] }, children }];
  };
  return { ...tree, children: tree.children.flatMap((child): Root['children'] => (child.type === 'element' ? visit(child) : [child])) };
}
