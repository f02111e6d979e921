// Which listens are forwarded: every new one, from every source, except those read from a
// ListenBrainz export (ListenBrainz has them); older ones only on a backfill, once. Real
// SQLite, the real ingest, a real ListenBrainz export file read in place.
import { afterEach, describe, expect, it } from 'vitest';
import { backfillListens } from '../../src/core/forwarding/backfill.js';
import { eventually } from '../support/daemon.js';
import { walk } from '../support/export-walk.js';
import { plays, startSender, type RunningSender } from '../support/forward-sender.js';
import { realFixture } from '../support/shared-fixtures.js';
import { startFakeListenbrainz, type FakeListenbrainz } from '../fakes/listenbrainz/index.js';

let sender: RunningSender | undefined;
let target: FakeListenbrainz | undefined;

afterEach(async () => {
  await sender?.close();
  await target?.close();
  sender = target = undefined;
});

async function setup() {
  target = await startFakeListenbrainz();
  sender = await startSender({ url: target.url, token: target.token });
  return { target, sender };
}

const now = () => Math.floor(Date.now() / 1000);
/** `aime forward backfill`'s work, in slices of 7 listens so that slices meet inside the range. */
const backfill = (sender: RunningSender, since: number, until: number) => backfillListens(sender.outbox, { since, until }, now(), async () => undefined, 7);
const sources = (fake: FakeListenbrainz) => fake.listens().map((listen) => listen.track_metadata.additional_info['aime_source']);

describe('what is forwarded', () => {
  it('forwards new listens from every source, and none read from a ListenBrainz export', async () => {
    const { target, sender } = await setup();
    const exported = [...(await walk([realFixture('koito', 'listenbrainz_shoko1_1749780844.zip')])).files.values()].flatMap((file) => file.plays);
    expect(exported).toHaveLength(5);
    await sender.record(exported);
    await sender.record(plays(30, 'lastfm', 1_700_000_000));
    await sender.record(plays(20, 'roon', 1_710_000_000));
    await sender.record(plays(12, 'vinyl', 1_720_000_000));
    await sender.record(plays(8, 'spotify', 1_730_000_000));
    // Other players posting to AIME's own endpoint: source listenbrainz, but not from ListenBrainz.
    await sender.record(plays(6, 'listenbrainz', 1_740_000_000).map((play) => ({ ...play, client: 'Navidrome' })));
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 76, 15_000);
    expect(sources(target).sort()).toEqual([...Array(30).fill('lastfm'), ...Array(6).fill('listenbrainz'), ...Array(20).fill('roon'), ...Array(8).fill('spotify'), ...Array(12).fill('vinyl')]);
    const exportedTimes = new Set(exported.map((play) => play.timestamp));
    expect(target.listens().filter((listen) => exportedTimes.has(listen.listened_at))).toEqual([]);
    const navidrome = target.listens().find((listen) => listen.track_metadata.additional_info['aime_source'] === 'listenbrainz');
    expect(navidrome?.track_metadata.additional_info['media_player']).toBe('Navidrome');
    expect(sender.outbox.counts()).toMatchObject({ queued: 0, sent: 76, parked: 0 });
    // Nor does a backfill of everything queue them.
    expect(await backfill(sender, 0, Number.MAX_SAFE_INTEGER)).toBe(0);
  });

  it('sends a listen as ListenBrainz expects it: start time, names, album, duration in ms, where AIME heard it', async () => {
    const { target, sender } = await setup();
    await sender.record([
      { artist: 'Daft Punk', title: 'Digital Love', album: 'Discovery', timestamp: 1_750_000_000, source: 'roon', durationSeconds: 301, zone: 'Living Room' },
      { artist: 'Various', title: 'Intro', timestamp: 1_750_000_400, source: 'lastfm' },
    ]);
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 2, 10_000);
    expect(target.listens()).toEqual([
      {
        listened_at: 1_750_000_000,
        track_metadata: {
          artist_name: 'Daft Punk',
          track_name: 'Digital Love',
          release_name: 'Discovery',
          additional_info: { submission_client: 'aime', submission_client_version: '0.0.0-test', duration_ms: 301_000, aime_source: 'roon' },
        },
      },
      {
        listened_at: 1_750_000_400,
        track_metadata: { artist_name: 'Various', track_name: 'Intro', additional_info: { submission_client: 'aime', submission_client_version: '0.0.0-test', aime_source: 'lastfm' } },
      },
    ]);
  });

  it('queues only listens stored while the token is set; a backfill queues older ones once', async () => {
    const { target, sender } = await setup();
    sender.outbox.follow(false, now());
    await sender.record(plays(40, 'lastfm', 1_600_000_000, 'before'));
    sender.outbox.follow(true, now());
    await sender.record(plays(10, 'roon', 1_700_000_000, 'after'));
    expect(sender.outbox.counts()).toMatchObject({ queued: 10, collecting: true });
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 10, 10_000);
    expect(target.listens().every((listen) => listen.track_metadata.track_name.startsWith('after'))).toBe(true);

    // The first 25 'before' plays lie before 1,600,000,000 + 25 minutes.
    expect(await backfill(sender, 1_600_000_000, 1_600_000_000 + 25 * 60)).toBe(25);
    await eventually(() => sender.outbox.counts().sent === 35, 10_000);
    // Again, and wider: the 25 sent and the 10 new ones are not queued again.
    expect(await backfill(sender, 0, Number.MAX_SAFE_INTEGER)).toBe(15);
    await eventually(() => sender.outbox.counts().sent === 50, 10_000);
    expect(await backfill(sender, 0, Number.MAX_SAFE_INTEGER)).toBe(0);
    expect(target.listens()).toHaveLength(50);
    expect(target.received).toBe(50);
  });

  it('keeps what was stored while the token was set when it is unset, and takes nothing while it is', async () => {
    const { sender } = await setup();
    await sender.record(plays(7, 'roon', 1_700_000_000, 'on'));
    sender.outbox.follow(false, now());
    await sender.record(plays(5, 'roon', 1_710_000_000, 'off'));
    expect(sender.outbox.counts()).toMatchObject({ queued: 7, collecting: false });
    sender.outbox.follow(true, now());
    await sender.record(plays(3, 'roon', 1_720_000_000, 'on again'));
    expect(sender.outbox.counts()).toMatchObject({ queued: 10, collecting: true });
    sender.outbox.collect(100, now());
    expect(sender.outbox.next(100).map((listen) => listen.title.replace(/ song \d+$/, ''))).toEqual([...Array(7).fill('on'), ...Array(3).fill('on again')]);
  });

  it('does not send a queued listen deleted before its turn', async () => {
    const { target, sender } = await setup();
    await sender.record(plays(3, 'manual', 1_700_000_000));
    sender.outbox.collect(100, now());
    sender.db.sqlite.prepare("DELETE FROM listening_history WHERE timestamp = 1700000060").run();
    expect(sender.outbox.counts().queued).toBe(2);
    await sender.start();
    await eventually(() => sender.outbox.counts().sent === 2, 10_000);
    expect(target.listens().map((listen) => listen.listened_at)).toEqual([1_700_000_000, 1_700_000_120]);
  });
});
