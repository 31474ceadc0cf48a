import { params } from '../shared/contract.ts';
import { decodeSafely } from '../shared/paths.ts';
import { findHits, parseQuery, type SearchQuery } from '../shared/highlight.ts';
import type { Translate } from '../shared/i18n/strings.ts';
import { adoptStyles } from './styles.ts';
import { inLanguageOf, siteStrings } from './strings.ts';
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
  const marks = markHits(text, parseQuery(query, document.documentElement.lang));
  if (marks.length === 0) return;

  adoptStyles(styles);
  const bar = buildBar(query, t);
  document.body.append(bar.root);
  let current = -1;

  // One step per hit: a phrase across a link or emphasis is one hit in several marks.
  const go = (index: number, behavior: ScrollBehavior) => {
    for (const mark of marks[current] ?? []) mark.classList.remove('current');
    current = (index + marks.length) % marks.length;
    const hit = marks[current]!;
    for (const mark of hit) mark.classList.add('current');
    bar.count.textContent = t('highlight.position', { current: current + 1, total: marks.length });
    // A hit inside a part the reader has not opened (a folded callout, a spoiler) opens it.
    const folded = hit[0]!.closest('details:not([open])');
    if (folded instanceof HTMLDetailsElement) folded.open = true;
    hit[0]!.scrollIntoView({ block: 'center', behavior });
  };
  const step = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth');

  // Start at the first match in the paragraph the result linked to. Wait for the page to
  // load, so the browser's own jump to the #fragment does not undo the centring.
  // The id the URL's `#fragment` names; a malformed escape (`#%E0%A4%A`) is taken as written.
  const target = location.hash ? document.getElementById(decodeSafely(location.hash.slice(1))) : null;
  const start = Math.max(0, target ? marks.findIndex((hit) => target.contains(hit[0]!)) : 0);
  const land = () => {
    go(start, 'instant');
    keepInView(() => marks[current]![0]!);
  };
  if (document.readyState === 'complete') land();
  else addEventListener('load', land, { once: true });

  bar.prev.addEventListener('click', () => go(current - 1, step()));
  bar.next.addEventListener('click', () => go(current + 1, step()));
  bar.clear.addEventListener('click', () => {
    for (const mark of marks.flat()) mark.replaceWith(...mark.childNodes);
    text.normalize();
    bar.root.remove();
    search.delete(params.highlight);
    const rest = search.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    text.focus({ preventScroll: true });
  });
}

/**
 * For a moment after landing, until the reader scrolls, types or taps: if a late change of
 * layout (a picture, a style loaded after the page) or the browser's own jump to the
 * `#fragment` moves the match out of view, it is brought back to the centre.
 */
function keepInView(mark: () => HTMLElement): void {
  const keep = () => {
    const { top, bottom } = mark().getBoundingClientRect();
    if (top < 0 || bottom > innerHeight) mark().scrollIntoView({ block: 'center', behavior: 'instant' });
  };
  const observer = new ResizeObserver(keep);
  observer.observe(document.body);
  addEventListener('scroll', keep, { passive: true });
  const stop = () => {
    observer.disconnect();
    removeEventListener('scroll', keep);
    for (const type of readerActions) removeEventListener(type, stop);
  };
  const readerActions = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  for (const type of readerActions) addEventListener(type, stop, { passive: true });
  setTimeout(stop, 1500);
}

/** Elements whose text is read as one run: a phrase may cross emphasis or a link inside them, never out of them. */
const blockSelector = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, pre';

/**
 * What to mark for a query: its quoted phrases and words; several words typed without quotes
 * are marked where they stand together, as typed, when the chapter has them so (else each).
 */
function chooseHits(root: HTMLElement, query: SearchQuery): { node: Text; start: number; end: number }[][] {
  if (query.phrases.length === 0 && query.words.length > 1) {
    const together = hitsIn(root, { phrases: [query.words], words: [] });
    if (together.length > 0) return together;
  }
  return hitsIn(root, query);
}

/** Each hit as the pieces of text nodes it covers, in reading order. */
function hitsIn(root: HTMLElement, query: SearchQuery): { node: Text; start: number; end: number }[][] {
  const runs = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = node.parentElement?.closest(blockSelector) ?? root;
    runs.set(block, [...(runs.get(block) ?? []), node]);
  }
  const hits: { node: Text; start: number; end: number }[][] = [];
  for (const nodes of runs.values()) {
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      starts.push(text.length);
      text += node.data;
    }
    for (const hit of findHits(text, query)) {
      hits.push(
        nodes.flatMap((node, index) => {
          const from = Math.max(hit.start, starts[index]!);
          const to = Math.min(hit.end, starts[index]! + node.data.length);
          return to > from ? [{ node, start: from - starts[index]!, end: to - starts[index]! }] : [];
        }),
      );
    }
  }
  return hits;
}

/** Wraps each hit in `<mark>`s (one per text node it covers); the hits in document order. */
function markHits(root: HTMLElement, query: SearchQuery): HTMLElement[][] {
  const hits = chooseHits(root, query);
  // Wrapped from the end of each text node, so earlier offsets in it stay true.
  const byNode = new Map<Text, { start: number; end: number; index: number }[]>();
  hits.forEach((hit, index) => {
    for (const { node, start, end } of hit) byNode.set(node, [...(byNode.get(node) ?? []), { start, end, index }]);
  });
  const marks: HTMLElement[][] = hits.map(() => []);
  for (const [node, pieces] of byNode) {
    for (const piece of pieces.sort((a, b) => b.start - a.start)) {
      const range = document.createRange();
      range.setStart(node, piece.start);
      range.setEnd(node, piece.end);
      const mark = document.createElement('mark');
      range.surroundContents(mark);
      marks[piece.index]!.push(mark);
    }
  }
  for (const hit of marks) hit.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = (hit: HTMLElement[]) => hit[0]!;
  return marks
    .filter((hit) => hit.length > 0)
    .sort((a, b) => (first(a).compareDocumentPosition(first(b)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function buildBar(query: string, t: Translate) {
  const root = document.createElement('div');
  root.className = 'search-hits floating-bar no-print';
  inLanguageOf(root, t, 'highlight.region');
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
