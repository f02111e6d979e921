import { UserError } from '../errors.js';
import { parseMoment } from '../time/days.js';
import { DAY_SECONDS, wallClock } from '../time/zone.js';

const CLOCK_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const AGO = /^(?:(\d+)\s*h(?:ours?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?\s+ago$/i;

/**
 * When a record started or ended, as a person types it: "21:40" (the last time the zone's
 * clock showed it: today, or yesterday when that is still to come), "25 min ago", "1h10m
 * ago", an ISO date-time ("2026-03-01 21:40" on the zone's clock, or with an offset) or
 * epoch seconds. A bare day is refused: a spin needs a time.
 */
export function spinMoment(text: string, timeZone: string, now: number, option: string): number {
  const typed = text.trim();
  const ago = AGO.exec(typed);
  if (ago && (ago[1] !== undefined || ago[2] !== undefined)) return now - Number(ago[1] ?? 0) * 3600 - Number(ago[2] ?? 0) * 60;
  const time = CLOCK_TIME.exec(typed);
  if (time) {
    const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) throw new UserError(`${option} "${text}" is not a time of day`);
    const today = wallClock(now, timeZone);
    const todayAt = clockTimeOn(timeZone, today.year, today.month, today.day, hour * 3600 + minute * 60 + second);
    if (todayAt <= now) return todayAt;
    const yesterday = wallClock(now - DAY_SECONDS, timeZone);
    return clockTimeOn(timeZone, yesterday.year, yesterday.month, yesterday.day, hour * 3600 + minute * 60 + second);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) throw new UserError(`${option} needs a time, not only a day (e.g. "${typed} 21:40")`);
  try {
    return parseMoment(typed, timeZone, 'start');
  } catch (error) {
    throw new UserError(`${option} "${text}" is not a moment (e.g. 21:40, "25 min ago", 2026-03-01T21:40, epoch seconds)`, { cause: error });
  }
}

/** The instant the zone's clock shows that time on that date (core/time's reading of a local date-time). */
function clockTimeOn(timeZone: string, year: number, month: number, day: number, secondOfDay: number): number {
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor((secondOfDay % 3600) / 60))}:${pad(secondOfDay % 60)}`;
  return parseMoment(`${year}-${pad(month)}-${pad(day)} ${time}`, timeZone, 'start');
}
