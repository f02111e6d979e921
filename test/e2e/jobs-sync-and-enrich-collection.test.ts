// The collection's nightly jobs through `aime jobs run`: the Discogs sync imports new
// copies and the enrich job asks the catalogues about the albums whose enrichment is due,
// each leaving a job_runs row with what it did; without a Discogs token the sync fails
// saying so, and is recorded as an error.
import { afterEach, expect, it } from 'vitest';
import type { JobRunDto } from '../../src/rpc/methods/jobs.js';
import { startFakeDiscogs, type FakeDiscogs } from '../fakes/discogs/index.js';
import { startFakeMusicbrainz, type FakeMusicbrainz } from '../fakes/musicbrainz/index.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);
let discogs: FakeDiscogs | undefined;
let musicbrainz: FakeMusicbrainz | undefined;
afterEach(async () => {
  await discogs?.close();
  await musicbrainz?.close();
});

async function runJob(dir: string, job: string, env: Record<string, string>): Promise<{ code: number; run: JobRunDto }> {
  const result = await runCli(dir, ['--json', 'jobs', 'run', job], { env });
  return { code: result.code, run: JSON.parse(result.stdout) as JobRunDto };
}

it('discogs-sync imports the new copies and enrich works through the due albums', async () => {
  discogs = await startFakeDiscogs({ releases: 3 });
  musicbrainz = await startFakeMusicbrainz();
  const env = { AIME_MUSICBRAINZ_API_URL: musicbrainz.apiUrl, AIME_COVERART_API_URL: musicbrainz.coverartUrl };
  const dir = home({ discogs: { token: discogs.token, username: discogs.username, apiUrl: discogs.url }, http: { retries: 1 } });
  await daemon(dir, env);

  const sync = await runJob(dir, 'discogs-sync', env);
  expect(sync.code).toBe(0);
  expect(sync.run).toMatchObject({ job: 'discogs-sync', status: 'ok', outputFile: null, error: null });
  expect(sync.run.details).toMatchObject({ imported: 3, failed: 0 });
  const again = await runJob(dir, 'discogs-sync', env);
  expect(again.run.details).toMatchObject({ imported: 0 });

  // Three copies (one release may be owned twice): every album they name is due once.
  const { counts } = JSON.parse((await runCli(dir, ['--json', 'db', 'status'], { env })).stdout) as { counts: Record<string, number> };
  expect(counts.collection_items).toBe(3);
  const enrich = await runJob(dir, 'enrich', env);
  expect(enrich.code).toBe(0);
  expect(enrich.run).toMatchObject({ job: 'enrich', status: 'ok' });
  expect(enrich.run.details).toMatchObject({ due: counts.albums, enriched: counts.albums });
  const rested = await runJob(dir, 'enrich', env);
  expect(rested.run.details).toMatchObject({ due: 0, enriched: 0 });
  expect(musicbrainz.requests.count('/ws/2/')).toBeGreaterThan(0);

  const history = JSON.parse((await runCli(dir, ['--json', 'jobs', 'history'], { env })).stdout) as { runs: JobRunDto[] };
  expect(history.runs.map((run) => [run.job, run.status])).toEqual([['enrich', 'ok'], ['enrich', 'ok'], ['discogs-sync', 'ok'], ['discogs-sync', 'ok']]);
}, 60_000);

it('discogs-sync without a token is recorded as an error that says what is missing', async () => {
  const dir = home();
  await daemon(dir);
  const { code, run } = await runJob(dir, 'discogs-sync', {});
  expect(code).toBe(1);
  expect(run).toMatchObject({ status: 'error', outputFile: null });
  expect(run.error).toMatch(/discogs\.token/);
});
