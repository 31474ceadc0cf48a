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
  /** When a page of the site was last open (ms): a visit ends after `visitGap` without one. */
  seenAt: number | undefined;
}

const emptyState = (): ReadingState => ({
  last: undefined,
  positions: {},
  read: [],
  opened: {},
  known: undefined,
  since: undefined,
  seenAt: undefined,
});

/** A visit ends after half an hour with no page of the site open. */
export const visitGap = 30 * 60_000;

const slugList = (value: unknown) => (Array.isArray(value) ? value.filter((slug): slug is string => typeof slug === 'string') : undefined);
/** The entries of a stored map by slug whose values are sound. */
function bySlug<T>(value: unknown, sound: (entry: unknown) => entry is T): Record<string, T> {
  return Object.fromEntries(Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(([, entry]) => sound(entry)));
}
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
  state.positions = bySlug(data.positions, isParagraphId);
  state.read = slugList(data.read) ?? [];
  state.opened = bySlug(data.opened, (at): at is number => time(at) !== undefined);
  state.known = slugList(data.known);
  state.since = slugList(data.since);
  state.seenAt = time(data.seenAt);
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
  // A first page ever (no seenAt: NaN compares false) begins a visit too.
  const begins = !(now - state.seenAt! <= visitGap);
  return {
    ...state,
    since: begins ? state.known : state.since,
    seenAt: now,
    known: listed ? [...new Set([...(state.known ?? []), ...listed])] : state.known,
  };
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
