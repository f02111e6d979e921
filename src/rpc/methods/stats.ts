/**
 * `stats.*`: listening analytics. Periods are local days in the configured time zone;
 * `from` and `to` in results are dates (YYYY-MM-DD), both included.
 */
export type StatsRange = 'week' | 'month' | 'year' | 'all';

export interface StatsPeriodParams {
  readonly range?: StatsRange;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

export interface StatsBounds {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly days: number;
}

export interface StatsSummaryResult extends StatsBounds {
  readonly listens: number;
  readonly hours: number;
  readonly topArtists: { readonly name: string; readonly plays: number }[];
  readonly topAlbums: { readonly title: string; readonly artist: string; readonly plays: number }[];
  readonly topTracks: { readonly title: string; readonly artist: string; readonly album: string | null; readonly plays: number }[];
  readonly peakHour: number | null;
  readonly peakWeekday: string | null;
  readonly unknownDurationShare: number;
  readonly unknownDurationListens: number;
  /** Listens of the period with no length yet (their own nor their track's): not in `hours`. */
  readonly listensWithoutDuration: number;
  /** Whether the durations worker is filling track durations now (so `hours` will grow). */
  readonly fillingDurations: boolean;
  readonly dailyAverage: number;
  readonly artists: number;
  readonly albums: number;
  readonly tracks: number;
  readonly byHour: number[];
  readonly byWeekday: number[];
}

export interface StatsHeatmapResult extends StatsBounds {
  readonly listens: number;
  readonly weekdays: string[];
  readonly cells: number[][];
  readonly max: number;
}

export interface StatsSessionsResult extends StatsBounds {
  readonly sessions: number;
  readonly listens: number;
  readonly averageMinutes: number;
  readonly averageListens: number;
  readonly longest: { readonly start: string; readonly end: string; readonly minutes: number; readonly listens: number } | null;
}

export interface StatsDiscoveryResult extends StatsBounds {
  readonly newArtists: number;
  readonly newAlbums: number;
  readonly artists: { readonly name: string; readonly firstHeard: string; readonly plays: number }[];
  readonly albums: { readonly title: string; readonly artist: string; readonly firstHeard: string; readonly plays: number }[];
}

export interface StatsPeriodFigures extends StatsBounds {
  readonly listens: number;
  readonly hours: number;
  readonly artists: number;
  readonly albums: number;
  readonly topArtists: { readonly name: string; readonly plays: number }[];
}

export interface StatsCompareResult {
  readonly current: StatsPeriodFigures;
  readonly previous: StatsPeriodFigures;
  /** Change from previous to current in %, null when previous was 0. */
  readonly changes: { readonly listens: number | null; readonly hours: number | null; readonly artists: number | null; readonly albums: number | null };
}

export interface StatsPatternsResult extends StatsBounds {
  readonly pairs: { readonly first: string; readonly second: string; readonly count: number }[];
}

export interface UnplayedAlbumDto {
  readonly title: string;
  readonly artist: string;
  readonly support: string | null;
  readonly addedAt: string | null;
}

/** `albums` is the first name of `items` (kept for old readers); `limit` albums per page. */
export interface StatsUnplayedResult {
  readonly total: number;
  readonly albums: UnplayedAlbumDto[];
  readonly items: UnplayedAlbumDto[];
  readonly page: number;
  readonly pageSize: number;
}

export interface StatsStreaksResult extends StatsBounds {
  readonly activeDays: number;
  readonly longest: { readonly from: string; readonly to: string; readonly days: number } | null;
  readonly current: { readonly from: string; readonly to: string; readonly days: number } | null;
  readonly busiestDay: { readonly date: string; readonly listens: number } | null;
  readonly activity: { readonly unit: 'day' | 'week' | 'month' | 'year'; readonly counts: number[] };
}

export interface StatsMethods {
  'stats.summary': { params: StatsPeriodParams; result: StatsSummaryResult };
  'stats.heatmap': { params: StatsPeriodParams; result: StatsHeatmapResult };
  'stats.sessions': { params: StatsPeriodParams; result: StatsSessionsResult };
  'stats.discovery': { params: StatsPeriodParams; result: StatsDiscoveryResult };
  'stats.compare': { params: StatsPeriodParams; result: StatsCompareResult };
  'stats.patterns': { params: StatsPeriodParams; result: StatsPatternsResult };
  'stats.unplayed': { params: { readonly limit?: number; readonly page?: number }; result: StatsUnplayedResult };
  'stats.streaks': { params: StatsPeriodParams; result: StatsStreaksResult };
}
