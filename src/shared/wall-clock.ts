/** Time zones' clocks, as the build and the browser read them: pure, from `Intl` alone. */

/** One formatter per zone, reading a moment's wall-clock fields there. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `time` (milliseconds; negative west of Greenwich). */
export function offsetAt(time: number, timeZone: string): number {
  let clock = wallClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(time).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(time / 1000) * 1000;
}

/** A moment as `timeZone`'s wall clock shows it, in ISO form (`2027-01-08T18:00:00.000`, no zone). */
export function wallClock(date: Date, timeZone = 'UTC'): string {
  if (timeZone === 'UTC') return date.toISOString().slice(0, -1);
  return new Date(date.getTime() + offsetAt(date.getTime(), timeZone)).toISOString().slice(0, -1);
}
