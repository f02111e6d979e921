import { daysPeriod, resolvePeriod, type LocalPeriod, type PeriodContext } from '../analytics/periods.js';
import { UserError } from '../errors.js';
import { dateToDay, dayToDate, localDayNumber } from '../time/days.js';

export interface WrappedRequest {
  readonly year?: number;
  /** Local dates YYYY-MM-DD, both included. */
  readonly from?: string;
  readonly to?: string;
}

export interface WrappedPeriod extends LocalPeriod {
  /** The calendar year asked for (or the current one by default); null for from/to. */
  readonly year: number | null;
}

/**
 * The days a year in review covers: a calendar year, cut at today while it is still going
 * (so the daily average is not diluted by days still to come), or any from/to period as
 * `aime stats` reads it. Nothing given: the current year until today, in the zone.
 */
export function wrappedPeriod(request: WrappedRequest, context: PeriodContext): WrappedPeriod {
  if (request.year !== undefined && (request.from || request.to)) throw new UserError('give either a year or --from/--to, not both');
  if (request.from || request.to) return { ...resolvePeriod({ from: request.from, to: request.to }, 'year', context), year: null };
  const today = localDayNumber(context.timeZone, context.now);
  const year = request.year ?? Number(dayToDate(today).slice(0, 4));
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new UserError(`"${request.year}" is not a year (expected e.g. ${dayToDate(today).slice(0, 4)})`);
  const firstDay = dateToDay(`${String(year).padStart(4, '0')}-01-01`);
  const lastOfYear = dateToDay(`${String(year).padStart(4, '0')}-12-31`);
  const lastDay = today >= firstDay && today < lastOfYear ? today : lastOfYear;
  return { ...daysPeriod(context.timeZone, firstDay, lastDay), year };
}

/** "YYYY-MM" of every month the period touches, oldest first. */
export function periodMonths(period: LocalPeriod): string[] {
  const months: string[] = [];
  const last = dayToDate(period.lastDay).slice(0, 7);
  let [year, month] = dayToDate(period.firstDay).slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What a period is called on a page or a screen: "2026" for a calendar year, "November
 * 2026" for one whole calendar month (the monthly page), null for any other period.
 */
export function periodName(period: { readonly year: number | null; readonly from: string; readonly to: string }): string | null {
  if (period.year !== null) return String(period.year);
  const [year, month] = period.from.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const wholeMonth = period.from.endsWith('-01') && period.to === `${period.from.slice(0, 8)}${String(lastDay).padStart(2, '0')}`;
  return wholeMonth ? `${MONTHS[month - 1]} ${year}` : null;
}
