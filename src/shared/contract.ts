/**
 * Names imported in both build-time and browser code: element ids, the paragraph-id
 * pattern, data attributes, custom element names and storage keys. A page and the script
 * that enhances it agree on these through this module alone.
 */

/** Ids of elements that scripts, links and styles find by id. */
export const ids = {
  /** The chapter's text: "Skip to the chapter" lands here, and search marks its hits in it. */
  chapterText: 'chapter-text',
  /** The page's main landmark ("Skip to content"). */
  main: 'main',
  /** The header's search field ("/" focuses it). */
  headerSearch: 'site-search',
  /** The search page's own field. */
  searchQuery: 'search-query',
} as const;

/** The id of the nth paragraph (1-based) of a chapter: `p-12`. */
export function paragraphId(n: number): string {
  return `p-${n}`;
}

/** Whether an id is a paragraph id (`p-12`). */
export function isParagraphId(id: unknown): id is string {
  return typeof id === 'string' && /^p-\d+$/.test(id);
}

/** The number of a paragraph id: `p-12` → 12; anything else → 0. */
export function paragraphNumber(id: unknown): number {
  return isParagraphId(id) ? Number(id.slice(2)) : 0;
}

/** A CSS selector for the paragraphs of a chapter text. */
export const paragraphSelector = '[id^="p-"]';

/** Custom elements: each is defined by the script of the one component that renders it. */
export const elements = {
  chapterNav: 'quire-chapter-nav',
  chapterText: 'quire-chapter-text',
  continueReading: 'quire-continue-reading',
  readerSettings: 'quire-reader-settings',
  searchForm: 'quire-search-form',
  searchPanel: 'quire-search-panel',
  tableOfContents: 'quire-table-of-contents',
} as const;

/** `data-*` attributes read by styles and scripts. */
export const data = {
  /** On a chapter note: `authors` or `end`; hidden when the reader hides notes. */
  note: 'data-note',
  /** On a contents entry: the chapter's slug, words and paragraphs, for "time left" and read marks. */
  slug: 'data-slug',
  words: 'data-words',
  paragraphs: 'data-paragraphs',
  /** On a contents or menu entry: the day the chapter was revised (`revised`), for "Updated". */
  revised: 'data-revised',
  /** On a contents or menu entry: the chapter's old slugs (`aliases`), by which a reader may have known it. */
  aliases: 'data-aliases',
  /** On a list whose New and Updated marks the browser writes: the marks' words, and their language when not the page's. */
  newMark: 'data-new',
  updatedMark: 'data-updated',
  marksLang: 'data-marks-lang',
  /** On the paragraph (or heading) being read aloud. */
  speaking: 'data-speaking',
} as const;

/**
 * Classes the Markdown pipeline puts on the author's text, which the site's blocks stylesheet
 * (src/styles/blocks.css) and the EPUB's stylesheet style.
 */
export const textClasses = {
  /** A `:::verse` block: every line break kept. */
  verse: 'verse',
  /** A `:::messages` block: a chat, one message a line. */
  messages: 'messages',
  /** A dialogue dash kept on the line of its word. */
  nowrap: 'nowrap',
  /** The footnotes at the end of a text (remark-rehype's own class for them). */
  footnotes: 'footnotes',
  /** Around a table: scrolls it sideways when it is wider than the screen, rather than the page. */
  tableScroll: 'table-scroll',
} as const;

/** Query parameters the site's links carry. */
export const params = {
  /** The search page's query. */
  query: 'q',
  /** On a chapter opened from a search result: the words to mark. */
  highlight: 'highlight',
} as const;

/** Where on `window` the page's boot script leaves the routine that sets reader settings on `<html>`, for the settings panel. */
export const applySettingsGlobal = 'quireSettings';

/** The `localStorage` key for a reader's settings on the site under `base` (one story per base path). */
export function settingsKey(base: string): string {
  return `quire:${base}:settings`;
}

/** The Cache Storage cache holding the story under `base` for offline reading (one story per base path). */
export function offlineCache(base: string): string {
  return `quire:${base.replace(/\/?$/, '/')}:offline`;
}

/**
 * The entry in that cache saying the reader asked for the whole story (an address that is
 * never a file); its body is the list of files last kept in full.
 */
export function keptMarker(origin: string, base: string): string {
  return `${origin}${base.replace(/\/?$/, '/')}__quire-kept-whole-story`;
}

/** The `localStorage` key for how a reader likes to listen (speed, on to the next chapter). */
export function listenKey(base: string): string {
  return `quire:${base}:listen`;
}

/** The `sessionStorage` key set when reading aloud goes on to the next chapter, so its page starts reading. */
export function listeningKey(base: string): string {
  return `quire:${base}:listening`;
}

/** The `localStorage` key for a reader's place in the story under `base`. */
export function readingKey(base: string): string {
  return `quire:${base}:reading`;
}

/**
 * Ids the pages themselves use, which an author's text may not take: an author's `## Main`
 * or `<div id="chapter-text">` is renamed instead (`main-2`). On the entire work and in the
 * EPUB, a chapter's own ids (`title`…) are these with the chapter's prefix.
 */
export function reservedIds(): readonly string[] {
  // A function, not a list: browser scripts import this module, and never need these.
  return [
    ids.main,
    ids.chapterText,
    ids.headerSearch,
    ids.searchQuery,
    'title',
    'authors-note-title',
    'end-note-title',
    'work-note-title',
    'work-end-note-title',
    'chapter-summary-title',
    'content-notes-title',
    'related-title',
    'summary-title',
    'toc-title',
    'contents-title',
    'other-ways-title',
    'chapters-title',
    'revision-title',
  ];
}
