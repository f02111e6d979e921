// The background tracklist step, core + real SQLite + the local Discogs stand-in: every owned
// release once (copies added by hand with a Discogs id too), newest first; a release Discogs
// does not know and one that keeps failing each wait for their retry time, kept as rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importDiscogsCollection } from '../../src/core/collection/import-discogs.js';
import { fetchNextTracklist, tracklistOf, type FetchOutcome, type TracklistDeps } from '../../src/core/spins/tracklists.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteCollection } from '../../src/db/repositories/collection.js';
import { SqliteSyncState } from '../../src/db/repositories/sync-state.js';
import { SqliteTracklists } from '../../src/db/repositories/tracklists.js';
import { DiscogsClient } from '../../src/integrations/discogs/client.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { startFakeDiscogs, track, type FakeDiscogs } from '../fakes/discogs/index.js';

let dir: string;
let db: Database;
let http: HttpClient;
let fake: FakeDiscogs;
let nowMs = Date.UTC(2026, 2, 1, 12);
const clock = { now: () => nowMs };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-tracklists-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  http = new HttpClient({ userAgent: 'aime-test/1.0 (+https://example.invalid)', log: silentLogger(), timeoutMs: 3000, retries: 2, retryBaseMs: 5 });
  fake = await startFakeDiscogs({ releases: 6, rateLimit: false });
});

afterEach(async () => {
  await http.close();
  await fake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function drain(deps: TracklistDeps): Promise<FetchOutcome[]> {
  const outcomes: FetchOutcome[] = [];
  for (let outcome = await fetchNextTracklist(deps); outcome.kind !== 'idle'; outcome = await fetchNextTracklist(deps)) outcomes.push(outcome);
  return outcomes;
}

it('fetches each owned release once, newest first, then waits out the retry times of those that failed', async () => {
  const source = new DiscogsClient(http, { apiUrl: fake.url, token: fake.token, rateWindowMs: 60_000 });
  const collection = new SqliteCollection(db);
  await importDiscogsCollection({ source, collection, syncState: new SqliteSyncState(db), clock });
  // A copy typed in by hand with a Discogs id, of an album known before (a CD typed in without one): its tracklist is wanted too.
  const extra = fake.addRelease({ title: 'Typed In', artists: ['Henrik Sol'] });
  fake.setTracklist(extra.id, [track('A1', 'By Hand', '3:00')]);
  await collection.add({ title: 'Typed In', artist: 'Henrik Sol', support: 'cd' });
  await collection.add({ title: 'Typed In', artist: 'Henrik Sol', support: 'vinyl', discogsId: extra.id });
  const releases = [...new Set(fake.collection.map((item) => item.id))];
  expect(releases).toHaveLength(6);

  const gone = fake.collection[3]!;
  fake.removeInstance(gone.instance_id);
  const broken = fake.collection[4]!.id;
  fake.faults.failNext('500', { match: `/releases/${broken}`, times: 1000 });

  const store = new SqliteTracklists(db);
  const deps: TracklistDeps = { store, source: () => source, clock };
  const outcomes = await drain(deps);
  expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['failed', 'fetched', 'fetched', 'fetched', 'fetched', 'not-found']);
  // The newest copy first (the one typed in was added last).
  expect(outcomes[0]).toMatchObject({ kind: 'fetched', releaseId: extra.id, tracks: 1 });
  expect(outcomes.find((outcome) => outcome.kind === 'not-found')).toMatchObject({ releaseId: gone.id });
  expect(outcomes.find((outcome) => outcome.kind === 'failed')).toMatchObject({ releaseId: broken });
  for (const id of releases) expect(fake.requests.count(`/releases/${id}`)).toBe(id === broken ? 3 : 1);
  expect(store.progress(nowMs / 1000)).toEqual({ fetched: 4, due: 0, waiting: 2 });
  expect(store.tracks(extra.id)).toEqual([{ number: 1, position: 'A1', side: 'A', title: 'By Hand', artist: null, durationSeconds: 180 }]);
  expect(store.tracks(broken)).toBeUndefined();

  // Nothing is asked again before its time: 15 minutes for a failure, doubling; a month for "not found".
  nowMs += 14 * 60_000;
  expect(await fetchNextTracklist(deps)).toEqual({ kind: 'idle' });
  nowMs += 60_000;
  expect(await drain(deps)).toMatchObject([{ kind: 'failed', releaseId: broken }]);
  nowMs += 29 * 60_000;
  expect(await fetchNextTracklist(deps)).toEqual({ kind: 'idle' });
  fake.faults.clear();
  nowMs += 60_000;
  expect(await drain(deps)).toMatchObject([{ kind: 'fetched', releaseId: broken }]);
  expect(store.progress(nowMs / 1000)).toEqual({ fetched: 5, due: 0, waiting: 1 });
  nowMs += 31 * 86_400_000;
  expect(await drain(deps)).toMatchObject([{ kind: 'not-found', releaseId: gone.id }]);
  expect(fake.requests.count(`/releases/${gone.id}`)).toBe(2);

  // On demand (a spin), a release not stored is asked for at once, whatever its retry time says.
  await expect(tracklistOf(deps, gone.id)).rejects.toThrow(`Discogs has no release ${gone.id}`);
  expect(fake.requests.count(`/releases/${gone.id}`)).toBe(3);
  // And nothing is asked when Discogs is not configured.
  expect(await fetchNextTracklist({ ...deps, source: () => undefined })).toEqual({ kind: 'idle' });
});
