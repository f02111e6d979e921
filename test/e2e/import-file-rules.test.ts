// `aime import file` end to end on small exports written here from the documented shapes:
// overlapping downloads, one play from Spotify and Last.fm, a song repeated, broken files
// among good ones, failed records, --dry-run and the --json shape.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);

let home: string;
let dir: string;
// Each test its own home and daemon (cleaned up after it by useTestHomes).
beforeEach(async () => {
  home = bed.home();
  dir = join(home, 'exports');
  mkdirSync(dir);
  await bed.daemon(home);
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** One stream of the extended history that STARTED at `start` and lasted `seconds`. */
function stream(artist: string, title: string, start: number, seconds = 200, album = `${title} (album)`): Record<string, unknown> {
  return {
    ts: iso(start + seconds),
    platform: 'ios',
    ms_played: seconds * 1000,
    conn_country: 'CH',
    master_metadata_track_name: title,
    master_metadata_album_artist_name: artist,
    master_metadata_album_album_name: album,
    spotify_track_uri: 'spotify:track:0000000000000000000000',
    episode_name: null,
    episode_show_name: null,
    spotify_episode_uri: null,
    reason_start: 'trackdone',
    reason_end: 'trackdone',
    shuffle: false,
    skipped: false,
    offline: false,
    offline_timestamp: 0,
    incognito_mode: false,
  };
}

const podcast = (start: number) => ({ ...stream('', '', start, 1200), master_metadata_track_name: null, master_metadata_album_artist_name: null, episode_name: 'Épisode 12', spotify_episode_uri: 'spotify:episode:1' });

function write(name: string, content: string | unknown): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** lastfm.ghan.nl's CSV: quoted values, the header its files have. */
function lastfmCsv(rows: [uts: number | string, artist: string, album: string, track: string][]): string {
  const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  const lines = rows.map(([uts, artist, album, track]) => [uts, typeof uts === 'number' ? iso(uts) : '', artist, '', album, '', track, ''].map(quote).join(','));
  return ['uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid', ...lines].join('\r\n') + '\r\n';
}

interface Summary {
  imported: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  duplicates: number;
  failed: number;
  records: number;
  durationMs: number;
  dryRun: boolean;
  stopped: boolean;
  files: { path: string; format: string | null; records: number; imported: number; skipped: number; duplicates: number; failed: number; errors: { record: number; reason: string }[]; error?: string }[];
  passedOver: unknown[];
}

async function importFiles(...args: string[]): Promise<{ code: number; summary: Summary; stderr: string }> {
  const result = await runCli(home, ['import', 'file', ...args, '--json']);
  return { code: result.code, summary: JSON.parse(result.stdout) as Summary, stderr: result.stderr };
}

async function history(...filters: string[]): Promise<{ total: number; items: { artist: string; title: string; timestamp: number; source: string }[] }> {
  const result = await runCli(home, ['history', ...filters, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const T = Date.UTC(2023, 4, 1, 18) / 1000;

describe('re-imports and overlapping downloads', () => {
  it('a second download a year later adds only the streams the first did not have', async () => {
    const year1 = [stream('Björk', 'Hunter', T), stream('Björk', 'Jóga', T + 300), stream('Portishead', 'Roads', T + 600), podcast(T + 900)];
    const year2 = [...year1, stream('Portishead', 'Glory Box', T + 86_400 * 200), stream('Massive Attack', 'Teardrop', T + 86_400 * 300)];
    const first = await importFiles(write('2023/Streaming_History_Audio_2023_0.json', year1));
    expect(first.summary).toMatchObject({ imported: 3, skipped: 1, skippedByReason: { podcast: 1 }, duplicates: 0 });
    const second = await importFiles(write('2024/Streaming_History_Audio_2023-2024_0.json', year2));
    expect(second.code).toBe(0);
    expect(second.summary).toMatchObject({ imported: 2, duplicates: 3, skipped: 1 });
    const again = await importFiles(dir);
    expect(again.summary).toMatchObject({ imported: 0, duplicates: 8 });
    expect((await history('--source', 'spotify')).total).toBe(5);
  });
});

describe('one play, one listen, across sources', () => {
  it('a Spotify stream and its Last.fm scrobble are one listen; a 62-second song played twice in a row stays two', async () => {
    const streams = [stream('Minutemen', 'Corona', T, 62, 'Double Nickels on the Dime'), stream('Minutemen', 'Corona', T + 62, 62, 'Double Nickels on the Dime'), stream('Nubya Garcia', 'Source', T + 124, 400, 'Source')];
    // Last.fm stamps the start a second or two after Spotify's; Spotify names the album differently.
    const scrobbles = lastfmCsv([
      [T + 402 + 124, 'Nubya Garcia', 'Source', 'Source'], // not this play: 278 s after the stream's start
      [T + 125, 'Nubya Garcia', 'SOURCE', 'Source'],
      [T + 63, 'Minutemen', 'Double Nickels On The Dime', 'Corona'],
      [T + 1, 'Minutemen', 'Double Nickels On The Dime', 'Corona'],
    ]);
    const result = await importFiles(write('Streaming_History_Audio_2023_0.json', streams), write('recenttracks-me-1700000000.csv', scrobbles));
    expect(result.code).toBe(0);
    expect(result.summary).toMatchObject({ imported: 4, duplicates: 3 });
    const listens = await history();
    expect(listens.items.map((item) => [item.title, item.timestamp - T, item.source])).toEqual([
      ['Source', 526, 'lastfm'],
      ['Source', 124, 'spotify'],
      ['Corona', 62, 'spotify'],
      ['Corona', 0, 'spotify'],
    ]);
    // The other order, in a second home's worth of data: scrobbles first, then the streams.
    const later = T + 86_400;
    await importFiles(write('recenttracks-me-1700100000.csv', lastfmCsv([[later + 2, 'Minutemen', 'Double Nickels on the Dime', 'Corona'], [later + 64, 'Minutemen', 'Double Nickels on the Dime', 'Corona']])));
    const streamed = await importFiles(write('Streaming_History_Audio_2023_1.json', [stream('Minutemen', 'Corona', later, 62), stream('Minutemen', 'Corona', later + 62, 62)]));
    expect(streamed.summary).toMatchObject({ imported: 0, duplicates: 2 });
    expect((await history()).total).toBe(6);
  });
});

describe('bad input', () => {
  it('a broken file among good ones: the good ones import, the broken one is named with its position, exit 2', async () => {
    const good = write('Streaming_History_Audio_2023_0.json', [stream('Björk', 'Hunter', T), stream('Björk', 'Jóga', T + 300)]);
    const broken = write('Streaming_History_Audio_2023_1.json', `[\n  ${JSON.stringify(stream('Björk', 'Bachelorette', T + 600))},\n  {"ts": "2023-05-01T19:00:00Z", "ms_played": 12\n`);
    const csv = write('recenttracks-me-1700000000.csv', lastfmCsv([[T + 5000, 'Portishead', 'Dummy', 'Roads']]));
    const result = await importFiles(good, broken, csv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Streaming_History_Audio_2023_1\.json: .*line 4/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.summary.imported).toBe(3);
    expect(result.summary.files.find((file) => file.path === broken)).toMatchObject({ imported: 0, error: expect.stringMatching(/line 4/) });
    // Nothing of the broken file was stored, not even its first, well-formed record.
    expect((await history('--artist', 'Björk')).items.map((item) => item.title)).toEqual(['Jóga', 'Hunter']);
  });

  it('records with no time, a date before 2002 or in the future fail with their reason; the rest of the file imports', async () => {
    const csv = lastfmCsv([
      [T, 'Portishead', 'Dummy', 'Roads'],
      ['', 'Portishead', 'Dummy', 'Glory Box'],
      [946_684_800, 'Portishead', 'Dummy', 'Sour Times'],
      [4_102_444_800, 'Portishead', 'Dummy', 'Wandering Star'],
      [T + 400, 'Portishead', 'Dummy', 'Mysterons'],
    ]);
    const { code, summary } = await importFiles(write('recenttracks-me-1700000000.csv', csv));
    expect(code).toBe(0);
    expect(summary.files[0]).toMatchObject({ records: 5, imported: 2, failed: 3 });
    expect(summary.files[0]?.errors).toEqual([
      { record: 2, reason: 'no timestamp' },
      { record: 3, reason: 'timestamp 946684800 is before 2002-10-01' },
      { record: 4, reason: 'timestamp 4102444800 is in the future' },
    ]);
  });

  it('a path that is not an export, or does not exist, is exit 2 with one line each; the export beside them imports', async () => {
    const notes = write('notes.txt', 'buy milk\n');
    const result = await runCli(home, ['import', 'file', notes, join(dir, 'missing.json'), write('Streaming_History_Audio_2023_0.json', [stream('Björk', 'Hunter', T)])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes\.txt: not a listening export/);
    expect(result.stderr).toMatch(/missing\.json: cannot read/);
    expect((await history()).total).toBe(1);
  });
});

describe('--dry-run and --json', () => {
  it('a dry run counts what would be imported and stores nothing', async () => {
    const file = write('Streaming_History_Audio_2023_0.json', [stream('Björk', 'Hunter', T), stream('Björk', 'Jóga', T + 300), { ...stream('Björk', 'Army of Me', T + 600, 12) }]);
    await importFiles(write('recenttracks-me-1700000000.csv', lastfmCsv([[T + 2, 'Björk', 'Homogenic', 'Hunter']])));
    const dry = await importFiles(file, '--dry-run');
    expect(dry.summary).toMatchObject({ dryRun: true, imported: 1, duplicates: 1, skipped: 1 });
    expect((await history()).total).toBe(1);
    const human = await runCli(home, ['import', 'file', file, '--dry-run']);
    expect(human.stdout).toMatch(/would import 1 listen .*dry run, nothing stored/);
    const real = await importFiles(file);
    expect(real.summary).toMatchObject({ dryRun: false, imported: 1, duplicates: 1 });
    expect((await history()).total).toBe(2);
  });

  it('--json prints one document with the totals and each file, and nothing else on stdout', async () => {
    const file = write('StreamingHistory_music_0.json', [
      { endTime: '2023-05-01 18:04', artistName: 'Björk', trackName: 'Hunter', msPlayed: 240_000 },
      { endTime: '2023-05-01 18:05', artistName: 'Björk', trackName: 'Jóga', msPlayed: 5_000 },
    ]);
    const result = await runCli(home, ['import', 'file', file, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(Object.keys(summary).sort()).toEqual(['dryRun', 'duplicates', 'durationMs', 'failed', 'files', 'imported', 'passedOver', 'records', 'skipped', 'skippedByReason', 'stopped'].sort());
    expect(summary).toMatchObject({ imported: 1, skipped: 1, skippedByReason: { short: 1 }, duplicates: 0, failed: 0, records: 2, dryRun: false, stopped: false, passedOver: [] });
    expect(summary.files).toEqual([{ path: file, format: 'spotify-account', records: 2, imported: 1, skipped: 1, skippedByReason: { short: 1 }, duplicates: 0, failed: 0, errors: [] }]);
    expect(typeof summary.durationMs).toBe('number');
    expect((await history('--source', 'spotify')).items).toEqual([expect.objectContaining({ artist: 'Björk', title: 'Hunter', timestamp: Date.UTC(2023, 4, 1, 18, 0) / 1000 })]);
  });
});
