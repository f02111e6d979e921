// Real clients' conversations with the listener (validate-token, playing_now, then single), the
// read endpoints (playing-now expiring, listens paged by max_ts/min_ts/count) and the rate-limit
// headers — over HTTP, against a real SQLite file.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/daemon.js';
import { realFixture } from '../support/shared-fixtures.js';
import { call, startListener, storedListens, submit, type RunningListener } from '../support/http-listener.js';

const running: RunningListener[] = [];
async function listenerFor(options: Parameters<typeof startListener>[0] = {}) {
  const listener = await startListener(options);
  running.push(listener);
  return listener;
}
afterEach(async () => {
  for (const listener of running.splice(0)) await listener.close();
});

const fixture = (...parts: string[]) => JSON.parse(readFileSync(realFixture(...parts), 'utf8'));
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('a real client’s conversation', () => {
  it('Navidrome: validate-token with the header, playing_now, then single → shown playing, then stored once with its client', async () => {
    const listener = await listenerFor({ userName: 'martine' });
    const auth = { authorization: `Token ${listener.token}`, 'content-type': 'application/json; charset=UTF-8' };
    const check = await call(`${listener.url}/1/validate-token`, { headers: auth });
    expect(check.json).toEqual({ code: 200, message: 'Token valid.', valid: true, user_name: 'martine' });

    // Navidrome's own request bodies; its test MBIDs ("mbz-123") replaced by real ones, as a real library sends.
    const withRealIds = (document: any) => {
      const info = document.payload[0].track_metadata.additional_info;
      Object.assign(info, {
        recording_mbid: 'b1a9c0e9-d987-4042-ae91-78d6a3267d69',
        release_mbid: 'e8d4b6a2-6d2b-4c3a-9d4f-0b1a2c3d4e5f',
        artist_mbids: ['056e4f3e-d505-4dad-8ec1-d04f521cbb56'],
        submission_client: 'Navidrome',
      });
      return document;
    };
    const playing = withRealIds(fixture('navidrome', 'listenbrainz.nowplaying.request.json'));
    expect((await submit(listener, playing, auth)).status).toBe(200);
    const now = await call(`${listener.url}/1/user/martine/playing-now`);
    expect(now.json.payload).toMatchObject({ count: 1, playing_now: true, user_id: 'martine', listens: [{ playing_now: true, track_metadata: { artist_name: 'Track Artist', track_name: 'Track Title' } }] });

    const scrobble = withRealIds(fixture('navidrome', 'listenbrainz.scrobble.request.json'));
    scrobble.payload[0].listened_at = nowSeconds() - 150;
    expect((await submit(listener, scrobble, auth)).status).toBe(200);
    // A client retrying after a lost answer: still one listen.
    expect((await submit(listener, scrobble, auth)).status).toBe(200);
    expect(storedListens(listener)).toEqual([
      { timestamp: scrobble.payload[0].listened_at, artist: 'Track Artist', title: 'Track Title', album: 'Track Album', source: 'listenbrainz', client: 'Navidrome' },
    ]);
    const duration = listener.db.sqlite.prepare('SELECT duration_seconds FROM tracks').pluck().get();
    expect(duration).toBe(142);
  });

  it('multi-scrobbler: validate-token with ?token=, playing_now, then its minimal single → stored once as "Plex via multi-scrobbler"', async () => {
    const listener = await listenerFor();
    const check = await call(`${listener.url}/apis/listenbrainz/1/validate-token?token=${listener.token}`);
    expect(check.json).toMatchObject({ valid: true, user_name: 'aime' });
    const minimal = fixture('multi-scrobbler', 'submitListensRequestMinimalExample.json');
    // media_player and submission_client are keys of multi-scrobbler's own request schema (its full example).
    Object.assign(minimal.payload[0].track_metadata.additional_info, { media_player: 'Plex', submission_client: 'multi-scrobbler' });
    const nowPlaying = { listen_type: 'playing_now', payload: [{ track_metadata: minimal.payload[0].track_metadata }] };
    const auth = { authorization: `Token ${listener.token}` };
    expect((await submit(listener, nowPlaying, auth, '/apis/listenbrainz')).status).toBe(200);
    expect((await submit(listener, minimal, auth, '/apis/listenbrainz')).status).toBe(200);
    expect(storedListens(listener)).toEqual([
      { timestamp: 1778211134, artist: 'The Smashing Pumpkins', title: '17', album: 'Adore (2014 Remaster)', source: 'listenbrainz', client: 'Plex via multi-scrobbler' },
    ]);
  });
});

describe('validate-token', () => {
  it('says invalid (200, no user_name) for an unknown token and 400 when none is given', async () => {
    const listener = await listenerFor();
    const wrong = await call(`${listener.url}/1/validate-token?token=nope`);
    expect(wrong.status).toBe(200);
    expect(wrong.json).toEqual({ code: 200, message: 'Token invalid.', valid: false });
    const none = await call(`${listener.url}/1/validate-token`);
    expect(none.status).toBe(400);
    expect(none.json).toEqual({ code: 400, error: 'You need to provide an Authorization token.' });
  });
});

describe('playing-now', () => {
  it('shows the last playing_now until the track’s duration has passed', async () => {
    const listener = await listenerFor();
    const shortTrack = readFileSync(realFixture('listenbrainz-server', 'submit', 'playing_now_with_duration_ms.json'));
    expect((await submit(listener, shortTrack)).status).toBe(200);
    const first = await call(`${listener.url}/1/user/aime/playing-now`);
    expect(first.json.payload.count).toBe(1);
    expect(first.json.payload.listens[0].track_metadata.additional_info).toEqual({ duration_ms: 1001 });
    // duration_ms 1001 → one second, as the server's own test expects.
    const later = await eventually(async () => {
      const answer = await call(`${listener.url}/1/user/aime/playing-now`);
      return answer.json.payload.count === 0 ? answer : undefined;
    }, 5_000);
    expect(later.json.payload).toEqual({ count: 0, user_id: 'aime', playing_now: true, listens: [] });
    expect(storedListens(listener)).toHaveLength(0);
  });

  it('answers 404 for a user this server does not know; the configured name matches in any case', async () => {
    const listener = await listenerFor({ userName: 'Martine' });
    const other = await call(`${listener.url}/1/user/bob/playing-now`);
    expect(other.status).toBe(404);
    expect(other.json).toEqual({ code: 404, error: 'Cannot find user: bob' });
    expect((await call(`${listener.url}/1/user/martine/playing-now`)).status).toBe(200);
  });
});

describe('listens', () => {
  const T = 1_700_000_000;
  async function tenListens() {
    const listener = await listenerFor();
    const payload = Array.from({ length: 10 }, (_, index) => ({ listened_at: T + index * 100, track_metadata: { artist_name: 'Air', track_name: `Song ${index}`, release_name: 'Moon Safari' } }));
    expect((await submit(listener, { listen_type: 'import', payload })).status).toBe(200);
    return listener;
  }
  const times = (answer: { json: any }) => answer.json.payload.listens.map((listen: { listened_at: number }) => listen.listened_at);

  it('pages newest first by count and max_ts (exclusive), and forward from min_ts (exclusive)', async () => {
    const listener = await tenListens();
    const url = `${listener.url}/1/user/aime/listens`;
    const newest = await call(`${url}?count=3`);
    expect(times(newest)).toEqual([T + 900, T + 800, T + 700]);
    expect(newest.json.payload).toMatchObject({ user_id: 'aime', count: 3, latest_listen_ts: T + 900, oldest_listen_ts: T });
    expect(times(await call(`${url}?count=3&max_ts=${T + 700}`))).toEqual([T + 600, T + 500, T + 400]);
    expect(times(await call(`${url}?count=2&min_ts=${T + 100}`))).toEqual([T + 300, T + 200]);
    expect(times(await call(`${url}?min_ts=${T + 300}&max_ts=${T + 600}`))).toEqual([T + 500, T + 400]);
    expect(times(await call(url))).toHaveLength(10);
    expect(times(await call(`${url}?count=5000`))).toHaveLength(10);
  });

  it('gives each listen the ListenBrainz shape', async () => {
    const listener = await tenListens();
    const answer = await call(`${listener.url}/apis/listenbrainz/1/user/aime/listens?count=1`);
    const [listen] = answer.json.payload.listens;
    expect(listen).toMatchObject({
      listened_at: T + 900,
      user_name: 'aime',
      track_metadata: { artist_name: 'Air', track_name: 'Song 9', release_name: 'Moon Safari', additional_info: { submission_client: 'AIME', aime_source: 'listenbrainz' } },
    });
    expect(listen.recording_msid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(typeof listen.inserted_at).toBe('number');
  });

  it('refuses a negative count, bounds in the wrong order, and arguments that are not numbers', async () => {
    const listener = await tenListens();
    const url = `${listener.url}/1/user/aime/listens`;
    expect((await call(`${url}?count=-1`)).json).toEqual({ code: 400, error: 'Number of items requested should be positive' });
    expect((await call(`${url}?min_ts=${T + 500}&max_ts=${T + 100}`)).json).toEqual({ code: 400, error: 'max_ts should be greater than min_ts' });
    expect((await call(`${url}?min_ts=${T}&max_ts=${T}`)).json).toEqual({ code: 400, error: 'min_ts should be less than max_ts' });
    expect((await call(`${url}?max_ts=soon`)).json).toEqual({ code: 400, error: 'Invalid max_ts argument: soon' });
  });
});

describe('rate limits', () => {
  it('sends X-RateLimit-* on every answer and 429 past the limit, counted per token and per address', async () => {
    // A fixed clock: the window cannot roll over in the middle of the test.
    const fixed = Date.now();
    const listener = await listenerFor({ rateLimit: { perToken: 3, perAddress: 2, windowSeconds: 60 }, clock: { now: () => fixed } });
    const body = { listen_type: 'single', payload: [{ listened_at: 1_700_000_000, track_metadata: { artist_name: 'Air', track_name: 'Kelly' } }] };
    const answers = [];
    for (let index = 0; index < 4; index++) answers.push(await submit(listener, body));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((answer) => answer.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
    expect(answers[0]!.headers['x-ratelimit-limit']).toBe('3');
    const resetIn = Number(answers[0]!.headers['x-ratelimit-reset-in']);
    expect(resetIn).toBeGreaterThan(0);
    expect(resetIn).toBeLessThanOrEqual(60);
    expect(Number(answers[0]!.headers['x-ratelimit-reset'])).toBe(Math.floor(fixed / 1000) + resetIn);
    expect(answers[3]!.json.code).toBe(429);
    expect(storedListens(listener)).toHaveLength(1);
    // Without a token the caller is counted by address, with the lower limit.
    const anonymous = [await call(`${listener.url}/1/user/aime/listens`), await call(`${listener.url}/1/user/aime/listens`), await call(`${listener.url}/1/user/aime/listens`)];
    expect(anonymous.map((answer) => [answer.status, answer.headers['x-ratelimit-limit']])).toEqual([
      [200, '2'],
      [200, '2'],
      [429, '2'],
    ]);
  });
});
