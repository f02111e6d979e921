import { UserError } from '../errors.js';

/**
 * The configured IANA time zone, read with Intl (SQLite has no time zone database). The
 * database keeps UTC epoch seconds; a zone matters only when a person names a day, reads an
 * hour, or a job is scheduled (ARCHITECTURE habit 5). Every area uses these primitives.
 */
export const DAY_SECONDS = 86_400;

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A stretch of time over which the zone's offset from UTC does not change. */
export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
  readonly offsetSeconds: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch (cause) {
      throw new UserError(`unknown time zone "${timeZone}" (set an IANA name: aime config set timezone Europe/Zurich)`, { cause });
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/** What the zone's clock shows at that instant. */
export function wallClock(epochSeconds: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochSeconds * 1000))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1,
    hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0,
  };
}

/** Seconds the zone's clock is ahead of UTC at that instant. */
export function offsetAt(timeZone: string, epochSeconds: number): number {
  const whole = Math.floor(epochSeconds);
  const c = wallClock(whole, timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) / 1000 - whole;
}

/**
 * The instant the zone's clock shows 00:00 on that date (or the first instant after it,
 * where midnight is skipped by a daylight saving change).
 */
export function localMidnight(timeZone: string, year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day) / 1000;
  let guess = wall - offsetAt(timeZone, wall);
  // A second pass settles days whose offset differs from the one a few hours away.
  guess = wall - offsetAt(timeZone, guess);
  const shown = wallClock(guess, timeZone);
  return Date.UTC(shown.year, shown.month - 1, shown.day) / 1000 < wall ? guess + 3600 : guess;
}

/**
 * The offsets in force over [from, to), split where they change, so SQL can put a listen
 * on its local hour and day with plain arithmetic. Sampled once a week (no zone changes its
 * offset twice within a week, and asking Intl about every day of decades is slow), up to
 * the span's last second, each change located to the second.
 */
export function offsetSpans(timeZone: string, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let start = from;
  let offset = offsetAt(timeZone, from);
  for (let t = from; t < to - 1; ) {
    const next = Math.min(t + 7 * DAY_SECONDS, to - 1);
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
  return spans;
}
