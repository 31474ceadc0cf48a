import type { ReadingState } from './reading-progress.ts';

/*
 * Apart from the rest of the reading state: only the contents and the New and Updated marks,
 * which load on their own, apply renames, so a chapter page's first script does not carry them.
 */

/**
 * The state with chapters renamed since (`renames`: each old slug, an alias now, to the
 * chapter's slug): what the reader read, opened, knew and reached under the old address is
 * the chapter's, so a renamed chapter is neither New nor unread to them.
 */
export function renameChapters(state: ReadingState, renames: ReadonlyMap<string, string>): ReadingState {
  if (renames.size === 0) return state;
  const to = (slug: string) => renames.get(slug) ?? slug;
  const list = (slugs: string[] | undefined) => slugs && [...new Set(slugs.map(to))];
  const positions: Record<string, string> = {};
  for (const [slug, paragraph] of Object.entries(state.positions))
    if (!renames.has(slug) || !(to(slug) in state.positions)) positions[to(slug)] = paragraph;
  const opened: Record<string, number> = {};
  for (const [slug, at] of Object.entries(state.opened)) opened[to(slug)] = Math.max(at, opened[to(slug)] ?? 0);
  return {
    ...state,
    last: state.last && { ...state.last, slug: to(state.last.slug) },
    positions,
    read: list(state.read)!,
    opened,
    known: list(state.known),
    since: list(state.since),
  };
}
