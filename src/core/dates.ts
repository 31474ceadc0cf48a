/** Calendar dates as authors write them: `2026-01-31`, optionally with a time. */

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a date written as `YYYY-MM-DD`, optionally followed by a time (`2026-01-31 18:30`,
 * `2026-01-31T18:30:00+02:00`); without a zone the time is UTC. Anything else, and any date
 * that is not on the calendar (February 30th, month 13), gives `undefined` rather than a
 * neighbouring day.
 */
export function parseDate(text: string): Date | undefined {
  const match = datePattern.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let time = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')));
  if (zone && zone !== 'Z') {
    const [, sign, zh, zm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    if (Number(zh) > 14 || Number(zm) > 59) return undefined;
    time -= (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60_000;
  }
  return new Date(time);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
