// Track durations over a real SQLite file and the local Last.fm and MusicBrainz stand-ins:
// plays stored through the real ingest, catalogues built by the daemon's own wiring from a
// real configuration (AIME_* values), and the step run until nothing is due.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFile } from '../../src/config/config.js';
import { addFillReport, DurationScan, emptyFillReport, fillNextDurations, type FillReport } from '../../src/core/durations/fill.js';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import type { PlayReport } from '../../src/core/model.js';
import type { Clock } from '../../src/core/ports.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteDurations } from '../../src/db/repositories/durations.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { CatalogueClients } from '../../src/wiring/catalogues.js';
import type { Scrobble } from '../fakes/lastfm/index.js';

export interface DurationsBed {
  readonly db: Database;
  readonly store: SqliteDurations;
  readonly ingest: ListenIngest;
  /** Seconds since the epoch as the step sees them; tests move it to pass retry times. */
  now: number;
  /** Every step until nothing is due, added up. */
  drain(): Promise<FillReport>;
  /** Stores scrobbles as Last.fm plays (no duration, as Last.fm's history has none). */
  scrobble(scrobbles: readonly Scrobble[]): Promise<void>;
  record(plays: readonly PlayReport[]): Promise<void>;
  /** Title → [duration, source] of every track. */
  durations(): Map<string, [number | null, string | null]>;
  attempts(): { entity: string; provider: string; status: string; attempts: number; nextRetryAt: number | null }[];
  close(): Promise<void>;
}

export async function openDurationsBed(env: Record<string, string>, options: { retries?: number } = {}): Promise<DurationsBed> {
  const dir = mkdtempSync(join(tmpdir(), 'aime-durations-'));
  const db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  const config = await ConfigFile.open({ home: dir, env });
  const http = new HttpClient({ userAgent: 'aime/test (+https://example.invalid)', log: silentLogger(), timeoutMs: 3000, retries: options.retries ?? 1, retryBaseMs: 5 });
  const clients = new CatalogueClients(() => config.values(), http);
  const store = new SqliteDurations(db);
  const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
  const scan = new DurationScan();
  const bed: DurationsBed = {
    db,
    store,
    ingest,
    now: Math.floor(Date.now() / 1000),
    async drain() {
      const clock: Clock = { now: () => bed.now * 1000 };
      const total = emptyFillReport();
      for (;;) {
        const step = await fillNextDurations({ store, catalogues: clients.durationCatalogues(), clock }, scan, { batch: 20, inFlight: 4 });
        if (!step) return total;
        addFillReport(total, step);
      }
    },
    async scrobble(scrobbles) {
      await ingest.record(scrobbles.map((s) => ({ artist: s.artist, title: s.title, album: s.album || null, timestamp: s.timestamp, source: 'lastfm' })));
    },
    async record(plays) {
      await ingest.record(plays);
    },
    durations() {
      const rows = db.sqlite.prepare('SELECT title, duration_seconds AS seconds, duration_source AS source FROM tracks ORDER BY id').all() as { title: string; seconds: number | null; source: string | null }[];
      return new Map(rows.map((row) => [row.title, [row.seconds, row.source]]));
    },
    attempts() {
      return db.sqlite
        .prepare(`SELECT entity_type AS entity, provider, status, attempts, next_retry_at AS nextRetryAt FROM enrichment_attempts WHERE provider LIKE 'duration.%' ORDER BY id`)
        .all() as ReturnType<DurationsBed['attempts']>;
    },
    async close() {
      await http.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return bed;
}
