import { UserError } from '../errors.js';
import { dateToDay, dayStart, dayToDate, localDayNumber } from '../time/days.js';
import { offsetSpans } from '../time/zone.js';
import type { LocalCalendar, Period } from './ports.js';

/**
 * Which local days a statistic covers. Periods are whole local days (both ends included,
 * unlike the original, which lost the last day to a string comparison), turned into UTC
 * bounds [from, to) at the zone's midnights, so a listen at 23:59 belongs to its own day.
 */
export const RANGE_NAMES = ['week', 'month', 'year', 'all'] as const;
export type RangeName = (typeof RANGE_NAMES)[number];

/** week = the last 7 days, month = the last 30, year = the last 365, all = since the first listen (today included). */
const RANGE_DAYS: Record<Exclude<RangeName, 'all'>, number> = { week: 7, month: 30, year: 365 };

export interface PeriodRequest {
  readonly range?: RangeName;
  /** Local dates YYYY-MM-DD, both included. */
  readonly from?: string;
  readonly to?: string;
}

export interface LocalPeriod extends Period {
  readonly timeZone: string;
  /** Local days since 1970-01-01, both included. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly days: number;
}

export interface PeriodContext {
  readonly timeZone: string;
  /** Now, UTC epoch seconds. */
  readonly now: number;
  /** First and last listen ever, or null for an empty history. */
  readonly history: Period | null;
}

export function resolvePeriod(request: PeriodRequest, fallback: RangeName, context: PeriodContext): LocalPeriod {
  if (request.range && (request.from || request.to)) throw new UserError('give either --range or --from/--to, not both');
  const today = localDayNumber(context.timeZone, context.now);
  const firstHeard = context.history ? localDayNumber(context.timeZone, context.history.from) : today;
  let firstDay: number;
  let lastDay = today;
  if (request.from || request.to) {
    firstDay = request.from ? dateToDay(request.from) : Math.min(firstHeard, today);
    if (request.to) lastDay = dateToDay(request.to);
    if (lastDay < firstDay) throw new UserError(`the period would end (${dayToDate(lastDay)}) before it starts (${dayToDate(firstDay)})`);
  } else {
    const range = request.range ?? fallback;
    firstDay = range === 'all' ? Math.min(firstHeard, today) : today - RANGE_DAYS[range] + 1;
    if (range === 'all' && context.history) lastDay = Math.max(today, localDayNumber(context.timeZone, context.history.to));
  }
  return daysPeriod(context.timeZone, firstDay, lastDay);
}

export function daysPeriod(timeZone: string, firstDay: number, lastDay: number): LocalPeriod {
  return {
    timeZone,
    firstDay,
    lastDay,
    days: lastDay - firstDay + 1,
    from: dayStart(timeZone, firstDay),
    to: dayStart(timeZone, lastDay + 1),
  };
}

/** The same number of days just before a period (what `stats compare` sets it against). */
export function previousPeriod(period: LocalPeriod): LocalPeriod {
  return daysPeriod(period.timeZone, period.firstDay - period.days, period.firstDay - 1);
}

/** The dates a result shows: `from` and `to` both included, in the configured zone. */
export function shownBounds(period: LocalPeriod): { from: string; to: string; timezone: string; days: number } {
  return { from: dayToDate(period.firstDay), to: dayToDate(period.lastDay), timezone: period.timeZone, days: period.days };
}

/** The zone's offsets over [from, to): how the database reads local hours and days. */
export function localCalendar(timeZone: string, from: number, to: number): LocalCalendar {
  return { timeZone, spans: offsetSpans(timeZone, from, to) };
}
