// The walker over files the tests write from the documented shapes: folders, ZIPs read in
// place, broken files among good ones, big files streamed, and batches with per-file counts.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { walkExports } from '../../src/cli/import-files/walk-exports.js';
import { READ_AT } from '../support/export-records.js';
import { fileEnding, walk } from '../support/export-walk.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aime-exports-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, content: string | Buffer): string {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

async function zip(path: string, entries: Record<string, string | Buffer>, compress = true): Promise<string> {
  const archive = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) archive.addBuffer(Buffer.from(content), name, { compress });
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return write(path, Buffer.concat(chunks));
}

const T = 1_700_000_000;
const stream = (n: number, overrides: Record<string, unknown> = {}) => ({
  ts: new Date((T + n * 300) * 1000).toISOString().replace('.000Z', 'Z'),
  platform: 'ios',
  ms_played: 180_000,
  master_metadata_track_name: `Track ${n}`,
  master_metadata_album_artist_name: 'Khruangbin',
  master_metadata_album_album_name: 'Mordechai',
  episode_name: null,
  spotify_episode_uri: null,
  offline_timestamp: 0,
  incognito_mode: false,
  ...overrides,
});
const streams = (from: number, count: number) => Array.from({ length: count }, (_, index) => stream(from + index));

describe('walking folders', () => {
  it('reads a Spotify download folder recursively in numeric name order, passing over video history', async () => {
    write('Spotify Extended Streaming History/Streaming_History_Audio_2023_10.json', JSON.stringify(streams(20, 2)));
    write('Spotify Extended Streaming History/Streaming_History_Audio_2023_2.json', JSON.stringify(streams(10, 3), null, 2));
    write('Spotify Extended Streaming History/Streaming_History_Video_2023.json', JSON.stringify(streams(0, 1)));
    write('Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf', '%PDF-1.4 not music');
    const walked = await walk([join(dir, 'Spotify Extended Streaming History')]);
    expect([...walked.files.keys()].map((path) => path.slice(path.lastIndexOf('/') + 1))).toEqual(['Streaming_History_Audio_2023_2.json', 'Streaming_History_Audio_2023_10.json']);
    expect(fileEnding(walked, '_2.json').plays.map((play) => play.timestamp)).toEqual([T + 3000 - 180, T + 3300 - 180, T + 3600 - 180]);
    expect(walked.passedOver.map((event) => [event.reason, event.named])).toEqual([
      ['not a listening export: neither JSON nor a known CSV', false],
      ['Spotify video history (not music)', false],
    ]);
  });

  it('reads the account-data files and the legacy endsong_0.json, and skips the podcast history', async () => {
    write('MyData/StreamingHistory_music_0.json', JSON.stringify([{ endTime: '2025-04-12 13:50', artistName: 'Björk', trackName: 'Jóga', msPlayed: 305_000 }, { endTime: '2025-04-12 13:51', artistName: 'Björk', trackName: 'Hunter', msPlayed: 9_000 }]));
    write('MyData/StreamingHistory_podcast_0.json', JSON.stringify([{ endTime: '2025-04-12 13:50', podcastName: 'A Show', episodeName: 'One', msPlayed: 305_000 }]));
    write('MyData/endsong_0.json', JSON.stringify([stream(1, { offline_timestamp: (T + 100) * 1000 })]));
    const walked = await walk([join(dir, 'MyData')]);
    expect(fileEnding(walked, 'StreamingHistory_music_0.json').tally).toMatchObject({ records: 2, plays: 1, skippedBy: { short: 1 } });
    expect(fileEnding(walked, 'endsong_0.json').plays.map((play) => play.timestamp)).toEqual([T + 100]);
    expect(walked.passedOver.map((event) => event.reason)).toEqual(['Spotify podcast history (not music)']);
  });

  it('reads Last.fm CSV with quotes, commas and quotes inside values, unicode, BOM and CRLF', async () => {
    const csv = '\uFEFFuts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\r\n' +
      '"1600000000","13 Sep 2020, 12:26","Crosby, Stills & Nash","","Crosby, Stills & Nash","","Suite: Judy Blue Eyes",""\r\n' +
      '"1600000300","13 Sep 2020, 12:31","The ""Band""","","","","It\'s ""Quoted"", Really",""\r\n' +
      '"1600000600","13 Sep 2020, 12:36","坂本龍一","","async","","andata",""\r\n';
    const walked = await walk([write('recenttracks-rob-1600000600.csv', csv)]);
    expect(fileEnding(walked, '.csv').plays.map((play) => [play.artist, play.album, play.title, play.timestamp])).toEqual([
      ['Crosby, Stills & Nash', 'Crosby, Stills & Nash', 'Suite: Judy Blue Eyes', 1600000000],
      ['The "Band"', null, 'It\'s "Quoted", Really', 1600000300],
      ['坂本龍一', 'async', 'andata', 1600000600],
    ]);
  });

  it('reads the older ListenBrainz export (one JSON array) and the older header-less Last.fm CSV', async () => {
    const listen = { listened_at: T, recording_msid: 'x', user_name: 'rob', track_metadata: { artist_name: 'Portishead', track_name: 'Roads', release_name: 'Dummy', additional_info: { listening_from: 'lastfm' } } };
    const lb = write('rob_lb-2020-05-01.json', JSON.stringify([listen, { ...listen, listened_at: T + 300 }]));
    const csv = write('scrobbles.csv', '"Portishead","Dummy","Roads","31 Jan 2021 14:05"\n"Massive Attack","","Teardrop","31 Jan 2021 14:10"\n');
    const walked = await walk([lb, csv]);
    expect(fileEnding(walked, 'rob_lb-2020-05-01.json').plays.map((play) => [play.title, play.album, play.timestamp, play.source])).toEqual([['Roads', 'Dummy', T, 'listenbrainz'], ['Roads', 'Dummy', T + 300, 'listenbrainz']]);
    expect(fileEnding(walked, 'scrobbles.csv').plays.map((play) => [play.artist, play.album, play.timestamp])).toEqual([['Portishead', 'Dummy', Date.UTC(2021, 0, 31, 14, 5) / 1000], ['Massive Attack', null, Date.UTC(2021, 0, 31, 14, 10) / 1000]]);
  });

  it('reports a path that does not exist and a named file that is not an export, and goes on', async () => {
    const good = write('maloja_export_1.json', JSON.stringify({ maloja: { export_time: 1 }, scrobbles: [{ time: T, track: { artists: ['A'], title: 'B', album: null } }] }));
    const walked = await walk([join(dir, 'missing.json'), write('notes.txt', 'hello'), good]);
    expect(walked.failed.map((event) => event.message)).toEqual([expect.stringMatching(/^cannot read: ENOENT/)]);
    expect(walked.passedOver).toEqual([expect.objectContaining({ named: true, companion: false, reason: 'not a listening export: neither JSON nor a known CSV' })]);
    expect(fileEnding(walked, 'maloja_export_1.json').tally.plays).toBe(1);
  });
});

describe('reading ZIPs in place', () => {
  it('reads every entry of a ZIP with folders, naming each by its path inside the ZIP', async () => {
    const path = await zip('my_spotify_data.zip', {
      'Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf': '%PDF-1.4',
      'Spotify Extended Streaming History/Streaming_History_Audio_2022-2023_0.json': JSON.stringify(streams(0, 4)),
      'Spotify Extended Streaming History/Streaming_History_Audio_2023-2024_1.json': JSON.stringify(streams(4, 2)),
      'Spotify Extended Streaming History/Streaming_History_Video_2022-2024.json': '[]',
      '__MACOSX/Spotify Extended Streaming History/._Streaming_History_Audio_2022-2023_0.json': 'resource fork',
    });
    const walked = await walk([path]);
    expect([...walked.files.keys()]).toEqual([
      `${path}:Spotify Extended Streaming History/Streaming_History_Audio_2022-2023_0.json`,
      `${path}:Spotify Extended Streaming History/Streaming_History_Audio_2023-2024_1.json`,
    ]);
    expect([...walked.files.values()].map((file) => file.tally?.plays)).toEqual([4, 2]);
    expect(walked.passedOver.map((event) => event.companion)).toEqual([false, true, true]);
  });

  it('reads a ZIP found inside a folder, and stored (uncompressed) entries', async () => {
    await zip('downloads/lb-export.zip', { 'user.json': '{"user_id":1,"username":"rob"}', 'listens/2024/3.jsonl': `{"listened_at": ${T}, "track_metadata": {"artist_name": "A", "track_name": "B", "mbid_mapping": null}}\n` }, false);
    const walked = await walk([join(dir, 'downloads')]);
    expect(fileEnding(walked, 'lb-export.zip:listens/2024/3.jsonl').plays).toEqual([expect.objectContaining({ artist: 'A', title: 'B', timestamp: T, source: 'listenbrainz' })]);
  });

  it('reports a file that is not a valid ZIP and a ZIP entry that cannot be inflated', async () => {
    const good = await zip('good.zip', { 'Streaming_History_Audio_2023_0.json': JSON.stringify(streams(0, 2)) });
    const truncated = write('truncated.zip', Buffer.from('PK\x03\x04 and then nothing useful', 'latin1'));
    const damagedBytes = readFileSync(good);
    // Scramble the compressed data of the only entry (it starts after the 30-byte header and its name).
    for (let at = 30 + 'Streaming_History_Audio_2023_0.json'.length; at < 30 + 'Streaming_History_Audio_2023_0.json'.length + 40; at++) damagedBytes[at] = 0xff;
    const damaged = write('damaged.zip', damagedBytes);
    const walked = await walk([truncated, damaged, good]);
    expect(walked.failed.map((event) => [event.path.slice(dir.length + 1), event.message.split(' (')[0]])).toEqual([
      ['truncated.zip', 'not a valid ZIP'],
      ['damaged.zip:Streaming_History_Audio_2023_0.json', expect.stringMatching(/^cannot read/)],
    ]);
    expect(fileEnding(walked, 'good.zip:Streaming_History_Audio_2023_0.json').tally.plays).toBe(2);
  });
});

describe('broken files among good ones', () => {
  it('refuses a corrupt file with its position and hands out nothing of it; the others import', async () => {
    write('a/Streaming_History_Audio_2023_0.json', JSON.stringify(streams(0, 3), null, 2));
    const broken = JSON.stringify(streams(3, 3), null, 2).replace('"Track 5"', '"Track 5" oops');
    write('a/Streaming_History_Audio_2023_1.json', broken);
    write('a/Streaming_History_Audio_2023_2.json', JSON.stringify(streams(6, 1)));
    const walked = await walk([join(dir, 'a')]);
    const brokenLine = broken.slice(0, broken.indexOf(' oops')).split('\n').length;
    expect(walked.failed).toEqual([expect.objectContaining({ path: join(dir, 'a', 'Streaming_History_Audio_2023_1.json'), format: 'spotify', partial: false, position: expect.objectContaining({ line: brokenLine }) })]);
    expect(walked.failed[0]?.message).toMatch(new RegExp(`^not valid JSON at line ${brokenLine}, column \\d+ \\(byte \\d+\\)$`));
    expect([...walked.files.values()].map((file) => file.tally?.plays)).toEqual([3, 1]);
    expect(walked.events).toEqual(['file', 'plays', 'file-done', 'file-failed', 'file', 'plays', 'file-done']);
  });

  it('fails a record from before 2002 or in the future and imports the rest of its file', async () => {
    const records = [stream(0), stream(1, { ts: '2001-01-01T00:10:00Z' }), stream(2, { ts: new Date((READ_AT + 86_400) * 1000).toISOString() }), stream(3)];
    const walked = await walk([write('Streaming_History_Audio_2023_0.json', JSON.stringify(records))]);
    const file = fileEnding(walked, '.json');
    expect(file.tally).toMatchObject({ records: 4, plays: 2, failed: 2 });
    expect(file.tally.failures.map((failure) => [failure.record, failure.reason.replace(/\d+/, 'N')])).toEqual([[2, 'timestamp N is before 2002-10-01'], [3, 'timestamp N is in the future']]);
  });
});

describe('big files are streamed', () => {
  it('gives the same plays and counts streamed (twice) as parsed whole, for every syntax', async () => {
    const spotify = write('Streaming_History_Audio_2023_0.json', JSON.stringify([...streams(0, 50), stream(50, { ms_played: 1000 })], null, 2));
    const lines = write('listens/2024/1.jsonl', streams(0, 30).map((s, n) => JSON.stringify({ listened_at: T + n * 60, track_metadata: { artist_name: s.master_metadata_album_artist_name, track_name: s.master_metadata_track_name } })).join('\n'));
    const csv = write('recenttracks-x.csv', ['uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid', ...Array.from({ length: 40 }, (_, n) => `"${T + n}","","Artist, ${n}","","","","Track ""${n}""",""`)].join('\r\n'));
    const maloja = write('maloja_export_1.json', JSON.stringify({ maloja: { export_time: 1 }, scrobbles: Array.from({ length: 20 }, (_, n) => ({ time: T + n, track: { artists: ['A'], title: `T${n}`, album: null } })) }));
    const whole = await walk([spotify, lines, csv, maloja]);
    const streamed = await walk([spotify, lines, csv, maloja], { wholeFileBytes: 0 });
    expect([...streamed.files.values()].map((file) => file.tally)).toEqual([...whole.files.values()].map((file) => file.tally));
    expect([...streamed.files.values()].map((file) => file.plays)).toEqual([...whole.files.values()].map((file) => file.plays));
    expect([...whole.files.values()].map((file) => file.tally?.plays)).toEqual([50, 30, 40, 20]);
  });

  it('checks a streamed file to its end before handing out any of it', async () => {
    const text = JSON.stringify(streams(0, 200), null, 2);
    const path = write('Streaming_History_Audio_2023_0.json', `${text.slice(0, -1)},\n  {"ts": ]`);
    const walked = await walk([path], { wholeFileBytes: 0, batchSize: 10 });
    expect(walked.events).toEqual(['file-failed']);
    expect(walked.failed[0]?.position?.line).toBe(text.split('\n').length + 1);
  });
});

describe('batches', () => {
  it('hands out plays in batches of the size asked, each naming its file and how far into it the reading is', async () => {
    const records = [...streams(0, 12), stream(12, { ms_played: 5000 }), ...streams(13, 12)];
    const path = write('Streaming_History_Audio_2023_0.json', JSON.stringify(records));
    const batches: [number, number][] = [];
    for await (const event of walkExports([path], { batchSize: 10, now: () => READ_AT })) {
      if (event.type === 'plays') {
        expect(event.path).toBe(path);
        batches.push([event.plays.length, event.recordsRead]);
      }
    }
    expect(batches).toEqual([[10, 10], [10, 21], [4, 25]]);
  });

  it('closes the ZIP and its entry streams when the caller stops early', async () => {
    const path = await zip('big.zip', { 'Streaming_History_Audio_2023_0.json': JSON.stringify(streams(0, 100)), 'Streaming_History_Audio_2023_1.json': JSON.stringify(streams(100, 100)) });
    const openFiles = (): number => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    let batches = 0;
    for await (const event of walkExports([path], { batchSize: 10, wholeFileBytes: 0 })) {
      if (event.type === 'plays' && ++batches === 2) {
        expect(openFiles()).toBeGreaterThan(before);
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBe(before);
  });
});
