import { isParagraphId, params } from './contract.ts';
import { findHits, parseQuery, type SearchQuery } from './highlight.ts';
import { cjkCharacter, unspaced } from './text-stats.ts';

/** Turns Pagefind's result data into paragraph-level hits: where in a chapter each match is. */

/** The part of Pagefind's `result.data()` this site reads. */
export interface PagefindResultData {
  url: string;
  /** The indexed text, whose whitespace-separated words `locations` count. */
  content: string;
  meta: Record<string, string | undefined>;
  /** Word positions of the matches in `content`. */
  locations: number[];
  /** Elements with an id inside the indexed text: their text, and the word position where each starts. */
  anchors: { element: string; id: string; location: number; text?: string | undefined }[];
}

/** A run of excerpt text; `hit` when it is a matched word (without its punctuation). */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/** The matches inside one paragraph, with a short excerpt around the first. */
export interface ParagraphHit {
  /** The paragraph's id (`p-12`), the fragment to land on. */
  id: string;
  /** How many matches the paragraph holds. */
  matches: number;
  excerpt: ExcerptPart[];
  /** Whether the excerpt leaves out words before / after it. */
  before: boolean;
  after: boolean;
  /** What goes between an ellipsis and the excerpt: a space, or nothing in Chinese and Japanese. */
  joiner: '' | ' ';
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Pagefind stores text HTML-escaped; excerpts are rendered as text, so unescape it. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);
}

/**
 * A chapter's matches grouped by the paragraph that holds them, in reading order, each with
 * a short excerpt around its first match, kept inside the paragraph. Text in spaced scripts
 * is read by Pagefind's word positions; Chinese, Japanese, Korean and Thai text, whose words
 * Pagefind counts by its own segmentation (not spaces), by finding the query in each
 * paragraph's text, so the excerpt and the marks fall on what the reader typed.
 */
export function paragraphHits(data: PagefindResultData, query: string, language?: string): ParagraphHit[] {
  return cjkCharacter.test(data.content) || unspaced.test(data.content)
    ? hitsInText(data, query)
    : hitsByLocation(data, parseQuery(query, language));
}

/** About how much an excerpt shows: words of spaced text, characters of CJK text. */
const excerptWords = 24;
const excerptCharacters = 48;

function hitsInText(data: PagefindResultData, query: string): ParagraphHit[] {
  const search = parseQuery(query);
  return data.anchors
    .filter((anchor) => isParagraphId(anchor.id) && anchor.text)
    .sort((a, b) => a.location - b.location)
    .flatMap((anchor): ParagraphHit[] => {
      const text = unescapeHtml(anchor.text!);
      const matches = findHits(text, search);
      if (matches.length === 0) return [];
      const characters = Array.from(text);
      // Offsets in UTF-16 units to offsets in characters, so a window never splits a character.
      const at = (offset: number) => Array.from(text.slice(0, offset)).length;
      let from = Math.max(0, at(matches[0]!.start) - Math.floor(excerptCharacters / 3));
      const to = Math.min(characters.length, from + excerptCharacters);
      from = Math.max(0, to - excerptCharacters);
      const parts: ExcerptPart[] = [];
      let position = from;
      for (const match of matches) {
        const [start, end] = [at(match.start), at(match.end)];
        if (end <= from || start >= to) continue;
        if (start > position) parts.push({ text: characters.slice(position, start).join(''), hit: false });
        parts.push({ text: characters.slice(Math.max(start, position), Math.min(end, to)).join(''), hit: true });
        position = Math.min(end, to);
      }
      if (position < to) parts.push({ text: characters.slice(position, to).join(''), hit: false });
      return [{ id: anchor.id, matches: matches.length, excerpt: parts, before: from > 0, after: to < characters.length, joiner: '' }];
    });
}

/**
 * Pagefind's word positions, grouped by paragraph. Pagefind also finds words a query term
 * begins ("theatre" for "the"), which the chapter does not mark: where the paragraphs hold
 * the words themselves (or their forms, or the phrase), only those are counted and marked,
 * as on the chapter page; a chapter Pagefind found by such beginnings alone shows them.
 */
function hitsByLocation(data: PagefindResultData, search: SearchQuery): ParagraphHit[] {
  const words = data.content.split(/[^\S\uFEFF]+/);
  const anchors = data.anchors.filter((anchor) => isParagraphId(anchor.id)).sort((a, b) => a.location - b.location);
  const groups = new Map<number, number[]>();
  for (const location of [...new Set(data.locations)].sort((a, b) => a - b)) {
    const index = findLastIndex(anchors, (anchor) => anchor.location <= location);
    if (index === -1) continue; // a match in the chapter title, before the first paragraph
    groups.set(index, [...(groups.get(index) ?? []), location]);
  }
  const end = (index: number) => anchors[index + 1]?.location ?? words.length;
  const asMarked = new Map(
    [...groups]
      .map(([index, locations]): [number, number[]] => {
        const marked = markedWords(words, anchors[index]!.location, end(index), search);
        return [index, locations.filter((location) => marked.has(location))];
      })
      .filter(([, locations]) => locations.length > 0),
  );
  const shown = asMarked.size > 0 ? asMarked : groups;
  const hitSet = new Set([...shown.values()].flat());
  return [...shown].map(([index, locations]) => {
    const start = anchors[index]!.location;
    const first = locations[0]!;
    let from = Math.max(start, first - Math.floor(excerptWords / 3));
    const to = Math.min(end(index), from + excerptWords);
    from = Math.max(start, to - excerptWords);
    return {
      id: anchors[index]!.id,
      matches: locations.length,
      excerpt: excerptParts(words.slice(from, to), (i) => hitSet.has(from + i)),
      before: from > start,
      after: to < end(index),
      joiner: ' ' as const,
    };
  });
}

/** The positions of the words from `start` to `end` that the chapter page marks for the search (src/shared/highlight.ts). */
function markedWords(words: readonly string[], start: number, end: number, search: SearchQuery): Set<number> {
  const offsets: number[] = [];
  let text = '';
  for (let i = start; i < end; i++) {
    if (i > start) text += ' ';
    offsets.push(text.length);
    text += unescapeHtml(words[i]!);
  }
  const marked = new Set<number>();
  const wordEnd = (i: number) => (i + 1 < offsets.length ? offsets[i + 1]! - 1 : text.length);
  // Hits come in reading order, as the words do: one pass over both.
  let i = 0;
  for (const hit of findHits(text, search)) {
    while (i < offsets.length && wordEnd(i) <= hit.start) i++;
    for (let j = i; j < offsets.length && offsets[j]! < hit.end; j++) marked.add(start + j);
  }
  return marked;
}

/** Joins words into runs of plain text and matched words; punctuation stays outside a match. */
function excerptParts(words: string[], isHit: (index: number) => boolean): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && !last.hit && !hit) last.text += text;
    else parts.push({ text, hit });
  };
  words.forEach((raw, index) => {
    const word = unescapeHtml(raw);
    if (index > 0) push(' ', false);
    if (!isHit(index)) return push(word, false);
    const [before, core, after] = punctuationApart(word);
    push(before, false);
    push(core || word, true);
    push(after, false);
  });
  return parts;
}

/** A word's leading and trailing punctuation apart from its letters: `“Meg!”` → `“`, `Meg`, `!”`; in one pass, however long. */
function punctuationApart(word: string): [string, string, string] {
  const characters = Array.from(word);
  const letter = (char: string) => /[\p{L}\p{N}]/u.test(char);
  const start = characters.findIndex(letter);
  if (start === -1) return ['', word, ''];
  let end = characters.length;
  while (!letter(characters[end - 1]!)) end--;
  return [characters.slice(0, start).join(''), characters.slice(start, end).join(''), characters.slice(end).join('')];
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** The link to a chapter that highlights the query's terms and lands on a paragraph. */
export function hitHref(url: string, query: string, paragraph?: string): string {
  const [path = url, existing] = url.split('#');
  const search = new URLSearchParams({ [params.highlight]: query });
  return `${path}?${search}${paragraph ? `#${paragraph}` : existing ? `#${existing}` : ''}`;
}
