import { wallClock } from '../core/time/zone.js';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An ISO instant as the configured zone's clock shows it: "14:02:11" today, "2026-03-01
 * 14:02" another day. The daemon sends UTC; people read their own clock.
 */
export function localMoment(iso: string, timeZone: string, nowMs = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  try {
    const c = wallClock(Math.floor(at / 1000), timeZone);
    const today = wallClock(Math.floor(nowMs / 1000), timeZone);
    const time = `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
    return c.year === today.year && c.month === today.month && c.day === today.day ? time : `${c.year}-${pad(c.month)}-${pad(c.day)} ${time.slice(0, 5)}`;
  } catch {
    // An unknown zone in config.json: the daemon says so elsewhere; the UTC time is still true.
    return iso;
  }
}

/** How far ahead an ISO instant is: "in 42 s", "in 5 min", "in 2 h 10 min"; "now" once due. */
export function inWords(iso: string, nowMs = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds <= 0) return 'now';
  if (seconds < 90) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `in ${minutes} min`;
  return `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
