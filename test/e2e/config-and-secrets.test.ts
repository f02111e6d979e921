import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

const SECRET = 'sk-live-0123456789abcdefSECRET';

describe('configuration', () => {
  it('sets, gets, lists and unsets keys with the daemon down; the file stays 0600', async () => {
    const dir = home();
    expect((await runCli(dir, ['config', 'set', 'lastfm.pollSeconds', '30'])).code).toBe(0);
    const got = await runCli(dir, ['config', 'get', 'lastfm.pollSeconds', '--json']);
    expect(JSON.parse(got.stdout)).toMatchObject({ key: 'lastfm.pollSeconds', value: 30, source: 'file', env: 'AIME_LASTFM_POLL_SECONDS' });
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect((await runCli(dir, ['config', 'unset', 'lastfm.pollSeconds'])).code).toBe(0);
    const back = JSON.parse((await runCli(dir, ['config', 'get', 'lastfm.pollSeconds', '--json'])).stdout);
    expect(back).toMatchObject({ value: 120, source: 'default' });
  });

  it('goes through the daemon when it runs', async () => {
    const dir = home();
    await daemon(dir);
    const set = await runCli(dir, ['config', 'set', 'roon.radioStations', 'FIP,RTS La Première', '--json']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ value: ['FIP', 'RTS La Première'], source: 'file' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).roon.radioStations).toEqual(['FIP', 'RTS La Première']);
  });

  it('every key can be overridden by its AIME_* variable', async () => {
    const dir = home({ lastfm: { pollSeconds: 30 } });
    const result = await runCli(dir, ['config', 'get', 'lastfm.pollSeconds', '--json'], { env: { AIME_LASTFM_POLL_SECONDS: '5' } });
    expect(JSON.parse(result.stdout)).toMatchObject({ value: 5, source: 'env' });
    const list = JSON.parse((await runCli(dir, ['config', 'list', '--json'], { env: { AIME_AI_LANGUAGE: 'en' } })).stdout);
    expect(list.entries.find((entry: { key: string }) => entry.key === 'ai.language')).toMatchObject({ value: 'en', source: 'env' });
  });

  it('refuses bad values, unknown keys and bad variables with one line and exit 2', async () => {
    const dir = home();
    for (const [args, message] of [
      [['config', 'set', 'lastfm.pollSeconds', 'often'], /whole number/],
      [['config', 'set', 'ai.language', 'de'], /one of fr, en/],
      [['config', 'get', 'lastfm.apikey'], /unknown config key/],
    ] as const) {
      const result = await runCli(dir, [...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const badEnv = await runCli(dir, ['config', 'list'], { env: { AIME_ROON_PORT: 'ninety' } });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/AIME_ROON_PORT/);
  });

  it('a broken config.json stops the daemon and the CLI with one line naming the file, exit 2', async () => {
    const dir = home();
    writeFileSync(join(dir, 'config.json'), '{"lastfm": {"pollSeconds": 30,,}');
    for (const args of [['daemon'], ['config', 'list']]) {
      const result = await runCli(dir, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`${join(dir, 'config.json')}: .*not valid JSON`));
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lastfm: { pollSeconds: 'soon' } }));
    const wrongType = await runCli(dir, ['daemon']);
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toMatch(/config\.json: invalid setting: lastfm\.pollSeconds must be a whole number/);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lastfm: { pollSecs: 3 } }));
    expect((await runCli(dir, ['daemon'])).stderr).toMatch(/unknown key "lastfm\.pollSecs"/);
  });

  it('masks secrets in list and get, reads them from stdin, and never logs them', async () => {
    const dir = home();
    const set = await runCli(dir, ['config', 'set', 'ai.apiKey', '-'], { input: `${SECRET}\n` });
    expect(set.code).toBe(0);
    expect(set.stdout + set.stderr).not.toContain(SECRET);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).ai.apiKey).toBe(SECRET);
    const list = await runCli(dir, ['config', 'list']);
    const get = await runCli(dir, ['config', 'get', 'ai.apiKey', '--json']);
    expect(list.stdout).not.toContain(SECRET);
    expect(get.stdout).not.toContain(SECRET);
    expect(JSON.parse(get.stdout).value).toMatch(/^\*{4}/);

    const running = await daemon(dir, { AIME_DISCOGS_TOKEN: 'discogs-token-from-env-123', AIME_LOG_LEVEL: 'debug' });
    await runCli(dir, ['status']);
    await running.stop();
    expect(running.log()).not.toContain(SECRET);
    expect(running.log()).not.toContain('discogs-token-from-env-123');
  });
});
