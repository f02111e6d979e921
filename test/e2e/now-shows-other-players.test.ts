// `aime now --plain` on a daemon without Roon: another player's playing_now shows as soon as it
// is submitted and goes when its time is up (both pushed); a watcher suspended long enough for
// the daemon to drop it subscribes again when resumed; a stopped daemon ends it with that message.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { call, freePort } from '../support/http-listener.js';
import { watchNow } from '../support/now-watcher.js';

const bed = useTestHomes(afterEach);

const QUIET_ROON = { AIME_ROON_DISCOVERY_TARGET: '127.0.0.1:9', AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '200' };
const NO_CORE = 'No Roon Core found on the local network yet (still looking): set its address with aime config set roon.host <ip>, then run aime roon pair.';

async function listenerHome() {
  const port = await freePort();
  const home = bed.home({ http: { listen: `127.0.0.1:${port}` } });
  const daemon = await bed.daemon(home, QUIET_ROON);
  const token = (await runCli(home, ['token', 'create'])).stdout.trim();
  const playingNow = (track: Record<string, unknown>) =>
    call(`http://127.0.0.1:${port}/1/submit-listens`, {
      body: JSON.stringify({ listen_type: 'playing_now', payload: [{ track_metadata: track }] }),
      headers: { authorization: `Token ${token}` },
    });
  return { home, daemon, playingNow };
}

describe('aime now --plain and other players', () => {
  it('shows a playing_now while it lasts, then the Roon line again', async () => {
    const { home, playingNow } = await listenerHome();
    const watcher = watchNow(home);
    try {
      await eventually(() => watcher.lines.length === 1);
      expect(watcher.lines[0]).toBe(NO_CORE);
      const answer = await playingNow({ artist_name: 'Air', track_name: 'Talisman', release_name: 'Moon Safari', additional_info: { submission_client: 'Navidrome', duration: 3 } });
      expect(answer.status).toBe(200);
      await eventually(() => watcher.lines.length === 2);
      expect(watcher.lines[1]).toBe('[playing] Navidrome: Air — Talisman (Moon Safari)');
      // Its 3 seconds over, the daemon says so without being asked.
      await eventually(() => watcher.lines.length === 3, 10_000);
      expect(watcher.lines[2]).toBe(NO_CORE);
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
  });

  it('subscribes again after the daemon dropped it for unread updates, and ends when the daemon stops', async () => {
    const { home, daemon, playingNow } = await listenerHome();
    const watcher = watchNow(home);
    await eventually(() => watcher.lines.length === 1);

    // Suspended (Ctrl-Z): updates pile up unread until the daemon gives up on the connection.
    watcher.child.kill('SIGSTOP');
    const album = 'A'.repeat(9000);
    let sent = 0;
    await eventually(async () => {
      for (let batch = 0; batch < 20; batch++) expect((await playingNow({ artist_name: 'Air', track_name: `Track ${++sent}`, release_name: album })).status).toBe(200);
      return daemon.log().includes('disconnected a client that stopped reading its notifications');
    }, 30_000, 0);
    const last = `Track ${sent}`;
    watcher.child.kill('SIGCONT');
    await eventually(() => watcher.lines.at(-1)?.startsWith(`[playing] another player: Air — ${last} (`));
    expect(watcher.stderr()).toContain('the daemon dropped this connection (updates were left unread); subscribed again');
    expect(watcher.child.exitCode).toBeNull();
    const more = await playingNow({ artist_name: 'Air', track_name: 'After the drop', release_name: 'Moon Safari' });
    expect(more.status).toBe(200);
    await eventually(() => watcher.lines.at(-1) === '[playing] another player: Air — After the drop (Moon Safari)');

    await daemon.stop();
    expect(await watcher.exited).toBe(1);
    expect(watcher.stderr()).toContain('aime: the AIME daemon stopped');
  }, 60_000);
});
