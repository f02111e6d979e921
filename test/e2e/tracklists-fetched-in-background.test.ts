// The daemon's `tracklists` service end to end: every owned release's tracklist fetched in the
// background, paced by the fake Discogs' X-Discogs-Ratelimit-* headers, recovering from a 429,
// and going on where it stopped after kill -9.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscogs, type FakeDiscogs } from '../fakes/discogs/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);

interface Progress {
  fetched: number;
  due: number;
  waiting: number;
}

async function progress(dir: string): Promise<Progress | undefined> {
  const status = await runCli(dir, ['status', '--json']);
  if (status.code !== 0) return undefined;
  return (JSON.parse(status.stdout) as { services: { tracklists?: { details?: Progress } } }).services.tracklists?.details;
}

function discogsHome(fake: FakeDiscogs, windowMs: number): string {
  return bed.home({ discogs: { token: fake.token, username: fake.username, apiUrl: fake.url, rateWindowMs: windowMs } });
}

const releasePaths = (fake: FakeDiscogs) => fake.requests.entries.filter((entry) => /^\/releases\/\d+$/.test(entry.path));
const distinctReleases = (fake: FakeDiscogs) => new Set(fake.collection.map((item) => item.id)).size;

describe('tracklists in the background', () => {
  it('fetches every owned release once, paced under a 5-per-second window without a 429, and recovers from a forced one', async () => {
    const fake = await bed.fake(startFakeDiscogs({ releases: 30, rateLimit: { limit: 5, windowMs: 1000 } }));
    const dir = discogsHome(fake, 1000);
    await bed.daemon(dir);
    expect((await runCli(dir, ['import', 'discogs', '--json'])).code).toBe(0);
    const releases = distinctReleases(fake);
    await eventually(async () => (await progress(dir))?.fetched === releases, 60_000, 250);
    expect(await progress(dir)).toEqual(expect.objectContaining({ fetched: releases, due: 0, waiting: 0 }));
    expect(fake.requests.entries.filter((entry) => entry.status === 429)).toHaveLength(0);
    expect(releasePaths(fake)).toHaveLength(releases);

    // A new copy, met by a 429 the first time it is asked for: waited out and asked again.
    const fresh = fake.addRelease({ title: 'Late Arrival', artists: ['Glass Pilot'], format: 'CD' });
    fake.faults.failNext('429', { match: `/releases/${fresh.id}` });
    expect((await runCli(dir, ['import', 'discogs', '--json'])).code).toBe(0);
    await eventually(async () => (await progress(dir))?.fetched === releases + 1, 30_000, 250);
    expect(fake.requests.count(`/releases/${fresh.id}`)).toBe(2);
    expect(fake.requests.entries.filter((entry) => entry.status === 429)).toHaveLength(1);
    // The stored tracklist serves a spin without asking again.
    const album = (JSON.parse((await runCli(dir, ['collection', 'search', 'Late Arrival', '--json'])).stdout) as { items: { id: number }[] }).items[0]!;
    const spin = await runCli(dir, ['spin', String(album.id), '--tracks', '1', '--ended', String(Math.floor(Date.now() / 1000) - 3600), '--json']);
    expect(spin.code).toBe(0);
    expect(fake.requests.count(`/releases/${fresh.id}`)).toBe(2);
  });

  it('goes on where it stopped after kill -9, asking again at most for the release in flight', async () => {
    const fake = await bed.fake(startFakeDiscogs({ releases: 40, rateLimit: { limit: 5, windowMs: 1000 } }));
    const dir = discogsHome(fake, 1000);
    const first = await bed.daemon(dir);
    expect((await runCli(dir, ['import', 'discogs', '--json'])).code).toBe(0);
    await eventually(() => releasePaths(fake).length >= 8, 30_000);
    await first.kill();
    const beforeRestart = releasePaths(fake).length;
    expect(beforeRestart).toBeLessThan(distinctReleases(fake));

    await bed.daemon(dir);
    const releases = distinctReleases(fake);
    await eventually(async () => (await progress(dir))?.fetched === releases, 60_000, 250);
    const perRelease = new Map<string, number>();
    for (const entry of releasePaths(fake)) perRelease.set(entry.path, (perRelease.get(entry.path) ?? 0) + 1);
    expect(perRelease.size).toBe(releases);
    expect([...perRelease.values()].reduce((extra, count) => extra + count - 1, 0)).toBeLessThanOrEqual(1);
    expect(fake.requests.entries.filter((entry) => entry.status === 429)).toHaveLength(0);
  });
});
