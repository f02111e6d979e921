import { UserError } from '../errors.js';

/**
 * Wall-clock time in the configured IANA zone. The database holds UTC epoch seconds; a
 * zone only matters when a person names a day or reads an hour (ARCHITECTURE habit 5).
 */
export interface LocalMoment {
  /** "YYYY-MM-DD" */
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch (cause) {
      throw new UserError(`unknown time zone "${timeZone}" (set timezone to an IANA name such as Europe/Zurich)`, { cause });
    }
    formatters.set(timeZone, format);
  }
  return format;
}

function parts(epochSeconds: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochSeconds * 1000))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

export function localMoment(epochSeconds: number, timeZone: string): LocalMoment {
  const p = parts(epochSeconds, timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, hour: p.hour ?? 0, minute: p.minute ?? 0 };
}

/** "2026-01-31 22:15" in the zone. */
export function localText(epochSeconds: number, timeZone: string): string {
  const moment = localMoment(epochSeconds, timeZone);
  return `${moment.date} ${String(moment.hour).padStart(2, '0')}:${String(moment.minute).padStart(2, '0')}`;
}

/** Seconds the zone is ahead of UTC at that instant. */
function offsetSeconds(epochSeconds: number, timeZone: string): number {
  const p = parts(epochSeconds, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) / 1000;
  return asUtc - Math.floor(epochSeconds);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [start, end) of a local calendar day: 23 or 25 hours on daylight-saving days. */
export function localDay(date: string, timeZone: string): { start: number; end: number } {
  const match = DAY.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const noon = Date.UTC(year, month - 1, day, 12) / 1000;
  if (!match || Number.isNaN(noon) || new Date(noon * 1000).getUTCDate() !== day || new Date(noon * 1000).getUTCMonth() !== month - 1) throw new UserError(`"${date}" is not a date (expected YYYY-MM-DD)`);
  return { start: localMidnight(year, month, day, timeZone), end: localMidnight(year, month, day + 1, timeZone) };
}

function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day) / 1000;
  const first = guess - offsetSeconds(guess, timeZone);
  return guess - offsetSeconds(first, timeZone);
}

/**
 * A bound typed by a person: "YYYY-MM-DD" (a local day: its start, or its end for an
 * upper bound so the day is included), an ISO date-time, or epoch seconds.
 */
export function parseMoment(text: string, timeZone: string, edge: 'start' | 'end'): number {
  const trimmed = text.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Number(trimmed);
  if (DAY.test(trimmed)) {
    const day = localDay(trimmed, timeZone);
    return edge === 'start' ? day.start : day.end;
  }
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) throw new UserError(`"${text}" is not a date (expected YYYY-MM-DD, an ISO date-time or epoch seconds)`);
  return Math.floor(parsed / 1000);
}
