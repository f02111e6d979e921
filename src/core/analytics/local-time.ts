import { UserError } from '../errors.js';
import type { LocalCalendar, OffsetSpan } from './ports.js';

/**
 * The configured time zone, read with Intl (SQLite has no time zone database): local
 * dates, local midnights, and the offset changes (daylight saving time) inside a period,
 * which the database uses to put each listen on its local hour and day.
 */
const DAY = 86_400;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch (error) {
      throw new UserError(`unknown time zone "${timeZone}" (set an IANA name: aime config set timezone Europe/Paris)`, { cause: error });
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/** Seconds the zone's clock is ahead of UTC at that instant. */
export function offsetAt(timeZone: string, epochSeconds: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochSeconds * 1000))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const shown = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) / 1000;
  return shown - epochSeconds;
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function dayToDate(day: number): string {
  return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → days since 1970-01-01; a UserError when it is not a real date. */
export function dateToDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new UserError(`"${date}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-29)`);
  }
  return ms / 1000 / DAY;
}

/** The local calendar day (days since 1970-01-01) of an instant. */
export function localDay(timeZone: string, epochSeconds: number): number {
  return Math.floor((epochSeconds + offsetAt(timeZone, epochSeconds)) / DAY);
}

/** The instant the zone's clock shows 00:00 on that local day (or the first instant after, if skipped). */
export function localMidnight(timeZone: string, day: number): number {
  const wall = day * DAY;
  let guess = wall - offsetAt(timeZone, wall);
  // A second pass settles days whose offset differs from the one a few hours away.
  guess = wall - offsetAt(timeZone, guess);
  return localDay(timeZone, guess) < day ? guess + 3600 : guess;
}

/**
 * The offsets in force over [from, to), split where they change. Sampled once a week (no
 * zone changes its offset twice within a week; Intl is too slow to ask about every day of
 * decades) and each change located to the second.
 */
export function localCalendar(timeZone: string, from: number, to: number): LocalCalendar {
  const spans: OffsetSpan[] = [];
  let start = from;
  let offset = offsetAt(timeZone, from);
  for (let t = from; t < to; ) {
    const next = Math.min(t + 7 * DAY, to);
    const nextOffset = offsetAt(timeZone, next);
    if (nextOffset !== offset) {
      let low = t;
      let high = next;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (offsetAt(timeZone, mid) === offset) low = mid;
        else high = mid;
      }
      spans.push({ start, end: high, offsetSeconds: offset });
      start = high;
      offset = offsetAt(timeZone, high);
    }
    t = next;
  }
  spans.push({ start, end: Math.max(to, start + 1), offsetSeconds: offset });
  return { timeZone, spans };
}
