// Spotify's two history files: which streams are listens (music, >= 30 s) and when they started.
import { describe, expect, it } from 'vitest';
import { READ_AT, readElements } from '../support/export-records.js';

const stream = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ts: '2024-03-10T20:03:20Z', // 1710100999 + 1: the moment the stream ENDED
  platform: 'Android OS 14 API 34 (Google, Pixel 8)',
  ms_played: 200_000,
  conn_country: 'CH',
  master_metadata_track_name: 'Heroes',
  master_metadata_album_artist_name: 'David Bowie',
  master_metadata_album_album_name: '"Heroes"',
  spotify_track_uri: 'spotify:track:7Jh1bpe76CNTCgdgAdBw4Z',
  episode_name: null,
  episode_show_name: null,
  spotify_episode_uri: null,
  audiobook_title: null,
  audiobook_uri: null,
  audiobook_chapter_uri: null,
  reason_start: 'trackdone',
  reason_end: 'trackdone',
  skipped: false,
  offline: false,
  offline_timestamp: 0,
  incognito_mode: false,
  ...overrides,
});
const END = Date.parse('2024-03-10T20:03:20Z') / 1000;

describe('Spotify extended streaming history', () => {
  it('turns a music stream into a listen that starts ms_played before ts', () => {
    const { plays, tally } = readElements('spotify', [stream()]);
    expect(plays).toEqual([{ artist: 'David Bowie', title: 'Heroes', album: '"Heroes"', timestamp: END - 200, source: 'spotify', playedSeconds: 200, client: 'Android OS 14 API 34 (Google, Pixel 8)' }]);
    expect(tally).toMatchObject({ records: 1, plays: 1, skipped: 0, failed: 0 });
  });

  it('counts a stream of exactly 30 s and skips one of 29.999 s as short', () => {
    const { plays, tally } = readElements('spotify', [stream({ ms_played: 30_000 }), stream({ ms_played: 29_999 })]);
    expect(plays).toHaveLength(1);
    expect(tally.skippedBy).toEqual({ short: 1 });
  });

  it('takes offline_timestamp as the start, in seconds (recent exports) or milliseconds (older ones)', () => {
    const paused = END - 3 * 3600; // paused for hours: ts is long after the start
    const { plays } = readElements('spotify', [stream({ offline_timestamp: paused }), stream({ offline_timestamp: paused * 1000 + 750 })]);
    expect(plays.map((play) => play.timestamp)).toEqual([paused, paused]);
  });

  it('falls back to ts − ms_played when offline_timestamp is 0, missing or after the stream ended', () => {
    const { plays } = readElements('spotify', [stream({ offline_timestamp: 0 }), stream({ offline_timestamp: undefined }), stream({ offline_timestamp: END + 86_400 })]);
    expect(plays.map((play) => play.timestamp)).toEqual([END - 200, END - 200, END - 200]);
  });

  it('reads a ts written without a zone as UTC, whatever the machine’s time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const { plays } = readElements('spotify', [stream({ ts: '2024-03-10 20:03:20' }), stream({ ts: '2024-03-10T20:03:20' }), stream({ ts: '2024-03-10 20:03:20 UTC' }), stream({ ts: '2024-03-10T21:03:20+01:00' })]);
      expect(plays.map((play) => play.timestamp)).toEqual([END - 200, END - 200, END - 200, END - 200]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('rounds a start that falls between seconds to the nearest one', () => {
    expect(readElements('spotify', [stream({ ms_played: 174_424 })]).plays[0]?.timestamp).toBe(END - 174);
  });

  it('skips podcasts, audiobooks, streams without track or artist and incognito streams, counted by reason', () => {
    const { plays, tally } = readElements('spotify', [
      stream({ master_metadata_track_name: null, master_metadata_album_artist_name: null, master_metadata_album_album_name: null, episode_name: 'Episode 12', episode_show_name: 'A Show', spotify_episode_uri: 'spotify:episode:1' }),
      stream({ master_metadata_track_name: null, master_metadata_album_artist_name: null, audiobook_title: 'A Book', audiobook_uri: 'spotify:audiobook:1' }),
      stream({ master_metadata_track_name: null }),
      stream({ master_metadata_album_artist_name: '' }),
      stream({ incognito_mode: true }),
      stream(),
    ]);
    expect(plays).toHaveLength(1);
    expect(tally).toMatchObject({ records: 6, plays: 1, skipped: 5, skippedBy: { podcast: 1, audiobook: 1, 'no track': 2, incognito: 1 }, failed: 0 });
  });

  it('fails a listen whose time is missing, unreadable, before 2002-10-01 or in the future, with the record number', () => {
    const { plays, tally } = readElements('spotify', [
      stream({ ts: undefined }),
      stream({ ts: 'yesterday' }),
      stream({ ts: '2001-06-01T12:00:00Z' }),
      stream({ ts: new Date((READ_AT + 7200) * 1000).toISOString() }),
      stream({ ts: new Date((READ_AT + 600) * 1000).toISOString(), ms_played: 60_000 }),
      stream({ ms_played: undefined }),
    ]);
    expect(plays.map((play) => play.timestamp)).toEqual([READ_AT + 540]);
    expect(tally.failures).toEqual([
      { record: 1, reason: 'no timestamp (ts)' },
      { record: 2, reason: 'ts "yesterday" is not a date' },
      { record: 3, reason: `timestamp ${Date.parse('2001-06-01T12:00:00Z') / 1000 - 200} is before 2002-10-01` },
      { record: 4, reason: `timestamp ${READ_AT + 7200 - 200} is in the future` },
      { record: 6, reason: 'ms_played missing' },
    ]);
  });

  it('fails an element that is not an object and goes on with the next', () => {
    const { plays, tally } = readElements('spotify', ['oops', 42, stream()]);
    expect(plays).toHaveLength(1);
    expect(tally.failures.map((failure) => failure.record)).toEqual([1, 2]);
  });
});

describe('Spotify account data history', () => {
  const account = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({ endTime: '2025-04-12 13:50', artistName: 'Björk', trackName: 'Jóga', msPlayed: 305_000, ...overrides });
  const END_TIME = Date.UTC(2025, 3, 12, 13, 50) / 1000;

  it('reads endTime as UTC to the minute and starts the listen msPlayed before it', () => {
    expect(readElements('spotify-account', [account()]).plays).toEqual([{ artist: 'Björk', title: 'Jóga', album: null, timestamp: END_TIME - 305, source: 'spotify', playedSeconds: 305 }]);
  });

  it('applies the same 30 s rule and skips records without artist or track', () => {
    const { tally } = readElements('spotify-account', [account({ msPlayed: 12_000 }), account({ trackName: '' }), account()]);
    expect(tally).toMatchObject({ plays: 1, skippedBy: { short: 1, 'no track': 1 } });
  });

  it('fails an endTime that is missing, not in its format or not a real date', () => {
    const { tally } = readElements('spotify-account', [account({ endTime: undefined }), account({ endTime: '2025-04-12T13:50:00Z' }), account({ endTime: '2025-02-30 10:00' })]);
    expect(tally.failures.map((failure) => failure.reason)).toEqual(['no timestamp (endTime)', 'endTime "2025-04-12T13:50:00Z" is not "YYYY-MM-DD HH:MM"', 'endTime "2025-02-30 10:00" is not "YYYY-MM-DD HH:MM"']);
  });
});
