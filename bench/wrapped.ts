import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderWrappedPage } from '../src/core/wrapped/page/render.js';
import { wrappedPeriod, type WrappedRequest } from '../src/core/wrapped/period.js';
import { yearInReview, type WrappedDeps } from '../src/core/wrapped/report.js';
import { dayToDate, localDayNumber } from '../src/core/time/days.js';
import { openDatabase } from '../src/db/data-source.js';
import { SqliteAnalytics } from '../src/db/repositories/analytics.js';
import { SqliteWrapped } from '../src/db/repositories/wrapped.js';
import { generateListeningDatabase } from './generate-listens.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

const LISTENS = 1_000_000;
const RUNS = 5;
const TIME_ZONE = 'Europe/Paris';
const TARGET_MS = 2000;

/**
 * `aime wrapped --html` without AI on a generated million listens (issue 17): the whole
 * year in review computed over the real SQLite file and rendered to its HTML page, median
 * of 5 runs, for the last full calendar year and for the current year so far. The first
 * read after the bulk import folds the analytics rollups once; that is measured apart.
 */
export const wrappedBenchmark: Benchmark = {
  group: 'wrapped',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-wrapped-'));
    const path = join(dir, 'aime.db');
    try {
      const generated = await generateListeningDatabase({ path, listens: LISTENS, seed: 1 });
      const db = await openDatabase({ path });
      try {
        const deps: WrappedDeps = { analytics: new SqliteAnalytics(db), wrapped: new SqliteWrapped(db) };
        const now = Math.floor(Date.now() / 1000);
        const history = await deps.analytics.bounds();
        const thisYear = Number(dayToDate(localDayNumber(TIME_ZONE, now)).slice(0, 4));
        const review = async (request: WrappedRequest) => {
          const report = await yearInReview(deps, wrappedPeriod(request, { timeZone: TIME_ZONE, now, history }), now);
          return { report, page: renderWrappedPage(report) };
        };
        let started = performance.now();
        await deps.analytics.sessions({ from: now - 86_400, to: now });
        const foldMs = performance.now() - started;

        const measure = async (name: string, request: WrappedRequest): Promise<BenchResult> => {
          const times: number[] = [];
          let shown: Awaited<ReturnType<typeof review>> | undefined;
          for (let i = 0; i < RUNS; i++) {
            started = performance.now();
            shown = await review(request);
            times.push(performance.now() - started);
          }
          const value = median(times);
          return {
            name: `${name}-ms`, value: round(value), unit: 'ms', target: `< ${TARGET_MS} (median of ${RUNS})`, ok: value < TARGET_MS,
            details: { min: round(Math.min(...times)), max: round(Math.max(...times)), listens: shown?.report.listens, pageBytes: shown?.page.length },
          };
        };
        const results = [await measure('last-year', { year: thisYear - 1 }), await measure('this-year', {})];
        const first = results[0];
        if (first) results[0] = { ...first, details: { ...first.details, generated, firstReadFoldMs: round(foldMs) } };
        return results;
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
