// GET /metrics reads listens per source from listen_counts instead of counting the history:
// the counts must equal a real count after inserts (ignored duplicates included), deletes and
// changes of source — of listens already counted and of listens not counted yet — and the
// migration must start them from the listens already stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListenCounts1763850000000 } from '../../migrations/1763850000000-listen-counts.js';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import type { PlayReport } from '../../src/core/model.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { SqliteMetricCounts } from '../../src/db/repositories/metric-counts.js';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-counts-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = () => new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });

function plays(source: PlayReport['source'], count: number, start: number): PlayReport[] {
  return Array.from({ length: count }, (_, index) => ({ artist: `Artist ${index % 7}`, title: `Song ${index}`, album: 'Album', timestamp: start + index * 3600, source }));
}

function counted(): Record<string, number> {
  const rows = db.sqlite.prepare('SELECT source, COUNT(*) AS n FROM listening_history GROUP BY source').all() as { source: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.source, row.n]));
}

describe('listen_counts', () => {
  it('equals a real count after inserts, ignored duplicates, deletes and a change of source', async () => {
    const counts = new SqliteMetricCounts(db);
    expect(counts.listensBySource()).toEqual({});
    await ingest().record(plays('lastfm', 30, 1_600_000_000));
    await ingest().record(plays('listenbrainz', 12, 1_650_000_000));
    // The same plays again: ignored by the store, so not counted twice.
    await ingest().record(plays('listenbrainz', 12, 1_650_000_000));
    expect(counts.listensBySource()).toEqual({ lastfm: 30, listenbrainz: 12 });

    db.sqlite.prepare(`DELETE FROM listening_history WHERE source = 'lastfm' AND timestamp < ?`).run(1_600_000_000 + 10 * 3600);
    db.sqlite.prepare(`UPDATE listening_history SET source = 'roon' WHERE source = 'listenbrainz' AND timestamp < ?`).run(1_650_000_000 + 5 * 3600);
    db.sqlite.prepare(`UPDATE listening_history SET loved = 1`).run();
    expect(counts.listensBySource()).toEqual(counted());
    expect(counts.listensBySource()).toEqual({ lastfm: 20, listenbrainz: 7, roon: 5 });

    // Listens stored since the last read, then deleted or moved before the next one.
    await ingest().record(plays('spotify', 9, 1_700_000_000));
    db.sqlite.prepare(`DELETE FROM listening_history WHERE source = 'spotify' AND timestamp < ?`).run(1_700_000_000 + 3 * 3600);
    db.sqlite.prepare(`UPDATE listening_history SET source = 'cd' WHERE source = 'spotify' AND timestamp < ?`).run(1_700_000_000 + 5 * 3600);
    expect(counts.listensBySource()).toEqual(counted());
    expect(counts.listensBySource()).toEqual({ cd: 2, lastfm: 20, listenbrainz: 7, roon: 5, spotify: 4 });

    // A source left with no listens is not reported as 0 forever.
    db.sqlite.prepare(`DELETE FROM listening_history WHERE source = 'roon'`).run();
    expect(counts.listensBySource()).toEqual({ cd: 2, lastfm: 20, listenbrainz: 7, spotify: 4 });
  });

  it('starts from the listens stored before the migration', async () => {
    const migration = new ListenCounts1763850000000();
    const runner = db.dataSource.createQueryRunner();
    await migration.down(runner);
    expect(db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'listen_counts'`).get()).toBeUndefined();
    await ingest().record(plays('lastfm', 25, 1_600_000_000));
    await ingest().record(plays('spotify', 4, 1_700_000_000));
    await migration.up(runner);
    await runner.release();
    const counts = new SqliteMetricCounts(db);
    expect(counts.listensBySource()).toEqual({ lastfm: 25, spotify: 4 });
    await ingest().record(plays('roon', 3, 1_710_000_000));
    expect(counts.listensBySource()).toEqual(counted());
  });
});
