import { parseSettings, type ReaderSettings } from './reader-settings.ts';
import { parseReadingState, type ReadingState } from './reading-progress.ts';

/**
 * A reader's reading as a small file they keep: their settings and their place, to carry to
 * another device, or to bring back after the browser cleared the site's data (Safari does
 * after seven days unused). Nothing in it leaves their hands.
 */

const format = 'quire-reading';

/** The file's text: what it is, which story, the settings and the place. */
export function savedReading(story: string, settings: ReaderSettings, reading: ReadingState): string {
  return `${JSON.stringify({ format, version: 1, story, saved: new Date().toISOString(), settings, reading }, null, 1)}\n`;
}

/** What a saved file restores, or undefined when it is not a saved reading of `story`. */
export function parseSavedReading(text: string, story: string): { settings: ReaderSettings; reading: ReadingState } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const file = data as Record<string, unknown>;
  if (file.format !== format || file.story !== story) return undefined;
  return { settings: parseSettings(JSON.stringify(file.settings ?? {})), reading: parseReadingState(JSON.stringify(file.reading ?? {})) };
}

/** The place kept here and the one restored, together: chapters read on either, the furthest-recent of each. */
export function mergeReading(here: ReadingState, restored: ReadingState): ReadingState {
  const opened = { ...here.opened };
  for (const [slug, at] of Object.entries(restored.opened)) opened[slug] = Math.max(at, opened[slug] ?? 0);
  return {
    last: restored.last ?? here.last,
    positions: { ...here.positions, ...restored.positions },
    read: [...new Set([...here.read, ...restored.read])],
    opened,
    known: here.known || restored.known ? [...new Set([...(here.known ?? []), ...(restored.known ?? [])])] : undefined,
    since: here.since ?? restored.since,
    seenAt: here.seenAt ?? restored.seenAt,
  };
}
