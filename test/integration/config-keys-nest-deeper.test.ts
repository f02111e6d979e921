// forward.listenbrainz.url|token are three levels deep: written, read, checked, masked and
// overridden like every two-level key, in a real config.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFile } from '../../src/config/config.js';
import { makeHome, removeHome } from '../support/daemon.js';

const homes: string[] = [];
afterEach(() => homes.splice(0).forEach(removeHome));

function home(config?: Record<string, unknown>): string {
  const dir = makeHome(config);
  homes.push(dir);
  return dir;
}

describe('configuration keys three levels deep', () => {
  it('are written nested in config.json, read back typed, and masked when secret', async () => {
    const dir = home();
    const config = await ConfigFile.open({ home: dir, env: {} });
    expect(config.values().forward.listenbrainz).toEqual({ url: 'https://api.listenbrainz.org' });
    await config.set('forward.listenbrainz.token', '0123456789abcdef-secret');
    await config.set('forward.listenbrainz.url', 'http://127.0.0.1:8377/apis/listenbrainz');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      forward: { listenbrainz: { token: '0123456789abcdef-secret', url: 'http://127.0.0.1:8377/apis/listenbrainz' } },
    });
    const reopened = await ConfigFile.open({ home: dir, env: {} });
    expect(reopened.values().forward.listenbrainz.token).toBe('0123456789abcdef-secret');
    expect(reopened.get('forward.listenbrainz.token')).toMatchObject({ value: '****cret', secret: true, source: 'file', env: 'AIME_FORWARD_LISTENBRAINZ_TOKEN' });
    expect(reopened.secretValues()).toContain('0123456789abcdef-secret');
    await reopened.unset('forward.listenbrainz.token');
    expect(reopened.values().forward.listenbrainz.token).toBeUndefined();
  });

  it('are overridden by their AIME_ variable', async () => {
    const config = await ConfigFile.open({ home: home(), env: { AIME_FORWARD_LISTENBRAINZ_TOKEN: 'from-env' } });
    expect(config.get('forward.listenbrainz.token')).toMatchObject({ source: 'env' });
    expect(config.values().forward.listenbrainz.token).toBe('from-env');
  });

  it('refuse a misspelt key at any depth, and a group given as a value', async () => {
    await expect(ConfigFile.open({ home: home({ forward: { listenbrainz: { tokn: 'x' } } }), env: {} })).rejects.toThrow(/unknown key "forward\.listenbrainz\.tokn"/);
    await expect(ConfigFile.open({ home: home({ forward: { listenbrianz: { token: 'x' } } }), env: {} })).rejects.toThrow(/unknown key "forward\.listenbrianz"/);
    await expect(ConfigFile.open({ home: home({ forward: { listenbrainz: 'x' } }), env: {} })).rejects.toThrow(/unknown key "forward\.listenbrainz"/);
    await expect(ConfigFile.open({ home: home({ lastfm: { pollSecs: 3 } }), env: {} })).rejects.toThrow(/unknown key "lastfm\.pollSecs"/);
    await expect(ConfigFile.open({ home: home({ forward: { listenbrainz: { url: 7 } } }), env: {} })).rejects.toThrow(/forward\.listenbrainz\.url must be a string/);
  });
});
