// Last.fm exports: lastfm.ghan.nl's CSV (with header) and JSON (pages), and the older header-less CSV.
import { describe, expect, it } from 'vitest';
import { lastfmDate } from '../../src/core/imports/lastfm-csv.js';
import { READ_AT, readElements } from '../support/export-records.js';

const GHAN_HEADER = ['uts', 'utc_time', 'artist', 'artist_mbid', 'album', 'album_mbid', 'track', 'track_mbid'];

describe('Last.fm CSV rows', () => {
  it('reads lastfm.ghan.nl rows by their header, keeping MusicBrainz ids and the row time', () => {
    const { plays, tally } = readElements('lastfm-csv', [
      GHAN_HEADER,
      ['1749774900', '13 Jun 2025, 00:35', 'Necry Talkie', '', 'ZOO!!', 'e9e78802-0bf8-4ca3-9655-1d943d2d2fa0', '放課後の記憶', ''],
    ]);
    expect(plays).toEqual([{ artist: 'Necry Talkie', title: '放課後の記憶', album: 'ZOO!!', timestamp: 1749774900, source: 'lastfm', mbid: null, artistMbid: null, albumMbid: 'e9e78802-0bf8-4ca3-9655-1d943d2d2fa0' }]);
    expect(tally.records).toBe(1);
  });

  it('finds the columns by name whatever their order, and reads the date when uts is absent', () => {
    const { plays } = readElements('lastfm-csv', [['track', 'artist', 'utc_time', 'album'], ['Song, With Comma', 'Artist "Quoted"', '01 Feb 2020, 09:05', '']]);
    expect(plays).toEqual([expect.objectContaining({ artist: 'Artist "Quoted"', title: 'Song, With Comma', album: null, timestamp: Date.UTC(2020, 1, 1, 9, 5) / 1000 })]);
  });

  it('reads the older header-less artist,album,track,date rows from the first row on', () => {
    const { plays, tally } = readElements('lastfm-csv', [
      ['Radiohead', 'OK Computer', 'Airbag', '31 Jan 2021 14:05'],
      ['Sigur Rós', '', 'Hoppípolla', '1 Mar 2021 00:00'],
    ]);
    expect(tally.records).toBe(2);
    expect(plays.map((play) => [play.artist, play.album, play.title, play.timestamp])).toEqual([
      ['Radiohead', 'OK Computer', 'Airbag', Date.UTC(2021, 0, 31, 14, 5) / 1000],
      ['Sigur Rós', null, 'Hoppípolla', Date.UTC(2021, 2, 1) / 1000],
    ]);
  });

  it('fails rows without artist, title or a believable date and reads the rest', () => {
    const { plays, tally } = readElements('lastfm-csv', [
      GHAN_HEADER,
      ['1749774900', '', '', '', 'Album', '', 'Title', ''],
      ['1749774900', '', 'Artist', '', 'Album', '', '', ''],
      ['', '', 'Artist', '', 'Album', '', 'Title', ''],
      ['', 'last tuesday', 'Artist', '', 'Album', '', 'Title', ''],
      ['1000000000', '', 'Artist', '', 'Album', '', 'Title', ''],
      [String(READ_AT + 86_400), '', 'Artist', '', 'Album', '', 'Title', ''],
      ['1749774900', '', 'Artist', '', 'Album', '', 'Title', ''],
    ]);
    expect(plays).toHaveLength(1);
    expect(tally.failures).toEqual([
      { record: 1, reason: 'no artist' },
      { record: 2, reason: 'no track title' },
      { record: 3, reason: 'no timestamp' },
      { record: 4, reason: 'date "last tuesday" is not understood' },
      { record: 5, reason: 'timestamp 1000000000 is before 2002-10-01' },
      { record: 6, reason: `timestamp ${READ_AT + 86_400} is in the future` },
    ]);
  });

  it('reads Last.fm dates in words with or without the comma, and refuses impossible ones', () => {
    expect(lastfmDate('25 Oct 2020, 10:36')).toBe(1603622160);
    expect(lastfmDate('25 oct 2020 10:36')).toBe(1603622160);
    expect(lastfmDate('32 Oct 2020 10:36')).toBeNull();
    expect(lastfmDate('25 Okt 2020 10:36')).toBeNull();
    expect(lastfmDate('')).toBeNull();
  });
});

describe('Last.fm JSON pages (lastfm.ghan.nl)', () => {
  const scrobble = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    artist: { mbid: 'a74b1b7f-71a5-4011-9441-d0b5e4122711', '#text': 'Radiohead' },
    album: { mbid: '', '#text': 'In Rainbows' },
    name: 'Reckoner',
    mbid: '',
    date: { uts: '1603622207', '#text': '25 Oct 2020, 10:36' },
    ...overrides,
  });

  it('unfolds every page into its scrobbles, numbering records across pages', () => {
    const { plays, tally } = readElements('lastfm-json', [{ track: [scrobble(), scrobble({ name: '' })] }, { track: [scrobble({ date: { uts: '1603622000' } })] }]);
    expect(plays.map((play) => play.timestamp)).toEqual([1603622207, 1603622000]);
    expect(plays[0]).toEqual({ artist: 'Radiohead', title: 'Reckoner', album: 'In Rainbows', timestamp: 1603622207, source: 'lastfm', loved: undefined, mbid: null, artistMbid: 'a74b1b7f-71a5-4011-9441-d0b5e4122711', albumMbid: null });
    expect(tally.failures).toEqual([{ record: 2, reason: 'no track title' }]);
  });

  it('skips the now-playing row, which has no date', () => {
    const nowPlaying = scrobble({ '@attr': { nowplaying: 'true' }, date: undefined });
    const { tally } = readElements('lastfm-json', [{ track: [nowPlaying, scrobble()] }]);
    expect(tally).toMatchObject({ records: 2, plays: 1, skippedBy: { 'now playing': 1 }, failed: 0 });
  });

  it('takes a page whose single track is an object, extended artists ({name}) and loved flags', () => {
    const { plays } = readElements('lastfm-json', [{ track: scrobble({ artist: { name: 'Portishead', mbid: '' }, loved: '1' }) }]);
    expect(plays).toEqual([expect.objectContaining({ artist: 'Portishead', loved: true })]);
  });

  it('fails an element that is not a page', () => {
    expect(readElements('lastfm-json', [{ recenttracks: {} }]).tally.failures).toEqual([{ record: 1, reason: 'not a page of scrobbles (expected {"track":[…]})' }]);
  });
});
