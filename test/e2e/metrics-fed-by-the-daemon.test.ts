// GET /metrics through the real daemon counts what really happened: Last.fm polls that worked
// and one that failed, Roon plays written, a Last.fm and a Discogs import with what they
// stored, a job run from the run history, and listens per source from the database.
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscogs } from '../fakes/discogs/index.js';
import { startFakeLastfm } from '../fakes/lastfm/index.js';
import { startFakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { call, freePort } from '../support/http-listener.js';

const bed = useTestHomes(afterAll);

/** Every sample of GET /metrics by its series ('name{labels}'). */
async function scrape(url: string): Promise<Map<string, number>> {
  const text = (await call(`${url}/metrics`)).text;
  return new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))] as const),
  );
}

describe('GET /metrics on the daemon', () => {
  it('counts tracker polls and errors, Roon plays, imports, job runs and listens by source', async () => {
    const now = Math.floor(Date.now() / 1000);
    const lastfm = await bed.fake(startFakeLastfm({ scrobbles: [{ artist: 'Air', album: 'Moon Safari', title: 'Talisman', timestamp: now - 7200 }] }));
    const discogs = await bed.fake(startFakeDiscogs({ releases: 12 }));
    const core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0, seekEverySecond: true }));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const home = bed.home({
      http: { listen: `127.0.0.1:${port}` },
      lastfm: { apiKey: lastfm.apiKey, username: lastfm.user, apiUrl: lastfm.url, pollSeconds: 1 },
      discogs: { token: discogs.token, username: discogs.username, apiUrl: discogs.url },
      roon: { host: core.host, port: core.port },
    });
    await bed.daemon(home, { AIME_HTTP_RETRIES: '0' });
    const before = await scrape(url);
    expect(before.get('aime_listens{source="lastfm"}')).toBeUndefined();
    expect(before.get('process_resident_memory_bytes')).toBeGreaterThan(10_000_000);

    // Last.fm: polls that work, then polls that fail once the key is wrong.
    expect((await runCli(home, ['service', 'start', 'lastfm-tracker'])).code).toBe(0);
    await eventually(async () => ((await scrape(url)).get('aime_tracker_polls_total{tracker="lastfm",result="ok"}') ?? 0) >= 1);
    expect((await scrape(url)).get('aime_listens{source="lastfm"}')).toBe(1);
    expect((await runCli(home, ['config', 'set', 'lastfm.apiKey', 'not-the-key'])).code).toBe(0);
    await eventually(async () => ((await scrape(url)).get('aime_tracker_polls_total{tracker="lastfm",result="error"}') ?? 0) >= 1);
    expect((await runCli(home, ['service', 'stop', 'lastfm-tracker'])).code).toBe(0);

    // Roon: a track played past its threshold is one write of the tracker.
    expect((await runCli(home, ['service', 'start', 'roon-tracker'])).code).toBe(0);
    await eventually(async () => JSON.parse((await runCli(home, ['roon', 'status', '--json'])).stdout).connected === true);
    core.setQueue('1601living', core.albumTracks('The Beatles', 'Abbey Road'), { state: 'playing' });
    core.advance('1601living', 140);
    core.control('1601living', 'next');
    await eventually(async () => (await scrape(url)).get('aime_tracker_polls_total{tracker="roon",result="ok"}') === 1);
    expect((await scrape(url)).get('aime_listens{source="roon"}')).toBe(1);

    // Imports through the CLI: what each stored; a failed one counts as an error.
    expect((await runCli(home, ['import', 'discogs'])).code).toBe(0);
    expect((await runCli(home, ['config', 'set', 'lastfm.apiKey', lastfm.apiKey])).code).toBe(0);
    lastfm.addScrobbles([{ artist: 'Björk', album: 'Homogenic', title: 'Jóga', timestamp: now - 3600 }]);
    expect((await runCli(home, ['import', 'lastfm'])).code).toBe(0);
    await lastfm.close();
    expect((await runCli(home, ['import', 'lastfm'])).code).not.toBe(0);

    // A job run, from the run history.
    expect((await runCli(home, ['jobs', 'run', 'json-export'])).code).toBe(0);

    const after = await scrape(url);
    expect(after.get('aime_import_runs_total{kind="discogs",result="ok"}')).toBe(1);
    expect(after.get('aime_import_added_total{kind="discogs"}')).toBe(12);
    expect(after.get('aime_import_runs_total{kind="lastfm",result="ok"}')).toBe(1);
    expect(after.get('aime_import_added_total{kind="lastfm"}')).toBe(1);
    expect(after.get('aime_import_runs_total{kind="lastfm",result="error"}')).toBe(1);
    expect(after.get('aime_job_runs_total{job="json-export",result="ok"}')).toBe(1);
    expect(after.get('aime_listens{source="lastfm"}')).toBe(2);
    expect(after.get('aime_forward_queue_length')).toBeUndefined();
  }, 90_000);
});
