// `aime config set` on a running daemon: the outgoing HTTP settings apply from the next
// request, and a secret set now is cut out of the log by value from the next line.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLastfm, type FakeLastfm } from '../fakes/lastfm/index.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);
const fakes: FakeLastfm[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function lastfm(): Promise<FakeLastfm> {
  const now = Math.floor(Date.now() / 1000);
  const fake = await startFakeLastfm({ scrobbles: [{ artist: 'Nick Drake', title: 'Northern Sky', album: 'Bryter Layter', timestamp: now - 3600 }] });
  fakes.push(fake);
  return fake;
}

describe('configuration changed while the daemon runs', () => {
  it('http.retries and http.retryBaseMs apply to the next request, without a restart', async () => {
    const fake = await lastfm();
    const dir = home({ lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url }, http: { retries: 5, retryBaseMs: 1 } });
    // The test environment pins AIME_HTTP_RETRY_BASE_MS; an empty value leaves config.json in charge.
    await daemon(dir, { AIME_HTTP_RETRY_BASE_MS: '' });

    fake.faults.queue('http500', 'http500', 'http500');
    const patient = await runCli(dir, ['import', 'lastfm', '--json']);
    expect(patient.code, patient.stderr).toBe(0);
    expect(fake.faults.pending).toBe(0);

    expect((await runCli(dir, ['config', 'set', 'http.retries', '1'])).code).toBe(0);
    fake.resetCounters();
    fake.faults.queue('http500', 'http500', 'http500');
    const impatient = await runCli(dir, ['import', 'lastfm']);
    expect(impatient.code).toBe(1);
    expect(impatient.stderr).toMatch(/HTTP 500/);
    expect(fake.requestCount()).toBe(2);

    fake.faults.clear();
    expect((await runCli(dir, ['config', 'set', 'http.retryBaseMs', '4000'])).code).toBe(0);
    fake.faults.queue('http500');
    const began = Date.now();
    const slow = await runCli(dir, ['import', 'lastfm']);
    expect(slow.code, slow.stderr).toBe(0);
    // Full jitter waits between half and all of the base before the first retry.
    expect(Date.now() - began).toBeGreaterThanOrEqual(2000);
  }, 60_000);

  it('a secret set with aime config set is redacted by value from the log lines that follow', async () => {
    const dir = home();
    const running = await daemon(dir, { AIME_LOG_LEVEL: 'debug' });
    // A refused request is logged with its message, which repeats what the user typed.
    expect((await runCli(dir, ['config', 'get', 'plainly-not-a-key'])).code).toBe(2);
    expect(running.log()).toContain('plainly-not-a-key');

    const secret = 'f3a9c2e17b5d4e0a9c1b2d3e4f5a6b7c';
    expect((await runCli(dir, ['config', 'set', 'lastfm.apiKey', secret])).code).toBe(0);
    const pasted = await runCli(dir, ['config', 'get', secret]);
    expect(pasted.code).toBe(2);
    const refused = running.log().split('\n').filter((line) => line.includes('unknown config key'));
    expect(refused).toHaveLength(2);
    expect(refused[1]).toContain('[redacted]');
    expect(running.log()).not.toContain(secret);
  });
});
