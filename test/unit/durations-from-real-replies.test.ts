// Durations from Last.fm and MusicBrainz replies: our mappers on two real album.getInfo answers
// recorded by other projects (numbers or null, a rank per track), on the string numbers and lone
// objects Last.fm also sends, and the matching of a tracklist to our tracks by title.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { durationsFromTracklist, pickRecording } from '../../src/core/durations/match.js';
import type { TrackToTime } from '../../src/core/durations/ports.js';
import { toAlbumInfo, toTrackInfo } from '../../src/integrations/lastfm/mapper.js';
import { toRecordingCandidates } from '../../src/integrations/musicbrainz/mapper.js';
import { realFixture } from '../support/shared-fixtures.js';

const real = (...parts: string[]) => JSON.parse(readFileSync(realFixture(...parts), 'utf8')) as unknown;
const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
const track = (id: number, title: string, extra: Partial<TrackToTime> = {}): TrackToTime => ({ id, albumId: 1, title, artist: 'Cher', album: 'Believe', mbid: null, ...extra });

describe('album.getInfo tracklists (real replies)', () => {
  it('reads Cher / Believe (navidrome): 10 tracks, 2271 s, one without a length', () => {
    const info = toAlbumInfo(real('navidrome', 'lastfm.album.getinfo.json'));
    expect(info).toMatchObject({ artist: 'Cher', title: 'Believe', mbid: '03c91c40-49a6-44a7-90e7-a700edf97a62' });
    expect(info.tracks).toHaveLength(10);
    expect(info.tracks[0]).toEqual({ title: 'Believe', durationSeconds: 238, position: 1 });
    expect(info.tracks.find((entry) => entry.title === "Dov'e L'amore")?.durationSeconds).toBeNull();
    expect(sum(info.tracks.map((entry) => entry.durationSeconds))).toBe(2271);
  });

  it('reads Melt-Banana / Fetch (lastfm-to-sqlite): 12 tracks, 1798 s, "The Hive" without a length', () => {
    const info = toAlbumInfo(real('jammus-lastfm-to-sqlite', 'sample_album_response.json'));
    expect(info).toMatchObject({ artist: 'Melt-Banana', title: 'Fetch' });
    expect(info.tracks.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(info.tracks.find((entry) => entry.title === 'The Hive')?.durationSeconds).toBeNull();
    expect(sum(info.tracks.map((entry) => entry.durationSeconds))).toBe(1798);
  });

  it('reads string numbers, "0" as unknown, and a one-track album sent as an object', () => {
    const info = toAlbumInfo({ album: { artist: 'A', name: 'Single', tracks: { track: { name: 'Only', duration: '0', '@attr': { rank: '1' } } } } });
    expect(info.tracks).toEqual([{ title: 'Only', durationSeconds: null, position: 1 }]);
    const two = toAlbumInfo({ album: { artist: 'A', name: 'Two', tracks: { track: [{ name: 'x', duration: '201' }, { name: 'y', duration: 199 }] } } });
    expect(two.tracks.map((entry) => entry.durationSeconds)).toEqual([201, 199]);
  });

  it('gives the real tracklist\'s lengths to our tracks by title key, and none to a title it does not list', () => {
    const info = toAlbumInfo(real('navidrome', 'lastfm.album.getinfo.json'));
    const ours = [track(1, 'believe'), track(2, 'Takin’ Back My Heart'), track(3, 'Dov’e L’amore'), track(4, 'Taxi, Taxi!'), track(5, 'Song for the Lonely')];
    expect(durationsFromTracklist(ours, info)).toEqual([
      { trackId: 1, seconds: 238 },
      { trackId: 2, seconds: 272 },
      { trackId: 4, seconds: 304 },
    ]);
  });
});

describe('matching', () => {
  it('matches edition words away ("- Remastered 2011"), and gives no length to a title listed twice with two', () => {
    const tracklist = { tracks: [{ title: 'Rain', durationSeconds: 200 }, { title: 'Rain', durationSeconds: 260 }, { title: 'Sun', durationSeconds: 180 }, { title: 'Moon', durationSeconds: 150 }] };
    expect(durationsFromTracklist([track(1, 'Rain'), track(2, 'Sun - Remastered 2011'), track(3, 'Moon (Deluxe Edition)'), track(4, 'Moon'), track(5, 'Rain (Mono)')], tracklist)).toEqual([
      { trackId: 4, seconds: 150 },
      { trackId: 2, seconds: 180 },
      { trackId: 3, seconds: 150 },
    ]);
  });

  it('picks the recording of this artist and title, on this album when one is, with a length', () => {
    const candidates = toRecordingCandidates({
      recordings: [
        { id: 'a', title: 'Believe', length: 240_000, 'artist-credit': [{ name: 'Cher' }], releases: [{ title: 'Believe (Remixes)' }] },
        { id: 'b', title: 'Believe', length: 238_600, 'artist-credit': [{ name: 'Cher' }], releases: [{ title: 'Believe' }] },
        { id: 'c', title: 'Believe', length: null, 'artist-credit': [{ name: 'Cher' }], releases: [{ title: 'Believe' }] },
        { id: 'd', title: 'Believe', length: 200_000, 'artist-credit': [{ name: 'Someone' }], releases: [{ title: 'Believe' }] },
      ],
    });
    expect(pickRecording(track(1, 'Believe'), candidates)?.id).toBe('b');
    expect(pickRecording(track(1, 'Believe', { album: null }), candidates)?.id).toBe('a');
    expect(pickRecording(track(1, 'Strong Enough'), candidates)).toBeUndefined();
    expect(candidates.find((candidate) => candidate.id === 'b')?.lengthSeconds).toBe(239);
  });

  it('reads track.getInfo lengths in milliseconds, "0" as unknown', () => {
    expect(toTrackInfo({ track: { name: 'Transfuzja', mbid: '16eb2f88-0f22-4eb1-9c3b-aacb5acad1a2', duration: '260000', artist: { name: 'Coma' }, album: { title: 'Hipertrofia' } } })).toEqual({
      title: 'Transfuzja', artist: 'Coma', durationSeconds: 260, mbid: '16eb2f88-0f22-4eb1-9c3b-aacb5acad1a2', album: 'Hipertrofia',
    });
    expect(toTrackInfo({ track: { name: 'Sorry', mbid: '', duration: '0', artist: { name: 'Justin Bieber' } } })).toMatchObject({ durationSeconds: null, mbid: null, album: null });
  });
});
