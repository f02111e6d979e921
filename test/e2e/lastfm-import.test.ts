// `aime import lastfm` end to end: the real daemon, the real CLI, the local Last.fm stand-in.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/names.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { startFakeLastfm, type FakeLastfm, type Scrobble } from '../fakes/lastfm/index.js';

const bed = useTestHomes(afterEach);

async function setup(fakeOptions: Parameters<typeof startFakeLastfm>[0], config: Record<string, unknown> = {}) {
  const fake = await bed.fake(startFakeLastfm(fakeOptions));
  const home = bed.home({ lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url, ...config } });
  const daemon = await bed.daemon(home);
  return { fake, home, daemon };
}

function stored(home: string): string[] {
  const db = new Database(join(home, 'aime.db'), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT ar.name AS artist, t.title, al.title AS album, l.timestamp FROM listening_history l JOIN tracks t ON t.id = l.track_id
                JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id`)
      .all() as { artist: string; title: string; album: string | null; timestamp: number }[];
    return rows.map((r) => `${nameKey(r.artist)}|${nameKey(r.album ?? '')}|${nameKey(r.title)}|${r.timestamp}`).sort();
  } finally {
    db.close();
  }
}

function expected(fake: FakeLastfm): string[] {
  return fake.scrobbles().map((s: Scrobble) => `${nameKey(s.artist)}|${nameKey(s.album)}|${nameKey(s.title)}|${s.timestamp}`).sort();
}

function checkpointPage(home: string): number {
  const db = new Database(join(home, 'aime.db'), { readonly: true });
  try {
    const row = db.prepare(`SELECT value FROM sync_state WHERE key = 'lastfm.import'`).get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as { nextPage: number }).nextPage : 0;
  } finally {
    db.close();
  }
}

describe('aime import lastfm', () => {
  it('imports 20,000 scrobbles exactly through the daemon; a second run adds 0', async () => {
    const { fake, home } = await setup({ generate: { count: 20_000, seed: 21 } });
    const first = await runCli(home, ['import', 'lastfm', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ imported: 20_000, skipped: 0, failed: 0 });
    expect(typeof summary.durationMs).toBe('number');
    expect(stored(home)).toEqual(expected(fake));
    // Every page asked for 200 scrobbles under one fixed upper bound.
    const pages = fake.requests.filter((r) => r.method === 'user.getRecentTracks');
    expect(new Set(pages.map((r) => r.params.to)).size).toBe(1);
    expect(pages.every((r) => r.params.limit === '200')).toBe(true);
    expect(fake.requests.every((r) => r.userAgent?.startsWith('aime/'))).toBe(true);

    const second = await runCli(home, ['import', 'lastfm', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, skipped: 20_000, failed: 0 });
    const status = JSON.parse((await runCli(home, ['status', '--json'])).stdout);
    expect(status.db.listens).toBe(20_000);
  });

  it('resumes after kill -9 of the daemon mid-import and ends exact', async () => {
    const { fake, home, daemon } = await setup({ generate: { count: 12_000, seed: 4 }, latencyMs: 15 });
    const interrupted = runCli(home, ['import', 'lastfm', '--json']);
    await eventually(() => checkpointPage(home) >= 15, 20_000, 20);
    await daemon.kill();
    expect((await interrupted).code).toBe(1);
    const before = stored(home).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(12_000);

    await bed.daemon(home);
    fake.latencyMs = 0;
    const resumed = await runCli(home, ['import', 'lastfm', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.startPage).toBeGreaterThan(1);
    expect(summary.imported).toBe(12_000 - before);
    expect(stored(home)).toEqual(expected(fake));
  });

  it('survives 5% injected faults and still imports exactly', async () => {
    const { fake, home } = await setup({ generate: { count: 8_000, seed: 8 } });
    fake.faults.set({ probability: 0.05, kinds: ['http500', 'rateLimit', 'operationFailed', 'drop', 'garbage', 'temporaryError'], seed: 5 });
    const result = await runCli(home, ['import', 'lastfm', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(fake.faults.injected.length).toBeGreaterThan(0);
    expect(stored(home)).toEqual(expected(fake));
  });

  it.each([
    ['unknown user (6)', { user: 'someone-else' }, {}, 2, /error 6.*lastfm\.username/],
    ['private history (17)', { privateHistory: true }, {}, 1, /error 17/],
    ['invalid API key (10)', {}, { apiKey: 'wrong-key' }, 1, /error 10.*lastfm\.apiKey/],
  ] as const)('reports %s in one line with the right exit code', async (_name, fakeOptions, config, code, message) => {
    const fake = await bed.fake(startFakeLastfm({ scrobbles: [{ artist: 'Ana Costa', album: '', title: 'Rain', timestamp: 1_700_000_000 }], ...fakeOptions }));
    const home = bed.home({ lastfm: { apiKey: fake.apiKey, username: 'aime-test', apiUrl: fake.url, ...config } });
    await bed.daemon(home);
    const result = await runCli(home, ['import', 'lastfm']);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports a suspended key (26) and says so in --json', async () => {
    const { fake, home } = await setup({ scrobbles: [] });
    fake.faults.queue({ error: 26, status: 403 });
    const result = await runCli(home, ['import', 'lastfm', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({ kind: 'auth', exitCode: 1 });
    expect(result.stderr).toMatch(/error 26/);
  });

  it('refuses a bad --limit before asking the daemon', async () => {
    const result = await runCli(bed.home(), ['import', 'lastfm', '--limit', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--limit/);
  });
});
