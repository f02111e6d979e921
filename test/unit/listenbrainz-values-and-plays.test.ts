// The pure parts of the ListenBrainz endpoint: values read as the real server reads them (Python's
// int(), str.strip(), uuid.UUID()), what a checked listen becomes as a play, and playing-now expiry.
import { describe, expect, it } from 'vitest';
import { isUuid, lenientInteger, pythonStrip } from '../../src/core/listenbrainz/lenient-values.js';
import { checkListen } from '../../src/core/listenbrainz/listen-rules.js';
import { PlayingNow } from '../../src/core/listenbrainz/playing-now.js';
import { playFromListen } from '../../src/core/listenbrainz/plays.js';
import { readSubmission } from '../../src/core/listenbrainz/submission.js';

const NOW = 1_790_000_000;

describe('values read like the real server', () => {
  it('reads integers as Python’s int(): digits with sign, spaces and underscores; fractions drop; booleans are 1 and 0', () => {
    expect(['1486449409', ' +42 ', '1_000', '-7'].map(lenientInteger)).toEqual([1486449409, 42, 1000, -7]);
    expect([1222.6, -1.9, true, false].map(lenientInteger)).toEqual([1222, -1, 1, 0]);
    expect(['1.5', '', 'ten', '1__0', null, [], {}].map(lenientInteger)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('strips Python’s whitespace (U+FEFF is not whitespace to Python)', () => {
    expect(pythonStrip('\u00a0 Air\t\n')).toBe('Air');
    expect(pythonStrip('\ufeffAir')).toBe('\ufeffAir');
    expect(pythonStrip('\x1cAir\x85')).toBe('Air');
  });

  it('takes UUIDs as uuid.UUID() does: with or without hyphens, braces or urn:uuid:, any case', () => {
    for (const good of ['db92a151-1ac2-438b-bc43-b82e149ddd50', 'DB92A1511AC2438BBC43B82E149DDD50', '{db92a151-1ac2-438b-bc43-b82e149ddd50}', 'urn:uuid:db92a151-1ac2-438b-bc43-b82e149ddd50']) {
      expect(isUuid(good), good).toBe(true);
    }
    for (const bad of ['mbz-123', 'db92a151-1ac2-438b-bc43-b82e149ddd5', 'gb92a151-1ac2-438b-bc43-b82e149ddd50', 42, null]) expect(isUuid(bad), String(bad)).toBe(false);
  });
});

describe('a checked listen as a play', () => {
  const track = (info: Record<string, unknown>) => ({ artist_name: ' Air ', track_name: 'Kelly Watch the Stars', release_name: 'Moon Safari', additional_info: info });

  it('carries source listenbrainz, the album, MusicBrainz ids, the duration and the reporting program', () => {
    const listen = checkListen(
      {
        listened_at: '1700000000',
        track_metadata: track({
          duration_ms: 225_400.7,
          recording_mbid: 'b1a9c0e9-d987-4042-ae91-78d6a3267d69',
          release_mbid: '',
          artist_mbids: [null, '056e4f3e-d505-4dad-8ec1-d04f521cbb56'],
          media_player: 'Plex',
          submission_client: 'multi-scrobbler',
        }),
      },
      'single',
      NOW,
    );
    expect(playFromListen({ ...listen, listenedAt: listen.listenedAt as number })).toEqual({
      artist: 'Air',
      title: 'Kelly Watch the Stars',
      album: 'Moon Safari',
      timestamp: 1_700_000_000,
      source: 'listenbrainz',
      durationSeconds: 225,
      mbid: 'b1a9c0e9-d987-4042-ae91-78d6a3267d69',
      artistMbid: '056e4f3e-d505-4dad-8ec1-d04f521cbb56',
      albumMbid: null,
      client: 'Plex via multi-scrobbler',
    });
  });

  it('names the client by whichever of media_player and submission_client is given', () => {
    const clientOf = (info: Record<string, unknown>) => {
      const listen = checkListen({ listened_at: 1_700_000_000, track_metadata: track(info) }, 'import', NOW);
      return playFromListen({ ...listen, listenedAt: 1_700_000_000 }).client;
    };
    expect(clientOf({ submission_client: 'Navidrome' })).toBe('Navidrome');
    expect(clientOf({ media_player: 'Jellyfin' })).toBe('Jellyfin');
    expect(clientOf({ media_player: 'Navidrome', submission_client: 'Navidrome' })).toBe('Navidrome');
    expect(clientOf({})).toBeNull();
  });

  it('checks a whole request before returning any listen, and names the first fault the server would', () => {
    const body = (document: unknown) => new TextEncoder().encode(JSON.stringify(document));
    const listens = [{ listened_at: 1_700_000_000, track_metadata: track({}) }, { listened_at: 'later', track_metadata: track({ duration: 0 }) }];
    expect(() => readSubmission(body({ listen_type: 'import', payload: listens }), NOW)).toThrow('JSON document must contain an int value for listened_at.');
    expect(() => readSubmission(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), NOW)).toThrow(/^Cannot parse JSON document/);
    expect(() => readSubmission(new Uint8Array([0x7b, 0xff, 0x7d]), NOW)).toThrow(/^Cannot parse JSON document/);
  });
});

describe('PlayingNow', () => {
  const clock = { at: 1_000_000, now() { return this.at; } };
  const track = (name: string, info: Record<string, unknown> = {}) => ({ artist_name: 'Air', track_name: name, additional_info: info });

  it('lasts the track’s duration, or ten minutes without one; a repeat of the same track keeps its first expiry', () => {
    const playing = new PlayingNow(clock);
    playing.report(track('La Femme d’argent', { duration: 429 }));
    clock.at += 428_000;
    playing.report(track('La Femme d’argent', { duration: 429 }));
    expect(playing.current()?.track.track_name).toBe('La Femme d’argent');
    clock.at += 1_000;
    expect(playing.current()).toBeUndefined();
    playing.report(track('Sexy Boy'));
    clock.at += 599_000;
    expect(playing.current()?.track.track_name).toBe('Sexy Boy');
    playing.report(track('All I Need', { duration_ms: 268_000 }));
    expect(playing.current()?.track.track_name).toBe('All I Need');
    clock.at += 268_000;
    expect(playing.current()).toBeUndefined();
  });
});
