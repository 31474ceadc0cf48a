/** Calendar dates as authors write them: `2026-01-31`, optionally with a time. */

import { offsetAt } from '../shared/wall-clock.ts';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a date written as `YYYY-MM-DD`, optionally followed by a time (`2026-01-31 18:30`,
 * `2026-01-31T18:30:00+02:00`); without a zone the time is the story's `timeZone`'s wall clock
 * when one is given (`2026-01-31 18:30` in America/New_York is 23:30 UTC), else UTC. Anything
 * else, and any date that is not on the calendar (February 30th, month 13), gives `undefined`
 * rather than a neighbouring day.
 */
export function parseDate(text: string, timeZone?: string): Date | undefined {
  const match = datePattern.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')));
  if (!zone) return new Date(timeZone ? fromWallClock(time, timeZone) : time);
  if (zone === 'Z') return new Date(time);
  const [, sign, zh, zm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  if (Number(zh) > 14 || Number(zm) > 59) return undefined;
  return new Date(time - (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60_000);
}

/** Languages whose month names a date written out may use ("24 décembre 2026", "24. Dezember 2026"). */
const monthLanguages = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'tr', 'id', 'ru', 'uk'];

let months: Map<string, number> | undefined;

/** A month's number from its name or short name in one of `monthLanguages` (`dec`, `Dezember`, `декабря`), or 0. */
function monthNumber(name: string): number {
  if (!months) {
    months = new Map();
    for (const language of monthLanguages) {
      for (const style of ['long', 'short'] as const) {
        // Said alone and in a date (Russian's декабрь and 24 декабря), each of the twelve.
        const alone = new Intl.DateTimeFormat(language, { month: style, timeZone: 'UTC' });
        const inDate = new Intl.DateTimeFormat(language, { day: 'numeric', month: style, timeZone: 'UTC' });
        for (let month = 1; month <= 12; month++) {
          const at = Date.UTC(2026, month - 1, 15);
          const inDateName = inDate.formatToParts(at).find((part) => part.type === 'month')?.value ?? '';
          for (const written of [alone.format(at), inDateName]) {
            const key = written.toLowerCase().replace(/\.$/, '');
            if (key && !/\d/.test(key) && !months.has(key)) months.set(key, month);
          }
        }
      }
    }
  }
  return months.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/**
 * What an author meant by a date written another way (`12/24/2026`, `24.12.2026`, `December
 * 24, 2026`, `2026/12/24 6pm`): each `YYYY-MM-DD` (with `HH:MM`) it can be, both where the day
 * and month could be either (`03/04/2026`); none for anything else.
 */
export function datesMeant(text: string): string[] {
  let rest = text.trim().replace(/\s+/g, ' ');
  let time = '';
  const clock = /[\sT,]+(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$|[\sT,]+(\d{1,2})[:h](\d{2})$/i.exec(rest);
  if (clock) {
    const hour = (Number(clock[1] ?? clock[4]) % (clock[3] ? 12 : 24)) + (clock[3]?.toLowerCase() === 'p' ? 12 : 0);
    const minute = Number(clock[2] ?? clock[5] ?? 0);
    if (hour > 23 || minute > 59) return [];
    time = ` ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    rest = rest.slice(0, clock.index);
  }
  const day = (year: number, month: number, date: number) => {
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
    return parseDate(iso) ? [`${iso}${time}`] : [];
  };
  const numeric = /^(\d{4}|\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{1,2})$/.exec(rest);
  if (numeric) {
    const [, a, separator, b, c] = numeric as unknown as [string, string, string, string, string];
    if (a.length === 4) return c.length <= 2 ? day(Number(a), Number(b), Number(c)) : [];
    if (c.length === 1) return [];
    const year = c.length === 2 ? 2000 + Number(c) : Number(c);
    // Dots are Europe's day first (24.12.2026); slashes either way round, unless a number over 12 tells.
    const dayFirst = day(year, Number(b), Number(a));
    const monthFirst = day(year, Number(a), Number(b));
    if (separator === '.' || Number(a) > 12) return dayFirst;
    if (Number(b) > 12) return monthFirst;
    return [...new Set([...monthFirst, ...dayFirst])];
  }
  // "24 December 2026", "24. Dezember 2026", "24 de diciembre de 2026"; "December 24, 2026".
  const dayMonth = /^(\d{1,2})(?:st|nd|rd|th|er|º)?\.? (?:de )?(\p{L}{3,12})\.?,? (?:de |del )?(\d{4})$/iu.exec(rest);
  if (dayMonth && monthNumber(dayMonth[2]!) > 0) return day(Number(dayMonth[3]), monthNumber(dayMonth[2]!), Number(dayMonth[1]));
  const monthDay = /^(\p{L}{3,12})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/iu.exec(rest);
  if (monthDay && monthNumber(monthDay[1]!) > 0) return day(Number(monthDay[3]), monthNumber(monthDay[1]!), Number(monthDay[2]));
  return [];
}

/** Whether a time zone is one every browser and Node know by name (`Europe/London`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The moment a wall-clock time (given as if it were UTC) is in `timeZone`. The zone's offsets a
 * day either side are the ones it can be read with (two around a change of the clocks); a
 * reading whose moment has that offset is on the clocks. One they repeat (01:30 on the night
 * they go back) is the first; one they skip (02:30 on the night they go forward) is read with
 * the offset before the change, so it falls after it (03:30), never before — east of Greenwich
 * as west of it.
 */
function fromWallClock(wall: number, timeZone: string): number {
  const day = 24 * 60 * 60 * 1000;
  const before = offsetAt(wall - day, timeZone);
  const readings = [before, offsetAt(wall + day, timeZone)]
    .map((offset) => ({ offset, moment: wall - offset }))
    .filter(({ offset, moment }) => offsetAt(moment, timeZone) === offset)
    .map(({ moment }) => moment);
  return readings.length > 0 ? Math.min(...readings) : wall - before;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
