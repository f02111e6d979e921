// The small rules of forwarding: how long to wait after a failure, what each ListenBrainz
// reply means, how the pacer keeps to the rate limit, and which listens are parked unsent.
import { describe, expect, it } from 'vitest';
import { AuthError, RetryLaterError, UnrecoverableError } from '../../src/core/errors.js';
import { refusalBeforeSending, submissionListen } from '../../src/core/forwarding/listen-payload.js';
import type { OutgoingListen } from '../../src/core/forwarding/ports.js';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from '../../src/core/forwarding/retry-delay.js';
import type { HttpResponse } from '../../src/integrations/http.js';
import { classifyListenbrainzReply, submitVerdict } from '../../src/integrations/listenbrainz/failures.js';
import { ListenbrainzPacer } from '../../src/integrations/listenbrainz/pacer.js';

const reply = (status: number, body: unknown = {}, headers: Record<string, string> = {}): HttpResponse => ({
  url: 'https://api.listenbrainz.org/1/submit-listens',
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const listen = (changes: Partial<OutgoingListen> = {}): OutgoingListen => ({
  id: 1,
  timestamp: 1_750_000_000,
  artist: 'Air',
  title: 'La femme d’argent',
  album: 'Moon Safari',
  albumArtist: 'Air',
  durationSeconds: 429,
  trackNumber: 1,
  recordingMbid: null,
  releaseMbid: null,
  artistMbid: null,
  source: 'vinyl',
  client: null,
  ...changes,
});

describe('waiting after a failure', () => {
  it('waits what the target asked for, up to the cap', () => {
    expect(retryDelayMs(1, 1000, 7000)).toBe(7000);
    expect(retryDelayMs(5, 1000, 0)).toBe(0);
    expect(retryDelayMs(1, 1000, 10 * MAX_RETRY_DELAY_MS)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('doubles from the base with jitter otherwise, and never passes the cap', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, 1000, undefined, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, 1000, undefined, () => 0.999_999))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(60, 1000, undefined, () => 0.999_999)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe("ListenBrainz's replies", () => {
  it('takes a 200 with {"status":"ok"} as accepted, and a 200 without it as a passing failure', () => {
    expect(classifyListenbrainzReply(reply(200, { status: 'ok' }))).toBeUndefined();
    expect(submitVerdict(reply(200, { status: 'ok' }))).toEqual({ accepted: true });
    expect(classifyListenbrainzReply(reply(200, '<html>captive portal</html>'))).toBeInstanceOf(RetryLaterError);
  });

  it('reads 400 and 413 as a verdict on the listens, with the server words', () => {
    expect(classifyListenbrainzReply(reply(400, { code: 400, error: 'Value for key listened_at is too high.' }))).toBeUndefined();
    expect(submitVerdict(reply(400, { code: 400, error: 'Value for key listened_at is too high.' }))).toEqual({ accepted: false, reason: 'Value for key listened_at is too high.' });
    expect(submitVerdict(reply(413, 'Request Entity Too Large'))).toEqual({ accepted: false, reason: 'HTTP 413' });
  });

  it('stops at 401 and 403, waits X-RateLimit-Reset-In (else Retry-After) at 429, retries 5xx, gives up on the rest', () => {
    const refused = classifyListenbrainzReply(reply(401, { code: 401, error: 'Invalid authorization token.' }));
    expect(refused).toBeInstanceOf(AuthError);
    expect(refused?.message).toBe('api.listenbrainz.org refused the token (HTTP 401: Invalid authorization token.): check forward.listenbrainz.token');
    expect(classifyListenbrainzReply(reply(403))).toBeInstanceOf(AuthError);
    const limited = classifyListenbrainzReply(reply(429, {}, { 'x-ratelimit-reset-in': '7', 'retry-after': '30' }));
    expect(limited).toBeInstanceOf(RetryLaterError);
    expect((limited as RetryLaterError).retryAfterMs).toBe(7000);
    expect((classifyListenbrainzReply(reply(429, {}, { 'retry-after': '30' })) as RetryLaterError).retryAfterMs).toBe(30_000);
    expect(classifyListenbrainzReply(reply(502))).toBeInstanceOf(RetryLaterError);
    expect(classifyListenbrainzReply(reply(404))).toBeInstanceOf(UnrecoverableError);
  });
});

describe('the pacer', () => {
  it('keeps the least interval between two requests', async () => {
    const pacer = new ListenbrainzPacer(() => 150);
    const started = Date.now();
    await pacer.wait();
    await pacer.wait();
    await pacer.wait();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('sends nothing until the window resets once a reply says it is used up', async () => {
    const pacer = new ListenbrainzPacer(() => 0);
    pacer.observe(reply(200, { status: 'ok' }, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset-in': '9' }));
    expect(pacer.readyAt).toBeLessThanOrEqual(Date.now());
    pacer.observe(reply(200, { status: 'ok' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-in': '1' }));
    expect(pacer.readyAt).toBeGreaterThan(Date.now() + 900);
    const started = Date.now();
    await pacer.wait();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('listens parked without being sent', () => {
  const now = 1_760_000_000;

  it('lets an ordinary listen go, MBIDs AIME holds in another form left out', () => {
    const sent = submissionListen(listen({ recordingMbid: 'not-a-uuid', releaseMbid: '20d0530f-2176-447f-abf4-a9307f7d1c3f' }), '1.2.3');
    expect(sent.track_metadata.additional_info).toEqual({
      submission_client: 'aime',
      submission_client_version: '1.2.3',
      duration_ms: 429_000,
      tracknumber: 1,
      release_mbid: '20d0530f-2176-447f-abf4-a9307f7d1c3f',
      aime_source: 'vinyl',
    });
    expect(refusalBeforeSending(sent, now)).toBeUndefined();
  });

  it('names the ListenBrainz rule a listen breaks: too old, too far ahead, a NUL, too large', () => {
    expect(refusalBeforeSending(submissionListen(listen({ timestamp: 1_000_000_000 }), '1'), now)).toMatch(/^Value for key listened_at is too low/);
    expect(refusalBeforeSending(submissionListen(listen({ timestamp: now + 7200 }), '1'), now)).toBe('Value for key listened_at is too high.');
    expect(refusalBeforeSending(submissionListen(listen({ title: 'a\u0000b' }), '1'), now)).toBe('a\u0000b contains a unicode null');
    expect(refusalBeforeSending(submissionListen(listen({ title: 'x'.repeat(11_000) }), '1'), now)).toMatch(/^too large for ListenBrainz \(\d+ bytes; at most 10176\)$/);
  });
});
