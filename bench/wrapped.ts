import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderWrappedPage } from '../src/core/wrapped/page/render.js';
import { wrappedPeriod, type WrappedRequest } from '../src/core/wrapped/period.js';
import { yearInReview, type WrappedDeps } from '../src/core/wrapped/report.js';
import { dayToDate, localDayNumber } from '../src/core/time/days.js';
import { openDatabase } from '../src/db/data-source.js';
import { SqliteAnalytics } from '../src/db/repositories/analytics.js';
import { SqliteWrapped } from '../src/db/repositories/wrapped.js';
import { startFakeCoverHost } from '../test/fakes/covers/index.js';
import { runCli, startDaemon } from '../test/support/daemon.js';
import { generateListeningDatabase } from './generate-listens.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

const LISTENS = 1_000_000;
const RUNS = 5;
const TIME_ZONE = 'Europe/Paris';
const TARGET_MS = 2000;
/** Covers as large as real ones (noise does not compress): 160 px ≈ 77 KB each. */
const COVER_SIDE = 160;

/**
 * `aime wrapped --html` without AI on a generated million listens (issue 17), for the last
 * full calendar year and for the current year so far, median of 5 runs each:
 * - in process: the year in review computed over the real SQLite file and rendered to HTML;
 * - the whole command: a fresh `aime wrapped YEAR --html FILE --no-ai` process talking to the
 *   real daemon, which counts and fetches every album's cover (~77 KB) from a local picture
 *   host, the CLI rendering and writing the page.
 * The first read after the bulk import folds the analytics rollups once; that is measured apart.
 */
export const wrappedBenchmark: Benchmark = {
  group: 'wrapped',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-wrapped-'));
    const path = join(dir, 'aime.db');
    try {
      const generated = await generateListeningDatabase({ path, listens: LISTENS, seed: 1 });
      const now = Math.floor(Date.now() / 1000);
      const thisYear = Number(dayToDate(localDayNumber(TIME_ZONE, now)).slice(0, 4));
      const results = await inProcess(path, now, thisYear);
      const first = results[0];
      if (first) results[0] = { ...first, details: { ...first.details, generated } };
      results.push(...(await wholeCommand(dir, path, thisYear)));
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function inProcess(path: string, now: number, thisYear: number): Promise<BenchResult[]> {
  const db = await openDatabase({ path });
  try {
    const deps: WrappedDeps = { analytics: new SqliteAnalytics(db), wrapped: new SqliteWrapped(db) };
    const history = await deps.analytics.bounds();
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
    if (first) results[0] = { ...first, details: { ...first.details, firstReadFoldMs: round(foldMs) } };
    return results;
  } finally {
    await db.close();
  }
}

async function wholeCommand(home: string, path: string, thisYear: number): Promise<BenchResult[]> {
  const covers = await startFakeCoverHost();
  try {
    // Every album gets a cover URL on the picture host, as enrichment would have stored.
    const db = await openDatabase({ path });
    db.sqlite.prepare(`INSERT INTO images (url, image_type, source, album_id, created_at, updated_at)
      SELECT ? || '/img/album-' || id || '.png?size=${COVER_SIDE}', 'album', 'coverart', id, 0, 0 FROM albums`).run(covers.url);
    await db.close();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ timezone: TIME_ZONE }), { mode: 0o600 });
    const daemon = await startDaemon(home);
    try {
      const page = join(home, 'wrapped.html');
      // Spawned without blocking this process: the picture host the daemon fetches from lives here.
      const command = async (year: number) => {
        const started = performance.now();
        const result = await runCli(home, ['wrapped', String(year), '--html', page, '--no-ai']);
        if (result.code !== 0) throw new Error(`aime wrapped failed: ${result.stderr}`);
        return { ms: performance.now() - started, line: result.stdout.trim() };
      };
      // The daemon's first request folds the rollups of the freshly generated listens (as after an import).
      const warm = await command(thisYear - 1);
      const measure = async (name: string, year: number): Promise<BenchResult> => {
        const runs: { ms: number; line: string }[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await command(year));
        const times = runs.map((run) => run.ms);
        const value = median(times);
        return {
          name: `${name}-ms`, value: round(value), unit: 'ms', target: `< ${TARGET_MS} (whole process, median of ${RUNS})`, ok: value < TARGET_MS,
          // The machine is shared: the load says how much of the time was ours.
          details: { min: round(Math.min(...times)), max: round(Math.max(...times)), pageBytes: statSync(page).size, printed: runs.at(-1)?.line, loadAverage: round(loadavg()[0] ?? 0, 2) },
        };
      };
      const results = [await measure('command-last-year', thisYear - 1), await measure('command-this-year', thisYear)];
      const first = results[0];
      if (first) results[0] = { ...first, details: { ...first.details, firstRunAfterStartMs: round(warm.ms), coverRequests: covers.requests.count('/img/') } };
      return results;
    } finally {
      await daemon.stop();
    }
  } finally {
    await covers.close();
  }
}
