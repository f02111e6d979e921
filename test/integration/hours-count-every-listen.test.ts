// Hours, exact, on a crafted history with real SQLite: a listen's own played seconds when its
// source gave them, else its track's duration; listens with neither are counted apart. The
// same numbers whichever way the period is read (whole history from the rollup, most of it as
// the rollup minus the rest, a short one from the listens), and a duration filled after the
// rollup was built, or a listen's played seconds changed, count at the next read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import type { Period } from '../../src/core/analytics/ports.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteAnalytics } from '../../src/db/repositories/analytics.js';
import { SqliteDurations } from '../../src/db/repositories/durations.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';

const DAY = 86_400;
const T = 1_767_268_800; // 2026-01-01 12:00 UTC
let dir: string;
let db: Database;
let analytics: SqliteAnalytics;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-hours-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  analytics = new SqliteAnalytics(db);
  const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
  // A day apart, so no two plays are one listen across sources.
  await ingest.record([
    { artist: 'Ana', album: 'X', title: 'A', timestamp: T, source: 'roon', durationSeconds: 200 }, //             200 (A's duration)
    { artist: 'Ana', album: 'X', title: 'A', timestamp: T + DAY, source: 'roon', durationSeconds: 200, playedSeconds: 150 }, // 150 (its own)
    { artist: 'Ana', album: 'X', title: 'B', timestamp: T + 2 * DAY, source: 'lastfm' }, //                         unknown
    { artist: 'Ben', title: 'C', timestamp: T + 3 * DAY, source: 'maloja', durationSeconds: 180, playedSeconds: 0 }, // 180 (0 is no length)
    { artist: 'Ben', title: 'C', timestamp: T + 4 * DAY, source: 'maloja', durationSeconds: 180, playedSeconds: 170 }, // 170
    { artist: 'Ana', album: 'X', title: 'B', timestamp: T + 5 * DAY, source: 'spotify', playedSeconds: 100 }, //     100 (its own, B unknown)
  ]);
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ALL: Period = { from: T, to: T + 6 * DAY };
/** Most of the history: the rollup minus the first listen. */
const MOST: Period = { from: T + DAY, to: T + 6 * DAY };
/** A short stretch, read from its listens: B unknown, C at 180. */
const SHORT: Period = { from: T + 2 * DAY, to: T + 3 * DAY + 1 };

describe('hours count every listen', () => {
  it('adds each listen\'s own seconds, else its track\'s duration, whichever way the period is read', async () => {
    expect(await analytics.totals(ALL)).toMatchObject({ listens: 6, knownSeconds: 200 + 150 + 180 + 170 + 100, unknownDurationListens: 1 });
    expect(await analytics.totals(MOST)).toMatchObject({ listens: 5, knownSeconds: 150 + 180 + 170 + 100, unknownDurationListens: 1 });
    expect(await analytics.totals(SHORT)).toMatchObject({ listens: 2, knownSeconds: 180, unknownDurationListens: 1 });
    expect(new SqliteDurations(db).counts()).toEqual({ tracksWithoutDuration: 1, listensWithoutDuration: 1 });
  });

  it('counts a duration filled after the rollup was built, without a new listen', async () => {
    await analytics.totals(ALL);
    const store = new SqliteDurations(db);
    const [b] = store.dueTracks('musicbrainz', T, 0, 10, { patience: 3, skipLastfm: true });
    expect(b).toMatchObject({ title: 'B', album: 'X' });
    store.saveTrackLookup(b!.id, 'musicbrainz', { seconds: 300 }, { status: 'success', error: null, nextRetryAt: null }, T);
    expect(await analytics.totals(ALL)).toMatchObject({ knownSeconds: 200 + 150 + 300 + 180 + 170 + 100, unknownDurationListens: 0 });
    expect(await analytics.totals(MOST)).toMatchObject({ knownSeconds: 150 + 300 + 180 + 170 + 100, unknownDurationListens: 0 });
    expect(await analytics.totals(SHORT)).toMatchObject({ knownSeconds: 300 + 180, unknownDurationListens: 0 });
    expect(store.counts()).toEqual({ tracksWithoutDuration: 0, listensWithoutDuration: 0 });
  });

  it('counts a listen\'s played seconds changed after the rollup was built', async () => {
    await analytics.totals(ALL);
    db.sqlite.prepare('UPDATE listening_history SET played_seconds = 120 WHERE timestamp = ?').run(T);
    expect(await analytics.totals(ALL)).toMatchObject({ knownSeconds: 120 + 150 + 180 + 170 + 100, unknownDurationListens: 1 });
  });
});
