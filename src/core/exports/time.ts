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
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
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
  };
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

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
