import { isParagraphId } from './contract.ts';

/** Where a reader is in the story, kept in their browser: no account, nothing sent anywhere. */

export interface ReadingState {
  /** The chapter opened last (its title as it was then), and the paragraph reached in it. */
  last: { slug: string; title: string | undefined; paragraph: string | undefined } | undefined;
  /** The paragraph reached in each chapter, by slug. */
  positions: Record<string, string>;
  /** Chapters read to the end. */
  read: string[];
  /** When each chapter was last opened (ms), by slug: a revision after that is news to this reader. */
  opened: Record<string, number>;
  /** The chapters the contents listed when this reader last saw them (the home page). */
  known: string[] | undefined;
  /** Those known when this visit began: anything else listed is new since the last visit. None on a first visit. */
  since: string[] | undefined;
  /** When a page of the site was last open, and when this visit began (ms). */
  seenAt: number | undefined;
  startedAt: number | undefined;
}

const emptyState = (): ReadingState => ({
  last: undefined,
  positions: {},
  read: [],
  opened: {},
  known: undefined,
  since: undefined,
  seenAt: undefined,
  startedAt: undefined,
});

/** A visit ends after half an hour with no page of the site open. */
export const visitGap = 30 * 60_000;

const slugList = (value: unknown) => (Array.isArray(value) ? value.filter((slug): slug is string => typeof slug === 'string') : undefined);
const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Reads a stored state, dropping anything malformed. */
export function parseReadingState(stored: string | null | undefined): ReadingState {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(stored ?? '{}') as Record<string, unknown>;
    if (typeof data !== 'object' || data === null) return emptyState();
  } catch {
    return emptyState();
  }
  const state = emptyState();
  const last = data.last as Record<string, unknown> | undefined;
  if (last && typeof last.slug === 'string') {
    state.last = {
      slug: last.slug,
      title: typeof last.title === 'string' ? last.title : undefined,
      paragraph: isParagraphId(last.paragraph) ? last.paragraph : undefined,
    };
  }
  if (typeof data.positions === 'object' && data.positions !== null) {
    for (const [slug, paragraph] of Object.entries(data.positions)) {
      if (isParagraphId(paragraph)) state.positions[slug] = paragraph;
    }
  }
  state.read = slugList(data.read) ?? [];
  if (typeof data.opened === 'object' && data.opened !== null) {
    for (const [slug, at] of Object.entries(data.opened)) if (time(at) !== undefined) state.opened[slug] = at as number;
  }
  state.known = slugList(data.known);
  state.since = slugList(data.since);
  state.seenAt = time(data.seenAt);
  state.startedAt = time(data.startedAt);
  return state;
}

/** The state after the reader opened chapter `slug` at `now`. */
export function markOpened(state: ReadingState, slug: string, now: number): ReadingState {
  return { ...state, opened: { ...state.opened, [slug]: now } };
}

/**
 * The state after a page of the site was opened at `now`: a new visit begins after
 * `visitGap`, remembering what was known before it; `listed` (the full contents, on the home
 * page) become known.
 */
export function noteVisit(state: ReadingState, now: number, listed?: readonly string[]): ReadingState {
  const begins = state.seenAt === undefined || now - state.seenAt > visitGap || now < state.seenAt;
  return {
    ...state,
    since: begins ? state.known : state.since,
    startedAt: begins ? now : state.startedAt,
    seenAt: now,
    known: listed ? [...new Set([...(state.known ?? []), ...listed])] : state.known,
  };
}

/** A chapter as its list entry tells it: its slug, and the day it was revised, if it was. */
export interface ListedChapter {
  slug: string;
  revised: string | undefined;
}

/**
 * What is news to this reader: chapters out since their last visit that they have not opened
 * (New), and chapters revised since they last opened them (Updated). Nothing on a first visit.
 */
export function chapterMarks(state: ReadingState, chapters: readonly ListedChapter[]): Map<string, 'new' | 'updated'> {
  const marks = new Map<string, 'new' | 'updated'>();
  if (!state.since) return marks;
  const since = new Set(state.since);
  for (const { slug, revised } of chapters) {
    const opened = state.opened[slug];
    if (!since.has(slug) && opened === undefined) marks.set(slug, 'new');
    else if (revised && opened !== undefined && opened < Date.parse(revised)) marks.set(slug, 'updated');
  }
  return marks;
}

/** The state after the reader reached `paragraph` of chapter `slug` (titled `title`). */
export function recordPosition(state: ReadingState, slug: string, title: string | undefined, paragraph: string | undefined): ReadingState {
  const positions = { ...state.positions };
  if (paragraph) positions[slug] = paragraph;
  return { ...state, last: { slug, title, paragraph: paragraph ?? positions[slug] }, positions };
}

/** The state after the reader finished chapter `slug`. */
export function markRead(state: ReadingState, slug: string): ReadingState {
  return state.read.includes(slug) ? state : { ...state, read: [...state.read, slug] };
}
