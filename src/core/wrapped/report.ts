import { listeningDiscoveries } from '../analytics/discovery.js';
import { localCalendar } from '../analytics/periods.js';
import { SESSION_GAP_SECONDS, type AnalyticsRepository } from '../analytics/ports.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../analytics/rhythm.js';
import { listeningSummary } from '../analytics/summary.js';
import { dayToDate, localDayNumber } from '../time/days.js';
import { COMPLETE_ALBUM_MIN_TRACKS, REGULAR_DAYS, SPIN_SOURCES, TOP_LIMIT, type MonthListens, type YearInReview } from './model.js';
import { periodMonths, type WrappedPeriod } from './period.js';
import type { WrappedRepository } from './ports.js';

export interface WrappedDeps {
  /** The repository `aime stats` reads: the listening figures come from the same functions. */
  readonly analytics: AnalyticsRepository;
  readonly wrapped: WrappedRepository;
}

/**
 * Computes the year in review. The listening figures are `aime stats` (summary, heatmap,
 * sessions, streaks, discovery) for the same period; this adds the collection, the sources,
 * the album of the year, the month curve and the covers. No AI here: the paragraph is
 * written separately (narration.ts) so the figures never wait on it.
 */
export async function yearInReview(deps: WrappedDeps, period: WrappedPeriod, now: number): Promise<YearInReview> {
  const calendar = localCalendar(period.timeZone, period.from, period.to);
  const [summary, heatmap, sessions, streaks, discovery, days, regulars, bySource, mostPlayed, purchases, complete] = await Promise.all([
    listeningSummary(deps.analytics, period, TOP_LIMIT),
    listeningHeatmap(deps.analytics, period),
    listeningSessions(deps.analytics, period),
    listeningStreaks(deps.analytics, period, localDayNumber(period.timeZone, now)),
    listeningDiscoveries(deps.analytics, period, TOP_LIMIT),
    deps.analytics.listeningDays(period, calendar),
    deps.wrapped.regulars(period, calendar, REGULAR_DAYS),
    deps.wrapped.listensBySource(period),
    deps.wrapped.mostPlayedOwned(period),
    deps.wrapped.purchases(period),
    deps.wrapped.completeAlbums(period, { minTracks: COMPLETE_ALBUM_MIN_TRACKS, sessionGap: SESSION_GAP_SECONDS, limit: 1 }),
  ]);
  const [albumLinks, trackLinks, artistImages] = await Promise.all([
    deps.wrapped.albums(summary.topAlbums),
    deps.wrapped.trackAlbums(summary.topTracks),
    deps.wrapped.artistImages(summary.topArtists.map((artist) => artist.name)),
  ]);

  const perMonth = new Map<string, number>();
  for (const day of days) {
    const month = dayToDate(day.day).slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + day.listens);
  }
  const months: MonthListens[] = periodMonths(period).map((month) => ({ month, listens: perMonth.get(month) ?? 0 }));
  const spins = bySource.filter((row) => SPIN_SOURCES.includes(row.source)).reduce((sum, row) => sum + row.listens, 0);
  const bought = purchases
    .map(({ addedAt, ...record }) => ({ ...record, addedOn: dayToDate(localDayNumber(period.timeZone, addedAt)) }))
    .sort((a, b) => b.plays - a.plays || a.addedOn.localeCompare(b.addedOn) || a.title.localeCompare(b.title));

  return {
    from: summary.from,
    to: summary.to,
    timezone: summary.timezone,
    days: summary.days,
    year: period.year,
    listens: summary.listens,
    hours: summary.hours,
    unknownDurationListens: summary.unknownDurationListens,
    dailyAverage: summary.dailyAverage,
    artists: summary.artists,
    albums: summary.albums,
    tracks: summary.tracks,
    activeDays: streaks.activeDays,
    longestStreak: streaks.longest,
    busiestDay: streaks.busiestDay,
    peakHour: summary.peakHour,
    peakWeekday: summary.peakWeekday,
    topArtists: summary.topArtists.map((artist, i) => ({ ...artist, imageUrl: artistImages[i] ?? null })),
    topAlbums: summary.topAlbums.map((album, i) => ({ ...album, albumId: albumLinks[i]?.albumId ?? null, coverUrl: albumLinks[i]?.coverUrl ?? null })),
    topTracks: summary.topTracks.map((track, i) => ({ ...track, albumId: trackLinks[i]?.albumId ?? null, coverUrl: trackLinks[i]?.coverUrl ?? null })),
    months,
    heatmap: { weekdays: heatmap.weekdays, cells: heatmap.cells, max: heatmap.max },
    sessions: { count: sessions.sessions, averageMinutes: sessions.averageMinutes, averageListens: sessions.averageListens, longest: sessions.longest },
    discovery: {
      newArtists: discovery.newArtists,
      newAlbums: discovery.newAlbums,
      regulars,
      regularDays: REGULAR_DAYS,
      artists: discovery.artists,
    },
    collection: {
      mostPlayed,
      bought: bought.length,
      boughtPlayed: bought.filter((record) => record.plays > 0).length,
      boughtRecords: bought.slice(0, TOP_LIMIT),
    },
    sources: { bySource, spins, streams: bySource.reduce((sum, row) => sum + row.listens, 0) - spins },
    albumOfTheYear: complete[0] ?? null,
    ai: null,
  };
}
