// `aime status` reads like a clock on the wall: the last poll in the configured time zone
// (not raw UTC) and how long until the Last.fm tracker polls again; --json keeps its ISO
// fields and adds the zone they are shown in.
import { afterEach, expect, it } from 'vitest';
import { startFakeLastfm } from '../fakes/lastfm/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** HH:MM:SS on the clocks of Kiritimati (UTC+14, no daylight saving): never the UTC time. */
function kiritimati(iso: string): string {
  const at = new Date(Date.parse(iso) + 14 * 3600_000);
  return at.toISOString().slice(11, 19);
}

it('shows the last poll in the configured zone and the next one as "in N s" or "in N min"', async () => {
  const fake = await startFakeLastfm({ scrobbles: [] });
  closers.push(() => fake.close());
  const dir = home({ timezone: 'Pacific/Kiritimati', lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url, pollSeconds: 600 } });
  await daemon(dir);
  expect((await runCli(dir, ['service', 'start', 'lastfm-tracker'])).code).toBe(0);
  const status = await eventually(async () => {
    const json = JSON.parse((await runCli(dir, ['status', '--json'])).stdout);
    return json.services['lastfm-tracker'].details.nextPollAt ? json : undefined;
  });
  expect(status.timezone).toBe('Pacific/Kiritimati');
  const tracker = status.services['lastfm-tracker'];
  expect(tracker.lastRunAt).toMatch(/Z$/);

  const asked = Date.now();
  const text = await runCli(dir, ['status']);
  const line = text.stdout.split('\n').find((candidate) => candidate.includes('lastfm-tracker')) ?? '';
  expect(line).toContain(`last run ${kiritimati(tracker.lastRunAt)}`);
  expect(line).not.toContain(tracker.lastRunAt);
  const next = /next poll in (\d+) (s|min)/.exec(line);
  expect(next, line).not.toBeNull();
  const secondsLeft = (Date.parse(tracker.details.nextPollAt) - asked) / 1000;
  const shown = Number(next?.[1]) * (next?.[2] === 'min' ? 60 : 1);
  // Rounded to whole minutes beyond 90 s; the CLI ran a moment after `asked`.
  expect(Math.abs(shown - secondsLeft)).toBeLessThanOrEqual(31);

  const list = await runCli(dir, ['service', 'list']);
  expect(list.stdout).toMatch(/lastfm-tracker .*last run \d\d:\d\d:\d\d · next poll in \d+ min/);
});
