import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMusicbrainz, type CoverArtImage, type FakeMusicbrainz } from '../fakes/musicbrainz/index.js';

interface ArtistCredit {
  name: string;
  artist: { id: string; name: string; disambiguation?: string };
}

interface ReleaseGroupHit {
  id: string;
  score: number;
  title: string;
  'primary-type': string;
  'secondary-types'?: string[];
  'first-release-date': string;
  'artist-credit': ArtistCredit[];
  releases: { id: string; title: string }[];
}

interface ReleaseHit {
  id: string;
  score: number;
  title: string;
  barcode: string;
  'release-group': { id: string };
  'label-info': { 'catalog-number': string }[];
}

const UA = 'AimeTest/0.1.0 ( https://example.invalid/aime )';
let fake: FakeMusicbrainz | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(...args: Parameters<typeof startFakeMusicbrainz>): Promise<FakeMusicbrainz> {
  fake = await startFakeMusicbrainz(...args);
  return fake;
}

function ws(f: FakeMusicbrainz, entity: string, query: string, headers: Record<string, string> = { 'User-Agent': UA }): Promise<Response> {
  return fetch(`${f.apiUrl}/${entity}?query=${encodeURIComponent(query)}&fmt=json`, { headers });
}

async function groupsFor(f: FakeMusicbrainz, query: string): Promise<ReleaseGroupHit[]> {
  const res = await ws(f, 'release-group', query);
  expect(res.status).toBe(200);
  return ((await res.json()) as { 'release-groups': ReleaseGroupHit[] })['release-groups'];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('fake MusicBrainz', () => {
  it('requires a meaningful User-Agent', async () => {
    const f = await start({ minIntervalMs: 0 });
    expect((await ws(f, 'release-group', 'Nevermind', {})).status).toBe(403);
    expect((await ws(f, 'release-group', 'Nevermind', { 'User-Agent': '' })).status).toBe(403);
    expect((await ws(f, 'release-group', 'Nevermind')).status).toBe(200);
  });

  it('searches release groups with Lucene fields and relative scores', async () => {
    const f = await start({ minIntervalMs: 0 });
    const hits = await groupsFor(f, 'releasegroup:"Nevermind" AND artist:"Nirvana"');
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.score)).toEqual([100, 100]);
    const grunge = hits.find((h) => h['secondary-types'] === undefined)!;
    expect(grunge).toMatchObject({ title: 'Nevermind', 'primary-type': 'Album', 'first-release-date': '1991-09-24' });
    expect(grunge['artist-credit'][0]!.artist.disambiguation).toBe('90s US grunge band');
    expect(grunge.releases.length).toBe(2);
    expect(grunge.id).toBe(f.findReleaseGroup('nirvana', 'NEVERMIND')!.id);

    const trap = await groupsFor(f, 'releasegroup:"Kind of Blue" artist:"Ella Park"');
    expect(trap[0]).toMatchObject({ title: 'Kind of Blue', score: 100 });
    expect(trap[0]!['artist-credit'][0]!.name).toBe('Miles Davis');
    expect(await groupsFor(f, 'releasegroup:"Kind of Blue" AND artist:"Ella Park"')).toEqual([]);

    const ranked = await groupsFor(f, 'releasegroup:Rumours artist:"Fleetwood Mac"');
    expect(ranked.map((h) => h.title)).toEqual(['Rumours', 'Rumours Live']);
    expect(ranked[1]!.score).toBeLessThan(100);
    expect((await groupsFor(f, 'artist:bjork AND releasegroup:homogenic'))[0]!['artist-credit'][0]!.name).toBe('Björk');
    expect(await groupsFor(f, 'releasegroup:Nevermind AND NOT secondarytype:compilation')).toHaveLength(1);
    expect(await groupsFor(f, 'releasegroup:Pulp\\ Fiction\\: AND secondarytype:soundtrack')).toHaveLength(1);
  });

  it('searches releases by title, barcode and catalogue number', async () => {
    const f = await start({ minIntervalMs: 0 });
    const byBarcode = ((await (await ws(f, 'release', 'barcode:720642442524')).json()) as { count: number; releases: ReleaseHit[] });
    expect(byBarcode.count).toBe(1);
    expect(byBarcode.releases[0]).toMatchObject({ title: 'Nevermind', barcode: '720642442524', score: 100 });
    expect(byBarcode.releases[0]!['release-group'].id).toBe(f.findReleaseGroup('Nirvana', 'Nevermind')!.id);
    const byCatno = ((await (await ws(f, 'release', 'catno:"BSK 3010"')).json()) as { releases: ReleaseHit[] });
    expect(byCatno.releases[0]!['label-info'][0]!['catalog-number']).toBe('BSK 3010');
    const byTitle = ((await (await ws(f, 'release', 'release:"OK Computer" AND artist:Radiohead')).json()) as { releases: ReleaseHit[] });
    expect(byTitle.releases).toHaveLength(2);
  });

  it('answers JSON only with fmt=json, XML otherwise, and looks up by MBID', async () => {
    const f = await start({ minIntervalMs: 0 });
    const xml = await fetch(`${f.apiUrl}/release-group?query=Nevermind`, { headers: { 'User-Agent': UA } });
    expect(xml.headers.get('content-type')).toContain('application/xml');
    const id = f.findReleaseGroup('Radiohead', 'OK Computer')!.id;
    const lookup = await fetch(`${f.apiUrl}/release-group/${id}?fmt=json`, { headers: { 'User-Agent': UA } });
    expect(await lookup.json()).toMatchObject({ id, title: 'OK Computer' });
    expect((await fetch(`${f.apiUrl}/release-group/not-an-mbid?fmt=json`, { headers: { 'User-Agent': UA } })).status).toBe(400);
    expect((await fetch(`${f.apiUrl}/release-group?fmt=json`, { headers: { 'User-Agent': UA } })).status).toBe(400);
  });

  it('answers 503 to a client going faster than 1 request per second', async () => {
    const f = await start();
    expect((await ws(f, 'release-group', 'Discovery')).status).toBe(200);
    const tooFast = await ws(f, 'release-group', 'Discovery');
    expect(tooFast.status).toBe(503);
    expect(await tooFast.json()).toMatchObject({ error: expect.stringContaining('exceeding the allowable rate limit') });

    f.minIntervalMs = 200;
    await sleep(210);
    expect((await ws(f, 'release-group', 'Discovery')).status).toBe(200);
    expect((await ws(f, 'release-group', 'Discovery')).status).toBe(503);
    await sleep(210);
    expect((await ws(f, 'release-group', 'Discovery')).status).toBe(200);
    expect(f.requests.entries.map((e) => e.status)).toEqual([200, 503, 200, 503, 200]);

    f.minIntervalMs = 0;
    const burst = await Promise.all(Array.from({ length: 5 }, () => ws(f, 'release-group', 'Discovery').then((r) => r.status)));
    expect(burst).toEqual([200, 200, 200, 200, 200]);
  });

  it('serves the Cover Art Archive for release groups and releases', async () => {
    const f = await start();
    const group = f.findReleaseGroup('Nirvana', 'Nevermind')!;
    const art = await fetch(`${f.coverartUrl}/release-group/${group.id}`);
    expect(art.status).toBe(200);
    const body = (await art.json()) as { images: CoverArtImage[]; release: string };
    expect(body.release).toContain(group.releases[0]!.id);
    const front = body.images.find((img) => img.front)!;
    expect(front).toMatchObject({ approved: true, types: ['Front'] });
    expect(Object.keys(front.thumbnails)).toEqual(expect.arrayContaining(['250', '500', '1200', 'small', 'large']));

    const redirect = await fetch(`${f.coverartUrl}/release-group/${group.id}/front`, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(front.image);
    const sized = await fetch(`${f.coverartUrl}/release-group/${group.id}/front-250`, { redirect: 'manual' });
    expect(sized.headers.get('location')).toBe(front.thumbnails['250']);
    const image = await fetch(`${f.coverartUrl}/release-group/${group.id}/front-500`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');

    expect((await fetch(`${f.coverartUrl}/release/${group.releases[1]!.id}/front`, { redirect: 'manual' })).status).toBe(404);
    const noArt = f.findReleaseGroup('DJ Sable', 'Quiet Tides')!;
    expect((await fetch(`${f.coverartUrl}/release-group/${noArt.id}/front`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${f.coverartUrl}/release-group/${noArt.id}`)).status).toBe(404);
    expect((await fetch(`${f.coverartUrl}/release-group/nope/front`)).status).toBe(400);
    f.setCoverArt(noArt.id, true);
    expect((await fetch(`${f.coverartUrl}/release-group/${noArt.id}/front`, { redirect: 'manual' })).status).toBe(307);
    expect(f.requests.count('/coverart/')).toBe(10);
  });

  it('uses a given catalogue and injects faults', async () => {
    const f = await start({ minIntervalMs: 0, albums: [{ artist: 'Mara Quist', title: 'Blue Horizons', date: '1989-04-02', coverArt: false }] });
    expect(f.releaseGroups).toHaveLength(1);
    const added = f.addAlbum({ artist: 'Mara Quist', title: 'Late Arrival', date: '2025' });
    expect((await groupsFor(f, 'artist:"Mara Quist"')).map((h) => h.id)).toEqual(expect.arrayContaining([added.id]));
    f.faults.failNext('503');
    expect((await ws(f, 'release-group', 'Blue')).status).toBe(503);
    f.faults.failNext('drop', { match: '/coverart/' });
    await expect(fetch(`${f.coverartUrl}/release-group/${added.id}`)).rejects.toThrow();
    expect((await fetch(`${f.coverartUrl}/release-group/${added.id}`)).status).toBe(200);
  });
});
