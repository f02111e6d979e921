import { UserError } from '../errors.js';
import { DAY_SECONDS, localMidnight, offsetAt, wallClock } from './zone.js';

/** Local calendar days, as days since 1970-01-01 or "YYYY-MM-DD", and dates typed by people. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO date-time with no "Z" or offset: "2025-06-01T10:00", "2025-06-01 10:00:30". */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "YYYY-MM-DD" → its parts; a UserError when it is not a real date. */
export function parseDate(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date.trim());
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date.trim()) {
    throw new UserError(`"${date}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-29)`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function dayToDate(day: number): string {
  return new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function dateToDay(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / 1000 / DAY_SECONDS;
}

/** The local calendar day (days since 1970-01-01) of an instant. */
export function localDayNumber(timeZone: string, epochSeconds: number): number {
  return Math.floor((epochSeconds + offsetAt(timeZone, epochSeconds)) / DAY_SECONDS);
}

/** The instant a local day (days since 1970-01-01) begins. */
export function dayStart(timeZone: string, day: number): number {
  const { year, month, day: date } = parseDate(dayToDate(day));
  return localMidnight(timeZone, year, month, date);
}

/** [start, end) of a local calendar day: 23 or 25 hours on daylight saving days. */
export function localDayRange(date: string, timeZone: string): { start: number; end: number } {
  const day = dateToDay(date);
  return { start: dayStart(timeZone, day), end: dayStart(timeZone, day + 1) };
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(timeZone: string, epochSeconds: number): string {
  const c = wallClock(epochSeconds, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/**
 * A bound typed by a person: "YYYY-MM-DD" (a local day: its start, or its end for an
 * upper bound so the day is included), an ISO date-time, or epoch seconds.
 */
export function parseMoment(text: string, timeZone: string, edge: 'start' | 'end'): number {
  const trimmed = text.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Number(trimmed);
  if (DATE.test(trimmed)) {
    const day = localDayRange(trimmed, timeZone);
    return edge === 'start' ? day.start : day.end;
  }
  const wall = LOCAL_DATE_TIME.exec(trimmed);
  if (wall) {
    // No offset given: a time on the configured zone's clock (Date.parse would use the process zone).
    const [, year, month, day, hour, minute, second = '0'] = wall as unknown as string[];
    parseDate(`${year}-${month}-${day}`);
    const shown = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) / 1000;
    if (Number.isNaN(shown) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw new UserError(`"${text}" is not a date (expected YYYY-MM-DD, an ISO date-time or epoch seconds)`);
    return shown - offsetAt(timeZone, shown - offsetAt(timeZone, shown));
  }
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) throw new UserError(`"${text}" is not a date (expected YYYY-MM-DD, an ISO date-time or epoch seconds)`);
  return Math.floor(parsed / 1000);
}

/** "2026-10" → [its first local second, the next month's first local second). */
export function monthRange(month: string, timeZone: string): { from: number; to: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const number = match ? Number(match[2]) : 0;
  if (!match || number < 1 || number > 12) throw new UserError(`month must look like 2026-10 (got "${month}")`);
  const year = Number(match[1]);
  const [nextYear, nextMonth] = number === 12 ? [year + 1, 1] : [year, number + 1];
  return { from: localMidnight(timeZone, year, number, 1), to: localMidnight(timeZone, nextYear, nextMonth, 1) };
}

/** The month before the one `epochMs` falls in (in the zone), as "YYYY-MM". */
export function previousMonth(epochMs: number, timeZone: string): string {
  const { year, month } = wallClock(Math.floor(epochMs / 1000), timeZone);
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}
