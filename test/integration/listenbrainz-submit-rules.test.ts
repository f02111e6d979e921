// submit-listens, rule by rule, over HTTP against the real listener and a real SQLite file: every
// limit at its edge, the shapes the API refuses, and that a refused request stores nothing at all.
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListener, storedListens, submit, type RunningListener } from '../support/http-listener.js';

const T = 1_750_000_000;
const listen = (overrides: Record<string, unknown> = {}, track: Record<string, unknown> = {}) => ({
  listened_at: T,
  track_metadata: { artist_name: 'Daft Punk', track_name: 'Digital Love', release_name: 'Discovery', ...track },
  ...overrides,
});
const single = (item: unknown) => ({ listen_type: 'single', payload: [item] });
const imported = (items: unknown[]) => ({ listen_type: 'import', payload: items });
const nowSeconds = () => Math.floor(Date.now() / 1000);

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

async function refused(body: unknown, error: string | RegExp, headers?: Record<string, string>) {
  const answer = await submit(listener, body, headers);
  expect(answer.status).toBe(400);
  expect(answer.json.code).toBe(400);
  if (typeof error === 'string') expect(answer.json.error).toBe(error);
  else expect(answer.json.error).toMatch(error);
  expect(storedListens(listener)).toHaveLength(0);
}

async function accepted(body: unknown, headers?: Record<string, string>) {
  const answer = await submit(listener, body, headers);
  expect(answer.json).toEqual({ status: 'ok' });
  expect(answer.status).toBe(200);
}

describe('limits, each at its edge', () => {
  it('takes 1,000 listens in one request and refuses 1,001', async () => {
    const items = Array.from({ length: 1001 }, (_, index) => listen({ listened_at: T + index * 300 }, { track_name: `Track ${index}` }));
    await refused(imported(items), 'Too many listens. You may not submit more than 1000 listens at once.');
    await accepted(imported(items.slice(0, 1000)));
    expect(storedListens(listener)).toHaveLength(1000);
  });

  it('refuses a request whose body is over 10,240 bytes per listen, counted over the whole request as the server does', async () => {
    const big = 'x'.repeat(11_000);
    await refused(imported([listen({}, { additional_info: { comment: big } })]), 'JSON document is too large. Each listens may not be larger than 10240 bytes.');
    // One listen over 10,240 bytes beside a small one: the request is under 2 × 10,240, so the server takes it.
    await accepted(imported([listen({}, { additional_info: { comment: big } }), listen({ listened_at: T + 600 })]));
    expect(storedListens(listener)).toHaveLength(2);
  });

  it('refuses a body over 10,240,000 bytes before reading it, whether its length is declared or not', async () => {
    const body = JSON.stringify(imported([listen()])).replace('{', `{${' '.repeat(10_240_001)}`);
    await refused(body, 'Payload too large. Payload cannot exceed 10240000 bytes');
    const { request } = await import('undici');
    async function* chunks() {
      for (let index = 0; index < 11; index++) yield Buffer.alloc(1_000_000, 0x20);
    }
    const streamed = await request(`${listener.url}/1/submit-listens`, { method: 'POST', body: Readable.from(chunks()), headers: { authorization: `Token ${listener.token}` } });
    expect(streamed.statusCode).toBe(400);
    expect(await streamed.body.json()).toEqual({ code: 400, error: 'Payload too large. Payload cannot exceed 10240000 bytes' });
    expect(storedListens(listener)).toHaveLength(0);
  });

  it('takes listened_at from the server’s minimum 1033410600 up to (not including) an hour ahead', async () => {
    await refused(single(listen({ listened_at: 1_033_410_599 })), /^Value for key listened_at is too low/);
    await refused(single(listen({ listened_at: nowSeconds() + 3600 })), 'Value for key listened_at is too high.');
    await accepted(single(listen({ listened_at: 1_033_410_600 })));
    await accepted(single(listen({ listened_at: nowSeconds() + 3590 }, { track_name: 'Aerodynamic' })));
    expect(storedListens(listener).map((row) => row.timestamp)[0]).toBe(1_033_410_600);
    expect(storedListens(listener)).toHaveLength(2);
  });

  it('checks durations: positive whole numbers (fractions and digit strings read as the server reads them), at most 24 days, never both', async () => {
    await refused(single(listen({}, { additional_info: { duration: 0 } })), 'Value for duration is invalid, should be a positive integer.');
    await refused(single(listen({}, { additional_info: { duration_ms: 'long' } })), 'Value for duration_ms is invalid, should be a positive integer.');
    await refused(single(listen({}, { additional_info: { duration: 2_073_601 } })), 'Value for duration is too large, max permitted value is 2073600');
    await refused(single(listen({}, { additional_info: { duration: 200, duration_ms: 200_000 } })), 'JSON document should not contain both duration and duration_ms.');
    await accepted(single(listen({}, { track_name: 'Voyager', additional_info: { duration_ms: '245000' } })));
    const duration = listener.db.sqlite.prepare(`SELECT duration_seconds FROM tracks WHERE title = 'Voyager'`).pluck().get();
    expect(duration).toBe(245);
  });
});

describe('shapes the API refuses', () => {
  it('a single with two listens, and a playing_now with listened_at', async () => {
    await refused({ listen_type: 'single', payload: [listen(), listen({ listened_at: T + 300 })] }, 'JSON document contains more than listen for a single/playing_now. It should contain only one.');
    await refused({ listen_type: 'playing_now', payload: [listen()] }, 'JSON document must not contain listened_at while submitting playing_now.');
  });

  it('extra keys beside listened_at and track_metadata in a listen (extra keys of the document itself are ignored, as by the server)', async () => {
    await refused(single(listen({ user_name: 'someone' })), 'JSON document may only contain listened_at and track_metadata top level keys');
    await refused({ listen_type: 'playing_now', payload: [{ track_metadata: listen().track_metadata, extra: 1 }] }, 'JSON document may only contain track_metadata as top level key when submitting playing_now.');
    await accepted({ ...single(listen()), client_hint: 'ignored' });
  });

  it('an MBID that is not a UUID; a UUID without hyphens or in capitals is one, and an empty one is dropped', async () => {
    await refused(single(listen({}, { additional_info: { release_mbid: 'mbz-456' } })), 'release_mbid MBID format invalid.');
    await refused(single(listen({}, { additional_info: { artist_mbids: ['db92a151-1ac2-438b-bc43-b82e149ddd50', 'nope'] } })), 'artist_mbids MBID format invalid.');
    await accepted(
      single(listen({}, { additional_info: { recording_mbid: 'DB92A1511AC2438BBC43B82E149DDD50', release_mbid: '', artist_mbids: [null, 'db92a151-1ac2-438b-bc43-b82e149ddd50'] } })),
    );
  });

  it('listened_at as a string: digits are read as the number (like the server), anything else is refused', async () => {
    await refused(single(listen({ listened_at: 'yesterday' })), 'JSON document must contain an int value for listened_at.');
    await refused(single(listen({ listened_at: '1750000000.5' })), 'JSON document must contain an int value for listened_at.');
    await accepted(single(listen({ listened_at: '1750000000' })));
    expect(storedListens(listener).map((row) => row.timestamp)).toEqual([T]);
  });

  it('an empty payload, an empty body, a payload that is not a list, a document that is not an object, an unknown listen_type', async () => {
    await refused({ listen_type: 'import', payload: [] }, 'JSON document does not contain any listens');
    await refused('', /^Cannot parse JSON document: /);
    await refused({ listen_type: 'import', payload: {} }, 'The payload in the JSON document should be a list of listens.');
    await refused([single(listen())], 'Invalid JSON document submitted. Top level of JSON document should be a json object.');
    await refused({ listen_type: 'scrobble', payload: [listen()] }, 'JSON document requires a valid listen_type key.');
    await refused({ payload: [listen()] }, 'Invalid JSON document submitted.');
  });

  it('empty or non-string names, and a unicode null anywhere in the track', async () => {
    await refused(single(listen({}, { track_name: '   ' })), 'field track_metadata.track_name is empty.');
    await refused(single(listen({}, { release_name: '' })), 'field track_metadata.release_name is empty.');
    await refused(single(listen({}, { track_name: 7 })), 'track_metadata.track_name must be a single string.');
    await refused(single(listen({}, { additional_info: { tags: ['house', 'fr\u0000ench'] } })), 'fr\u0000ench contains a unicode null');
  });

  it('stores nothing of an import whose last listen is wrong', async () => {
    await refused(imported([listen(), listen({ listened_at: T + 300 }), listen({ listened_at: 5 })]), /too low/);
  });
});

describe('what is accepted, and how it is stored', () => {
  it('takes requests without a Content-Type, or with a wrong one (some clients send none)', async () => {
    const { request } = await import('undici');
    const body = Buffer.from(JSON.stringify(single(listen())));
    const bare = await request(`${listener.url}/1/submit-listens`, { method: 'POST', body, headers: { authorization: `Token ${listener.token}` } });
    expect(bare.statusCode).toBe(200);
    await bare.body.dump();
    await accepted(single(listen({ listened_at: T + 300 })), { authorization: `Token ${listener.token}`, 'content-type': 'application/x-www-form-urlencoded' });
    expect(storedListens(listener)).toHaveLength(2);
  });

  it('answers on /1/… and /apis/listenbrainz/1/… alike', async () => {
    expect((await submit(listener, single(listen()), undefined, '')).status).toBe(200);
    expect((await submit(listener, single(listen({ listened_at: T + 300 })), undefined, '/apis/listenbrainz')).status).toBe(200);
    expect(storedListens(listener)).toHaveLength(2);
  });

  it('keeps names trimmed, the album, source listenbrainz and the reporting client ("player via relay")', async () => {
    await accepted(
      single(listen({}, { artist_name: '  Daft Punk ', additional_info: { media_player: 'Plex', submission_client: 'multi-scrobbler', submission_client_version: '0.9' } })),
    );
    await accepted(single(listen({ listened_at: T + 600 }, { track_name: 'Aerodynamic', additional_info: { submission_client: 'Navidrome' } })));
    expect(storedListens(listener)).toEqual([
      { timestamp: T, artist: 'Daft Punk', title: 'Digital Love', album: 'Discovery', source: 'listenbrainz', client: 'Plex via multi-scrobbler' },
      { timestamp: T + 600, artist: 'Daft Punk', title: 'Aerodynamic', album: 'Discovery', source: 'listenbrainz', client: 'Navidrome' },
    ]);
  });

  it('answers every one of many simultaneous clients and stores each listen once, duplicates across requests included', async () => {
    const second = listener.tokens.create('second client').token;
    const bodies = Array.from({ length: 30 }, (_, request) =>
      imported(Array.from({ length: 20 }, (_, index) => listen({ listened_at: T + (request * 20 + index) * 300 }, { track_name: `Track ${request}-${index}` }))),
    );
    const answers = await Promise.all([
      ...bodies.map((body, index) => submit(listener, body, { authorization: `Token ${index % 2 ? second : listener.token}` })),
      submit(listener, bodies[0]),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(31).fill(200));
    expect(storedListens(listener)).toHaveLength(600);
    listener.tokens.remove('second client');
  });

  it('passes the cross-source dedup: a listen Last.fm already brought is not stored twice', async () => {
    listener.db.sqlite.exec('DELETE FROM listening_history');
    const { ListenIngest } = await import('../../src/core/listens/ingest.js');
    const { SqliteListenStore } = await import('../../src/db/repositories/listens.js');
    const ingest = new ListenIngest({ store: new SqliteListenStore(listener.db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
    await ingest.record([{ artist: 'Daft Punk', title: 'Digital Love', album: 'Discovery', timestamp: T + 40, source: 'lastfm' }]);
    await accepted(single(listen()));
    expect(storedListens(listener).map((row) => row.source)).toEqual(['lastfm']);
  });
});

describe('authorization', () => {
  it('answers 401 without a token, with a malformed header, with a wrong token — and stores nothing', async () => {
    const body = single(listen());
    const cases: [Record<string, string>, string][] = [
      [{}, 'You need to provide an Authorization header.'],
      [{ authorization: 'Token' }, 'Provided Authorization header is invalid.'],
      [{ authorization: 'Token 0000000000000000000000000000000000000000000000000000000000000000' }, 'Invalid authorization token.'],
    ];
    for (const [headers, error] of cases) {
      const answer = await submit(listener, body, headers);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ code: 401, error });
    }
    expect(storedListens(listener)).toHaveLength(0);
  });

  it('checks the token before the body: an unauthorised oversized body is answered 401', async () => {
    const answer = await submit(listener, 'x'.repeat(10_300_000), {});
    expect(answer.status).toBe(401);
  });
});
