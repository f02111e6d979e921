import { wallClock } from './zone.js';

/** Times as people and file names show them, in the configured zone (milliseconds in). */
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYYMMDD-HHMMSS` as the zone's clock shows it (job file names). */
export function fileStamp(epochMs: number, timeZone: string): string {
  const c = wallClock(Math.floor(epochMs / 1000), timeZone);
  return `${pad(c.year, 4)}${pad(c.month)}${pad(c.day)}-${pad(c.hour)}${pad(c.minute)}${pad(c.second)}`;
}

/** `YYYY-MM-DD HH:MM` as the zone's clock shows it. */
export function shownDateTime(epochMs: number, timeZone: string): string {
  const c = wallClock(Math.floor(epochMs / 1000), timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** A listen's time as the CLI contract shows it: `date` (ISO 8601, UTC) and `localTime` (the zone's clock). */
export function listenTimes(timestamp: number, timeZone: string): { date: string; localTime: string } {
  return { date: new Date(timestamp * 1000).toISOString(), localTime: shownDateTime(timestamp * 1000, timeZone) };
}

export function shownDate(epochMs: number, timeZone: string): string {
  return shownDateTime(epochMs, timeZone).slice(0, 10);
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
