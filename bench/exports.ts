import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { exportCollection, type CollectionFormat } from '../src/core/exports/collection.js';
import { openDatabase, runMigrations } from '../src/db/data-source.js';
import { SqliteExportCatalog } from '../src/db/repositories/exports.js';
import { seedCollection } from '../test/support/collection-seed.js';
import { AIME_BIN, makeHome, removeHome, testEnv } from '../test/support/daemon.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

const ALBUMS = 5000;
const TARGET_MS = 2000;

/**
 * Markdown and JSON exports of a 5,000-album collection: in process (read + render, median
 * of 5) and as the whole `aime export … --out` process that cron runs (median of 3).
 */
export const exportsBenchmark: Benchmark = {
  group: 'exports',
  async run() {
    const home = makeHome({ timezone: 'Europe/Zurich' });
    try {
      const db = await openDatabase({ path: join(home, 'aime.db') });
      await runMigrations(db);
      seedCollection(db, ALBUMS);
      const results: BenchResult[] = [];
      const catalog = new SqliteExportCatalog(db);
      for (const format of ['markdown', 'json'] as CollectionFormat[]) {
        const times: number[] = [];
        let albums = 0;
        for (let i = 0; i < 5; i++) {
          const started = process.hrtime.bigint();
          albums = (await exportCollection(catalog, { format, filter: {}, exportedAt: Date.now(), timezone: 'Europe/Zurich' })).albums;
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        const ms = median(times);
        results.push({ name: `${format}-5000-albums-ms`, value: round(ms), unit: 'ms', target: `< ${TARGET_MS} (in process, median of 5)`, ok: ms < TARGET_MS && albums === ALBUMS, details: { albums } });
      }
      await db.close();
      for (const format of ['markdown', 'json']) {
        const out = join(home, `collection.${format}`);
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const started = process.hrtime.bigint();
          const run = spawnSync(process.execPath, [AIME_BIN, 'export', format, '--out', out], { env: testEnv(home), encoding: 'utf8' });
          if (run.status !== 0) throw new Error(`aime export ${format} failed: ${run.stderr}`);
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        const ms = median(times);
        results.push({ name: `cli-${format}-5000-albums-ms`, value: round(ms), unit: 'ms', target: `< ${TARGET_MS} (whole aime export process, median of 3)`, ok: ms < TARGET_MS, details: { bytes: statSync(out).size } });
      }
      return results;
    } finally {
      removeHome(home);
    }
  },
};
