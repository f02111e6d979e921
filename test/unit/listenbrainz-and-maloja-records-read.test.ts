// ListenBrainz listens and Maloja scrobbles as their exports write them.
import { describe, expect, it } from 'vitest';
import { READ_AT, readElements } from '../support/export-records.js';

const listen = (metadata: Record<string, unknown> = {}, listenedAt: unknown = 1749780612): Record<string, unknown> => ({
  listened_at: listenedAt,
  recording_msid: '7ae12054-b489-41c7-9367-f53893a1990d',
  track_metadata: { artist_name: 'OurR', track_name: 'Desert', release_name: 'Desert', additional_info: {}, mbid_mapping: null, ...metadata },
});

describe('ListenBrainz listens', () => {
  it('keeps the player’s MusicBrainz ids, duration in ms and submission client', () => {
    const info = { duration_ms: 245_000, recording_mbid: '08E8F55B-F1A4-46B8-B2D1-FAB4C592165C', release_mbid: '20d0530f-2176-447f-abf4-a9307f7d1c3f', artist_mbids: ['4b00640f-3be6-43f8-9b34-ff81bd89320a'], submission_client: 'listenbrainz web', media_player: 'Firefox' };
    expect(readElements('listenbrainz', [listen({ additional_info: info })]).plays).toEqual([
      { artist: 'OurR', title: 'Desert', album: 'Desert', albumArtist: null, timestamp: 1749780612, source: 'listenbrainz', durationSeconds: 245, mbid: '08e8f55b-f1a4-46b8-b2d1-fab4c592165c', artistMbid: '4b00640f-3be6-43f8-9b34-ff81bd89320a', albumMbid: '20d0530f-2176-447f-abf4-a9307f7d1c3f', client: 'listenbrainz web', alreadyOn: 'listenbrainz' },
    ]);
  });

  it('takes ids from mbid_mapping when the player sent none: the release id, not a title it does not carry', () => {
    const mapping = { recording_mbid: '3bbeb4e3-ab6d-460d-bfc5-de49e4251061', release_mbid: '177ebc28-0115-3897-8eb3-ebf74ce23790', artist_mbids: ['c98d40fd-f6cf-4b26-883e-eaa515ee2851'], recording_name: 'Zombie' };
    const [play] = readElements('listenbrainz', [listen({ artist_name: 'The Cranberries', track_name: 'Zombie', release_name: undefined, mbid_mapping: mapping })]).plays;
    expect(play).toMatchObject({ album: null, mbid: '3bbeb4e3-ab6d-460d-bfc5-de49e4251061', albumMbid: '177ebc28-0115-3897-8eb3-ebf74ce23790', artistMbid: 'c98d40fd-f6cf-4b26-883e-eaa515ee2851' });
  });

  it('reads mbid_mapping: null, duration in seconds, a float duration_ms, placeholder ids and media_player alone', () => {
    const { plays } = readElements('listenbrainz', [
      listen({ mbid_mapping: null, additional_info: { duration: 142 } }),
      listen({ additional_info: { duration_ms: 1222.6, recording_mbid: 'mbz-123', media_player: 'Navidrome' } }),
    ]);
    expect(plays.map((play) => [play.durationSeconds, play.mbid, play.client])).toEqual([[142, null, null], [1, null, 'Navidrome']]);
  });

  it('names a different release artist as the album artist (compilations)', () => {
    const [play] = readElements('listenbrainz', [listen({ additional_info: { release_artist_name: 'Various Artists' } })]).plays;
    expect(play?.albumArtist).toBe('Various Artists');
  });

  it('fails listens without track_metadata, artist, title or a believable listened_at', () => {
    const { plays, tally } = readElements('listenbrainz', [
      { listened_at: 1749780612 },
      listen({ artist_name: '' }),
      listen({ track_name: '   ' }),
      listen({}, null),
      listen({}, 100),
      listen({}, READ_AT * 1000),
      listen(),
    ]);
    expect(plays).toHaveLength(1);
    expect(tally.failures.map((failure) => failure.reason)).toEqual(['no track_metadata', 'no artist_name', 'no track_name', 'no timestamp', 'timestamp 100 is before 2002-10-01', `timestamp ${READ_AT * 1000} is in the future`]);
  });
});

describe('Maloja scrobbles', () => {
  const scrobble = (track: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): Record<string, unknown> => ({
    time: 1760532613,
    track: { artists: ['Alabaster Deplume'], title: 'Not Now, Jesus', album: { artists: ['Alabaster Deplume'], albumtitle: 'To Cy & Lee: Instrumentals Vol. 1' }, length: 220, ...track },
    duration: null,
    origin: 'client:turntable',
    ...rest,
  });

  it('reads a scrobble with its track length, played duration and client', () => {
    expect(readElements('maloja', [scrobble({}, { duration: 200 })]).plays).toEqual([
      { artist: 'Alabaster Deplume', title: 'Not Now, Jesus', album: 'To Cy & Lee: Instrumentals Vol. 1', albumArtist: null, timestamp: 1760532613, source: 'maloja', durationSeconds: 220, playedSeconds: 200, client: 'turntable' },
    ]);
  });

  it('joins several artists into one credit and keeps a different album artist', () => {
    const [play] = readElements('maloja', [scrobble({ artists: ['Lauren Horii', 'Philip Shibata'], album: { artists: ['Magnify Tokyo'], name: 'Magnify Tokyo' } })]).plays;
    expect(play).toMatchObject({ artist: 'Lauren Horii, Philip Shibata', album: 'Magnify Tokyo', albumArtist: 'Magnify Tokyo' });
  });

  it('reads a null album as no album', () => {
    expect(readElements('maloja', [scrobble({ album: null })]).plays[0]?.album).toBeNull();
  });

  it('fails scrobbles missing artists or title, or with an impossible time', () => {
    const { tally } = readElements('maloja', [{ time: 1760532613, track: {} }, scrobble({ artists: [] }), scrobble({ title: null }), scrobble({}, { time: 'soon' }), scrobble()]);
    expect(tally).toMatchObject({ plays: 1, failed: 4 });
    expect(tally.failures.map((failure) => failure.reason)).toEqual(['no artists', 'no artists', 'no title', 'no timestamp']);
  });
});
