import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { visit } from 'unist-util-visit';
import type { Element as XastElement, Root as XastRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { leavesTheSite } from '../../core/links.ts';
import { decodeSafely } from '../../shared/paths.ts';

/**
 * Checks a built site as it will be published, the way a reader's browser and e-reader
 * will meet it: every page valid HTML; every link, picture, script and stylesheet on the
 * site leading to a file that is there (and to an id that is there, for `#fragment`s);
 * the feeds well-formed XML with absolute links; the EPUB a sound zip whose every document
 * is well-formed XHTML and whose every link leads somewhere in the book. Gives each problem
 * as `file: what`; none for a sound site.
 */
export async function verifySite(dir: string, base: string): Promise<string[]> {
  const files = siteFiles(dir);
  const pages = files.filter((file) => file.endsWith('.html'));
  const parsed = new Map<string, HastRoot>();
  const page = (file: string) => {
    let tree = parsed.get(file);
    if (!tree) parsed.set(file, (tree = fromHtml(readFileSync(join(dir, file), 'utf8'))));
    return tree;
  };
  return [
    ...(await validPages(dir, pages)),
    ...siteLinks(dir, base, pages, page),
    ...stylesheetLinks(dir, base, files),
    ...files.filter((file) => /\.xml$/.test(file)).flatMap((file) => feed(dir, file)),
    ...files.filter((file) => file.endsWith('.epub')).flatMap((file) => epubProblems(file, readFileSync(join(dir, file)))),
  ];
}

/** Every file of a built site, relative to its root, sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ['html-validate:recommended'],
    // The site writes titles of at most 60 characters (core/document-title.ts); this rule counts them as
    // written in the page, entities and all, so a title of quotes and ampersands read as longer than it is.
    // An id is valid HTML whatever it starts with (a chapter file named 01-arrival.md gives the
    // entire work's `01-arrival--p-1`); the rule's default wants a letter first, as HTML 4 did.
    rules: { 'long-title': 'off', 'valid-id': ['error', { relaxed: true }] },
  }),
);

async function validPages(dir: string, pages: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of pages)
    problems.push(...(await pageProblems(readFileSync(join(dir, file), 'utf8'))).map((problem) => `${file}:${problem}`));
  return problems;
}

/** What keeps a page from being valid HTML, as the check of a site before it goes live finds it: `line: rule: message` each. */
export async function pageProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages).map((message) => `${message.line}: ${message.ruleId}: ${message.message}`);
}

/** The ids in a tree, for checking `#fragment`s. */
function idsOf(tree: HastRoot): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: HastElement) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/** The file a site path serves, as a static host would: `/base/x/` is `x/index.html`. */
function servedFile(dir: string, base: string, pathname: string): string {
  const file = join(dir, decodeSafely(pathname.slice(base.length)));
  return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : file;
}

function siteLinks(dir: string, base: string, pages: string[], page: (file: string) => HastRoot): string[] {
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  for (const file of pages) {
    const pageUrl = new URL(`http://site${base}${file.replace(/(^|\/)index\.html$/, '$1')}`);
    const refs: string[] = [];
    visit(page(file), 'element', (node: HastElement) => {
      const { href, src, action } = node.properties;
      const ref = ['a', 'link', 'area'].includes(node.tagName)
        ? href
        : ['img', 'script', 'source', 'iframe'].includes(node.tagName)
          ? src
          : action;
      if (typeof ref === 'string') refs.push(ref);
      for (const candidate of String(node.properties.srcSet ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push(url);
      }
    });
    for (const ref of refs) {
      const url = URL.parse(ref, pageUrl);
      if (!url) {
        problems.push(`${file}: the link "${ref}" is not a URL`);
        continue;
      }
      if (url.host !== 'site' || url.protocol !== 'http:') continue;
      if (!url.pathname.startsWith(base)) {
        problems.push(`${file}: ${ref} leads outside the site (its base path is ${base})`);
        continue;
      }
      const target = servedFile(dir, base, url.pathname);
      if (!existsSync(target) || statSync(target).isDirectory()) {
        problems.push(`${file}: ${ref} leads to no page or file (no ${relative(dir, target)})`);
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const key = relative(dir, target);
        if (!ids.has(key)) ids.set(key, idsOf(page(key)));
        const id = decodeSafely(url.hash.slice(1));
        if (!ids.get(key)!.has(id)) problems.push(`${file}: ${ref} leads to no id "${id}" on ${key}`);
      }
    }
  }
  return problems;
}

function stylesheetLinks(dir: string, base: string, files: string[]): string[] {
  const problems: string[] = [];
  for (const css of files.filter((file) => file.endsWith('.css'))) {
    for (const [, ref] of readFileSync(join(dir, css), 'utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      if (ref!.startsWith('data:') || ref!.startsWith('#')) continue;
      const url = new URL(ref!, `http://site${base}${css}`);
      if (url.host === 'site' && !existsSync(servedFile(dir, base, url.pathname))) problems.push(`${css}: url(${ref}) leads to no file`);
    }
  }
  return problems;
}

/** Parses XML, giving the problem instead of throwing. */
function parseXml(text: string, where: string): XastRoot | string {
  try {
    return fromXml(text);
  } catch (error) {
    // The XML parser's own words (with line and column) are in the cause.
    const cause = (error as Error).cause;
    return `${where}: not well-formed XML (${cause instanceof Error ? cause.message : (error as Error).message})`;
  }
}

function xmlElements(tree: XastRoot, name?: string): XastElement[] {
  const found: XastElement[] = [];
  visit(tree, 'element', (node: XastElement) => {
    if (name === undefined || node.name === name || node.name.endsWith(`:${name}`)) found.push(node);
  });
  return found;
}

/** A feed or sitemap: well-formed, its links absolute. */
function feed(dir: string, file: string): string[] {
  const tree = parseXml(readFileSync(join(dir, file), 'utf8'), file);
  if (typeof tree === 'string') return [tree];
  const problems: string[] = [];
  for (const element of xmlElements(tree).filter((node) => node.name === 'link' || node.name === 'loc')) {
    const text = element.children
      .map((child) => ('value' in child ? child.value : ''))
      .join('')
      .trim();
    if (text && !/^https?:\/\//.test(text)) problems.push(`${file}: <${element.name}>${text}</${element.name}> is not an absolute address`);
  }
  return problems;
}

/**
 * An EPUB as e-readers and epubcheck open it: `mimetype` first and stored, the container
 * naming a package, every manifest item present, the spine naming manifest items, each
 * document well-formed XHTML, and each link inside the book leading to a document (and an
 * id) that is there.
 */
export function epubProblems(name: string, bytes: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return [`${name}: not a zip file (${(error as Error).message})`];
  }
  const problems: string[] = [];
  const at = (path: string) => `${name}!${path}`;
  // The first local header must be an uncompressed "mimetype" (zip method 0) holding exactly the media type.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const firstName = strFromU8(bytes.subarray(30, 30 + view.getUint16(26, true)));
  if (
    firstName !== 'mimetype' ||
    view.getUint16(8, true) !== 0 ||
    strFromU8(entries.mimetype ?? new Uint8Array()) !== 'application/epub+zip'
  ) {
    problems.push(`${name}: the first file must be an uncompressed "mimetype" holding application/epub+zip`);
  }
  const container = entries['META-INF/container.xml'];
  if (!container) return [...problems, `${name}: META-INF/container.xml is missing`];
  const containerTree = parseXml(strFromU8(container), at('META-INF/container.xml'));
  if (typeof containerTree === 'string') return [...problems, containerTree];
  const opfPath = xmlElements(containerTree, 'rootfile')[0]?.attributes['full-path'];
  if (!opfPath || !entries[opfPath]) return [...problems, `${at('META-INF/container.xml')}: names no package document that is in the book`];
  const opf = parseXml(strFromU8(entries[opfPath]), at(opfPath));
  if (typeof opf === 'string') return [...problems, opf];

  const root = posix.dirname(opfPath);
  const resolveIn = (from: string, href: string) => posix.normalize(posix.join(posix.dirname(from), decodeSafely(href)));
  const manifest = new Map<string, { path: string; type: string }>();
  for (const item of xmlElements(opf, 'item')) {
    const { id, href, 'media-type': type } = item.attributes;
    if (!id || !href) continue;
    const path = posix.normalize(posix.join(root, decodeSafely(href)));
    manifest.set(id, { path, type: type ?? '' });
    if (!entries[path]) problems.push(`${at(opfPath)}: the manifest lists ${href}, which is not in the book`);
  }
  for (const itemref of xmlElements(opf, 'itemref')) {
    if (!manifest.has(itemref.attributes.idref ?? ''))
      problems.push(`${at(opfPath)}: the spine names "${itemref.attributes.idref}", which the manifest lacks`);
  }
  if (!xmlElements(opf, 'title').length) problems.push(`${at(opfPath)}: no dc:title`);

  const documents = new Map<string, XastRoot>();
  for (const { path, type } of manifest.values()) {
    if (type !== 'application/xhtml+xml' || !entries[path]) continue;
    const tree = parseXml(strFromU8(entries[path]), at(path));
    if (typeof tree === 'string') problems.push(tree);
    else documents.set(path, tree);
  }
  const ids = new Map([...documents].map(([path, tree]) => [path, new Set(xmlElements(tree).flatMap((node) => node.attributes.id ?? []))]));
  for (const [path, tree] of documents) {
    for (const node of xmlElements(tree)) {
      const ref = node.name === 'a' || node.name === 'link' ? node.attributes.href : node.name === 'img' ? node.attributes.src : undefined;
      if (!ref || leavesTheSite(ref)) continue;
      const [file = '', fragment] = ref.split('#');
      const target = file === '' ? path : resolveIn(path, file);
      if (!entries[target]) {
        problems.push(`${at(path)}: the link "${ref}" leads to no file in the book`);
      } else if (fragment !== undefined && fragment !== '' && ids.has(target) && !ids.get(target)!.has(decodeSafely(fragment))) {
        problems.push(`${at(path)}: the link "${ref}" leads to no id "${fragment}" in ${target}`);
      }
    }
  }
  return problems;
}
