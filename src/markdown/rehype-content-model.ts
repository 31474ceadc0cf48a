import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Raw HTML as authors type it leaves elements where HTML allows none: an `<i>` left open holds
 * the paragraphs after it, a `<p>` inside a heading, an `<li>` with no list. A browser shows
 * such a page, but it is no valid HTML and no valid EPUB, which the deploy's check of the site
 * refuses (one forgotten `</i>` kept a serial's new chapter off the web). This sets every element
 * where HTML allows it, as a browser shows the page and with every word where it was:
 *
 * - a wrapper of words (`<i>`, `<b>`, `<span lang>`, `<a>`…) holding blocks wraps the words
 *   inside each block instead, as a browser carries an open `<i>` on into the next paragraph;
 * - a block that holds only words (`<p>`, a heading, `<pre>`, `<summary>`, `<rt>`) ends where a
 *   block inside it starts: the block after it, the words after that in a paragraph of their own;
 * - a list ends at the first thing in it that is no list item, which follows the list;
 * - an element that only means something inside another (`<li>` in a list, `<dd>` in a `<dl>`,
 *   `<rt>` in `<ruby>`, a table's cell in its row) is left out around its words anywhere else;
 * - a `<details>` opens with its one `<summary>` (the browser's "Details" where the author gave
 *   none), a table with its caption, `<ruby>` with no reading and a `<dl>` with no terms or no descriptions are their words;
 * - a heading with no words goes, and so does a link with nothing to click;
 * - words left loose between blocks are a paragraph.
 */
export function rehypeContentModel(options: ContentModelOptions) {
  return (tree: Root) => {
    tree.children = paragraphed(repaired(tree.children as ElementContent[], undefined, options)) as RootContent[];
  };
}

/** Words left loose among the text's blocks (typed on the lines under a line of HTML), each run a paragraph, as the text around them. */
function paragraphed(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    const start = run.findIndex((node) => !showsNothing(node));
    if (start === -1) out.push(...run);
    else {
      const end = run.findLastIndex((node) => !showsNothing(node)) + 1;
      out.push(
        ...run.slice(0, start),
        { type: 'element', tagName: 'p', properties: {}, children: run.slice(start, end) },
        ...run.slice(end),
      );
    }
    run = [];
  };
  for (const node of nodes) {
    if (isWords(node) && node.type !== 'comment') run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

export interface ContentModelOptions {
  /** The summary of a part the reader opens (`<details>`) that the author gave none, as a browser names it ("Details"). */
  disclosure: string;
}

/** Phrasing elements that wrap words, which a browser carries on into the blocks an unclosed one holds. */
const wrappers = new Set([
  ...['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q'],
  ...['ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var'],
]);
/** Elements that hold words and may sit among words: HTML's phrasing content. */
const phrasing = new Set([
  ...wrappers,
  ...['area', 'audio', 'br', 'button', 'canvas', 'embed', 'iframe', 'img', 'input', 'label', 'map', 'math', 'meter', 'noscript'],
  ...['object', 'output', 'picture', 'progress', 'rp', 'rt', 'script', 'select', 'slot', 'svg', 'template', 'textarea', 'video', 'wbr'],
]);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks whose content is words alone. */
const wordsOnly = new Set([...headings, 'p', 'pre', 'summary', 'rt', 'legend']);
/** Elements that mean something only inside one of these. */
const parents: Record<string, readonly string[]> = {
  li: ['ul', 'ol', 'menu'],
  dt: ['dl'],
  dd: ['dl'],
  rt: ['ruby'],
  rp: ['ruby'],
  summary: ['details'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  caption: ['table'],
  colgroup: ['table'],
  col: ['colgroup'],
  figcaption: ['figure'],
  legend: ['fieldset'],
  option: ['select', 'datalist', 'optgroup'],
  optgroup: ['select'],
  source: ['audio', 'video', 'picture'],
  track: ['audio', 'video'],
};
const lists = new Set(['ul', 'ol', 'menu']);
/** What must open an element, where it has one: a part's summary, a table's caption. */
const leads: Record<string, string> = { details: 'summary', table: 'caption' };
/** A description list's terms and descriptions as HTML has them: terms, then their descriptions, again and again. */
const definitions = /^(?:(?:dt )+(?:dd ?)+ ?)+$/;
/** The summary given a part the author gave none: the site's words, not the author's (no search hit, no word count). */
const summaryOf = (text: string): Element => ({
  type: 'element',
  tagName: 'summary',
  properties: { dataPagefindIgnore: '' },
  children: [{ type: 'text', value: text }],
});

const isElement = (node: ElementContent): node is Element => node.type === 'element';
const isBlank = (node: ElementContent) => node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
/** Shows nothing to read: blank, or an element of blanks (the `<i>` an unclosed one leaves around a line break). */
const showsNothing = (node: ElementContent) => isBlank(node) || (isElement(node) && !showsSomething(node));
const isWords = (node: ElementContent) => !isElement(node) || phrasing.has(node.tagName);
/** Whether an element holds words or a picture, at any depth. */
const showsSomething = (node: Element): boolean =>
  node.children.some((child) =>
    child.type === 'text' ? child.value.trim() !== '' : isElement(child) && (child.tagName === 'img' || showsSomething(child)),
  );

/** `nodes`, each set where HTML allows it inside `parent` (undefined: the page's own flow). */
function repaired(nodes: ElementContent[], parent: Element | undefined, options: ContentModelOptions): ElementContent[] {
  return nodes.flatMap((node) => {
    if (!isElement(node)) return [node];
    node.children = repaired(node.children, node, options);
    return placed(node, parent, options);
  });
}

/** An element, its children already set right, as what it becomes inside `parent`. */
function placed(node: Element, parent: Element | undefined, options: ContentModelOptions): ElementContent[] {
  const again = (nodes: ElementContent[]) => repaired(nodes, parent, options);
  const allowed = parents[node.tagName];
  // In a wrapper of words or a block of words (an `<li>` in an `<a>` left open in a list), left
  // as it is: that moves it out, beside itself, where it is placed again.
  const movedOut = parent && !phrasing.has(node.tagName) && (wrappers.has(parent.tagName) || wordsOnly.has(parent.tagName));
  if (allowed && !movedOut && !(parent && allowed.includes(parent.tagName))) return again(node.children);
  // A table in a table's caption is its words.
  if (node.tagName === 'table' && parent?.tagName === 'caption') return again(node.children);
  if (wrappers.has(node.tagName) && !node.children.every(isWords)) return again(wrappedInside(node.children, node));
  if (wordsOnly.has(node.tagName) && !node.children.every(isWords)) return again(endedAtBlocks(node));
  if (lists.has(node.tagName)) {
    const stray = node.children.findIndex(
      (child) => !isBlank(child) && !(isElement(child) && ['li', 'script', 'template'].includes(child.tagName)),
    );
    if (stray !== -1) {
      const after = node.children.splice(stray);
      return [node, ...again(after)];
    }
  }
  const lead = leads[node.tagName];
  if (lead) {
    const isLead = (child: ElementContent) => isElement(child) && child.tagName === lead;
    const index = node.children.findIndex(isLead);
    if (index === -1) {
      if (lead === 'summary') node.children.unshift(summaryOf(options.disclosure));
    } else if (node.children.slice(0, index).some((child) => !isBlank(child))) node.children.unshift(...node.children.splice(index, 1));
  }
  if (node.tagName === 'details') {
    // One summary: any other is words of the part.
    let summaries = 0;
    node.children = node.children.flatMap((child) =>
      isElement(child) && child.tagName === 'summary' && summaries++ > 0 ? child.children : [child],
    );
  }
  const tags = node.children.filter(isElement).map((child) => child.tagName);
  if (node.tagName === 'ruby' && !tags.includes('rt')) return again(node.children);
  if (node.tagName === 'dl' && !definitions.test(tags.filter((tag) => tag !== 'script' && tag !== 'template').join(' ')))
    return again(node.children);
  if (headings.has(node.tagName) && !showsSomething(node)) return [];
  // A link with nothing to click (what an `<a>` left open leaves in the blocks after it) goes; a link target stays, as one.
  if (node.tagName === 'a' && node.properties.href !== undefined && !showsSomething(node)) {
    if (node.properties.id === undefined) return node.children;
    delete node.properties.href;
  }
  return [node];
}

/** An element's properties without its id, for a second piece of it (an id names one element). */
function withoutId(node: Element): Element['properties'] {
  const properties = { ...node.properties };
  delete properties.id;
  return properties;
}

/**
 * `children` with `wrapper` around each run of words, and around the words inside each block
 * among them; the wrapper's id (a link's target) on its first piece alone.
 */
function wrappedInside(children: ElementContent[], wrapper: Element, pieces = { made: 0 }): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.some((node) => !showsNothing(node))) {
      out.push({ ...wrapper, properties: pieces.made++ === 0 ? wrapper.properties : withoutId(wrapper), children: run });
    } else out.push(...run);
    run = [];
  };
  for (const child of children) {
    if (isWords(child)) run.push(child);
    else {
      flush();
      out.push({ ...(child as Element), children: wrappedInside((child as Element).children, wrapper, pieces) });
    }
  }
  flush();
  return out;
}

/** A block of words alone, ended where a block inside it starts: the words after that in a paragraph (a `<pre>`'s in a `<pre>`). */
function endedAtBlocks(node: Element): ElementContent[] {
  const out: ElementContent[] = [];
  const next = (): Element =>
    node.tagName === 'p' || node.tagName === 'pre'
      ? { ...node, properties: withoutId(node), children: [] }
      : { type: 'element', tagName: 'p', properties: {}, children: [] };
  let current: Element = { ...node, children: [] };
  for (const child of node.children) {
    if (isWords(child)) {
      current.children.push(child);
      continue;
    }
    if (current.children.some((part) => !isBlank(part))) out.push(current);
    out.push(child);
    current = next();
  }
  if (current.children.some((part) => !isBlank(part))) out.push(current);
  return out;
}
