import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DaemonClient } from '../src/cli/client.js';
import { ListenIngest } from '../src/core/listens/ingest.js';
import type { PlayReport } from '../src/core/model.js';
import { openDatabase, runMigrations } from '../src/db/data-source.js';
import { SqliteListenStore } from '../src/db/repositories/listens.js';
import { generateHistory, startFakeLastfm } from '../test/fakes/lastfm/index.js';
import { AIME_BIN, makeHome, removeHome, startDaemon, testEnv } from '../test/support/daemon.js';
import { generateListeningDatabase } from './generate-listens.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

/**
 * SPEC §6 speed bars of the listening history: a 100,000-scrobble import end to end (daemon +
 * `aime import lastfm` + zero-latency Last.fm stand-in), raw ingest speed into a real SQLite
 * file, and the first journal page over 1,000,000 listens.
 */
export const lastfmBenchmark: Benchmark = {
  group: 'lastfm',
  async run() {
    return [await importEndToEnd(), await ingestRate(), await firstHistoryPage()];
  },
};

async function importEndToEnd(): Promise<BenchResult> {
  const fake = await startFakeLastfm({ generate: { count: 100_000, seed: 1 } });
  const home = makeHome({ lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url } });
  const daemon = await startDaemon(home);
  try {
    const started = performance.now();
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // Async spawn: the fake answers from this process while the CLI and daemon work.
      import('node:child_process').then(({ spawn }) => {
        const child = spawn(process.execPath, [AIME_BIN, 'import', 'lastfm', '--json'], { env: testEnv(home) });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.code !== 0) throw new Error(`aime import lastfm failed: ${result.stderr}`);
    const summary = JSON.parse(result.stdout) as { imported: number };
    const exact = summary.imported === 100_000;
    return { name: 'import-100k-seconds', value: round(seconds, 2), unit: 's', target: '< 10 (100,000 scrobbles, exact)', ok: seconds < 10 && exact, details: { imported: summary.imported, requests: fake.requestCount() } };
  } finally {
    await daemon.stop();
    await fake.close();
    removeHome(home);
  }
}

async function ingestRate(): Promise<BenchResult> {
  const home = makeHome();
  const db = await openDatabase({ path: join(home, 'aime.db') });
  try {
    await runMigrations(db);
    const reports: PlayReport[] = generateHistory({ count: 200_000, seed: 2 }).map((s) => ({
      artist: s.artist, title: s.title, album: s.album || null, timestamp: s.timestamp, source: 'lastfm', loved: s.loved === true,
    }));
    const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
    const started = performance.now();
    const summary = await ingest.record(reports);
    const perSecond = summary.imported / ((performance.now() - started) / 1000);
    return { name: 'ingest-listens-per-second', value: Math.round(perSecond), unit: 'listens/s', target: '>= 50,000 (200,000 plays, fresh database)', ok: perSecond >= 50_000 && summary.imported === reports.length, details: { imported: summary.imported } };
  } finally {
    await db.close();
    removeHome(home);
  }
}

async function firstHistoryPage(): Promise<BenchResult> {
  const home = makeHome();
  try {
    const counts = await generateListeningDatabase({ path: join(home, 'aime.db'), listens: 1_000_000, seed: 3 });
    const daemon = await startDaemon(home);
    const client = await DaemonClient.connect(join(home, 'aime.sock'));
    try {
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const started = performance.now();
        const page = await client.call('listens.history', { page: 1, pageSize: 50 });
        times.push(performance.now() - started);
        if (page.items.length !== 50 || page.total !== counts.listens) throw new Error('history page is wrong');
      }
      const cli = spawnSync(process.execPath, [AIME_BIN, 'history', '--json'], { env: testEnv(home), encoding: 'utf8' });
      if (cli.status !== 0) throw new Error(`aime history failed: ${cli.stderr}`);
      const value = median(times);
      return { name: 'history-first-page-ms', value: round(value, 2), unit: 'ms', target: '< 30 with 1,000,000 listens (median of 21 socket calls)', ok: value < 30, details: { first: round(times[0]!, 2), max: round(Math.max(...times), 2), listens: counts.listens } };
    } finally {
      client.close();
      await daemon.stop();
    }
  } finally {
    removeHome(home);
  }
}
