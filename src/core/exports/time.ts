/**
 * Wall-clock time in the configured time zone (file names, export dates, report periods).
 * The database keeps UTC epoch seconds; the zone only matters when showing or naming.
 */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The instant (ms) at which the zone's clock shows the given date and time. */
export function zonedEpochMs(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = asUtc - offsetMs(asUtc, timeZone);
  // A second pass settles instants next to a daylight-saving change.
  guess = asUtc - offsetMs(guess, timeZone);
  return guess;
}

/** How far the zone's clock is ahead of UTC at that instant. */
function offsetMs(epochMs: number, timeZone: string): number {
  const clock = wallClock(epochMs, timeZone);
  const shown = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return shown - Math.floor(epochMs / 1000) * 1000;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYYMMDD-HHMMSS` as the zone's clock shows it. */
export function fileStamp(epochMs: number, timeZone: string): string {
  const c = wallClock(epochMs, timeZone);
  return `${pad(c.year, 4)}${pad(c.month)}${pad(c.day)}-${pad(c.hour)}${pad(c.minute)}${pad(c.second)}`;
}

/** `YYYY-MM-DD HH:MM` as the zone's clock shows it. */
export function shownDateTime(epochMs: number, timeZone: string): string {
  const c = wallClock(epochMs, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

export function shownDate(epochMs: number, timeZone: string): string {
  return shownDateTime(epochMs, timeZone).slice(0, 10);
}

/** The calendar month before the one containing `epochMs`, as UTC epoch seconds [from, to). */
export function previousMonth(epochMs: number, timeZone: string): { from: number; to: number; year: number; month: number } {
  const now = wallClock(epochMs, timeZone);
  const year = now.month === 1 ? now.year - 1 : now.year;
  const month = now.month === 1 ? 12 : now.month - 1;
  const from = zonedEpochMs(timeZone, year, month, 1);
  const to = zonedEpochMs(timeZone, now.year, now.month, 1);
  return { from: Math.floor(from / 1000), to: Math.floor(to / 1000), year, month };
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
