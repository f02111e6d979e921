// `aime spin` end to end: the real daemon and CLI, the fake Discogs serving crafted tracklists
// (fetched on demand here: the background fetch is off), listens stored through the one ingest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscogs, track, heading, indexTrack, type FakeDiscogs } from '../fakes/discogs/index.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);
let fake: FakeDiscogs;
let dir: string;
const albums: Record<string, number> = {};
const releases: Record<string, number> = {};

interface SpinJson {
  listens: { id: number | null; timestamp: number; artist: string; title: string; album: string; source: string; position: string; seconds: number }[];
  recorded: number;
  alreadyStored: number;
  source: string;
  startedAt: number;
  endedAt: number;
}

async function aime(...args: string[]) {
  return runCli(dir, args);
}

async function spin(...args: string[]): Promise<SpinJson> {
  const result = await aime('spin', ...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SpinJson;
}

async function storedListens(): Promise<number> {
  return (JSON.parse((await aime('history', '--json')).stdout) as { total: number }).total;
}

/** A whole minute some hours ago: far enough back for every side, and exact to check. */
const ended = (hoursAgo: number) => Math.floor(Date.now() / 60_000) * 60 - hoursAgo * 3600;

beforeAll(async () => {
  fake = await bed.fake(startFakeDiscogs({ releases: 3, rateLimit: { limit: 20, windowMs: 1000 } }));
  const add = (name: string, title: string, artists: string[], format: 'Vinyl' | 'CD' | 'Cassette' | 'File', tracklist: ReturnType<typeof track>[]) => {
    const item = fake.addRelease({ title, artists, format });
    fake.setTracklist(item.id, tracklist);
    releases[name] = item.id;
  };
  add('lp', 'Kind of Blue', ['Miles Davis'], 'Vinyl', [
    heading('Side One'), track('A1', 'So What', '9:22'), track('A2', 'Freddie Freeloader', '9:46'),
    heading('Side Two'), track('B1', 'Blue in Green', '5:37'), track('B2', 'All Blues', '11:33'), track('B3', 'Flamenco Sketches', '9:26'),
  ]);
  add('cd', 'Night Shift', ['Various'], 'CD', Array.from({ length: 12 }, (_, k) =>
    track(String(k + 1), `Shift ${k + 1}`, `${3 + (k % 3)}:0${k % 10}`, [{ name: k % 2 ? 'Nina Ko (3)' : 'Kid Cobalt', anv: '', join: '', role: '', tracks: '', id: 390_100 + k, resource_url: '' }])));
  add('tape', 'Tape Days', ['Mara Quist'], 'Cassette', [track('A1', 'Rewind', '3:00'), track('A2', 'Play', '4:00'), track('B1', 'Fast Forward', '5:00')]);
  add('bare', 'Unknown Lengths', ['Glass Pilot'], 'Vinyl', [
    track('A1', 'First Groove'), track('A2', 'Second Groove'), indexTrack('Third Suite', [track('A3a', 'Part 1'), track('A3b', 'Part 2')]), track('B1', 'Known', '5:00'),
  ]);
  add('file', 'Files Only', ['Henrik Sol'], 'File', [track('1', 'Bits', '3:00')]);
  add('blue1', 'Blue', ['Joni Mitchell'], 'Vinyl', [track('A1', 'All I Want', '3:32')]);
  add('blue2', 'Blue', ['The Beautiful South'], 'Vinyl', [track('A1', 'Blue Song', '3:10')]);
  dir = bed.home({ timezone: 'UTC', discogs: { token: fake.token, username: fake.username, apiUrl: fake.url, rateWindowMs: 1000, tracklists: false } });
  await bed.daemon(dir);
  expect((await aime('import', 'discogs', '--json')).code).toBe(0);
  const owned = JSON.parse((await aime('collection', 'list', '--limit', '100', '--json')).stdout) as { items: { id: number; discogsId: number }[] };
  for (const [name, releaseId] of Object.entries(releases)) albums[name] = owned.items.find((item) => item.discogsId === releaseId)!.id;
});

describe('aime spin', () => {
  it('records a side with timestamps laid back to back to --ended, from a tracklist fetched once on demand', async () => {
    const end = ended(5);
    const side = await spin('Miles Davis - Kind of Blue', '--side', 'B', '--ended', String(end));
    expect(side.listens.map(({ timestamp, artist, title, album, source, position }) => ({ timestamp, artist, title, album, source, position }))).toEqual([
      { timestamp: end - 1596, artist: 'Miles Davis', title: 'Blue in Green', album: 'Kind of Blue', source: 'vinyl', position: 'B1' },
      { timestamp: end - 1259, artist: 'Miles Davis', title: 'All Blues', album: 'Kind of Blue', source: 'vinyl', position: 'B2' },
      { timestamp: end - 566, artist: 'Miles Davis', title: 'Flamenco Sketches', album: 'Kind of Blue', source: 'vinyl', position: 'B3' },
    ]);
    expect(side.recorded).toBe(3);
    expect(side.listens.every((listen) => Number.isInteger(listen.id))).toBe(true);
    expect(fake.requests.count(`/releases/${releases.lp}`)).toBe(1);

    const start = ended(8);
    const other = await spin(String(albums.lp), '--side', 'a', '--started', new Date(start * 1000).toISOString());
    expect(other.listens.map((listen) => [listen.position, listen.timestamp])).toEqual([['A1', start], ['A2', start + 562]]);
    // The stored tracklist serves the second spin: no new request.
    expect(fake.requests.count(`/releases/${releases.lp}`)).toBe(1);

    const history = JSON.parse((await aime('history', '--source', 'vinyl', '--album', 'kind of blue', '--json')).stdout) as { total: number; items: { id: number; source: string }[] };
    expect(history.total).toBe(5);
    expect(history.items.map((item) => item.id).sort()).toEqual([...side.listens, ...other.listens].map((listen) => listen.id).sort());
  });

  it('takes --tracks of the record, each track credited to its own artist on a compilation, source cd', async () => {
    const end = ended(10);
    const part = await spin(String(albums.cd), '--tracks', '3-5', '--ended', String(end));
    expect(part.listens.map((listen) => [listen.position, listen.artist, listen.title, listen.album, listen.source])).toEqual([
      ['3', 'Kid Cobalt', 'Shift 3', 'Night Shift', 'cd'],
      ['4', 'Nina Ko', 'Shift 4', 'Night Shift', 'cd'],
      ['5', 'Kid Cobalt', 'Shift 5', 'Night Shift', 'cd'],
    ]);
    // 5:02, 3:03, 4:04 back to back.
    expect(part.listens.map((listen) => listen.timestamp)).toEqual([end - 729, end - 427, end - 244]);
  });

  it('records a cassette as cassette', async () => {
    const tape = await spin('mara quist - tape days', '--side', 'B', '--ended', String(ended(11)));
    expect(tape.listens.map((listen) => [listen.title, listen.source])).toEqual([['Fast Forward', 'cassette']]);
  });

  it('names the tracks without a duration, and spreads --minutes over them', async () => {
    const before = await storedListens();
    const refused = await aime('spin', String(albums.bare), '--side', 'A');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no duration for A1 “First Groove”, A2 “Second Groove”, A3 “Third Suite”');
    expect(refused.stderr).toContain('--minutes');
    expect(await storedListens()).toBe(before);

    const end = ended(12);
    const spread = await spin(String(albums.bare), '--side', 'A', '--minutes', '12', '--ended', String(end));
    expect(spread.listens.map((listen) => [listen.title, listen.timestamp, listen.seconds])).toEqual([
      ['First Groove', end - 720, 240], ['Second Groove', end - 480, 240], ['Third Suite', end - 240, 240],
    ]);
    expect(await storedListens()).toBe(before + 3);
  });

  it('asks for --again when the same spin is recorded twice within a minute, and records a second play with it', async () => {
    const first = await spin(String(albums.tape), '--side', 'A');
    expect(first.recorded).toBe(2);
    const before = await storedListens();
    const twice = await aime('spin', String(albums.tape), '--side', 'A');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^aime: .*recorded as a spin \d+ s ago.*add --again/);
    expect(await storedListens()).toBe(before);
    const again = await spin(String(albums.tape), '--side', 'A', '--again');
    expect(again.recorded).toBe(2);
    expect(await storedListens()).toBe(before + 2);
    // A second play cannot have sounded over the first: it ends where the first started, so
    // the two keep times of their own even when both commands ran within the same second.
    expect(again.endedAt).toBe(first.startedAt);
    const third = await spin(String(albums.tape), '--side', 'A', '--again');
    expect([third.recorded, third.endedAt]).toEqual([2, again.startedAt]);
    // The same side played another evening, typed in right after, is no command run twice.
    const earlier = await spin(String(albums.tape), '--side', 'A', '--ended', String(ended(30)));
    expect(earlier.recorded).toBe(2);
  });

  it('plays the copy named with --copy: a CD of an album also owned on vinyl is recorded as cd from its own tracklist', async () => {
    const cdRelease = fake.addRelease({ title: 'Kind of Blue (Legacy)', artists: ['Miles Davis'], format: 'CD' });
    fake.setTracklist(cdRelease.id, [track('1', 'So What', '9:22'), track('2', 'Flamenco Sketches (Alternate Take)', '9:32')]);
    const added = JSON.parse((await aime('collection', 'add', 'Miles Davis', 'Kind of Blue', '--support', 'cd', '--discogs-id', String(cdRelease.id), '--json')).stdout) as { id: number; copyId: number };
    expect(added.id).toBe(albums.lp);
    const bonus = await spin(String(albums.lp), '--copy', String(added.copyId), '--tracks', '2', '--ended', String(ended(40)));
    expect(bonus.listens.map((listen) => [listen.title, listen.source, listen.position])).toEqual([['Flamenco Sketches (Alternate Take)', 'cd', '2']]);
    // Without --copy, the vinyl is the one on the turntable.
    expect((await spin(String(albums.lp), '--side', 'B', '--dry-run')).source).toBe('vinyl');
    const wrong = await aime('spin', String(albums.lp), '--copy', '99999');
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('no copy #99999')]);
  });

  it('refuses unknown ids, ambiguous names and digital copies with exit 2, storing nothing', async () => {
    const before = await storedListens();
    const unknown = await aime('spin', '99999', '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { exitCode: 2, message: expect.stringContaining('#99999') } });

    const ambiguous = await aime('spin', 'Blue');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`#${albums.blue1} Joni Mitchell - Blue`);
    expect(ambiguous.stderr).toContain(`#${albums.blue2} The Beautiful South - Blue`);
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);

    const nothing = await aime('spin', 'Prince - Purple Rain');
    expect([nothing.code, nothing.stderr]).toEqual([2, expect.stringContaining('no album of the collection matches')]);
    const digital = await aime('spin', String(albums.file));
    expect([digital.code, digital.stderr]).toEqual([2, expect.stringContaining('digital')]);
    const typedIn = JSON.parse((await aime('collection', 'add', 'Quartet Noir', 'No Release Here', '--support', 'vinyl', '--json')).stdout) as { id: number };
    const noRelease = await aime('spin', String(typedIn.id));
    expect([noRelease.code, noRelease.stderr]).toEqual([2, expect.stringContaining('has no Discogs release')]);
    const badSide = await aime('spin', String(albums.lp), '--side', 'C');
    expect([badSide.code, badSide.stderr]).toEqual([2, expect.stringContaining('no side C (sides: A, B)')]);
    const badRange = await aime('spin', String(albums.lp), '--tracks', '4-2');
    expect(badRange.code).toBe(2);
    const both = await aime('spin', String(albums.lp), '--ended', '21:00', '--started', '20:00');
    expect(both.code).toBe(2);
    expect(await storedListens()).toBe(before);
    // One name is enough when it names one album.
    expect((await spin('Joni Mitchell - Blue', '--dry-run')).listens.map((listen) => listen.id)).toEqual([null]);
    expect(await storedListens()).toBe(before);
  });

  it('counts spins in stats like any listen', async () => {
    const total = await storedListens();
    const stats = JSON.parse((await aime('stats', '--range', 'all', '--json')).stdout) as { listens: number; hours: number; topAlbums: { title: string; artist: string; plays: number }[] };
    expect(stats.listens).toBe(total);
    expect(stats.topAlbums).toContainEqual({ title: 'Kind of Blue', artist: 'Miles Davis', plays: 6 });
    expect(stats.hours).toBeGreaterThan(0.7);
    const heatmap = JSON.parse((await aime('stats', 'heatmap', '--range', 'all', '--json')).stdout) as { listens: number };
    expect(heatmap.listens).toBe(total);
    const vinyl = JSON.parse((await aime('history', '--source', 'vinyl', '--json')).stdout) as { total: number };
    expect(vinyl.total).toBe(5 + 3);
    const cd = JSON.parse((await aime('history', '--source', 'cd', '--json')).stdout) as { total: number };
    expect(cd.total).toBe(3 + 1);
    const cassette = JSON.parse((await aime('history', '--source', 'cassette', '--json')).stdout) as { total: number };
    expect(cassette.total).toBe(1 + 2 + 2 + 2 + 2);
    const shown = await aime('spin', String(albums.lp), '--side', 'A', '--ended', String(ended(20)));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/recorded 2 listens of side A of “Kind of Blue” by Miles Davis \(vinyl\)/);
    // discogs.tracklists is off here: only the records spun had their tracklists asked for.
    expect(fake.requests.count(`/releases/${releases.blue2}`)).toBe(0);
    expect(fake.requests.count(`/releases/${releases.file}`)).toBe(0);
  });
});
