// Forwarding from one AIME daemon to another real daemon's ListenBrainz-compatible endpoint (its http service), with the sending
// daemon killed (kill -9) twice while its queue empties: after restarts, the receiver holds
// exactly the sender's listens — none lost, none twice.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { startReceiver } from '../support/forward-receiver.js';
import { startFakeLastfm } from '../fakes/lastfm/index.js';

const bed = useTestHomes(afterEach);

/** Slow enough that the sender can be killed between two batches; the queue still empties in seconds. */
const SENDER_ENV = { AIME_FORWARD_MIN_INTERVAL_MS: '300', AIME_FORWARD_IDLE_MS: '100' };

function senderListens(home: string): string[] {
  const db = new Database(join(home, 'aime.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT l.timestamp || '|' || ar.name || '|' || t.title FROM listening_history l JOIN tracks t ON t.id = l.track_id
         JOIN artists ar ON ar.id = t.artist_id ORDER BY l.timestamp, l.id`,
      )
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

describe('forwarding across kill -9', () => {
  it('ends with the receiver holding exactly the sender listens', async () => {
    const receiver = await bed.fake(startReceiver());
    const lastfm = await bed.fake(startFakeLastfm({ generate: { count: 6000, seed: 16 } }));
    const home = bed.home({
      lastfm: { apiKey: lastfm.apiKey, username: lastfm.user, apiUrl: lastfm.url },
      forward: { listenbrainz: { url: receiver.url, token: receiver.token } },
    });
    let daemon = await bed.daemon(home, SENDER_ENV);
    // The whole history is stored before sending starts, so the kills land mid-queue.
    expect((await runCli(home, ['service', 'stop', 'forward'])).code).toBe(0);
    const imported = await runCli(home, ['import', 'lastfm', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 6000 });
    expect(receiver.count()).toBe(0);
    expect((await runCli(home, ['service', 'start', 'forward'])).code).toBe(0);

    for (const reached of [1000, 3000]) {
      await eventually(() => receiver.count() >= reached, 20_000, 10);
      await daemon.kill();
      expect(receiver.count()).toBeLessThan(6000);
      daemon = await bed.daemon(home, SENDER_ENV);
    }

    await eventually(() => receiver.count() === 6000, 30_000);
    const status = await eventually(async () => {
      const shown = JSON.parse((await runCli(home, ['forward', 'status', '--json'])).stdout);
      return shown.queued === 0 ? shown : undefined;
    }, 10_000);
    expect(status).toMatchObject({ enabled: true, running: true, queued: 0, failed: 0, lastError: null });
    expect(status.sent).toBe(6000);
    // Nothing more arrives later, and the two hold the same plays.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.count()).toBe(6000);
    expect(receiver.listens()).toEqual(senderListens(home));
  });
});
