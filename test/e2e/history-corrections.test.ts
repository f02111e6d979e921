// `aime history rm|edit` end to end: the real daemon and CLI, the local Last.fm stand-in, and
// re-imports and tracker polls that must not undo them.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLastfm } from '../fakes/lastfm/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);

interface Item {
  id: number;
  timestamp: number;
  artist: string;
  title: string;
  album: string | null;
  source: string;
}

async function json<T>(home: string, args: string[]): Promise<T> {
  const result = await runCli(home, [...args, '--json']);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

const history = async (home: string, ...args: string[]) => json<{ items: Item[]; total: number }>(home, ['history', '--limit', '1000', ...args]);
const importLastfm = async (home: string) => json<{ imported: number; skipped: number }>(home, ['import', 'lastfm']);

async function importedHome(pollSeconds = 120) {
  const fake = await bed.fake(startFakeLastfm({ generate: { count: 300, seed: 8 } }));
  const home = bed.home({ timezone: 'Europe/Zurich', lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url, pollSeconds } });
  await bed.daemon(home);
  expect(await importLastfm(home)).toMatchObject({ imported: 300 });
  return { fake, home };
}

describe('aime history rm', () => {
  it('deletes listens that a second import, and tracker polls over them, do not bring back', async () => {
    const { home } = await importedHome(1);
    const [newest, other] = (await history(home)).items;
    const removed = await json<{ removed: Item[]; count: number }>(home, ['history', 'rm', String(newest!.id), String(other!.id)]);
    expect(removed.count).toBe(2);
    expect(removed.removed.map((item) => [item.id, item.artist, item.title, item.timestamp, item.source])).toEqual(
      [newest!, other!].map((item) => [item.id, item.artist, item.title, item.timestamp, 'lastfm']),
    );
    expect(await importLastfm(home)).toMatchObject({ imported: 0, skipped: 300 });
    // The newest scrobble is deleted: the tracker's next polls read it again, and skip it.
    expect((await runCli(home, ['service', 'start', 'lastfm-tracker'])).code).toBe(0);
    await eventually(async () => JSON.parse((await runCli(home, ['status', '--json'])).stdout).services['lastfm-tracker'].lastRunAt);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await history(home);
    expect(after.total).toBe(298);
    expect(after.items.some((item) => item.timestamp === newest!.timestamp && item.title === newest!.title)).toBe(false);

    const shown = await runCli(home, ['history', 'rm', String(after.items[0]!.id)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('deleted 1 listen; a re-import will not bring it back');
  });

  it('refuses unknown ids with exit 2, names them, and deletes none of the others', async () => {
    const { home } = await importedHome();
    const [first] = (await history(home)).items;
    const refused = await runCli(home, ['history', 'rm', String(first!.id), '999999', '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ kind: 'not-found', exitCode: 2, message: 'no listen with id 999999 (see aime history); nothing was deleted' });
    const plain = await runCli(home, ['history', 'rm', '888888']);
    expect([plain.code, plain.stderr.trim()]).toEqual([2, 'aime: no listen with id 888888 (see aime history); nothing was deleted']);
    expect((await runCli(home, ['history', 'rm', 'abc'])).code).toBe(2);
    expect((await history(home)).total).toBe(300);
  });
});

describe('aime history edit', () => {
  it('corrects a listen; a re-import keeps it corrected and single', async () => {
    const { home } = await importedHome();
    const target = (await history(home)).items[10]!;
    const edited = await json<{ id: number; before: Item; after: Item }>(home, ['history', 'edit', String(target.id), '--artist', 'Corrected Artist', '--title', 'Corrected Title', '--time', '2025-03-01 21:30']);
    expect(edited.before).toMatchObject({ id: target.id, artist: target.artist, title: target.title, timestamp: target.timestamp });
    expect(edited.after).toMatchObject({ id: target.id, artist: 'Corrected Artist', title: 'Corrected Title', album: target.album, localTime: '2025-03-01 21:30', source: 'lastfm' });

    expect(await importLastfm(home)).toMatchObject({ imported: 0, skipped: 300 });
    const after = await history(home);
    expect(after.total).toBe(300);
    expect(after.items.filter((item) => item.title === target.title && item.timestamp === target.timestamp)).toEqual([]);
    expect(after.items.find((item) => item.id === target.id)).toMatchObject({ artist: 'Corrected Artist', title: 'Corrected Title', timestamp: edited.after.timestamp });
    const found = await history(home, '--artist', 'corrected artist');
    expect(found.items.map((item) => item.id)).toEqual([target.id]);
  });

  it('refuses an unknown id, nothing to change or a day without a time with exit 2, changing nothing', async () => {
    const { home } = await importedHome();
    const before = await history(home);
    const id = String(before.items[0]!.id);
    const unknown = await runCli(home, ['history', 'edit', '999999', '--title', 'x']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'aime: no listen with id 999999 (see aime history)']);
    expect((await runCli(home, ['history', 'edit', id])).code).toBe(2);
    expect((await runCli(home, ['history', 'edit', id, '--time', '2025-03-01'])).stderr).toContain('needs a time of day');
    expect((await runCli(home, ['history', 'edit', id, '--artist', ''])).code).toBe(2);
    expect(await history(home)).toEqual(before);
  });
});
