import { localCalendar } from './periods.js';
import { shownBounds, type LocalPeriod } from './periods.js';
import type { AlbumPlays, AnalyticsRepository, ArtistPlays, ListeningTotals, TrackPlays } from './ports.js';

/** Monday first, like the heatmap rows. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface ShownBounds {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly days: number;
}

/** `aime stats`: SPEC §5 fields first (from, to, listens, hours, top lists, peakHour), then the rest. */
export interface ListeningSummary extends ShownBounds {
  readonly listens: number;
  /** Hours listened: each listen's own length when its source gave one, else its track's duration. */
  readonly hours: number;
  readonly topArtists: ArtistPlays[];
  readonly topAlbums: AlbumPlays[];
  readonly topTracks: TrackPlays[];
  readonly peakHour: number | null;
  readonly peakWeekday: string | null;
  /** Share (0–1) of the listens whose track duration is unknown, so missing from `hours`. */
  readonly unknownDurationShare: number;
  readonly unknownDurationListens: number;
  /** The same count under the name `aime stats --json` documents for it. */
  readonly listensWithoutDuration: number;
  readonly dailyAverage: number;
  readonly artists: number;
  readonly albums: number;
  readonly tracks: number;
  /** Listens per local hour 0–23 and per weekday Monday–Sunday. */
  readonly byHour: number[];
  readonly byWeekday: number[];
}

export async function listeningSummary(repository: AnalyticsRepository, period: LocalPeriod, limit: number): Promise<ListeningSummary> {
  const [totals, topArtists, topAlbums, topTracks, hourOfWeek] = await Promise.all([
    repository.totals(period),
    repository.topArtists(period, limit),
    repository.topAlbums(period, limit),
    repository.topTracks(period, limit),
    repository.hourOfWeek(period, localCalendar(period.timeZone, period.from, period.to)),
  ]);
  const byHour = Array.from({ length: 24 }, (_, hour) => sumWhere(hourOfWeek, (index) => index % 24 === hour));
  const byWeekday = Array.from({ length: 7 }, (_, weekday) => sumWhere(hourOfWeek, (index) => Math.floor(index / 24) === weekday));
  const peakWeekday = peakIndex(byWeekday);
  return {
    ...shownBounds(period),
    listens: totals.listens,
    hours: hoursOf(totals),
    topArtists,
    topAlbums,
    topTracks,
    peakHour: peakIndex(byHour),
    peakWeekday: peakWeekday === null ? null : (WEEKDAY_NAMES[peakWeekday] ?? null),
    unknownDurationShare: totals.listens ? round(totals.unknownDurationListens / totals.listens, 3) : 0,
    unknownDurationListens: totals.unknownDurationListens,
    listensWithoutDuration: totals.unknownDurationListens,
    dailyAverage: round(totals.listens / period.days, 1),
    artists: totals.artists,
    albums: totals.albums,
    tracks: totals.tracks,
    byHour,
    byWeekday,
  };
}

export interface PeriodFigures extends ShownBounds {
  readonly listens: number;
  readonly hours: number;
  readonly artists: number;
  readonly albums: number;
  readonly topArtists: ArtistPlays[];
}

/** `aime stats compare`: a period against the one before it; changes in % (null when there was nothing before). */
export interface PeriodComparison {
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  readonly changes: { readonly listens: number | null; readonly hours: number | null; readonly artists: number | null; readonly albums: number | null };
}

export async function comparePeriods(repository: AnalyticsRepository, current: LocalPeriod, previous: LocalPeriod, limit: number): Promise<PeriodComparison> {
  const figures = async (period: LocalPeriod): Promise<{ shown: PeriodFigures; totals: ListeningTotals }> => {
    const [totals, topArtists] = await Promise.all([repository.totals(period), repository.topArtists(period, limit)]);
    return { totals, shown: { ...shownBounds(period), listens: totals.listens, hours: hoursOf(totals), artists: totals.artists, albums: totals.albums, topArtists } };
  };
  const [now, before] = await Promise.all([figures(current), figures(previous)]);
  return {
    current: now.shown,
    previous: before.shown,
    changes: {
      listens: percentChange(before.totals.listens, now.totals.listens),
      // From the seconds, not the rounded hours shown.
      hours: percentChange(before.totals.knownSeconds, now.totals.knownSeconds),
      artists: percentChange(before.totals.artists, now.totals.artists),
      albums: percentChange(before.totals.albums, now.totals.albums),
    },
  };
}

export function percentChange(before: number, after: number): number | null {
  return before === 0 ? null : round(((after - before) / before) * 100, 1);
}

function hoursOf(totals: ListeningTotals): number {
  return round(totals.knownSeconds / 3600, 1);
}

/** The busiest index, the earliest on a tie; null when all are zero. */
export function peakIndex(counts: readonly number[]): number | null {
  let best: number | null = null;
  counts.forEach((count, index) => {
    if (count > 0 && (best === null || count > (counts[best] ?? 0))) best = index;
  });
  return best;
}

function sumWhere(counts: readonly number[], keep: (index: number) => boolean): number {
  return counts.reduce((sum, count, index) => (keep(index) ? sum + count : sum), 0);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
