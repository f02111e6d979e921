import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMusicbrainz, type FakeMusicbrainz } from '../fakes/musicbrainz/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);
let musicbrainz: FakeMusicbrainz | undefined;
afterEach(async () => {
  await musicbrainz?.close();
});

interface Shown {
  enrichment: { provider: string; status: string; attempts: number; nextRetryAt: number | null }[];
}

describe('background enrichment', () => {
  it('does not ask again before the retry time after a failure, not even after a restart', async () => {
    musicbrainz = await startFakeMusicbrainz();
    musicbrainz.faults.failNext('500', { match: '/ws/2/', times: 1000 });
    const dir = home();
    const env = { AIME_HTTP_RETRIES: '1', AIME_MUSICBRAINZ_API_URL: musicbrainz.apiUrl, AIME_COVERART_API_URL: musicbrainz.coverartUrl };
    const first = await daemon(dir, env);

    const added = await runCli(dir, ['collection', 'add', 'Miles Davis', 'Kind of Blue', '--support', 'vinyl', '--json'], { env });
    expect(added.code).toBe(0);
    const { id } = JSON.parse(added.stdout) as { id: number };
    const show = async () => JSON.parse((await runCli(dir, ['collection', 'show', String(id), '--json'], { env })).stdout) as Shown;

    // The new album woke the background queue, which failed against MusicBrainz and set a retry time.
    const failed = await eventually(async () => {
      const row = (await show()).enrichment.find((attempt) => attempt.provider === 'musicbrainz');
      return row?.status === 'failed' ? row : undefined;
    });
    expect(failed.attempts).toBe(1);
    expect(failed.nextRetryAt ?? 0).toBeGreaterThan(Date.now() / 1000 + 1800);
    const asked = musicbrainz.requests.count('/ws/2/');
    expect(asked).toBe(2);

    const explicit = await runCli(dir, ['enrich', '--album', String(id), '--json'], { env });
    expect(explicit.code).toBe(0);
    expect(JSON.parse(explicit.stdout).albums[0].results).toEqual([]);

    await first.stop();
    await daemon(dir, env);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const due = JSON.parse((await runCli(dir, ['enrich', '--json'], { env })).stdout) as { albums: unknown[] };
    expect(due.albums).toEqual([]);
    expect(musicbrainz.requests.count('/ws/2/')).toBe(asked);
    expect((await show()).enrichment.find((attempt) => attempt.provider === 'musicbrainz')?.attempts).toBe(1);

    // --force asks at once, so the counts above would have seen any retry.
    musicbrainz.faults.clear();
    const forced = await runCli(dir, ['enrich', '--album', String(id), '--provider', 'musicbrainz', '--force', '--json'], { env });
    expect(JSON.parse(forced.stdout).albums[0].results).toEqual([{ provider: 'musicbrainz', status: 'success' }]);
    expect(musicbrainz.requests.count('/ws/2/')).toBe(asked + 1);
  });
});
