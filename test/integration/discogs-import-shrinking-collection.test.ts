// The Discogs import, core + real SQLite + the local Discogs stand-in, when the collection
// changes under an interrupted import: resuming past the new end finishes, and a full
// import drops the copies that are gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importDiscogsCollection, DISCOGS_CHECKPOINT_KEY } from '../../src/core/collection/import-discogs.js';
import { systemClock } from '../../src/core/ports.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteCollection } from '../../src/db/repositories/collection.js';
import { SqliteSyncState } from '../../src/db/repositories/sync-state.js';
import { DiscogsClient } from '../../src/integrations/discogs/client.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { startFakeDiscogs, type FakeDiscogs } from '../fakes/discogs/index.js';

let dir: string;
let db: Database;
let http: HttpClient;
let fake: FakeDiscogs;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-discogs-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  http = new HttpClient({ userAgent: 'aime-test/1.0 (+https://example.invalid)', log: silentLogger(), timeoutMs: 3000, retries: 2, retryBaseMs: 5 });
  fake = await startFakeDiscogs({ releases: 250 });
});

afterEach(async () => {
  await http.close();
  await fake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => (db.sqlite.prepare('SELECT COUNT(*) AS n FROM collection_items').get() as { n: number }).n;

it('finishes a resumed import past the end of a shrunken collection, and a full import drops the copies that are gone', async () => {
  const source = new DiscogsClient(http, { apiUrl: fake.url, token: fake.token, rateWindowMs: 60_000 });
  const deps = { source, collection: new SqliteCollection(db), syncState: new SqliteSyncState(db), clock: systemClock };
  const interrupted = new AbortController();
  fake.faults.failNext('stall', { match: /page=3$/ });
  const first = importDiscogsCollection(deps, { signal: interrupted.signal });
  while (fake.requests.count(/page=3$/) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  interrupted.abort();
  await expect(first).rejects.toThrow();
  expect(stored()).toBe(200);
  expect(await deps.syncState.get(DISCOGS_CHECKPOINT_KEY)).toMatchObject({ nextPage: 3 });

  for (const item of fake.collection.slice(0, 60)) fake.removeInstance(item.instance_id);
  const resumed = await importDiscogsCollection(deps);
  expect(resumed).toMatchObject({ resumed: true, imported: 200, failed: 0 });
  expect(await deps.syncState.get(DISCOGS_CHECKPOINT_KEY)).toBeUndefined();

  // The removals shifted the older copies onto pages already read: the full import finds
  // those 50 and drops the 60 removed ones.
  const full = await importDiscogsCollection(deps, { full: true });
  expect(full).toMatchObject({ imported: 50, skipped: 140, removed: 60, resumed: false });
  expect(stored()).toBe(190);
  const instances = (db.sqlite.prepare('SELECT discogs_instance_id AS id FROM collection_items').all() as { id: number }[]).map((row) => row.id).sort();
  expect(instances).toEqual(fake.collection.map((item) => item.instance_id).sort());
});
