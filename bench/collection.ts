import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDiscogsCollection } from '../src/core/collection/import-discogs.js';
import { systemClock } from '../src/core/ports.js';
import { openDatabase, runMigrations } from '../src/db/data-source.js';
import { SqliteCollection } from '../src/db/repositories/collection.js';
import { SqliteSyncState } from '../src/db/repositories/sync-state.js';
import { DiscogsClient, DISCOGS_PAGE_SIZE } from '../src/integrations/discogs/client.js';
import { HttpClient } from '../src/integrations/http.js';
import { silentLogger } from '../src/log.js';
import { startFakeDiscogs } from '../test/fakes/discogs/index.js';
import { round, type Benchmark } from './types.js';

const COPIES = 2000;

/** A 2,000-copy Discogs collection from a stand-in without rate limit: < 5 s, one request per page plus the identity check. */
export const collectionBenchmark: Benchmark = {
  group: 'collection',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-collection-'));
    const fake = await startFakeDiscogs({ releases: COPIES, rateLimit: false });
    const db = await openDatabase({ path: join(dir, 'aime.db') });
    const http = new HttpClient({ userAgent: 'aime-bench/1.0 (+https://example.invalid)', log: silentLogger(), timeoutMs: 10_000, retries: 3, retryBaseMs: 50 });
    try {
      await runMigrations(db);
      const source = new DiscogsClient(http, { apiUrl: fake.url, token: fake.token, username: fake.username, rateWindowMs: 60_000 });
      const collection = new SqliteCollection(db);
      const started = process.hrtime.bigint();
      const summary = await importDiscogsCollection({ source, collection, syncState: new SqliteSyncState(db), clock: systemClock }, { username: fake.username });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const pages = Math.ceil(COPIES / DISCOGS_PAGE_SIZE);
      const requests = fake.requests.count();
      const stored = (db.sqlite.prepare('SELECT COUNT(*) AS n FROM collection_items').get() as { n: number }).n;
      return [
        { name: 'discogs-import-2000-ms', value: round(ms), unit: 'ms', target: '< 5000, every copy stored', ok: ms < 5000 && stored === COPIES, details: { stored, imported: summary.imported } },
        { name: 'discogs-import-2000-requests', value: requests, unit: 'requests', target: `= pages + 1 (${pages + 1})`, ok: requests === pages + 1, details: { pages, byPath: fake.requests.byPath() } },
      ];
    } finally {
      await http.close();
      await db.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
