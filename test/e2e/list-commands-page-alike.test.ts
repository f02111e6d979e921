// Every list command pages the same way: `--limit N` and `--page N` (with `--page-size` still
// taken as --limit), the numbers checked by one rule, and `--json` holding
// `{items, total, page, pageSize}` beside each command's older fields.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../src/db/data-source.js';
import { SqliteJobRuns } from '../../src/db/repositories/jobs.js';
import { SqlitePlaylists } from '../../src/db/repositories/playlists.js';
import { addAlias } from '../../src/core/aliases/aliases.js';
import { SqliteArtistAliases } from '../../src/db/repositories/artist-aliases.js';
import { seedCollection } from '../support/collection-seed.js';
import { runCli, useTestHomes } from '../support/daemon.js';

interface Page {
  items: unknown[];
  total: number;
  page: number;
  pageSize: number;
  [older: string]: unknown;
}

/**
 * Each list command, the field older readers of its --json know (if any), and one bad
 * paging argument (one rule checks them all, so each kind of mistake is tried once).
 */
const LISTS: { args: string[]; older?: string; bad: [string, string] }[] = [
  { args: ['history'], bad: ['--limit', '0'] },
  { args: ['collection', 'list'], bad: ['--page', 'two'] },
  { args: ['collection', 'search', 'record'], bad: ['--page-size', '-3'] },
  { args: ['playlist', 'list'], bad: ['--limit', '100000'] },
  { args: ['jobs', 'history'], older: 'runs', bad: ['--page', '0'] },
  { args: ['stats', 'unplayed'], older: 'albums', bad: ['--limit', '2.5'] },
  { args: ['alias', 'list'], bad: ['--limit', 'ten'] },
];

const bed = useTestHomes(afterAll);
let home: string;

beforeAll(async () => {
  home = bed.home({ timezone: 'Europe/Zurich' });
  const db = await openDatabase({ path: join(home, 'aime.db') });
  await runMigrations(db);
  seedCollection(db, 30, { listens: 12 });
  const runs = new SqliteJobRuns(db);
  const start = Date.parse('2026-03-01T02:00:00Z');
  for (let day = 0; day < 7; day++) {
    const id = runs.start('enrich', 'schedule', start + day * 86_400_000);
    runs.finish(id, { status: 'ok', finishedAt: start + day * 86_400_000 + 1000, durationMs: 1000 });
  }
  const playlists = new SqlitePlaylists(db);
  for (const name of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await playlists.create({ name, algorithm: 'manual', aiPrompt: null, seed: null, params: {} }, []);
  }
  const aliases = new SqliteArtistAliases(db);
  for (const name of ['Prinz', 'Prins', 'Prinse', 'Prynce', 'Prunce']) addAlias(aliases, name, 'Prince', start / 1000);
  await db.close();
  await bed.daemon(home);
});

async function page(args: string[]): Promise<Page> {
  const result = await runCli(home, [...args, '--json']);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as Page;
}

describe.each(LISTS)('aime $args', ({ args, older, bad }) => {
  it('pages with --limit and --page, and takes --page-size as --limit', async () => {
    const whole = await page([...args, '--limit', '100']);
    expect(whole.total).toBeGreaterThanOrEqual(5);
    expect(whole).toMatchObject({ page: 1, pageSize: 100 });
    expect(whole.items).toHaveLength(whole.total);
    const second = await page([...args, '--limit', '2', '--page', '2']);
    expect(second).toMatchObject({ total: whole.total, page: 2, pageSize: 2, items: whole.items.slice(2, 4) });
    expect(await page([...args, '--page-size', '2', '--page', '2'])).toEqual(second);
    if (older) expect(second[older]).toEqual(second.items);
    const past = await page([...args, '--limit', '2', '--page', '999']);
    expect(past).toMatchObject({ items: [], total: whole.total, page: 999, pageSize: 2 });
  });

  it('says when a page is past the end', async () => {
    const result = await runCli(home, [...args, '--limit', '2', '--page', '999']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/page 999 is past the end/);
  });

  it(`refuses ${bad.join(' ')} with one line and exit 2`, async () => {
    const [flag, value] = bad;
    const result = await runCli(home, [...args, flag, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^aime: ${flag} must be a whole number`));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
