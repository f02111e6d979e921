import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ListenIngest } from '../src/core/listens/ingest.js';
import { openDatabase, runMigrations } from '../src/db/data-source.js';
import { SqliteListenStore } from '../src/db/repositories/listens.js';
import { startFakeLastfm, type Scrobble } from '../test/fakes/lastfm/index.js';
import { AIME_BIN, makeHome, removeHome, startDaemon, testEnv } from '../test/support/daemon.js';
import { round, type Benchmark } from './types.js';

const ALBUMS = 5000;
const TRACKS_PER_ALBUM = 8;

/**
 * Issue 15's bar for durations: 5,000 albums (40,000 tracks heard once each, no duration, as
 * a Last.fm history leaves them) timed from a zero-latency Last.fm stand-in, Last.fm's pace
 * raised by configuration — from starting the daemon to the end of `aime enrich --durations`,
 * in < 60 s, with one album.getInfo per album and every track filled.
 */
export const durationsBenchmark: Benchmark = {
  group: 'durations',
  async run() {
    const scrobbles = library();
    const fake = await startFakeLastfm({ scrobbles });
    const home = makeHome({ lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url, requestsPerSecond: 100_000 } });
    try {
      await storeHistory(join(home, 'aime.db'), scrobbles);
      const started = performance.now();
      const daemon = await startDaemon(home);
      try {
        const result = await enrichDurations(home);
        const seconds = (performance.now() - started) / 1000;
        const summary = JSON.parse(result.stdout) as { stillUnknown: number; filled: { total: number } };
        const albumRequests = fake.requestCount('album.getInfo');
        const exact = summary.stillUnknown === 0 && albumRequests === ALBUMS;
        return [
          {
            name: 'fill-5000-albums-seconds',
            value: round(seconds, 1),
            unit: 's',
            target: '< 60 (5,000 albums, 40,000 tracks, one request per album, every track filled)',
            ok: seconds < 60 && exact,
            details: { albumRequests, otherRequests: fake.requestCount() - albumRequests, stillUnknown: summary.stillUnknown, filledByThisRun: summary.filled.total },
          },
        ];
      } finally {
        await daemon.stop();
      }
    } finally {
      await fake.close();
      removeHome(home);
    }
  },
};

/** 5,000 albums by 1,000 artists, each track scrobbled once, with a length the stand-in knows. */
function library(): Scrobble[] {
  const scrobbles: Scrobble[] = [];
  let at = 1_600_000_000;
  for (let album = 0; album < ALBUMS; album++) {
    for (let track = 0; track < TRACKS_PER_ALBUM; track++) {
      const durationSec = 120 + ((album * 31 + track * 17) % 300);
      scrobbles.push({ artist: `Artist ${album % 1000}`, album: `Album ${album}`, title: `Song ${track} of ${album}`, timestamp: at, durationSec });
      at += durationSec;
    }
  }
  return scrobbles;
}

async function storeHistory(path: string, scrobbles: readonly Scrobble[]): Promise<void> {
  const db = await openDatabase({ path });
  try {
    await runMigrations(db);
    const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
    await ingest.record(scrobbles.map((s) => ({ artist: s.artist, title: s.title, album: s.album, timestamp: s.timestamp, source: 'lastfm' as const })));
  } finally {
    await db.close();
  }
}

/** Async, so the stand-in (in this process) answers while the CLI waits. */
function enrichDurations(home: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AIME_BIN, 'enrich', '--durations', '--json'], { env: testEnv(home) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve({ code, stdout, stderr }) : reject(new Error(`aime enrich --durations failed (${code}): ${stderr}`))));
  });
}
