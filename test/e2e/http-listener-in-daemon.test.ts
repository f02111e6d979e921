// The HTTP listener as the daemon runs it (service `http`), driven by the real CLI: it follows
// http.listen (set, moved, unset) and `aime service stop|start http`; tokens are created, listed
// and removed with `aime token`; Navidrome's and multi-scrobbler's own requests become listens
// that `aime history` shows with their client, one listen with the same play imported from
// Last.fm; /health and /metrics answer through the daemon, and no token reaches the log.
import { readFileSync } from 'node:fs';
import { describe, expect, it, afterEach } from 'vitest';
import { startFakeLastfm } from '../fakes/lastfm/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { call, freePort, portOpen } from '../support/http-listener.js';
import { watchNow } from '../support/now-watcher.js';
import { realFixture } from '../support/shared-fixtures.js';

const bed = useTestHomes(afterEach);

/** Roon stays quiet: discovery asks a port nobody answers on, never the LAN. */
const QUIET_ROON = { AIME_ROON_DISCOVERY_TARGET: '127.0.0.1:9', AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '200' };

const fixture = (...parts: string[]) => JSON.parse(readFileSync(realFixture(...parts), 'utf8'));

async function json(home: string, args: string[]): Promise<any> {
  const result = await runCli(home, [...args, '--json']);
  expect(result.code, `aime ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout);
}

/** The value of one sample of GET /metrics, undefined when the series is absent. */
async function metric(url: string, series: string): Promise<number | undefined> {
  const text = (await call(`${url}/metrics`)).text;
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the http service', () => {
  it('follows http.listen and aime service stop|start http, and warns when it listens on every interface', async () => {
    const home = bed.home();
    const daemon = await bed.daemon(home, QUIET_ROON);
    expect((await json(home, ['status'])).services.http).toMatchObject({ running: false, state: 'stopped' });

    const port = await freePort();
    expect((await runCli(home, ['config', 'set', 'http.listen', `127.0.0.1:${port}`])).code).toBe(0);
    await eventually(() => portOpen(port));
    const url = `http://127.0.0.1:${port}`;
    expect((await json(home, ['status'])).services.http).toMatchObject({ running: true, state: 'running', details: { url } });
    expect((await runCli(home, ['status'])).stdout).toMatch(new RegExp(`http +● running on ${url}`));
    expect((await call(`${url}/health`)).json).toEqual({ status: 'ok' });

    // Stopped means the port is closed by the time the command returns.
    expect((await runCli(home, ['service', 'stop', 'http'])).code).toBe(0);
    expect(await portOpen(port)).toBe(false);
    expect((await runCli(home, ['service', 'start', 'http'])).code).toBe(0);
    expect(await portOpen(port)).toBe(true);

    const wide = await freePort();
    expect((await runCli(home, ['config', 'set', 'http.listen', `0.0.0.0:${wide}`])).code).toBe(0);
    await eventually(async () => (await portOpen(wide)) && !(await portOpen(port)));
    expect(daemon.log()).toMatch(new RegExp(`"address":"0\\.0\\.0\\.0:${wide}".*open on every network interface`));
    expect(daemon.log()).not.toMatch(new RegExp(`"address":"127\\.0\\.0\\.1:${port}".*open on every network interface`));

    const refused = await runCli(home, ['config', 'set', 'http.listen', 'localhost']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('http.listen "localhost" is not host:port');
    expect(await portOpen(wide)).toBe(true);

    // Without an address there is nothing to listen on; the wish (started above) is kept for the next one.
    expect((await runCli(home, ['config', 'unset', 'http.listen'])).code).toBe(0);
    await eventually(async () => !(await portOpen(wide)));
    expect((await json(home, ['service', 'list'])).services.find((service: { name: string }) => service.name === 'http')).toMatchObject({ state: 'not-configured' });
  });

  it('starts with the daemon when http.listen is set in config.json', async () => {
    const port = await freePort();
    const home = bed.home({ http: { listen: `127.0.0.1:${port}` } });
    await bed.daemon(home, QUIET_ROON);
    expect(await portOpen(port)).toBe(true);
  });
});

describe('players sending listens to the daemon', () => {
  it('Navidrome and multi-scrobbler: validate-token, playing_now, single → listens with their client; a Last.fm copy merges; tokens removed stop working', async () => {
    const lastfm = await bed.fake(startFakeLastfm());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const home = bed.home({ http: { listen: `127.0.0.1:${port}` }, lastfm: { apiKey: lastfm.apiKey, username: lastfm.user, apiUrl: lastfm.url } });
    const daemon = await bed.daemon(home, QUIET_ROON);

    // The token alone on stdout, shown once; the note goes to stderr.
    const created = await runCli(home, ['token', 'create', '--name', 'navidrome']);
    expect(created.code).toBe(0);
    const navidrome = created.stdout.trim();
    expect(navidrome).toMatch(/^[0-9a-f]{64}$/);
    expect(created.stderr).toContain('not shown again');
    const relay = await json(home, ['token', 'create', '--name', 'multi-scrobbler']);
    expect(relay).toMatchObject({ id: 2, name: 'multi-scrobbler', lastUsedAt: null });
    expect(relay.token).toMatch(/^[0-9a-f]{64}$/);
    const listed = await runCli(home, ['token', 'list', '--json']);
    expect(JSON.parse(listed.stdout).tokens.map((token: { name: string }) => token.name)).toEqual(['navidrome', 'multi-scrobbler']);
    for (const token of [navidrome, relay.token]) expect(listed.stdout).not.toContain(token);
    expect(await metric(url, 'aime_listens{source="listenbrainz"}')).toBeUndefined();

    // Navidrome, with its own request bodies (its test MBIDs replaced by real ones, as a real library has).
    const asNavidrome = (document: any) => {
      Object.assign(document.payload[0].track_metadata.additional_info, {
        recording_mbid: 'b1a9c0e9-d987-4042-ae91-78d6a3267d69',
        release_mbid: 'e8d4b6a2-6d2b-4c3a-9d4f-0b1a2c3d4e5f',
        artist_mbids: ['056e4f3e-d505-4dad-8ec1-d04f521cbb56'],
        submission_client: 'Navidrome',
      });
      return JSON.stringify(document);
    };
    const auth = { authorization: `Token ${navidrome}`, 'content-type': 'application/json; charset=UTF-8' };
    expect((await call(`${url}/1/validate-token`, { headers: auth })).json).toEqual({ code: 200, message: 'Token valid.', valid: true, user_name: lastfm.user });
    const nowPlaying = await call(`${url}/1/submit-listens`, { body: asNavidrome(fixture('navidrome', 'listenbrainz.nowplaying.request.json')), headers: auth });
    expect(nowPlaying.status).toBe(200);
    const watcher = watchNow(home);
    try {
      await eventually(() => watcher.lines.includes('[playing] Navidrome: Track Artist — Track Title (Track Album)'));
    } finally {
      await watcher.stop();
    }
    const scrobble = fixture('navidrome', 'listenbrainz.scrobble.request.json');
    const listenedAt = Math.floor(Date.now() / 1000) - 150;
    scrobble.payload[0].listened_at = listenedAt;
    expect((await call(`${url}/1/submit-listens`, { body: asNavidrome(scrobble), headers: auth })).status).toBe(200);

    const history = await json(home, ['history', '--source', 'listenbrainz']);
    expect(history.items).toMatchObject([{ timestamp: listenedAt, artist: 'Track Artist', title: 'Track Title', album: 'Track Album', source: 'listenbrainz', client: 'Navidrome' }]);
    expect((await runCli(home, ['history', '--source', 'listenbrainz'])).stdout).toContain('listenbrainz (Navidrome)');
    expect(await metric(url, 'aime_listens{source="listenbrainz"}')).toBe(1);

    // The same play also scrobbled to Last.fm (Navidrome sends to both), then imported: still one listen.
    lastfm.addScrobbles([
      { artist: 'Track Artist', album: 'Track Album', title: 'Track Title', timestamp: listenedAt + 20 },
      { artist: 'Air', album: 'Moon Safari', title: 'Talisman', timestamp: listenedAt - 3600 },
    ]);
    const imported = await runCli(home, ['import', 'lastfm', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const all = await json(home, ['history']);
    expect(all.items.map((item: { title: string; source: string }) => [item.title, item.source])).toEqual([
      ['Track Title', 'listenbrainz'],
      ['Talisman', 'lastfm'],
    ]);
    expect(await metric(url, 'aime_listens{source="lastfm"}')).toBe(1);
    expect(await metric(url, 'aime_import_runs_total{kind="lastfm",result="ok"}')).toBe(1);

    // multi-scrobbler relaying Plex, under the Maloja/Koito-style path, token in the query.
    const minimal = fixture('multi-scrobbler', 'submitListensRequestMinimalExample.json');
    Object.assign(minimal.payload[0].track_metadata.additional_info, { media_player: 'Plex', submission_client: 'multi-scrobbler' });
    const base = `${url}/apis/listenbrainz`;
    expect((await call(`${base}/1/validate-token?token=${relay.token}`)).json).toMatchObject({ valid: true });
    const relayAuth = { authorization: `Token ${relay.token}` };
    const relayed = { listen_type: 'playing_now', payload: [{ track_metadata: minimal.payload[0].track_metadata }] };
    expect((await call(`${base}/1/submit-listens`, { body: JSON.stringify(relayed), headers: relayAuth })).status).toBe(200);
    expect((await call(`${base}/1/submit-listens`, { body: JSON.stringify(minimal), headers: relayAuth })).status).toBe(200);
    const both = await json(home, ['history', '--source', 'listenbrainz']);
    // Newest first: multi-scrobbler's example play is from May 2026.
    expect(both.items.map((item: { title: string; client: string; timestamp: number }) => [item.title, item.client, item.timestamp])).toEqual([
      ['Track Title', 'Navidrome', listenedAt],
      ['17', 'Plex via multi-scrobbler', 1778211134],
    ]);
    expect(await metric(url, 'aime_listens{source="listenbrainz"}')).toBe(2);
    expect(await metric(url, 'aime_listenbrainz_listens_submitted_total{listen_type="single"}')).toBe(2);
    expect(await metric(url, 'aime_http_requests_total{route="/1/submit-listens",status="200"}')).toBe(4);
    expect((await call(`${url}/health`)).status).toBe(200);

    // A removed token is refused from the next request on; an unknown one cannot be removed.
    expect((await runCli(home, ['token', 'rm', 'navidrome'])).stdout).toContain('removed token "navidrome"');
    const late = await call(`${url}/1/submit-listens`, { body: asNavidrome(scrobble), headers: auth });
    expect(late.status).toBe(401);
    expect((await call(`${url}/1/validate-token`, { headers: auth })).json).toMatchObject({ valid: false });
    const unknown = await runCli(home, ['token', 'rm', 'navidrome']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no token "navidrome"');
    expect((await json(home, ['token', 'rm', '2'])).name).toBe('multi-scrobbler');
    expect(await json(home, ['token', 'list'])).toEqual({ tokens: [] });

    for (const token of [navidrome, relay.token]) expect(daemon.log()).not.toContain(token);
  });
});
