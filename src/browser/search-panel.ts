import { ids, params } from '../shared/contract.ts';
import type { Translate } from '../shared/i18n/strings.ts';
import { queryParts } from '../shared/highlight.ts';
import { hitHref, paragraphHits, type PagefindResultData } from '../shared/search-results.ts';
import { withAccents, withLetterForms } from '../shared/search-terms.ts';
import { suggestQuery } from '../shared/suggest.ts';
import { prefixedForms, wordPrefixes } from '../shared/prefixes.ts';
import { inLanguageOf, siteStrings } from './strings.ts';

/** The slice of Pagefind's browser API this page uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(query: string, options: SearchOptions, ms: number): Promise<Found | null>;
  search(query: string, options: SearchOptions): Promise<Found>;
}
type SearchOptions = { sort?: Record<string, 'asc' | 'desc'> };
interface Found {
  results: Result[];
}
interface Result {
  id: string;
  score?: number;
  data(): Promise<PagefindResultData>;
}

/**
 * In a language whose words take prefixes (Hebrew, Arabic: src/shared/prefixes.ts), each
 * word of the query in every form the text may write it, and each quoted phrase with its first
 * word so (`"מגדלור הישן"` finds `במגדלור הישן`): a chapter is found when it holds every word
 * and phrase in some form, with the matches of all forms.
 */
async function searchForms(engine: Pagefind, query: string, language: string, options: SearchOptions): Promise<Found> {
  if (wordPrefixes(language).length === 0) return engine.search(query, options);
  const { phrases, rest } = queryParts(query);
  const units = [
    ...phrases
      .map((phrase) => phrase.split(/\s+/).filter(Boolean))
      .filter((phrase) => phrase.length > 0)
      .map(([first, ...others]) => prefixedForms(first!, language).map((form) => `"${[form, ...others].join(' ')}"`)),
    ...rest
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => prefixedForms(word, language)),
  ];
  const perWord = await Promise.all(
    units.map(async (forms) => {
      const found = await Promise.all(forms.map((form) => engine.search(form, options)));
      const byId = new Map<string, Result[]>();
      for (const result of found.flatMap((each) => each.results)) byId.set(result.id, [...(byId.get(result.id) ?? []), result]);
      return byId;
    }),
  );
  const [first = new Map<string, Result[]>(), ...others] = perWord;
  const merged = [...first.keys()]
    .filter((id) => others.every((byId) => byId.has(id)))
    .map((id): Result => {
      const found = perWord.flatMap((byId) => byId.get(id)!);
      return {
        id,
        score: perWord.reduce((sum, byId) => sum + Math.max(...byId.get(id)!.map((result) => result.score ?? 0)), 0),
        data: async () => {
          const [data, ...more] = await Promise.all(found.map((result) => result.data()));
          return { ...data!, locations: [...new Set([data!, ...more].flatMap((each) => each.locations))].sort((a, b) => a - b) };
        },
      };
    });
  if (!options.sort) return { results: merged.sort((a, b) => (b.score ?? 0) - (a.score ?? 0)) };
  // In reading order: by each chapter's place in the story.
  const orders = new Map(await Promise.all(merged.map(async (result) => [result.id, Number((await result.data()).meta.order)] as const)));
  return { results: merged.sort((a, b) => orders.get(a.id)! - orders.get(b.id)!) };
}

const pageSize = 10;
const debounceMs = 250;

/** `<quire-search-panel>`: the search page's results; runs `?q=` on load and each query as the reader types. */
export class SearchPanel extends HTMLElement {
  connectedCallback(): void {
    startSearchPanel(this);
  }
}

function startSearchPanel(panel: HTMLElement): void {
  const t = siteStrings();
  const base = import.meta.env.BASE_URL;
  const form = panel.querySelector('form')!;
  const input = panel.querySelector<HTMLInputElement>(`#${ids.searchQuery}`)!;
  const order = panel.querySelector<HTMLFieldSetElement>('.order')!;
  const status = panel.querySelector<HTMLElement>('.status')!;
  const list = panel.querySelector<HTMLOListElement>('.results')!;
  const more = panel.querySelector<HTMLButtonElement>('.more')!;
  let pagefind: Promise<Pagefind> | undefined;
  let accents: Promise<Record<string, string>> | undefined;
  let words: Promise<string[]> | undefined;
  let queryShown = '';
  let run = 0;

  // Pagefind's index only exists in a built site: say so plainly in `npm run dev`.
  const loadPagefind = () =>
    (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
      await module.options({ baseUrl: base, excerptLength: 24 });
      return module;
    }));
  // The story's words, for "Did you mean": loaded only when a search finds nothing.
  const loadWords = () =>
    (words ??= fetch(panel.dataset.words!)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => []));
  const loadAccents = () =>
    (accents ??= fetch(panel.dataset.accents!)
      .then((response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : {}))
      .catch(() => ({})));

  /** Runs a query; `typing` waits for a pause in the reader's typing, a query given with the page runs at once. */
  async function search(query: string, typing = true) {
    const current = ++run;
    const trimmed = query.trim();
    history.replaceState(null, '', trimmed ? `?${params.query}=${encodeURIComponent(trimmed)}` : location.pathname);
    if (!trimmed) return show([], '', 0);
    let engine: Pagefind;
    let variants: Record<string, string>;
    try {
      // Pagefind and the story's accented spellings load side by side, not one after the other.
      [engine, variants] = await Promise.all([loadPagefind(), loadAccents()]);
    } catch {
      pagefind = undefined;
      status.textContent = t(import.meta.env.DEV ? 'search.devOnly' : 'search.failed');
      return;
    }
    const sort = panel.querySelector<HTMLInputElement>('input[name="order"]:checked')?.value === 'reading' ? { order: 'asc' as const } : {};
    const language = document.documentElement.lang;
    const terms = withAccents(withLetterForms(trimmed, language), variants);
    let found: Found | null;
    if (wordPrefixes(language).length > 0) {
      // Several searches a query: wait for a pause in the typing first, as Pagefind's own debounce does.
      if (typing) await new Promise((resolve) => setTimeout(resolve, debounceMs));
      found = current === run ? await searchForms(engine, terms, language, { sort }) : null;
    } else {
      found = typing ? await engine.debouncedSearch(terms, { sort }, debounceMs) : await engine.search(terms, { sort });
    }
    if (found === null || current !== run) return; // a newer query superseded this one
    // The first page of results shows at once, with its count: one change to the page, not ten.
    const first = await Promise.all(found.results.slice(0, pageSize).map((result) => result.data()));
    if (current !== run) return;
    show(first, trimmed, found.results.length);
    if (found.results.length === 0) {
      const suggestion = suggestQuery(trimmed, await loadWords());
      if (suggestion && current === run) offer(suggestion);
    }
    const rest = found.results.slice(pageSize);
    more.onclick = async () => {
      const next = await Promise.all(rest.splice(0, pageSize).map((result) => result.data()));
      const firstNew = list.children.length;
      next.forEach((data) => list.append(renderResult(data, queryShown, t)));
      more.hidden = rest.length === 0;
      list.children[firstNew]?.querySelector('a')?.focus();
    };
    more.hidden = rest.length === 0;
  }

  function show(results: PagefindResultData[], query: string, total: number) {
    queryShown = query;
    list.replaceChildren(...results.map((data) => renderResult(data, query, t)));
    order.hidden = total < 2;
    more.hidden = true;
    status.textContent = total > 0 ? t('search.found', { count: total, query }) : query ? t('search.none', { query }) : '';
  }

  /** "Did you mean chessboard?" after "No chapter contains…", a link that runs that search. */
  function offer(suggestion: string) {
    const link = document.createElement('a');
    link.href = `?${params.query}=${encodeURIComponent(suggestion)}`;
    link.textContent = suggestion;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = suggestion;
      void search(suggestion, false);
    });
    status.append(' ', ...t.parts('search.didYouMean').map((part) => (typeof part === 'string' ? part : link)));
  }

  input.addEventListener('input', () => void search(input.value));
  order.addEventListener('change', () => void search(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(input.value);
  });

  const initial = new URLSearchParams(location.search).get(params.query) ?? '';
  if (initial) {
    input.value = initial;
    void search(initial, false);
  }
}

/** One chapter in the results: its title, and up to three paragraphs that hold matches. */
function renderResult(data: PagefindResultData, query: string, t: Translate): HTMLLIElement {
  const item = document.createElement('li');
  // The part of the story the chapter is in, over its title: "Chapter 1" of each book told apart.
  if (data.meta.part) {
    const part = document.createElement('p');
    part.className = 'part';
    part.textContent = data.meta.part;
    item.append(part);
  }
  const heading = document.createElement('h2');
  const title = document.createElement('a');
  title.href = hitHref(data.url, query);
  title.textContent = data.meta.title ?? data.url;
  // Its punctuation at its end, whichever way its script runs (a Latin title in a Hebrew story).
  title.dir = 'auto';
  heading.append(title);
  item.append(heading);

  const hits = paragraphHits(data, query, document.documentElement.lang);
  const matches = hits.reduce((sum, hit) => sum + hit.matches, 0);
  if (matches > 0) {
    const count = inLanguageOf(document.createElement('p'), t, 'search.matches');
    count.className = 'matches';
    const matchesText = t('search.matches', { count: matches });
    count.textContent = hits.length > 3 ? t('search.matchesInParagraphs', { matches: matchesText, count: hits.length }) : matchesText;
    item.append(count);
  }
  const list = document.createElement('ol');
  list.className = 'hits';
  for (const hit of hits.slice(0, 3)) {
    const link = document.createElement('a');
    link.href = hitHref(data.url, query, hit.id);
    if (hit.before) link.append(`…${hit.joiner}`);
    for (const part of hit.excerpt) {
      if (part.hit) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        link.append(mark);
      } else {
        link.append(part.text);
      }
    }
    if (hit.after) link.append(`${hit.joiner}…`);
    const li = document.createElement('li');
    li.append(link);
    list.append(li);
  }
  // The paragraphs not shown are one link away: the chapter, landing on the first of them.
  const hidden = hits.slice(3);
  if (hidden.length > 0) {
    const link = inLanguageOf(document.createElement('a'), t, 'search.moreHits');
    link.className = 'more-hits';
    link.href = hitHref(data.url, query, hidden[0]!.id);
    link.textContent = t('search.moreHits', { count: hidden.length });
    const li = document.createElement('li');
    li.append(link);
    list.append(li);
  }
  if (list.children.length > 0) item.append(list);
  return item;
}
