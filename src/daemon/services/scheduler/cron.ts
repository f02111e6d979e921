import { createRequire } from 'node:module';
import { wallClock } from '../../../core/time/zone.js';

/** The little of @breejs/later (Bree's own schedule engine) used to tell next and previous run times. */
interface ScheduleData {
  readonly schedules: unknown[];
}
interface Later {
  parse: { cron(expression: string, hasSeconds?: boolean): ScheduleData };
  schedule(data: ScheduleData): { next(count: number, start: Date): Date | 0; prev(count: number, start: Date): Date | 0 };
  date: { localTime(): void };
}

// The same module instance Bree uses, so "next run" shown is the time Bree will fire.
const later = createRequire(import.meta.url)('@breejs/later') as Later;
later.date.localTime();

/** A cron expression with seconds has six fields (`*\/2 * * * * *`, handy in tests). */
export function hasSeconds(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 6;
}

export interface CronSchedule {
  /** The first time strictly after `from` (ms), or null when it never fires. */
  next(from: number): number | null;
  /** The last time at or before `from` (ms), or null. */
  previous(from: number): number | null;
}

/**
 * A cron expression read in an IANA time zone, the way Bree (later.setTimeout) reads it:
 * later computes in the process's local time, so instants are shifted by the difference
 * between the local zone and the wanted one.
 */
export function cronSchedule(expression: string, timeZone: string): CronSchedule {
  const schedule = later.schedule(later.parse.cron(expression, hasSeconds(expression)));
  const shift = (at: number) => new Date(at).getTimezoneOffset() * 60_000 + zoneAhead(at, timeZone);
  const found = (date: Date | 0, delta: number) => (date instanceof Date ? date.getTime() - delta : null);
  return {
    // later keeps the milliseconds it is given; schedules are whole seconds.
    next(from) {
      const second = Math.floor(from / 1000) * 1000;
      const delta = shift(second);
      return found(schedule.next(1, new Date(second + 1000 + delta)), delta);
    },
    previous(from) {
      const second = Math.floor(from / 1000) * 1000;
      const delta = shift(second);
      return found(schedule.prev(1, new Date(second + delta)), delta);
    },
  };
}

/** How far the zone's clock is ahead of UTC at that instant (ms). */
function zoneAhead(at: number, timeZone: string): number {
  const c = wallClock(Math.floor(at / 1000), timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(at / 1000) * 1000;
}
