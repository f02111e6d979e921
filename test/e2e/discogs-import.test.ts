import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscogs, type FakeDiscogs } from '../fakes/discogs/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);
const fakes: FakeDiscogs[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function fakeDiscogs(options: Parameters<typeof startFakeDiscogs>[0]): Promise<FakeDiscogs> {
  const fake = await startFakeDiscogs(options);
  fakes.push(fake);
  return fake;
}

/** A home whose Discogs is the fake (testEnv keeps MusicBrainz on a closed local port). */
function discogsHome(fake: FakeDiscogs, rateWindowMs = 60_000): string {
  return home({ discogs: { token: fake.token, username: fake.username, apiUrl: fake.url, rateWindowMs } });
}

async function importDiscogs(dir: string, ...args: string[]) {
  const result = await runCli(dir, ['import', 'discogs', '--json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { imported: number; skipped: number; failed: number; durationMs: number; resumed: boolean; removed: number };
}

async function copies(dir: string): Promise<number> {
  const status = await runCli(dir, ['db', 'status', '--json']);
  return (JSON.parse(status.stdout) as { counts: Record<string, number> }).counts.collection_items ?? -1;
}

describe('aime import discogs', () => {
  it('imports a 250-copy collection exactly, keeps the facts, and a second run adds nothing in at most 3 requests', async () => {
    const fake = await fakeDiscogs({ releases: 250 });
    const dir = discogsHome(fake);
    await daemon(dir);

    const first = await importDiscogs(dir);
    expect(first).toMatchObject({ imported: 250, skipped: 0, failed: 0 });
    expect(await copies(dir)).toBe(250);
    expect(fake.requests.count('/collection/folders/0/releases')).toBe(3);

    // The import's own requests: the daemon fetches tracklists (/releases/{id}) in the background meanwhile.
    const importRequests = () => fake.requests.count() - fake.requests.count(/^\/releases\/\d+\?/);
    const before = importRequests();
    const second = await importDiscogs(dir);
    expect(second).toMatchObject({ imported: 0, failed: 0 });
    expect(importRequests() - before).toBeLessThanOrEqual(3);
    expect(await copies(dir)).toBe(250);

    // New copies (a new release, and another copy of an owned one) are found on the first page.
    fake.addRelease({ title: 'Fresh Pressing', artists: ['Glass Pilot'], format: 'CD' });
    fake.addRelease({ releaseId: fake.collection[40]!.id });
    const third = await importDiscogs(dir);
    expect(third).toMatchObject({ imported: 2, failed: 0 });
    expect(await copies(dir)).toBe(252);

    // The release owned twice is one album with two copies.
    const twice = fake.collection.find((item, index, all) => all.findIndex((other) => other.id === item.id) !== index)!;
    const found = await runCli(dir, ['collection', 'search', twice.basic_information.title, '--json']);
    const album = (JSON.parse(found.stdout) as { items: { id: number; copies: number; discogsId: number }[] }).items.find((item) => item.discogsId === twice.id)!;
    expect(album.copies).toBe(2);
    const shown = JSON.parse((await runCli(dir, ['collection', 'show', String(album.id), '--json'])).stdout) as {
      ownedCopies: { instanceId: number; formats: unknown[] }[]; genres: string[]; labels: string[];
    };
    expect(shown.ownedCopies.map((copy) => copy.instanceId).sort()).toEqual(fake.collection.filter((item) => item.id === twice.id).map((item) => item.instance_id).sort());
    expect(shown.genres).toEqual(twice.basic_information.genres);

    // " (2)" suffixes are not shown; soundtracks are marked; supports are normalised.
    const all = JSON.parse((await runCli(dir, ['collection', 'list', '--page-size', '500', '--json'])).stdout) as {
      items: { artists: string[]; support: string; isSoundtrack: boolean; title: string }[]; total: number; page: number; pageSize: number;
    };
    expect(all.total).toBe(250);
    expect(all.items.flatMap((item) => item.artists).some((name) => / \(\d+\)$/.test(name))).toBe(false);
    expect(all.items.some((item) => item.artists.includes('Nina Ko'))).toBe(true);
    expect(new Set(all.items.map((item) => item.support))).toEqual(new Set(['vinyl', 'cd', 'cassette', 'digital']));
    const soundtracks = JSON.parse((await runCli(dir, ['collection', 'list', '--soundtrack', '--page-size', '500', '--json'])).stdout) as { items: { title: string }[] };
    const expected = new Set(fake.collection.filter((item) => item.basic_information.genres.includes('Stage & Screen')).map((item) => item.basic_information.title));
    expect(new Set(soundtracks.items.map((item) => item.title))).toEqual(expected);
  });

  it('resumes after kill -9 in the middle of an import and ends with exactly the source copies', async () => {
    const fake = await fakeDiscogs({ releases: 450 });
    fake.faults.failNext('stall', { match: 'page=3' });
    const dir = discogsHome(fake);
    const first = await daemon(dir);
    const interrupted = runCli(dir, ['import', 'discogs', '--json']);
    await eventually(() => fake.requests.count('page=3') > 0);
    await first.kill();
    expect((await interrupted).code).not.toBe(0);
    expect(await copies(dir).catch(() => 0)).toBe(0);

    await daemon(dir);
    const stored = await copies(dir);
    expect(stored).toBe(200);
    const resumed = await importDiscogs(dir);
    // The summary is the whole import's: the 200 copies stored before the crash count too.
    expect(resumed).toMatchObject({ resumed: true, imported: 450, skipped: 0, failed: 0 });
    expect(await copies(dir)).toBe(450);
    expect(fake.requests.count(/[?&]page=1$/)).toBe(1);
    expect(fake.requests.count(/[?&]page=3$/)).toBe(2);
  });

  it('paces itself under a 5-per-second window without a single 429, and recovers from a forced one', async () => {
    const fake = await fakeDiscogs({ releases: 1000, rateLimit: { limit: 5, windowMs: 1000 } });
    const dir = discogsHome(fake, 1000);
    await daemon(dir);
    const first = await importDiscogs(dir);
    expect(first).toMatchObject({ imported: 1000, failed: 0 });
    expect(fake.requests.entries.filter((entry) => entry.status === 429)).toHaveLength(0);

    fake.faults.failNext('429', { match: 'page=4' });
    const again = await importDiscogs(dir, '--full');
    expect(again).toMatchObject({ imported: 0, skipped: 1000, failed: 0, removed: 0 });
    expect(fake.requests.entries.filter((entry) => entry.status === 429)).toHaveLength(1);
    expect(fake.requests.count('page=4')).toBe(3);
    expect(await copies(dir)).toBe(1000);
  });
});
