/** Periods in the listener's time zone, as UTC epoch seconds (the database's unit). */
import { UserError } from '../errors.js';

/** How far `zone` is ahead of UTC at `epochMs`, in milliseconds. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(epochMs / 1000) * 1000;
}

/** Epoch seconds of local midnight starting the given day. */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - zoneOffsetMs(guess, timeZone);
  // A second pass settles days whose offset differs from the guess's (DST changes).
  return Math.floor((guess - zoneOffsetMs(first, timeZone)) / 1000);
}

/** "2026-10" → its first second and the first second of the next month. */
export function monthRange(month: string, timeZone: string): { from: number; to: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const number = match ? Number(match[2]) : 0;
  if (!match || number < 1 || number > 12) throw new UserError(`month must look like 2026-10 (got "${month}")`);
  const year = Number(match[1]);
  const next = number === 12 ? [year + 1, 1] : [year, number + 1];
  return { from: localMidnight(year, number, 1, timeZone), to: localMidnight(next[0]!, next[1]!, 1, timeZone) };
}

/** The month before the one `epochMs` falls in, as "YYYY-MM". */
export function previousMonth(epochMs: number, timeZone: string): string {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  const year = local.getUTCMonth() === 0 ? local.getUTCFullYear() - 1 : local.getUTCFullYear();
  const month = local.getUTCMonth() === 0 ? 12 : local.getUTCMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** "2026-11-21" for an instant, in the zone. */
export function localDay(epochSeconds: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochSeconds * 1000));
}
