import type { Root } from 'hast';
import { parseHtml, select, textOf, visibleText } from '../html.ts';
import type { ImportedWork } from '../model.ts';
import { fileTitle, parseTitleLine } from '../title-lines.ts';

/**
 * A chapter as HTML: a page saved from the web, or text pasted from an editor. The text is
 * the page's `<article>` or `<main>` (else its body); a first heading that reads as a chapter
 * heading gives the title, else the file name does.
 */
export function readHtml(text: string, stem: string): ImportedWork {
  const tree = parseHtml(text);
  const body = select('body', tree) ?? tree;
  const main = select('article', body) ?? select('main', body) ?? body;
  const setAside: string[] = [];
  const notices: string[] = [];
  if (main !== body)
    notices.push(
      `took the text from the page’s <${main.type === 'element' ? main.tagName : 'body'}>; the rest of the page (menus, links) is left out`,
    );
  const heading = select('h1, h2, h3', main);
  const parsed = heading ? parseTitleLine(textOf(heading)) : undefined;
  const fromName = fileTitle(stem);
  const title = parsed ?? fromName;
  if (parsed && heading) setAside.push(visibleText(heading));
  const content: Root = { type: 'root', children: (main.children as Root['children']).filter((child) => !(parsed && child === heading)) };
  return {
    format: 'HTML',
    story: undefined,
    chapters: [
      {
        kind: title?.kind ?? 'chapter',
        number: title?.number,
        title: title?.title ?? (textOf(select('title', tree)) || stem),
        slug: title?.slug,
        body: content,
      },
    ],
    images: new Map(),
    // Only the part read counts: the page's menus and footers are not the story.
    source: visibleText(main),
    setAside,
    dropped: [],
    notices,
  };
}
