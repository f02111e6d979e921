// The forward service against a local ListenBrainz stand-in that checks every request with
// the real server's rules: batches, rate limits, passing failures, refused listens, a
// refused token. Real SQLite underneath (test/support/forward-sender.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/daemon.js';
import { plays, startSender, type RunningSender } from '../support/forward-sender.js';
import { startFakeListenbrainz, type FakeListenbrainz, type FakeListenbrainzOptions } from '../fakes/listenbrainz/index.js';

let sender: RunningSender | undefined;
let target: FakeListenbrainz | undefined;

afterEach(async () => {
  await sender?.close();
  await target?.close();
  sender = target = undefined;
});

async function setup(fake: FakeListenbrainzOptions = {}, token?: string) {
  target = await startFakeListenbrainz(fake);
  sender = await startSender({ url: target.url, token: token ?? target.token });
  return { target, sender };
}

describe('forwarding to ListenBrainz', () => {
  it('sends import batches of at most 1,000 listens, with the token, each listen once', async () => {
    const { target, sender } = await setup();
    await sender.record(plays(2500, 'lastfm'));
    await sender.start();
    // The fake has a batch a moment before the sender records the answer.
    await eventually(() => target.listens().length === 2500 && sender.outbox.counts().queued === 0, 20_000);
    const accepted = target.requests.filter((request) => request.status === 200);
    expect(accepted.map((request) => request.listens)).toEqual([1000, 1000, 500]);
    expect(accepted.every((request) => request.listenType === 'import' && request.authorization === `Token ${target.token}`)).toBe(true);
    expect(accepted.every((request) => request.userAgent?.startsWith('aime/'))).toBe(true);
    expect(target.received).toBe(2500);
    expect(sender.outbox.counts()).toMatchObject({ queued: 0, sent: 2500, parked: 0, lastError: null });
    const first = target.listens()[0]!;
    expect(first.track_metadata.additional_info).toMatchObject({ submission_client: 'aime', aime_source: 'lastfm' });
    // The token is a secret: it never reaches the log.
    expect(sender.logLines.join('\n')).not.toContain(target.token);
  });

  it('resends the one batch whose success a crash kept from being recorded, and the target keeps it once', async () => {
    const { target, sender } = await setup();
    await sender.record(plays(1800, 'roon'));
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 1800, 20_000);
    // The database as a kill -9 leaves it between the target's answer and the transaction that records it.
    sender.db.sqlite.exec(`UPDATE forward_outbox SET state = 'queued', settled_at = NULL WHERE listen_id > (SELECT max(listen_id) - 800 FROM forward_outbox);
      UPDATE forward_state SET sent_total = sent_total - 800`);
    expect(sender.outbox.counts()).toMatchObject({ queued: 800, sent: 1000 });
    sender.service.retryNow();
    await eventually(() => sender.outbox.counts().queued === 0, 10_000);
    expect(sender.outbox.counts().sent).toBe(1800);
    expect(target.received).toBe(2600);
    expect(target.listens()).toHaveLength(1800);
  });

  it('waits out a 429 for as long as X-RateLimit-Reset-In says, then goes on', async () => {
    const { target, sender } = await setup({ faults: { queue: ['rateLimited'] }, resetInSeconds: 2 });
    await sender.record(plays(10, 'roon'));
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 10, 15_000);
    const [limited, next] = target.requests;
    expect(limited?.status).toBe(429);
    expect(next?.status).toBe(200);
    expect(next!.at - limited!.at).toBeGreaterThanOrEqual(1900);
    expect(sender.outbox.counts()).toMatchObject({ sent: 10, lastError: null });
  });

  it('tries again after server errors and cut connections, and sends every listen exactly once', async () => {
    const { target, sender } = await setup({ faults: { queue: ['http500', 'drop', 'http503', 'drop'] } });
    await sender.record(plays(1500, 'spotify'));
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 1500, 20_000);
    expect(target.requests.filter((request) => request.fault !== undefined)).toHaveLength(4);
    expect(target.received).toBe(1500);
    expect(sender.outbox.counts()).toMatchObject({ queued: 0, sent: 1500, parked: 0, lastError: null });
  });

  it('remembers the last failure while the target is down', async () => {
    const { target, sender } = await setup({ faults: { probability: 1, kinds: ['http503'] } });
    await sender.record(plays(3, 'vinyl'));
    await sender.start();
    await eventually(() => target.requests.length >= 3, 10_000);
    expect(sender.outbox.counts()).toMatchObject({ queued: 3, sent: 0, lastError: expect.stringContaining('HTTP 503') });
    expect(sender.service.live().failuresInARow).toBeGreaterThanOrEqual(2);
    target.faults.clear();
    await eventually(() => sender.outbox.counts().sent === 3, 10_000);
    expect(target.listens()).toHaveLength(3);
    expect(sender.outbox.counts()).toMatchObject({ queued: 0, sent: 3, lastError: null });
  });

  it('parks the one listen a 400 is about, with the reason, and sends the rest', async () => {
    const refusal = 'track_metadata.track_name is not allowed here';
    const { target, sender } = await setup({ refuse: (listen) => (listen.track_metadata.track_name === 'lastfm song 613' ? refusal : undefined) });
    await sender.record(plays(1000, 'lastfm'));
    await sender.start();
    await eventually(() => sender.outbox.counts().queued === 0 && target.listens().length === 999, 20_000);
    expect(target.listens().some((listen) => listen.track_metadata.track_name === 'lastfm song 613')).toBe(false);
    const counts = sender.outbox.counts();
    expect(counts).toMatchObject({ sent: 999, parked: 1 });
    const [parked] = sender.outbox.parkedListens(10);
    expect(parked).toMatchObject({ title: 'lastfm song 613', reason: `refused by the target: ${refusal}` });
    // Halving finds it: about two requests per level of a 1,000-listen batch, not one per listen.
    expect(target.requests.length).toBeLessThanOrEqual(22);
    expect(target.received).toBe(999);
  });

  it('parks without sending a listen the ListenBrainz rules refuse', async () => {
    const { target, sender } = await setup();
    await sender.record([...plays(4, 'lastfm'), { artist: 'Too Early', title: 'Before 2002', timestamp: 1_000_000_000, source: 'cd' }]);
    await sender.start();
    await eventually(() => sender.outbox.counts().queued === 0, 10_000);
    expect(target.listens()).toHaveLength(4);
    expect(target.requests).toHaveLength(1);
    const [parked] = sender.outbox.parkedListens(10);
    expect(parked).toMatchObject({ title: 'Before 2002', reason: expect.stringMatching(/^not sent: Value for key listened_at is too low/) });
  });

  it('stops at a refused token after one request, and tries again only when told', async () => {
    const { target, sender } = await setup({}, 'not-the-token');
    await sender.record(plays(5, 'roon'));
    await sender.start();
    await eventually(() => sender.service.live().halted !== null, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(target.requests.map((request) => request.status)).toEqual([401]);
    expect(sender.service.live().halted).toMatch(/refused the token \(HTTP 401: Invalid authorization token\.\): check forward\.listenbrainz\.token/);
    expect(sender.outbox.counts()).toMatchObject({ queued: 5, sent: 0, lastError: expect.stringContaining('HTTP 401') });
    sender.service.retryNow();
    await eventually(() => target.requests.length === 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.requests).toHaveLength(2);
  });
});
