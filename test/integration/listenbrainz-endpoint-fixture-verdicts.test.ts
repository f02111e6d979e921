// The ListenBrainz server's own submit-listens test payloads, and the request bodies of two real
// clients (Navidrome, multi-scrobbler), sent byte for byte to AIME's listener over HTTP: each gets
// the verdict the fixtures README states for the real server, and a refused one stores nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { realFixture } from '../support/shared-fixtures.js';
import { call, startListener, storedListens, submit, type RunningListener } from '../support/http-listener.js';

/** ../shared/fixtures/real/README.md §3 (expected answers from the server's test_api.py). */
const SERVER_VERDICTS: Record<string, { status: 200 } | { status: 400; error?: string }> = {
  'valid_single.json': { status: 200 },
  'valid_import.json': { status: 200 },
  'valid_playing_now.json': { status: 200 },
  'valid_duration.json': { status: 200 },
  'playing_now_with_duration_ms.json': { status: 200 },
  'additional_info.json': { status: 200 },
  'single_more_than_one_listen.json': { status: 400, error: 'JSON document contains more than listen for a single/playing_now. It should contain only one.' },
  'playing_now_with_ts.json': { status: 400, error: 'JSON document must not contain listened_at while submitting playing_now.' },
  'playing_now_more_than_one_listen.json': { status: 400 },
  'invalid_listen_null_listened_at.json': { status: 400, error: 'JSON document must contain an int value for listened_at.' },
  'invalid_listen_nan_in_json.json': { status: 400 },
  'invalid_listen_missing_track_metadata.json': { status: 400, error: 'JSON document must contain the key track_metadata at the top level.' },
  'invalid_listen_null_track_metadata.json': { status: 400, error: 'JSON document may not have track_metadata with null value.' },
  'artist_name_list.json': { status: 400, error: 'track_metadata.artist_name must be a single string.' },
  'invalid_release_name.json': { status: 400, error: 'track_metadata.release_name must be a single string.' },
  'multi_duration.json': { status: 400, error: 'JSON document should not contain both duration and duration_ms.' },
  'invalid_duration.json': { status: 400, error: 'Value for duration is invalid, should be a positive integer.' },
  'timestamp_before_lfm_founding.json': {
    status: 400,
    error: 'Value for key listened_at is too low. listened_at timestamp should be greater than 1033410600 (2002-10-01 00:00:00 UTC).',
  },
  'invalid_recording_mbid.json': { status: 400, error: 'recording_mbid MBID format invalid.' },
  'listen_having_unicode_null.json': { status: 400, error: '\u0000Fade contains a unicode null' },
  'empty_artist_name.json': { status: 400, error: 'field track_metadata.artist_name is empty.' },
};

const SUBMIT_DIR = realFixture('listenbrainz-server', 'submit');

let listener: RunningListener;
beforeAll(async () => {
  listener = await startListener();
});
afterAll(async () => {
  await listener.close();
});
afterEach(() => {
  listener.db.sqlite.exec('DELETE FROM listening_history');
});

describe('the ListenBrainz server’s own payloads get the server’s verdicts', () => {
  it('has a stated verdict for every file in the folder', () => {
    expect(readdirSync(SUBMIT_DIR).sort()).toEqual(Object.keys(SERVER_VERDICTS).sort());
  });

  it.each(Object.entries(SERVER_VERDICTS))('%s → %o', async (file, verdict) => {
    const raw = readFileSync(realFixture('listenbrainz-server', 'submit', file));
    const document = /NaN/.test(raw.toString('utf8')) ? undefined : JSON.parse(raw.toString('utf8'));
    const answer = await submit(listener, raw);
    expect(answer.status).toBe(verdict.status);
    if (verdict.status === 200) {
      expect(answer.json).toEqual({ status: 'ok' });
      const stored = document.listen_type === 'playing_now' ? 0 : document.payload.length;
      expect(storedListens(listener)).toHaveLength(stored);
      expect(storedListens(listener).every((listen) => listen.source === 'listenbrainz')).toBe(true);
    } else {
      expect(answer.json.code).toBe(400);
      if (verdict.error) expect(answer.json.error).toBe(verdict.error);
      expect(storedListens(listener)).toHaveLength(0);
    }
  });

  it('refuses empty_artist_name also with the field removed (the server’s second send)', async () => {
    const document = JSON.parse(readFileSync(realFixture('listenbrainz-server', 'submit', 'empty_artist_name.json'), 'utf8'));
    delete document.payload[0].track_metadata.artist_name;
    const answer = await submit(listener, document);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('JSON document does not contain required field track_metadata.artist_name.');
  });

  it('stores valid_single as the listen it names, and shows valid_playing_now as playing now', async () => {
    await submit(listener, readFileSync(realFixture('listenbrainz-server', 'submit', 'valid_single.json')));
    expect(storedListens(listener)).toEqual([
      { timestamp: 1486449409, artist: 'Kanye West', title: 'Fade', album: 'The Life of Pablo', source: 'listenbrainz', client: null },
    ]);
    await submit(listener, readFileSync(realFixture('listenbrainz-server', 'submit', 'valid_playing_now.json')));
    const now = await call(`${listener.url}/1/user/aime/playing-now`);
    expect(now.json.payload).toMatchObject({ count: 1, playing_now: true, listens: [{ track_metadata: { artist_name: 'Kanye West', track_name: 'Fade' } }] });
  });
});

describe('real clients’ request examples', () => {
  it('refuses Navidrome’s test requests, whose MBIDs are placeholders ("mbz-123")', async () => {
    for (const file of ['listenbrainz.scrobble.request.json', 'listenbrainz.nowplaying.request.json']) {
      const answer = await submit(listener, readFileSync(realFixture('navidrome', file)));
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ code: 400, error: 'release_mbid MBID format invalid.' });
    }
    expect(storedListens(listener)).toHaveLength(0);
  });

  it('accepts multi-scrobbler’s minimal example and stores its listen', async () => {
    const answer = await submit(listener, readFileSync(realFixture('multi-scrobbler', 'submitListensRequestMinimalExample.json')));
    expect(answer.status).toBe(200);
    expect(storedListens(listener)).toEqual([
      { timestamp: 1778211134, artist: 'The Smashing Pumpkins', title: '17', album: 'Adore (2014 Remaster)', source: 'listenbrainz', client: null },
    ]);
  });

  it('refuses multi-scrobbler’s schema-filler example: listened_at 0 is checked before its double duration', async () => {
    const answer = await submit(listener, readFileSync(realFixture('multi-scrobbler', 'submitListensRequestExample.json')));
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/^Value for key listened_at is too low/);
    expect(storedListens(listener)).toHaveLength(0);
  });
});
