// The analytics rollups (quarters, tracks, artist transitions) after `history rm|edit` on a
// generated history: recounted where each correction touched, they equal a rebuild from
// scratch, and nothing was rebuilt to get there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateListeningDatabase } from '../../bench/generate-listens.js';
import { editListen, removeListens } from '../../src/core/corrections/history.js';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import { seededRandom } from '../../src/core/random.js';
import { openDatabase, type Database } from '../../src/db/data-source.js';
import { foldRollups } from '../../src/db/repositories/analytics-rollups.js';
import { foldTransitions } from '../../src/db/repositories/analytics-transitions.js';
import { SqliteListenCorrections } from '../../src/db/repositories/listen-corrections.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';

const END = 1_780_000_000;
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-rollups-'));
  await generateListeningDatabase({ path: join(dir, 'aime.db'), listens: 20_000, seed: 11, endAt: END });
  db = await openDatabase({ path: join(dir, 'aime.db') });
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function fold(): void {
  foldRollups(db.sqlite);
  foldTransitions(db.sqlite);
}

function rollups(): Record<string, unknown[]> {
  return {
    slots: db.sqlite.prepare('SELECT * FROM listen_slots ORDER BY slot').all(),
    tracks: db.sqlite.prepare('SELECT * FROM track_plays ORDER BY track_id').all(),
    transitions: db.sqlite.prepare('SELECT * FROM artist_transitions ORDER BY slot, first_artist_id, second_artist_id').all(),
  };
}

const marks = () => db.sqlite.prepare('SELECT folded_listen_id AS listens, folded_transition_id AS transitions FROM analytics_rollup_state').get() as { listens: number; transitions: number };

describe('rollups after corrections', () => {
  it('equal a rebuild from scratch after deletes, moves, re-artisting and new plays, without a rebuild', async () => {
    // A third of the listens carry their own played seconds (as Roon and Spotify plays do): the
    // per-track seconds that hours count must follow corrections too.
    db.sqlite.exec('UPDATE listening_history SET played_seconds = 60 + id % 240 WHERE id % 3 = 0');
    fold();
    expect(db.sqlite.prepare('SELECT sum(played_seconds) FROM track_plays').pluck().get()).toBeGreaterThan(0);
    const random = seededRandom(5);
    const corrections = new SqliteListenCorrections(db);
    const ids = db.sqlite.prepare('SELECT id FROM listening_history ORDER BY id').pluck().all() as number[];
    const pick = () => ids.splice(Math.floor(random() * ids.length), 1)[0]!;
    const zone = { timeZone: 'Europe/Paris', now: END };
    // Deleted alone and in one go, including the newest listen (the fold's mark is then above every id).
    removeListens(corrections, [ids.pop()!], zone.timeZone);
    removeListens(corrections, Array.from({ length: 40 }, pick), zone.timeZone);
    const albumEvents = { albumsCreated: () => undefined };
    for (let i = 0; i < 30; i++) {
      const id = pick();
      const at = db.sqlite.prepare('SELECT timestamp FROM listening_history WHERE id = ?').pluck().get(id) as number;
      // Moved by minutes to days, across quarters and sessions; renamed to another artist or title.
      const change = i % 3 === 0 ? { time: String(at + Math.floor(random() * 3 * 86_400) - 86_400) } : i % 3 === 1 ? { artist: `Corrected Artist ${i % 4}` } : { title: `Corrected Title ${i}`, time: String(at + 60) };
      editListen({ corrections, albumEvents }, id, change, zone);
    }
    const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents, radioStations: () => [] });
    await ingest.record([
      { artist: 'Newcomer', title: 'First', timestamp: END - 5 * 86_400, source: 'roon' },
      { artist: 'Newcomer', title: 'Second', timestamp: END - 5 * 86_400 + 200, source: 'roon' },
    ]);
    const before = marks();
    expect(before.listens).toBeGreaterThan(0);
    expect(before.transitions).toBeGreaterThan(0);
    fold();
    const followed = rollups();
    expect(db.sqlite.prepare('SELECT count(*) FROM analytics_dirty_slots').pluck().get()).toBe(0);
    expect(marks().listens).toBeGreaterThanOrEqual(before.listens);

    db.sqlite.exec('UPDATE analytics_rollup_state SET folded_listen_id = 0, folded_transition_id = 0');
    fold();
    const rebuilt = rollups();
    expect(followed.slots).toEqual(rebuilt.slots);
    expect(followed.tracks).toEqual(rebuilt.tracks);
    expect(followed.transitions).toEqual(rebuilt.transitions);
    expect((rebuilt.tracks as { listens: number }[]).reduce((sum, row) => sum + row.listens, 0)).toBe(20_000 - 41 + 2);
  });
});
