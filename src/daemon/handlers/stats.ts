import { artistPatterns, listeningDiscoveries, unplayedAlbums } from '../../core/analytics/discovery.js';
import { localDayNumber } from '../../core/time/days.js';
import { RANGE_NAMES, previousPeriod, resolvePeriod, type LocalPeriod, type RangeName } from '../../core/analytics/periods.js';
import type { AnalyticsRepository } from '../../core/analytics/ports.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../../core/analytics/rhythm.js';
import { comparePeriods, listeningSummary } from '../../core/analytics/summary.js';
import type { Clock } from '../../core/ports.js';
import type { StatsPeriodParams } from '../../rpc/methods/stats.js';
import { int, oneOf, optional, text } from './params.js';
import { handlerTable } from './typed.js';

/** Whether track durations are being filled now (stats then says `hours` is still growing). */
export interface DurationProgress {
  filling(): boolean;
}

export interface StatsDeps {
  readonly analytics: AnalyticsRepository;
  readonly durations?: DurationProgress;
  /** Read on every request: `aime config set timezone` applies without a restart. */
  readonly timeZone: () => string;
  readonly clock: Clock;
}

/** A period (a named range, or from/to dates) and how many rows to show. */
const PERIOD = { range: optional(oneOf(RANGE_NAMES)), from: optional(text()), to: optional(text()), limit: optional(int({ min: 1, max: 500 })) };

export function statsHandlers(deps: StatsDeps) {
  const now = () => Math.floor(deps.clock.now() / 1000);
  /** The period a request names, defaulting to `fallback`. */
  const periodOf = async (params: StatsPeriodParams, fallback: RangeName): Promise<LocalPeriod> =>
    resolvePeriod({ range: params.range, from: params.from, to: params.to }, fallback, { timeZone: deps.timeZone(), now: now(), history: await deps.analytics.bounds() });

  return handlerTable<'stats.summary' | 'stats.heatmap' | 'stats.sessions' | 'stats.discovery' | 'stats.compare' | 'stats.patterns' | 'stats.unplayed' | 'stats.streaks'>({
    'stats.summary': {
      params: PERIOD,
      run: async (params) => ({
        ...(await listeningSummary(deps.analytics, await periodOf(params, 'all'), params.limit ?? 10)),
        fillingDurations: deps.durations?.filling() ?? false,
      }),
    },
    'stats.heatmap': { params: PERIOD, run: async (params) => listeningHeatmap(deps.analytics, await periodOf(params, 'all')) },
    'stats.sessions': { params: PERIOD, run: async (params) => listeningSessions(deps.analytics, await periodOf(params, 'all')) },
    'stats.discovery': { params: PERIOD, run: async (params) => listeningDiscoveries(deps.analytics, await periodOf(params, 'month'), params.limit ?? 10) },
    'stats.compare': {
      params: PERIOD,
      run: async (params) => {
        const current = await periodOf(params, 'month');
        return comparePeriods(deps.analytics, current, previousPeriod(current), params.limit ?? 5);
      },
    },
    'stats.patterns': { params: PERIOD, run: async (params) => artistPatterns(deps.analytics, await periodOf(params, 'year'), params.limit ?? 10) },
    'stats.unplayed': {
      params: { limit: PERIOD.limit, page: optional(int({ min: 1, max: 1_000_000_000 })) },
      run: async (params) => unplayedAlbums(deps.analytics, deps.timeZone(), params.limit ?? 20, params.page ?? 1),
    },
    'stats.streaks': {
      params: PERIOD,
      run: async (params) => {
        const period = await periodOf(params, 'all');
        return listeningStreaks(deps.analytics, period, localDayNumber(period.timeZone, now()));
      },
    },
  });
}
