// The playlist commands through the real CLI and daemon on a crafted history: generate in
// the SPEC §5 shape, manual playlists, list/show/rm, exports that parse back, and the exit
// codes of bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CraftedHistory, at } from '../support/playlist-history.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let home: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  home = bed.home({ timezone: 'UTC' });
  const history = await CraftedHistory.open(join(home, 'aime.db'));
  ids.cecilia = history.track({ artist: 'Simon & Garfunkel', album: 'Bridge over Troubled Water', title: 'Cecilia', durationSeconds: 175 });
  ids.bridge = history.track({ artist: 'Simon & Garfunkel', album: 'Bridge over Troubled Water', title: 'Bridge over Troubled Water', durationSeconds: 292 });
  ids.quoted = history.track({ artist: 'Crosby, Stills & Nash', album: 'CSN', title: 'Suite: "Judy Blue Eyes"', durationSeconds: 445 });
  ids.joga = history.track({ artist: 'Björk', album: 'Homogenic', title: 'Jóga' });
  let clock = at('2026-07-01T20:00:00Z');
  clock = history.session(clock, [ids.cecilia, ids.quoted, ids.bridge, ids.cecilia, ids.joga]) + 7200;
  history.session(clock, [ids.joga, ids.bridge]);
  await history.close();
  await bed.daemon(home);
});

async function aime(...args: string[]) {
  const result = await runCli(home, args);
  if (result.code !== 0) throw new Error(`aime ${args.join(' ')} → ${result.code}: ${result.stderr}`);
  return result;
}

interface PlaylistJson {
  id: number;
  name: string;
  algorithm: string;
  trackCount: number;
  tracks: { position: number; title: string; artist: string; album: string | null; durationSeconds: number | null }[];
}

describe('aime playlist', () => {
  it('generates a playlist and prints it in the SPEC §5 shape', async () => {
    const { stdout } = await aime('playlist', 'generate', 'top_sessions', '--max', '5', '--json');
    const playlist = JSON.parse(stdout) as PlaylistJson;
    expect(playlist.algorithm).toBe('top_sessions');
    expect(playlist.name).toMatch(/^Top sessions \d{4}-\d{2}-\d{2}$/);
    expect(playlist.id).toBeGreaterThan(0);
    expect(playlist.tracks.map((t) => [t.position, t.title, t.artist, t.album])).toEqual([
      [1, 'Cecilia', 'Simon & Garfunkel', 'Bridge over Troubled Water'],
      [2, 'Suite: "Judy Blue Eyes"', 'Crosby, Stills & Nash', 'CSN'],
      [3, 'Bridge over Troubled Water', 'Simon & Garfunkel', 'Bridge over Troubled Water'],
      [4, 'Jóga', 'Björk', 'Homogenic'],
    ]);
    const shown = await aime('playlist', 'show', String(playlist.id));
    expect(shown.stdout).toContain(playlist.name);
    expect(shown.stdout).toMatch(/1\s+Simon & Garfunkel\s+Cecilia/);
  });

  it('builds a manual playlist by id and by "Artist - Title", skipping tracks already there', async () => {
    const created = JSON.parse((await aime('playlist', 'generate', 'manual', '--name', 'Road trip', '--json')).stdout) as PlaylistJson;
    expect(created.tracks).toEqual([]);
    const added = JSON.parse((await aime('playlist', 'add', String(created.id), 'bjork - joga', String(ids.cecilia), '--json')).stdout) as { added: number; skipped: number; playlist: PlaylistJson };
    expect(added).toMatchObject({ added: 2, skipped: 0 });
    const again = JSON.parse((await aime('playlist', 'add', String(created.id), String(ids.joga), String(ids.bridge), '--json')).stdout) as { added: number; skipped: number; playlist: PlaylistJson };
    expect(again).toMatchObject({ added: 1, skipped: 1 });
    expect(again.playlist.tracks.map((t) => [t.position, t.title])).toEqual([[1, 'Jóga'], [2, 'Cecilia'], [3, 'Bridge over Troubled Water']]);
    const missing = await runCli(home, ['playlist', 'add', String(created.id), 'Nobody - Silence']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such track: Nobody - Silence');
  });

  it('lists and deletes playlists', async () => {
    const made = JSON.parse((await aime('playlist', 'generate', 'rediscovery', '--json')).stdout) as PlaylistJson;
    const list = JSON.parse((await aime('playlist', 'list', '--json')).stdout) as { items: { id: number; trackCount: number }[] };
    expect(list.items[0]).toMatchObject({ id: made.id, trackCount: made.tracks.length });
    await aime('playlist', 'rm', String(made.id));
    const gone = await runCli(home, ['playlist', 'show', String(made.id)]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`no playlist ${made.id}`);
  });

  it('exports M3U, CSV, JSON and text that read back to the same tracks', async () => {
    const playlist = JSON.parse((await aime('playlist', 'generate', 'top_sessions', '--json')).stdout) as PlaylistJson;
    const id = String(playlist.id);

    const m3u = (await aime('playlist', 'export', id, '--format', 'm3u')).stdout.split('\n').filter((line) => line !== '');
    expect(m3u[0]).toBe('#EXTM3U');
    const entries = m3u.filter((line) => line.startsWith('#EXTINF:'));
    expect(entries).toEqual(playlist.tracks.map((t) => `#EXTINF:${t.durationSeconds ?? -1},${t.artist} - ${t.title}`));
    for (const entry of entries) {
      const next = m3u.slice(m3u.indexOf(entry) + 1).find((line) => !line.startsWith('#EXTALB:'));
      expect(next).toBe(entry.slice(entry.indexOf(',') + 1));
    }

    const out = join(home, 'road.csv');
    await aime('playlist', 'export', id, '--format', 'csv', '--out', out);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('"Crosby, Stills & Nash","Suite: ""Judy Blue Eyes"""');
    expect(parseCsv(csv)).toEqual([
      ['Position', 'Artist', 'Title', 'Album', 'Duration'],
      ...playlist.tracks.map((t) => [String(t.position), t.artist, t.title, t.album ?? '', t.durationSeconds === null ? '' : String(t.durationSeconds)]),
    ]);

    const json = JSON.parse((await aime('playlist', 'export', id, '--format', 'json')).stdout) as PlaylistJson;
    expect(json.tracks).toEqual(playlist.tracks.map(({ position, title, artist, album, durationSeconds }) => ({ position, title, artist, album, durationSeconds })));

    const text = (await aime('playlist', 'export', id, '--format', 'txt')).stdout.split('\n');
    expect(text.slice(0, 3)).toEqual([`Playlist: ${playlist.name}`, 'Algorithm: top_sessions', '']);
    expect(text[3]).toBe('1. Simon & Garfunkel - Cecilia (Bridge over Troubled Water)');
  });

  it('refuses bad input with exit code 2 and one line', async () => {
    for (const args of [
      ['playlist', 'generate', 'top_sessions', '--max', '3'],
      ['playlist', 'generate', 'top_sessions', '--max', '201'],
      ['playlist', 'generate', 'shuffle_everything'],
      ['playlist', 'generate', 'ai_generated'],
      ['playlist', 'generate', 'top_sessions', '--prompt', 'jazz'],
      ['playlist', 'generate', 'top_sessions', '--seed', '-4'],
      ['playlist', 'export', '1', '--format', 'xml'],
      ['playlist', 'show', 'abc'],
    ]) {
      const result = await runCli(home, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
