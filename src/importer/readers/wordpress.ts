import type { Element as XmlElement, Nodes as XmlNodes } from 'xast';
import type { Root } from 'hast';
import { childElements, element, elements, parseXmlOrRefuse } from '../xml.ts';
import { parseHtml, select, treeOf, visibleText } from '../html.ts';
import { withoutChapterLinks } from '../chapter-links.ts';
import { importedStory, ImportError, type ImportedChapter, type ImportedWork } from '../model.ts';
import { parseTitleLine } from '../title-lines.ts';
import { languageTag } from '../../core/language-names.ts';
import { withoutControls } from '../decode.ts';
import { slugPattern } from '../../core/slug.ts';
import { problems, counted } from '../../core/problems.ts';

/**
 * A WordPress site's export (Tools → Export: a WXR file, RSS with WordPress's own fields), as
 * web serials hosted on WordPress have them: each post a chapter, in the order they were
 * published, dated as WordPress dated them (a scheduled post stays scheduled, a draft a draft);
 * the site's title, tagline, language and author into story.md. Pages, attachments and menus
 * are no chapters, and readers' comments stay on WordPress: left out, and said.
 */

/** Whether a text is a WordPress export, from its start. */
export const isWordPressExport = (start: string): boolean =>
  /<rss[\s>]/.test(start) && /xmlns:wp=["']http:\/\/wordpress\.org\/export\//.test(start);

/** The tagline a new WordPress site has until its owner writes one: no summary of the story. */
const defaultTaglines = /^(?:just another (?:wordpress(?:\.com)? )?(?:site|weblog|blog)|)$/i;

/**
 * The export as an XML parser takes it, with what WordPress lets into exports that XML forbids
 * mended: a vertical tab (Word's line break, pasted in) as a newline, a form feed (its page
 * break) as a blank line, other control characters left out (as every reader does), a bare `&`
 * outside CDATA as `&amp;`.
 */
function lenient(text: string): string {
  return withoutControls(text)
    .text.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/&(?![a-z][\w.-]*;|#\d+;|#x[\da-f]+;)/gi, '&amp;')))
    .join('');
}

/** A field's text as written (a post's HTML keeps its line breaks, which say where its paragraphs are). */
function written(node: XmlNodes | undefined): string {
  if (!node) return '';
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  return 'children' in node ? node.children.map(written).join('') : '';
}

/** A child element's text as written, by its name without prefix (`wp:status` → `status`). */
function field(item: XmlElement, name: string): string {
  return written(childElements(item, name)[0]).trim();
}

/** A WordPress date (`2024-03-08 10:00:00`, the site's own time) as a calendar date; none for a draft's zeros. */
const dateOf = (value: string): string | undefined => /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1]?.replace(/^0000-00-00$/, '') || undefined;

/**
 * A post's HTML as WordPress shows it. The classic editor stores paragraphs as blank lines and
 * line breaks as newlines, which WordPress turns into `<p>` and `<br>` when it shows the post
 * (its `wpautop`): done here to the text between block elements. The block editor's posts
 * already hold their `<p>`s, and its `<!-- wp:… -->` marks are comments. The `[caption]`
 * shortcode's picture and caption are kept without it.
 */
export function postHtml(content: string): string {
  const captions = content.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/g, '$1');
  const block = /^<(?:p|div|h[1-6]|blockquote|ul|ol|li|hr|table|pre|figure|section|!--)[\s>/-]/i;
  return captions
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (block.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

interface Post {
  title: string;
  slug: string | undefined;
  status: string;
  /** When WordPress dated it, in the site's time: `2024-03-08 10:00:00`. */
  written: string;
  body: Root;
  summary: Root | undefined;
  comments: number;
  creator: string;
}

/** Reads a WordPress export; fails, saying so, when it holds no post. */
export function readWordPress(input: string, file: string): ImportedWork {
  const tree = parseXmlOrRefuse(lenient(input), file);
  const channel = element(tree, 'channel');
  if (!channel) throw new ImportError(problems.WordPressEmpty.message(file));
  const items = channel.children.filter((child): child is XmlElement => child.type === 'element' && child.name === 'item');
  const posts: Post[] = [];
  const others: string[] = [];
  const setAside: string[] = [];
  let linked = 0;
  for (const item of items) {
    const type = field(item, 'post_type');
    const title = field(item, 'title');
    if (type !== 'post') {
      // Pages ("About"), the pictures uploaded, menus: the site's, not the story's.
      if (type === 'page') others.push(`“${title}”`);
      continue;
    }
    const status = field(item, 'status');
    if (status === 'trash' || status === 'auto-draft' || status === 'inherit') continue;
    const excerpt = excerptOf(item);
    const name = safeDecode(field(item, 'post_name'));
    const read = withoutChapterLinks(bodyOf(parseHtml(postHtml(contentOf(item)))), setAside);
    if (read.removed) linked++;
    posts.push({
      title,
      slug: name && slugPattern.test(name) ? name : undefined,
      status,
      written: field(item, 'post_date') || field(item, 'post_date_gmt'),
      body: read.body,
      summary: excerpt ? bodyOf(parseHtml(postHtml(excerpt))) : undefined,
      comments: elements(item, 'comment').filter((comment) => comment.name === 'wp:comment').length,
      creator: field(item, 'creator'),
    });
  }
  if (posts.length === 0) throw new ImportError(problems.WordPressEmpty.message(file));
  // In the order they were published (a scheduled post when it will be); the drafts, never published, after them.
  const unpublished = (post: Post) => ['draft', 'pending', 'private'].includes(post.status);
  const ordered = posts
    .map((post, index) => ({ post, index }))
    .sort(
      (a, b) =>
        Number(unpublished(a.post)) - Number(unpublished(b.post)) || a.post.written.localeCompare(b.post.written) || a.index - b.index,
    )
    .map(({ post }) => post);

  const [siteTitle, tagline, language] = ['title', 'description', 'language'].map((name) => field(channel, name).replace(/\s+/g, ' '));
  const summary = defaultTaglines.test(tagline!) ? undefined : tagline;
  const story = importedStory({
    title: siteTitle || undefined,
    author: authorOf(channel, ordered),
    language: language ? languageTag(language) : undefined,
    summary: summary ? treeOf([{ type: 'text', value: summary }]) : undefined,
  });
  const chapters: ImportedChapter[] = ordered.map((post) => {
    const parsed = parseTitleLine(post.title);
    return {
      kind: parsed?.kind ?? 'chapter',
      number: parsed?.number,
      title: parsed?.title ?? (post.title || post.slug || 'Untitled'),
      heading: parsed?.written,
      slug: parsed?.slug ?? post.slug,
      summary: post.summary,
      body: post.body,
      published: unpublished(post) ? undefined : dateOf(post.written),
      draft: unpublished(post) || undefined,
    };
  });

  const drafts = ordered.filter(unpublished).length;
  const scheduled = ordered.filter((post) => post.status === 'future').length;
  const comments = ordered.reduce((sum, post) => sum + post.comments, 0);
  const notices = [
    `read the ${counted(ordered.length, 'post')} as chapters, in the order they were published, each dated as WordPress dated it`,
    ...(drafts ? [`kept ${counted(drafts, 'post')} WordPress had not published as draft${drafts === 1 ? '' : 's'} (draft: true)`] : []),
    ...(scheduled ? [`kept ${counted(scheduled, 'scheduled post')} scheduled: each goes live on its date`] : []),
  ];
  const dropped = [
    ...(others.length
      ? [`the site’s page${others.length === 1 ? '' : 's'} ${others.join(', ')}, which ${others.length === 1 ? 'is' : 'are'} no post`]
      : []),
    ...(linked
      ? [
          `the links between chapters (“Previous Chapter”, “Next Chapter”…) at the top or bottom of ${counted(linked, 'post')}, which the site makes itself`,
        ]
      : []),
    ...(comments ? [`${comments} reader${comments === 1 ? '’s' : 's’'} comment${comments === 1 ? '' : 's'}, which stay on WordPress`] : []),
  ];
  return {
    format: 'WordPress export',
    story,
    chapters,
    images: new Map(),
    source: [summary ?? '', ...ordered.flatMap((post) => [visibleText(post.body), post.summary ? visibleText(post.summary) : ''])].join(
      '\n',
    ),
    setAside: [],
    dropped,
    notices,
  };
}

/** The post's text (`content:encoded`). */
const contentOf = (item: XmlElement): string =>
  written(item.children.find((child): child is XmlElement => child.type === 'element' && child.name === 'content:encoded'));

/** The excerpt the author wrote for the post (`excerpt:encoded`), if any. */
const excerptOf = (item: XmlElement): string =>
  written(item.children.find((child): child is XmlElement => child.type === 'element' && child.name === 'excerpt:encoded')).trim();

/** What a parsed fragment's body holds. */
function bodyOf(tree: Root): Root {
  const body = select('body', tree);
  return body ? treeOf(body.children) : tree;
}

/** The author's name: the display name of whoever wrote most of the posts (WordPress names them by login). */
function authorOf(channel: XmlElement, posts: Post[]): string | undefined {
  const counts = new Map<string, number>();
  for (const post of posts) counts.set(post.creator, (counts.get(post.creator) ?? 0) + 1);
  const login = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const authors = elements(channel, 'author').filter((node) => node.name === 'wp:author');
  const named = authors.find((author) => field(author, 'author_login') === login) ?? authors[0];
  return (named && field(named, 'author_display_name')) || login || undefined;
}

/** A post's percent-encoded slug (`%e5%85%89`) as its letters; as written when it does not decode. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
