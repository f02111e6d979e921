// `aime export` for cron: the same result whether the daemon runs or not (it reads the
// database read-only), quiet on success, atomic --out, filters, and a truthful exit code.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../src/db/data-source.js';
import { seedCollection } from '../support/collection-seed.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);
let home: string;
const ALBUMS = 20;

/** The export date is the only line allowed to differ between two exports. */
function withoutDate(text: string): string {
  return text.replace(/^\*\*Exported:\*\*.*$/m, '').replace(/"exportedAt": "[^"]+"/, '');
}

beforeAll(async () => {
  home = bed.home({ timezone: 'Europe/Zurich' });
  const db = await openDatabase({ path: join(home, 'aime.db') });
  await runMigrations(db);
  seedCollection(db, ALBUMS);
  await db.close();
});

it('gives the same Markdown and JSON with the daemon stopped and running', async () => {
  const stopped = { markdown: await runCli(home, ['export', 'markdown']), json: await runCli(home, ['export', 'json']) };
  const daemon = await bed.daemon(home);
  const running = { markdown: await runCli(home, ['export', 'markdown']), json: await runCli(home, ['export', 'json']) };
  await daemon.stop();
  for (const format of ['markdown', 'json'] as const) {
    expect(stopped[format]).toMatchObject({ code: 0, stderr: '' });
    expect(running[format]).toMatchObject({ code: 0, stderr: '' });
    expect(withoutDate(running[format].stdout)).toBe(withoutDate(stopped[format].stdout));
    expect(stopped[format].stdout).not.toContain('\u001b[');
  }
  expect(stopped.markdown.stdout).toContain('**Total:** 20 albums');
  expect((JSON.parse(stopped.json.stdout) as { totalAlbums: number; albums: unknown[] }).albums).toHaveLength(ALBUMS);
});

it('writes --out atomically and says nothing unless asked', async () => {
  const out = join(home, 'exports', 'collection.md');
  const quiet = await runCli(home, ['export', 'markdown', '--out', out]);
  expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  expect(readFileSync(out, 'utf8')).toMatch(/^# 🎵 Collection\n/);
  expect(readdirSync(join(home, 'exports'))).toEqual(['collection.md']);
  const asked = await runCli(home, ['--json', 'export', 'json', '--out', join(home, 'exports', 'collection.json')]);
  expect(asked.code).toBe(0);
  expect(JSON.parse(asked.stdout)).toMatchObject({ format: 'json', albums: ALBUMS, file: join(home, 'exports', 'collection.json') });
});

it('with --json and no --out, stdout is one JSON document holding the export', async () => {
  const plain = await runCli(home, ['export', 'markdown']);
  const json = await runCli(home, ['export', 'markdown', '--json']);
  expect(json.code).toBe(0);
  expect(json.stderr).toBe('');
  const document = JSON.parse(json.stdout) as { format: string; content: string; albums: number };
  expect(document).toMatchObject({ format: 'markdown', albums: ALBUMS });
  expect(withoutDate(document.content)).toBe(withoutDate(plain.stdout));
});

it('filters by support and by artist', async () => {
  const vinyl = JSON.parse((await runCli(home, ['export', 'json', '--support', 'vinyl'])).stdout) as { filter: unknown; albums: { supports: string[] }[] };
  expect(vinyl.filter).toEqual({ support: 'vinyl', artist: null });
  expect(vinyl.albums).toHaveLength(5);
  expect(vinyl.albums.every((album) => album.supports.includes('vinyl'))).toBe(true);
  const artist = await runCli(home, ['export', 'markdown', '--artist', 'talking heads']);
  expect(artist.stdout).toMatch(/^# 🎵 Talking Heads\n/);
  expect(artist.stdout).not.toContain('## Contents');
  // 20 albums over 3 artists, one in three by Talking Heads.
  expect(artist.stdout.match(/^\*\*Artists:\*\* Talking Heads$/gm)).toHaveLength(7);
  expect(artist.stdout).not.toContain('Björk');
});

it('exits 2 on bad input and 1 when the database cannot be read', async () => {
  expect((await runCli(home, ['export', 'pdf'])).code).toBe(2);
  expect((await runCli(home, ['export', 'markdown', '--support', 'laserdisc'])).code).toBe(2);
  const missing = await runCli(bed.home(), ['export', 'markdown']);
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  expect(missing.stderr).toContain('does not exist');
  const blocker = join(home, 'not-a-folder');
  writeFileSync(blocker, 'x');
  const unwritable = await runCli(home, ['export', 'markdown', '--out', join(blocker, 'collection.md')]);
  expect(unwritable.code).toBe(1);
  expect(unwritable.stdout).toBe('');
  // The file the user named, not the temporary file the atomic write goes through.
  expect(unwritable.stderr).toBe(`aime: cannot write ${join(blocker, 'collection.md')}: a part of the path is a file, not a folder\n`);
  const intoFolder = await runCli(home, ['export', 'json', '--out', home]);
  expect(intoFolder.code).toBe(1);
  expect(intoFolder.stderr).not.toContain('.tmp');
  expect(intoFolder.stderr).toBe(`aime: cannot write ${home}: it is a folder\n`);
});
