import { params } from '../shared/contract.ts';
import { findMatches } from '../shared/highlight.ts';
import type { Translate } from '../shared/i18n/strings.ts';
import { queryTerms } from '../shared/search-terms.ts';
import { adoptStyles } from './styles.ts';
import { siteStrings } from './strings.ts';
// Its styles come with it (as a constructed stylesheet), so chapter pages carry none of them.
import styles from './search-highlight.css?inline';

/**
 * Marks the `?highlight=` terms in `text` and adds the "3 of 7" stepper. Loaded by
 * `<quire-chapter-text>` only when the URL asks.
 */
export function highlightSearch(text: HTMLElement): void {
  const search = new URLSearchParams(location.search);
  const query = search.get(params.highlight) ?? '';
  if (!query.trim()) return;
  const t = siteStrings();
  const marks = markMatches(text, queryTerms(query));
  if (marks.length === 0) return;

  adoptStyles(styles);
  const bar = buildBar(query, t);
  document.body.append(bar.root);
  let current = -1;

  const go = (index: number, behavior: ScrollBehavior) => {
    marks[current]?.classList.remove('current');
    current = (index + marks.length) % marks.length;
    const mark = marks[current]!;
    mark.classList.add('current');
    bar.count.textContent = t('highlight.position', { current: current + 1, total: marks.length });
    mark.scrollIntoView({ block: 'center', behavior });
  };
  const step = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth');

  // Start at the first match in the paragraph the result linked to. Wait for the page to
  // load, so the browser's own jump to the #fragment does not undo the centring.
  const target = location.hash ? document.getElementById(fragmentId(location.hash)) : null;
  const start = Math.max(0, target ? marks.findIndex((mark) => target.contains(mark)) : 0);
  if (document.readyState === 'complete') go(start, 'instant');
  else addEventListener('load', () => go(start, 'instant'), { once: true });

  bar.prev.addEventListener('click', () => go(current - 1, step()));
  bar.next.addEventListener('click', () => go(current + 1, step()));
  bar.clear.addEventListener('click', () => {
    for (const mark of marks) mark.replaceWith(...mark.childNodes);
    text.normalize();
    bar.root.remove();
    search.delete(params.highlight);
    const rest = search.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    text.focus({ preventScroll: true });
  });
}

/** The id a URL's `#fragment` names; a malformed escape (`#%E0%A4%A`) is taken as written. */
function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** Wraps each match in a `<mark>`, in document order. */
function markMatches(root: HTMLElement, terms: string[]): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const matches = findMatches(node.data, terms);
    for (const match of matches.reverse()) {
      const range = document.createRange();
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      const mark = document.createElement('mark');
      range.surroundContents(mark);
      marks.push(mark);
    }
  }
  return marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function buildBar(query: string, t: Translate) {
  const root = document.createElement('div');
  root.className = 'search-hits floating-bar no-print';
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', t('highlight.region'));
  const label = document.createElement('span');
  label.className = 'search-hits-label';
  label.textContent = t('highlight.query', { query });
  const count = document.createElement('span');
  count.className = 'search-hits-count';
  count.setAttribute('aria-live', 'polite');
  const button = (text: string, name: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'icon-button';
    b.textContent = text;
    b.setAttribute('aria-label', name);
    return b;
  };
  const prev = button('↑', t('highlight.previous'));
  const next = button('↓', t('highlight.next'));
  const clear = button('✕', t('highlight.clear'));
  root.append(label, count, prev, next, clear);
  return { root, count, prev, next, clear };
}
