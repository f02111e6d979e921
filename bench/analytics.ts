import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artistPatterns, listeningDiscoveries, unplayedAlbums } from '../src/core/analytics/discovery.js';
import { localDayNumber } from '../src/core/time/days.js';
import { daysPeriod, previousPeriod, resolvePeriod, type RangeName } from '../src/core/analytics/periods.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../src/core/analytics/rhythm.js';
import { comparePeriods, listeningSummary } from '../src/core/analytics/summary.js';
import { openDatabase } from '../src/db/data-source.js';
import { SqliteAnalytics } from '../src/db/repositories/analytics.js';
import { generateListeningDatabase } from './generate-listens.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

const LISTENS = 1_000_000;
const RUNS = 7;
const TIME_ZONE = 'Europe/Paris';

/**
 * Every statistic of `aime stats` on a generated million listens (SPEC §6): the core
 * functions over the real SQLite file, as the daemon calls them, median of 7 runs. The
 * first read after a bulk import folds the rollups (quarters, tracks, artist transitions)
 * once; that is measured on its own.
 */
export const analyticsBenchmark: Benchmark = {
  group: 'analytics',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-analytics-'));
    const path = join(dir, 'aime.db');
    try {
      let started = performance.now();
      const generated = await generateListeningDatabase({ path, listens: LISTENS, seed: 1 });
      const generateMs = performance.now() - started;
      const db = await openDatabase({ path });
      try {
        const analytics = new SqliteAnalytics(db);
        const now = Math.floor(Date.now() / 1000);
        const history = await analytics.bounds();
        const period = (range: RangeName) => resolvePeriod({ range }, 'all', { timeZone: TIME_ZONE, now, history });
        started = performance.now();
        await analytics.sessions(period('week'));
        await analytics.artistPairs(period('week'), 1);
        const foldMs = performance.now() - started;

        const measure = async (name: string, targetMs: number, read: () => Promise<unknown>): Promise<BenchResult> => {
          const times: number[] = [];
          for (let i = 0; i < RUNS; i++) {
            const begin = performance.now();
            await read();
            times.push(performance.now() - begin);
          }
          const value = median(times);
          return { name: `${name}-ms`, value: round(value), unit: 'ms', target: `< ${targetMs} (median of ${RUNS})`, ok: value < targetMs, details: { min: round(Math.min(...times)), max: round(Math.max(...times)) } };
        };
        const all = period('all');
        const results = [
          await measure('stats-range-all', 300, () => listeningSummary(analytics, period('all'), 10)),
          await measure('heatmap-all', 300, () => listeningHeatmap(analytics, period('all'))),
          await measure('stats-range-year', 500, () => listeningSummary(analytics, period('year'), 10)),
          await measure('stats-all-but-first-year', 500, () => listeningSummary(analytics, daysPeriod(TIME_ZONE, all.firstDay + 365, all.lastDay), 10)),
          await measure('sessions-all', 500, () => listeningSessions(analytics, period('all'))),
          await measure('streaks-all', 500, () => listeningStreaks(analytics, period('all'), localDayNumber(TIME_ZONE, now))),
          await measure('discovery-all', 500, () => listeningDiscoveries(analytics, period('all'), 10)),
          await measure('discovery-month', 500, () => listeningDiscoveries(analytics, period('month'), 10)),
          await measure('compare-year', 500, () => comparePeriods(analytics, period('year'), previousPeriod(period('year')), 5)),
          await measure('compare-all', 500, () => comparePeriods(analytics, all, previousPeriod(all), 5)),
          await measure('patterns-year', 500, () => artistPatterns(analytics, period('year'), 10)),
          await measure('patterns-all', 500, () => artistPatterns(analytics, period('all'), 10)),
          await measure('unplayed', 500, () => unplayedAlbums(analytics, TIME_ZONE, 20)),
        ];
        const first = results[0];
        if (first) results[0] = { ...first, details: { ...first.details, generated, generateMs: round(generateMs), firstReadFoldMs: round(foldMs) } };
        return results;
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
