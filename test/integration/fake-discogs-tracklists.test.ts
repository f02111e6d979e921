// The fake Discogs' release tracklists look like real ones across a generated collection, and
// read through the real client and mapper: the shapes every spin test relies on are there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscogsClient } from '../../src/integrations/discogs/client.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import type { TracklistTrack } from '../../src/core/spins/model.js';
import { startFakeDiscogs, track, type DiscogsTrack, type FakeDiscogs } from '../fakes/discogs/index.js';

let fake: FakeDiscogs;
let http: HttpClient;
const raw = new Map<number, { format: string; descriptions: string[]; entries: DiscogsTrack[]; tracks: TracklistTrack[] }>();

beforeAll(async () => {
  fake = await startFakeDiscogs({ releases: 120, rateLimit: false });
  http = new HttpClient({ userAgent: 'aime-test/1.0 (+https://example.invalid)', log: silentLogger(), timeoutMs: 3000, retries: 0, retryBaseMs: 5 });
  const client = new DiscogsClient(http, { apiUrl: fake.url, token: fake.token, rateWindowMs: 60_000 });
  for (const item of fake.collection) {
    if (raw.has(item.id)) continue;
    const format = item.basic_information.formats[0]!;
    raw.set(item.id, { format: format.name, descriptions: format.descriptions, entries: fake.tracklistOf(item.id), tracks: await client.releaseTracklist(item.id) });
  }
});

afterAll(async () => {
  await http.close();
  await fake.close();
});

const releases = () => [...raw.values()];

it('gives vinyl sides (A/B, C/D on double LPs, "A" and "B" on singles), numbered CDs and cassette sides', () => {
  const vinyl = releases().filter((r) => r.format === 'Vinyl');
  expect(vinyl.every((r) => r.tracks.every((t) => t.side !== null))).toBe(true);
  expect(vinyl.some((r) => r.tracks.some((t) => t.side === 'D'))).toBe(true);
  expect(vinyl.some((r) => r.descriptions.includes('7"') && r.tracks.map((t) => t.position).join() === 'A,B')).toBe(true);
  const cds = releases().filter((r) => r.format === 'CD');
  expect(cds.length).toBeGreaterThan(5);
  for (const cd of cds) expect(cd.tracks.map((t) => t.position)).toEqual(cd.tracks.map((_, k) => String(k + 1)));
  expect(releases().filter((r) => r.format === 'Cassette').every((r) => r.tracks.map((t) => t.side).join('') === 'AAAABBBB')).toBe(true);
});

it('has headings, suites in parts, works in movements, missing durations and compilations with per-track artists', () => {
  const all = releases();
  expect(all.some((r) => r.entries.some((e) => e.type_ === 'heading'))).toBe(true);
  const suites = all.filter((r) => r.format === 'Vinyl' && r.entries.some((e) => e.type_ === 'index'));
  expect(suites.length).toBeGreaterThan(0);
  // A suite's parts (B2a, B2b, B2c) are one track on the record.
  for (const suite of suites) expect(suite.tracks.filter((t) => t.title.startsWith('Suite For The'))).toHaveLength(1);
  const works = all.filter((r) => r.format === 'CD' && r.entries.some((e) => e.type_ === 'index'));
  expect(works.length).toBeGreaterThan(0);
  for (const work of works) expect(work.tracks.filter((t) => /^(I|II|III)\. /.test(t.title))).toHaveLength(3);
  expect(all.some((r) => r.tracks.every((t) => t.durationSeconds === null))).toBe(true);
  expect(all.some((r) => r.tracks.some((t) => t.durationSeconds === null) && r.tracks.some((t) => t.durationSeconds !== null))).toBe(true);
  const compilations = all.filter((r) => r.tracks.some((t) => t.artist !== null));
  expect(compilations.length).toBeGreaterThan(0);
  expect(new Set(compilations.flatMap((r) => r.tracks.map((t) => t.artist))).size).toBeGreaterThan(2);
});

it('serves a tracklist a test sets, in place of the generated one', async () => {
  const id = fake.collection[0]!.id;
  fake.setTracklist(id, [track('A1', 'Only Track', '1:23')]);
  const client = new DiscogsClient(http, { apiUrl: fake.url, token: fake.token, rateWindowMs: 60_000 });
  expect(await client.releaseTracklist(id)).toEqual([{ number: 1, position: 'A1', side: 'A', title: 'Only Track', artist: null, durationSeconds: 83 }]);
});
