import { UserError } from '../errors.js';
import type { OffsetPeriod } from './ports.js';

const DAY = 86_400;

/**
 * Splits [from, to) into periods of constant UTC offset in `timeZone`, so the database
 * can compute the local hour of a listen with plain arithmetic (daylight saving time
 * included). Offsets are sampled once a day and each change is located to the second.
 */
export function offsetPeriods(timeZone: string, from: number, to: number): OffsetPeriod[] {
  const offsetAt = offsetReader(timeZone);
  const periods: OffsetPeriod[] = [];
  let start = from;
  let offset = offsetAt(from);
  // Samples run up to the last second of the span (to - 1), so a change in its final day counts.
  for (let t = from; t < to - 1; ) {
    const next = Math.min(t + DAY, to - 1);
    const nextOffset = offsetAt(next);
    if (nextOffset !== offset) {
      let low = t;
      let high = next;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (offsetAt(mid) === offset) low = mid;
        else high = mid;
      }
      periods.push({ start, end: high, offsetSeconds: offset });
      start = high;
      offset = nextOffset;
    }
    t = next;
  }
  periods.push({ start, end: Math.max(to, start + 1), offsetSeconds: offset });
  return periods;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(timeZone: string, epochSeconds: number): string {
  return formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochSeconds * 1000));
}

function offsetReader(timeZone: string): (epochSeconds: number) => number {
  const format = formatter(timeZone, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
  return (epochSeconds) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(epochSeconds * 1000))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) / 1000;
    return local - epochSeconds;
  };
}

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
  } catch (error) {
    throw new UserError(`unknown time zone "${timeZone}" (set an IANA name: aime config set timezone Europe/Zurich)`, { cause: error });
  }
}
