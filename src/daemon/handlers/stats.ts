import { artistPatterns, listeningDiscoveries, unplayedAlbums } from '../../core/analytics/discovery.js';
import { localDayNumber } from '../../core/time/days.js';
import { RANGE_NAMES, previousPeriod, resolvePeriod, type LocalPeriod, type RangeName } from '../../core/analytics/periods.js';
import type { AnalyticsRepository } from '../../core/analytics/ports.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../../core/analytics/rhythm.js';
import { comparePeriods, listeningSummary } from '../../core/analytics/summary.js';
import type { Clock } from '../../core/ports.js';
import { asParams, optionalEnum, optionalInt, optionalString } from './params.js';
import { handlerTable } from './typed.js';

export interface StatsDeps {
  readonly analytics: AnalyticsRepository;
  /** Read on every request: `aime config set timezone` applies without a restart. */
  readonly timeZone: () => string;
  readonly clock: Clock;
}

export function statsHandlers(deps: StatsDeps) {
  const now = () => Math.floor(deps.clock.now() / 1000);
  const limitOf = (raw: unknown, fallback: number) => optionalInt(asParams(raw), 'limit', { min: 1, max: 500 }) ?? fallback;
  /** The period a request names (range, or from/to dates), defaulting to `fallback`. */
  const periodOf = async (raw: unknown, fallback: RangeName): Promise<LocalPeriod> => {
    const params = asParams(raw);
    const request = {
      range: optionalEnum(params, 'range', RANGE_NAMES),
      from: optionalString(params, 'from'),
      to: optionalString(params, 'to'),
    };
    return resolvePeriod(request, fallback, { timeZone: deps.timeZone(), now: now(), history: await deps.analytics.bounds() });
  };

  return handlerTable<'stats.summary' | 'stats.heatmap' | 'stats.sessions' | 'stats.discovery' | 'stats.compare' | 'stats.patterns' | 'stats.unplayed' | 'stats.streaks'>({
    'stats.summary': async (raw) => listeningSummary(deps.analytics, await periodOf(raw, 'all'), limitOf(raw, 10)),
    'stats.heatmap': async (raw) => listeningHeatmap(deps.analytics, await periodOf(raw, 'all')),
    'stats.sessions': async (raw) => listeningSessions(deps.analytics, await periodOf(raw, 'all')),
    'stats.discovery': async (raw) => listeningDiscoveries(deps.analytics, await periodOf(raw, 'month'), limitOf(raw, 10)),
    'stats.compare': async (raw) => {
      const current = await periodOf(raw, 'month');
      return comparePeriods(deps.analytics, current, previousPeriod(current), limitOf(raw, 5));
    },
    'stats.patterns': async (raw) => artistPatterns(deps.analytics, await periodOf(raw, 'year'), limitOf(raw, 10)),
    'stats.unplayed': async (raw) => unplayedAlbums(deps.analytics, deps.timeZone(), limitOf(raw, 20), optionalInt(asParams(raw), 'page', { min: 1, max: 1_000_000_000 }) ?? 1),
    'stats.streaks': async (raw) => {
      const period = await periodOf(raw, 'all');
      return listeningStreaks(deps.analytics, period, localDayNumber(period.timeZone, now()));
    },
  });
}
