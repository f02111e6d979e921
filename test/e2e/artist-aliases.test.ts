// `aime alias` and multi-artist credits end to end: the real daemon and CLI, a history
// imported from the local Last.fm stand-in, and what `aime stats --json` counts.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLastfm, type Scrobble } from '../fakes/lastfm/index.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);
const T = 1_750_000_000;

/** Scrobbles of different songs, 5 minutes apart. */
function scrobbles(...artists: string[]): Scrobble[] {
  return artists.map((artist, i) => ({ artist, title: `Song ${i}`, album: '', timestamp: T + i * 300 }));
}

async function json<T>(home: string, args: string[]): Promise<T> {
  const result = await runCli(home, [...args, '--json']);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

async function topArtists(home: string): Promise<Record<string, number>> {
  const stats = await json<{ topArtists: { name: string; plays: number }[] }>(home, ['stats', '--range', 'all', '--limit', '50']);
  return Object.fromEntries(stats.topArtists.map((artist) => [artist.name, artist.plays]));
}

async function importedHome(history: Scrobble[]) {
  const fake = await bed.fake(startFakeLastfm({ scrobbles: history }));
  const home = bed.home({ timezone: 'UTC', lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url } });
  await bed.daemon(home);
  expect(await json(home, ['import', 'lastfm'])).toMatchObject({ imported: history.length });
  return { fake, home };
}

describe('multi-artist credits', () => {
  it('"A / B" counts for A and for B in top artists while history shows the credit; "Simon & Garfunkel" stays whole', async () => {
    const { home } = await importedHome(scrobbles('Daft Punk / Pharrell Williams', 'Daft Punk', 'Daft Punk feat. Julian Casablancas', 'Simon & Garfunkel', 'Simon & Garfunkel', 'Paul Simon'));
    expect(await topArtists(home)).toEqual({ 'Daft Punk': 3, 'Pharrell Williams': 1, 'Julian Casablancas': 1, 'Simon & Garfunkel': 2, 'Paul Simon': 1 });
    const history = await json<{ items: { artist: string }[] }>(home, ['history']);
    expect(history.items.map((item) => item.artist)).toEqual(['Paul Simon', 'Simon & Garfunkel', 'Simon & Garfunkel', 'Daft Punk feat. Julian Casablancas', 'Daft Punk', 'Daft Punk / Pharrell Williams']);
    expect((await json<{ artists: number }>(home, ['stats'])).artists).toBe(5);
  });
});

describe('aime alias', () => {
  it('merges top-artist counts now and for listens imported later; rm undoes it', async () => {
    const { fake, home } = await importedHome(scrobbles('Fab Four', 'The Beatles', 'Fab Four', 'Fab Four / Stones', 'The Rolling Stones'));
    expect(await topArtists(home)).toEqual({ 'Fab Four': 3, 'The Beatles': 1, 'The Rolling Stones': 1, Stones: 1 });

    const added = await json(home, ['alias', 'artist', 'Fab Four', 'The Beatles']);
    expect(added).toEqual({ name: 'Fab Four', canonical: 'The Beatles', replaced: null, listens: 2, canonicalHeard: true });
    const shown = await runCli(home, ['alias', 'artist', 'Stones', 'The Rolling Stones']);
    expect([shown.code, shown.stdout.trim()]).toEqual([0, '"Stones" now counts as "The Rolling Stones": 0 listens so far']);
    expect(await topArtists(home)).toEqual({ 'The Beatles': 4, 'The Rolling Stones': 2 });

    // A later import: the new "Fab Four" scrobble counts for The Beatles too.
    fake.addScrobble({ artist: 'Fab Four', title: 'Later', album: '', timestamp: T + 86_400 });
    expect(await json(home, ['import', 'lastfm'])).toMatchObject({ imported: 1 });
    expect(await topArtists(home)).toEqual({ 'The Beatles': 5, 'The Rolling Stones': 2 });

    const list = await json<{ items: unknown[]; total: number }>(home, ['alias', 'list']);
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(list.items).toEqual([
      { name: 'Fab Four', canonical: 'The Beatles', listens: 3, created: expect.any(String) },
      { name: 'Stones', canonical: 'The Rolling Stones', listens: 0, created: expect.any(String) },
    ]);

    expect(await json(home, ['alias', 'rm', 'fab four'])).toEqual({ name: 'Fab Four', canonical: 'The Beatles' });
    expect(await topArtists(home)).toEqual({ 'Fab Four': 4, 'The Beatles': 1, 'The Rolling Stones': 2 });
  });

  it('refuses a cycle, an alias to itself and an unknown alias with exit 2, changing nothing', async () => {
    const { home } = await importedHome(scrobbles('Prinz', 'Prince'));
    await json(home, ['alias', 'artist', 'Prinz', 'Prince']);
    const cycle = await runCli(home, ['alias', 'artist', 'Prince', 'Prinz', '--json']);
    expect(cycle.code).toBe(2);
    expect(JSON.parse(cycle.stdout).error).toMatchObject({ kind: 'user', exitCode: 2, message: 'an alias "Prince" → "Prinz" would make a cycle: "Prince" → "Prinz" → "Prince"' });
    const itself = await runCli(home, ['alias', 'artist', 'Prince', 'PRINCE']);
    expect(itself.code).toBe(2);
    expect(itself.stderr).toMatch(/^aime: .*would make a cycle/);
    const unknown = await runCli(home, ['alias', 'rm', 'Nobody']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'aime: no alias "Nobody" (see aime alias list)']);
    expect((await runCli(home, ['alias', 'artist', 'Prince'])).code).toBe(2);
    expect((await json<{ total: number }>(home, ['alias', 'list'])).total).toBe(1);
    expect(await topArtists(home)).toEqual({ Prince: 2 });
  });
});
