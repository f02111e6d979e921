import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscogs, type DiscogsCollectionItem, type FakeDiscogs } from '../fakes/discogs/index.js';

interface CollectionPage {
  pagination: { page: number; pages: number; per_page: number; items: number; urls: { next?: string; last?: string; first?: string; prev?: string } };
  releases: DiscogsCollectionItem[];
}

const UA = 'AimeTest/0.1 +https://example.invalid/aime';
let fake: FakeDiscogs | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(...args: Parameters<typeof startFakeDiscogs>): Promise<FakeDiscogs> {
  fake = await startFakeDiscogs(...args);
  return fake;
}

function get(f: FakeDiscogs, path: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${f.url}${path}`, {
    headers: { 'User-Agent': UA, Authorization: `Discogs token=${f.token}`, ...headers },
    signal,
  });
}

function collectionPath(f: FakeDiscogs, query: string): string {
  return `/users/${f.username}/collection/folders/0/releases?${query}`;
}

async function readAll(f: FakeDiscogs): Promise<DiscogsCollectionItem[]> {
  const all: DiscogsCollectionItem[] = [];
  let next: string | undefined = `${f.url}${collectionPath(f, 'page=1&per_page=100&sort=added&sort_order=desc')}`;
  while (next !== undefined) {
    const res = await get(f, next.slice(f.url.length));
    const body = (await res.json()) as CollectionPage;
    all.push(...body.releases);
    next = body.pagination.urls.next;
  }
  return all;
}

describe('fake Discogs', () => {
  it('paginates the collection like Discogs', async () => {
    const f = await start({ releases: 120, rateLimit: false });
    const first = (await (await get(f, collectionPath(f, 'page=1&per_page=50&sort=added&sort_order=desc'))).json()) as CollectionPage;
    expect(first.pagination).toMatchObject({ page: 1, pages: 3, per_page: 50, items: 120 });
    expect(first.pagination.urls.next).toBe(`${f.url}${collectionPath(f, 'page=2&per_page=50&sort=added&sort_order=desc')}`);
    expect(first.pagination.urls.last).toContain('page=3');
    expect(first.releases).toHaveLength(50);
    const last = (await (await get(f, collectionPath(f, 'page=3&per_page=50'))).json()) as CollectionPage;
    expect(last.releases).toHaveLength(20);
    expect(last.pagination.urls.next).toBeUndefined();
    expect(last.pagination.urls.prev).toContain('page=2');
    const clamped = (await (await get(f, collectionPath(f, 'per_page=500'))).json()) as CollectionPage;
    expect(clamped.pagination.per_page).toBe(100);
    expect((await get(f, collectionPath(f, 'page=9&per_page=100'))).status).toBe(404);

    const item = first.releases[0]!;
    expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['id', 'instance_id', 'date_added', 'rating', 'folder_id', 'basic_information']));
    expect(item.date_added).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-07:00$/);
    expect(item.basic_information).toEqual(expect.objectContaining({
      id: item.id, title: expect.any(String), year: expect.any(Number), thumb: expect.any(String), cover_image: expect.any(String),
    }));
    expect(item.basic_information.formats[0]).toEqual(expect.objectContaining({ name: expect.any(String), qty: expect.any(String) }));
  });

  it('generates a varied, deterministic collection with one release owned twice', async () => {
    const f = await start({ releases: 120, rateLimit: false });
    const all = await readAll(f);
    expect(all).toHaveLength(120);
    const dates = all.map((it) => Date.parse(it.date_added));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(all.map((it) => it.instance_id)).size).toBe(120);
    expect(new Set(all.map((it) => it.id)).size).toBe(119);
    const info = all.map((it) => it.basic_information);
    expect(info.some((b) => b.genres.includes('Stage & Screen') && b.styles.includes('Soundtrack'))).toBe(true);
    const formats = new Set(info.flatMap((b) => b.formats.flatMap((fm) => [fm.name, ...fm.descriptions])));
    for (const name of ['Vinyl', 'LP', 'CD', 'Cassette', 'File']) expect(formats).toContain(name);
    expect(info.some((b) => b.artists.some((a) => / \(\d+\)$/.test(a.name)))).toBe(true);
    expect(info.some((b) => b.cover_image === '')).toBe(true);
    expect(info.some((b) => b.master_id === 0 && b.master_url === null)).toBe(true);

    const again = await startFakeDiscogs({ releases: 120, rateLimit: false });
    try {
      expect(again.collection.map((it) => it.basic_information.title)).toEqual(f.collection.map((it) => it.basic_information.title));
    } finally {
      await again.close();
    }
  });

  it('requires a token and a real User-Agent', async () => {
    const f = await start({ releases: 5 });
    const noToken = await fetch(`${f.url}/users/${f.username}`, { headers: { 'User-Agent': UA } });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({ message: 'You must authenticate to access this resource.' });
    expect((await get(f, `/users/${f.username}`, { Authorization: 'Discogs token=wrong' })).status).toBe(401);
    expect((await fetch(`${f.url}/users/${f.username}?token=${f.token}`, { headers: { 'User-Agent': UA } })).status).toBe(200);
    const emptyUa = await get(f, `/users/${f.username}`, { 'User-Agent': '' });
    expect(emptyUa.status).toBe(403);
    expect(await emptyUa.text()).toBe('');
    expect((await fetch(`${f.url}/users/${f.username}`, { headers: { Authorization: `Discogs token=${f.token}` } })).status).toBe(403);
  });

  it('serves release details, the user profile and the identity', async () => {
    const f = await start({ releases: 10, rateLimit: false });
    const id = f.collection[3]!.id;
    const detail = (await (await get(f, `/releases/${id}`)).json()) as { id: number; tracklist: unknown[]; community: { have: number } };
    expect(detail.id).toBe(id);
    expect(detail.tracklist.length).toBeGreaterThan(0);
    expect(detail.community.have).toBeGreaterThan(0);
    expect((await get(f, '/releases/1')).status).toBe(404);
    const profile = (await (await get(f, `/users/${f.username}`)).json()) as { username: string; num_collection: number };
    expect(profile).toMatchObject({ username: f.username, num_collection: 10 });
    expect((await get(f, '/users/someone-else')).status).toBe(404);
    expect(await (await get(f, '/oauth/identity')).json()).toMatchObject({ username: f.username });
  });

  it('sends rate-limit headers and enforces a moving window', async () => {
    const f = await start({ releases: 5, rateLimit: { limit: 5, windowMs: 1_000 } });
    const path = `/users/${f.username}`;
    for (let i = 1; i <= 5; i += 1) {
      const res = await get(f, path);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-discogs-ratelimit')).toBe('5');
      expect(res.headers.get('x-discogs-ratelimit-used')).toBe(String(i));
      expect(res.headers.get('x-discogs-ratelimit-remaining')).toBe(String(5 - i));
    }
    const limited = await get(f, path);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: 'You are making requests too quickly.' });
    expect(limited.headers.get('x-discogs-ratelimit-remaining')).toBe('0');
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const after = await get(f, path);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-discogs-ratelimit-used')).toBe('1');
  });

  it('can disable rate limiting for benchmarks', async () => {
    const f = await start({ releases: 5, rateLimit: false });
    const statuses = await Promise.all(Array.from({ length: 150 }, () => get(f, `/users/${f.username}`).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('adds releases later for incremental sync', async () => {
    const f = await start({ releases: 30, rateLimit: false });
    const newest = f.collection[0]!;
    const added = f.addRelease({ title: 'Late Arrival', artists: ['Mara Quist'], format: 'CD' });
    const copy = f.addRelease({ releaseId: f.collection[10]!.id });
    const page = (await (await get(f, collectionPath(f, 'per_page=3&sort=added&sort_order=desc'))).json()) as CollectionPage;
    expect(page.pagination.items).toBe(32);
    expect(page.releases.map((it) => it.instance_id)).toEqual([copy.instance_id, added.instance_id, newest.instance_id]);
    expect(Date.parse(added.date_added)).toBeGreaterThan(Date.parse(newest.date_added));
    expect(page.releases[1]!.basic_information.title).toBe('Late Arrival');
    expect(f.removeInstance(added.instance_id)).toBe(true);
    expect(f.collection).toHaveLength(31);
  });

  it('injects queued and random faults', async () => {
    const f = await start({ releases: 5, rateLimit: false });
    const path = `/users/${f.username}`;
    f.faults.failNext('429');
    f.faults.failNext('500', { times: 2 });
    expect((await get(f, path)).status).toBe(429);
    expect((await get(f, path)).status).toBe(500);
    expect((await get(f, path)).status).toBe(500);
    expect((await get(f, path)).status).toBe(200);

    f.faults.failNext('drop');
    await expect(get(f, path)).rejects.toThrow();
    f.faults.failNext('stall');
    await expect(get(f, path, {}, AbortSignal.timeout(200))).rejects.toThrow();
    f.faults.failNext('garbage');
    await expect((await get(f, path)).json()).rejects.toThrow();

    f.faults.failNext('500', { match: /[?&]page=2(&|$)/ });
    expect((await get(f, collectionPath(f, 'page=1&per_page=2'))).status).toBe(200);
    expect((await get(f, collectionPath(f, 'page=2&per_page=2'))).status).toBe(500);

    f.faults.setRandom({ '500': 0.5 }, 7);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await get(f, path)).status);
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(8);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(8);
    f.faults.clear();
    expect((await get(f, path)).status).toBe(200);
  });

  it('counts requests by path', async () => {
    const f = await start({ releases: 250, rateLimit: false });
    await readAll(f);
    const releasesPath = `/users/${f.username}/collection/folders/0/releases`;
    expect(f.requests.byPath()[releasesPath]).toBe(3);
    f.requests.reset();
    await get(f, collectionPath(f, 'page=1&per_page=100&sort=added&sort_order=desc'));
    expect(f.requests.count()).toBe(1);
    expect(f.requests.count('page=1')).toBe(1);
    expect(f.requests.entries[0]).toMatchObject({ path: releasesPath, status: 200, userAgent: UA });
  });
});
