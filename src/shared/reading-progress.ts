import { isParagraphId } from './contract.ts';

/** Where a reader is in the story, kept in their browser: no account, nothing sent anywhere. */

export interface ReadingState {
  /** The chapter opened last (its title as it was then), and the paragraph reached in it. */
  last: { slug: string; title: string | undefined; paragraph: string | undefined } | undefined;
  /** The paragraph reached in each chapter, by slug. */
  positions: Record<string, string>;
  /** Chapters read to the end. */
  read: string[];
}

const emptyState = (): ReadingState => ({ last: undefined, positions: {}, read: [] });

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
  if (Array.isArray(data.read)) state.read = data.read.filter((slug): slug is string => typeof slug === 'string');
  return state;
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
