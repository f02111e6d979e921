import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

interface Page {
  items: { id: number; title: string; artists: string[]; year: number | null; support: string | null; discogsId: number | null; spotifyUrl: string | null; coverUrl: string | null }[];
  total: number;
  page: number;
  pageSize: number;
}

async function json<T>(dir: string, args: string[]): Promise<T> {
  const result = await runCli(dir, [...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('aime collection', () => {
  it('adds, filters, pages, sorts, edits and removes albums, with the SPEC --json shape', async () => {
    const dir = home();
    await daemon(dir);
    const albums: [string, string, string, string, string[]][] = [
      ['Miles Davis', 'Kind of Blue', '1959', 'vinyl', ['Jazz']],
      ['Björk', 'Homogenic', '1997', 'cd', ['Electronic']],
      ['The Beatles', 'Abbey Road', '1969', 'vinyl', ['Rock']],
      ['Vangelis', 'Blade Runner', '1994', 'cd', ['Stage & Screen']],
      ['Fleetwood Mac', 'Rumours', '1977', 'cassette', ['Rock']],
    ];
    const ids: number[] = [];
    for (const [artist, title, year, support, genres] of albums) {
      const extra = genres[0] === 'Stage & Screen' ? ['--soundtrack'] : [];
      const added = await json<{ id: number; created: boolean }>(dir, ['collection', 'add', artist, title, '--year', year, '--support', support, '--genre', ...genres, ...extra]);
      expect(added.created).toBe(true);
      ids.push(added.id);
    }
    // A second copy of the same album (another spelling) is one album with two copies.
    const again = await json<{ id: number; created: boolean }>(dir, ['collection', 'add', 'beatles', 'ABBEY ROAD', '--support', 'cd']);
    expect(again).toMatchObject({ id: ids[2], created: false });

    const all = await json<Page>(dir, ['collection', 'list']);
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 30 });
    expect(Object.keys(all.items[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'artists', 'year', 'support', 'discogsId', 'spotifyUrl', 'coverUrl']));
    expect(all.items.map((item) => item.title)).toEqual(['Abbey Road', 'Homogenic', 'Rumours', 'Kind of Blue', 'Blade Runner']);

    const seventies = await json<Page>(dir, ['collection', 'list', '--year', '1950-1979', '--sort', 'year', '--desc']);
    expect(seventies.items.map((item) => item.title)).toEqual(['Rumours', 'Abbey Road', 'Kind of Blue']);
    expect((await json<Page>(dir, ['collection', 'list', '--support', 'vinyl'])).items.map((item) => item.title).sort()).toEqual(['Abbey Road', 'Kind of Blue']);
    expect((await json<Page>(dir, ['collection', 'list', '--artist', 'bjork'])).items.map((item) => item.title)).toEqual(['Homogenic']);
    expect((await json<Page>(dir, ['collection', 'list', '--genre', 'rock'])).total).toBe(2);
    expect((await json<Page>(dir, ['collection', 'list', '--soundtrack'])).items.map((item) => item.title)).toEqual(['Blade Runner']);
    expect((await json<Page>(dir, ['collection', 'list', '--no-soundtrack'])).total).toBe(4);
    expect((await json<Page>(dir, ['collection', 'list', '--scope', 'listened'])).total).toBe(0);
    const second = await json<Page>(dir, ['collection', 'list', '--page', '2', '--page-size', '2', '--sort', 'title']);
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.title)).toEqual(['Homogenic', 'Kind of Blue']);
    expect((await json<Page>(dir, ['collection', 'search', 'kind', 'blue'])).items.map((item) => item.id)).toEqual([ids[0]]);

    const edited = await json<{ year: number; title: string; spotifyUrl: string }>(dir, ['collection', 'edit', String(ids[0]), '--year', '1960', '--spotify-url', 'https://open.spotify.com/album/x']);
    expect(edited).toMatchObject({ year: 1960, title: 'Kind of Blue', spotifyUrl: 'https://open.spotify.com/album/x' });
    const clash = await runCli(dir, ['collection', 'edit', String(ids[1]), '--title', 'Rumours', '--artist', 'Fleetwood Mac']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/already has this title and artist/);

    const shown = await json<{ ownedCopies: { id: number; support: string }[]; links: { appleMusic: string } }>(dir, ['collection', 'show', String(ids[2])]);
    expect(shown.ownedCopies.map((copy) => copy.support).sort()).toEqual(['cd', 'vinyl']);
    expect(shown.links.appleMusic).toMatch(/^https:\/\/music\.apple\.com\/search\?term=/);
    const one = await json<{ removed: number }>(dir, ['collection', 'rm', String(ids[2]), '--copy', String(shown.ownedCopies[0]!.id)]);
    expect(one.removed).toBe(1);
    expect((await json<{ removed: number }>(dir, ['collection', 'rm', String(ids[2])])).removed).toBe(1);
    expect((await json<Page>(dir, ['collection', 'list'])).total).toBe(4);
    expect((await json<Page>(dir, ['collection', 'list', '--scope', 'all'])).total).toBe(5);
  });

  it('answers bad input with one line and exit 2, and a missing album with exit 2', async () => {
    const dir = home();
    await daemon(dir);
    for (const args of [['collection', 'list', '--year', 'seventies'], ['collection', 'list', '--support', 'laserdisc'], ['collection', 'show', 'abc'], ['collection', 'show', '999'], ['enrich', '--provider', 'lastfm']]) {
      const result = await runCli(dir, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const noToken = await runCli(dir, ['import', 'discogs']);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/discogs\.token/);
    for (const args of [['collection', '--help'], ['collection', 'list', '--help'], ['import', 'discogs', '--help'], ['enrich', '--help']]) {
      const help = await runCli(dir, args);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:\n {2}\$ aime /);
    }
  });
});
