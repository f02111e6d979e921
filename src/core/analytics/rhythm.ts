import { dayToDate } from '../time/days.js';
import { offsetAt } from '../time/zone.js';
import { localCalendar } from './periods.js';
import { shownBounds, type LocalPeriod } from './periods.js';
import type { AnalyticsRepository, DayListens } from './ports.js';
import { WEEKDAY_NAMES, round, type ShownBounds } from './summary.js';

/** When the user listens: the hour × weekday heatmap, sessions, and streaks of days. */
export interface Heatmap extends ShownBounds {
  readonly listens: number;
  readonly weekdays: string[];
  /** 7 rows (Monday first) of 24 local hours. */
  readonly cells: number[][];
  readonly max: number;
}

export async function listeningHeatmap(repository: AnalyticsRepository, period: LocalPeriod): Promise<Heatmap> {
  const counts = await repository.hourOfWeek(period, localCalendar(period.timeZone, period.from, period.to));
  const cells = WEEKDAY_NAMES.map((_, weekday) => counts.slice(weekday * 24, weekday * 24 + 24));
  return { ...shownBounds(period), listens: counts.reduce((a, b) => a + b, 0), weekdays: WEEKDAY_NAMES, cells, max: Math.max(0, ...counts) };
}

export interface SessionReport extends ShownBounds {
  readonly sessions: number;
  readonly listens: number;
  readonly averageMinutes: number;
  readonly averageListens: number;
  /** Start and end are local "YYYY-MM-DD HH:MM"; minutes from the first to the last listen's start. */
  readonly longest: { readonly start: string; readonly end: string; readonly minutes: number; readonly listens: number } | null;
}

export async function listeningSessions(repository: AnalyticsRepository, period: LocalPeriod): Promise<SessionReport> {
  const facts = await repository.sessions(period);
  const longest = facts.longest;
  return {
    ...shownBounds(period),
    sessions: facts.sessions,
    listens: facts.listens,
    averageMinutes: facts.sessions ? round(facts.totalSeconds / facts.sessions / 60, 1) : 0,
    averageListens: facts.sessions ? round(facts.listens / facts.sessions, 1) : 0,
    longest: longest && {
      start: localDateTime(period.timeZone, longest.start),
      end: localDateTime(period.timeZone, longest.end),
      minutes: Math.floor((longest.end - longest.start) / 60),
      listens: longest.listens,
    },
  };
}

export interface DayRun {
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

export interface StreakReport extends ShownBounds {
  readonly activeDays: number;
  readonly longest: DayRun | null;
  /** The run that reaches today (or yesterday, when today is still silent); null when broken. */
  readonly current: DayRun | null;
  readonly busiestDay: { readonly date: string; readonly listens: number } | null;
  /** Listens per bucket over the period, oldest first, for a sparkline of at most 60 bars. */
  readonly activity: { readonly unit: 'day' | 'week' | 'month' | 'year'; readonly counts: number[] };
}

export async function listeningStreaks(repository: AnalyticsRepository, period: LocalPeriod, today: number): Promise<StreakReport> {
  const days = await repository.listeningDays(period, localCalendar(period.timeZone, period.from, period.to));
  let longest: { first: number; last: number } | null = null;
  let run: { first: number; last: number } | null = null;
  let busiest: DayListens | null = null;
  for (const day of days) {
    run = run && run.last === day.day - 1 ? { first: run.first, last: day.day } : { first: day.day, last: day.day };
    if (!longest || run.last - run.first > longest.last - longest.first) longest = run;
    if (!busiest || day.listens > busiest.listens) busiest = day;
  }
  const current = run && run.last >= today - 1 ? run : null;
  const shown = (r: { first: number; last: number } | null): DayRun | null => r && { from: dayToDate(r.first), to: dayToDate(r.last), days: r.last - r.first + 1 };
  return {
    ...shownBounds(period),
    activeDays: days.length,
    longest: shown(longest),
    current: shown(current),
    busiestDay: busiest && { date: dayToDate(busiest.day), listens: busiest.listens },
    activity: activity(period, days),
  };
}

/** Buckets of days, weeks (from the period's first day), calendar months or years. */
function activity(period: LocalPeriod, days: readonly DayListens[]): StreakReport['activity'] {
  const monthOf = (day: number) => {
    const date = new Date(day * 86_400_000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const months = monthOf(period.lastDay) - monthOf(period.firstDay) + 1;
  const unit = period.days <= 60 ? 'day' : period.days <= 420 ? 'week' : months <= 60 ? 'month' : 'year';
  const bucketOf = (day: number): number => {
    if (unit === 'day') return day - period.firstDay;
    if (unit === 'week') return Math.floor((day - period.firstDay) / 7);
    if (unit === 'month') return monthOf(day) - monthOf(period.firstDay);
    return Math.floor(monthOf(day) / 12) - Math.floor(monthOf(period.firstDay) / 12);
  };
  const counts = new Array<number>(bucketOf(period.lastDay) + 1).fill(0);
  for (const day of days) counts[bucketOf(day.day)] = (counts[bucketOf(day.day)] ?? 0) + day.listens;
  return { unit, counts };
}

/** "YYYY-MM-DD HH:MM" on the zone's clock. */
export function localDateTime(timeZone: string, epochSeconds: number): string {
  return new Date((epochSeconds + offsetAt(timeZone, epochSeconds)) * 1000).toISOString().slice(0, 16).replace('T', ' ');
}
