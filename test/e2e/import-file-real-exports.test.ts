// `aime import file` end to end (real CLI, real daemon, real SQLite) on the export files other
// projects test with (../shared/fixtures/real, facts in its README): each stores the listens
// its README counts under OUR rules, under its own source; running it again adds nothing.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';
import { realFixture } from '../support/shared-fixtures.js';

const bed = useTestHomes(afterAll);

interface FileReport {
  path: string;
  format: string | null;
  records: number;
  imported: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  duplicates: number;
  failed: number;
  errors: { record: number; reason: string }[];
}

interface Summary {
  imported: number;
  skipped: number;
  duplicates: number;
  failed: number;
  durationMs: number;
  files: FileReport[];
  passedOver: { path: string; reason: string; named: boolean }[];
}

async function importJson(home: string, ...paths: string[]): Promise<{ code: number; summary: Summary; stderr: string }> {
  const result = await runCli(home, ['import', 'file', ...paths, '--json']);
  return { code: result.code, summary: JSON.parse(result.stdout) as Summary, stderr: result.stderr };
}

const fileEnding = (summary: Summary, suffix: string): FileReport => {
  const found = summary.files.filter((file) => file.path.endsWith(suffix));
  if (found.length !== 1) throw new Error(`expected one file ending ${suffix}, found ${found.length}`);
  return found[0] as FileReport;
};

async function historyTotal(home: string, ...filters: string[]): Promise<number> {
  const result = await runCli(home, ['history', ...filters, '--json']);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { total: number }).total;
}

function database(home: string): BetterSqlite3.Database {
  return new BetterSqlite3(join(home, 'aime.db'), { readonly: true, fileMustExist: true });
}

describe('Koito’s test assets', () => {
  let home: string;
  let first: Awaited<ReturnType<typeof importJson>>;
  beforeAll(async () => {
    home = bed.home();
    await bed.daemon(home);
    first = await importJson(home, realFixture('koito'));
  });

  it('imports every export in the folder and passes over Koito’s own format, which it was not named', () => {
    expect(first.code).toBe(0);
    expect(first.summary.passedOver.map((entry) => [entry.path.replace(/.*koito\//, ''), entry.named])).toEqual([
      ['koito_export_test.json', false],
      ['listenbrainz_shoko1_1749780844.zip:user.json', false],
    ]);
    expect(first.summary).toMatchObject({ imported: 93, duplicates: 0, failed: 1 });
  });

  it('Spotify: 17 of the 39 streams are listens (30 s or more), 22 skipped as short, under source spotify', async () => {
    expect(fileEnding(first.summary, 'Streaming_History_Audio_spotify_import_test.json')).toMatchObject({ format: 'spotify', records: 39, imported: 17, skipped: 22, skippedByReason: { short: 22 }, duplicates: 0, failed: 0 });
    expect(await historyTotal(home, '--source', 'spotify')).toBe(17);
    // Koito's asserted track: Clairvoyant, played 181 s, stored at its offline_timestamp (the start).
    const history = JSON.parse((await runCli(home, ['history', '--artist', 'The Story So Far', '--json'])).stdout) as { items: { title: string; timestamp: number; source: string }[] };
    expect(history.items).toEqual([expect.objectContaining({ title: 'Clairvoyant', timestamp: 1745886847, source: 'spotify' })]);
  });

  it('Maloja: 38 + 2 + 2 scrobbles stored, the one with empty artists failed with its reason', async () => {
    expect(fileEnding(first.summary, 'maloja_import_test.json')).toMatchObject({ records: 38, imported: 38 });
    expect(fileEnding(first.summary, 'maloja_api_format_test.json')).toMatchObject({ records: 2, imported: 2 });
    expect(fileEnding(first.summary, 'maloja_import_null_album_test.json')).toMatchObject({ records: 3, imported: 2, failed: 1, errors: [{ record: 3, reason: 'no artists' }] });
    expect(await historyTotal(home, '--source', 'maloja')).toBe(42);
    expect(await historyTotal(home, '--source', 'maloja', '--album', 'Magnify Tokyo')).toBe(38);
  });

  it('Last.fm JSON: 10 scrobbles as source lastfm; Necry Talkie / 放課後の記憶 / ZOO!! once, at 1749774900, with its release id', async () => {
    expect(fileEnding(first.summary, 'recenttracks-shoko2-1749776100.json')).toMatchObject({ format: 'lastfm-json', records: 10, imported: 10 });
    expect(await historyTotal(home, '--source', 'lastfm')).toBe(10);
    const db = database(home);
    try {
      expect(db.prepare(`SELECT l.timestamp, al.title AS album, al.musicbrainz_release_id AS release FROM listening_history l JOIN tracks t ON t.id = l.track_id JOIN albums al ON al.id = t.album_id WHERE t.title = '放課後の記憶'`).all()).toEqual([
        { timestamp: 1749774900, album: 'ZOO!!', release: 'e9e78802-0bf8-4ca3-9655-1d943d2d2fa0' },
      ]);
      expect(db.prepare(`SELECT name FROM artists WHERE musicbrainz_id LIKE '4b00640f-%'`).pluck().all()).toEqual(['OurR']);
    } finally {
      db.close();
    }
  });

  it('ListenBrainz ZIPs, read in place: 5 + 19 listens as source listenbrainz; Desert once, with its recording id', async () => {
    expect(fileEnding(first.summary, 'listenbrainz_shoko1_1749780844.zip:listens/2025/6.jsonl')).toMatchObject({ records: 5, imported: 5 });
    expect(fileEnding(first.summary, 'listenbrainz_shoko1_123456789.zip:listens/2025/1.jsonl')).toMatchObject({ records: 19, imported: 19 });
    expect(await historyTotal(home, '--source', 'listenbrainz')).toBe(24);
    const db = database(home);
    try {
      // The same track was scrobbled to Last.fm by the other Koito user (1749773700): one track, a listen from each file.
      expect(db.prepare(`SELECT t.title, l.timestamp, l.source FROM tracks t JOIN listening_history l ON l.track_id = t.id WHERE t.musicbrainz_id = '08e8f55b-f1a4-46b8-b2d1-fab4c592165c' ORDER BY l.timestamp`).all()).toEqual([
        { title: 'Desert', timestamp: 1749773700, source: 'lastfm' },
        { title: 'Desert', timestamp: 1749780612, source: 'listenbrainz' },
      ]);
      // Read from ListenBrainz's own export: on ListenBrainz already, so forwarding never sends them back.
      expect(db.prepare(`SELECT source, count(*) AS n FROM listening_history WHERE already_on = 'listenbrainz' GROUP BY source`).all()).toEqual([{ source: 'listenbrainz', n: 24 }]);
    } finally {
      db.close();
    }
  });

  it('imported again, adds nothing: every listen is a duplicate', async () => {
    const again = await importJson(home, realFixture('koito'));
    expect(again.code).toBe(0);
    expect(again.summary).toMatchObject({ imported: 0, duplicates: 93, failed: 1 });
    expect(await historyTotal(home)).toBe(93);
  });
});

describe('the ListenBrainz server’s importer inputs', () => {
  let home: string;
  beforeAll(async () => {
    home = bed.home();
    await bed.daemon(home);
  });

  it('ListenBrainz JSON lines: 2 of 2, 3 of 5 and 0 of 3, the others failed with their reason', async () => {
    const { code, summary } = await importJson(home, realFixture('listenbrainz-server', 'import', 'listenbrainz_mixed_validity.jsonl'), realFixture('listenbrainz-server', 'import', 'listenbrainz_all_invalid.jsonl'));
    expect(code).toBe(0);
    expect(fileEnding(summary, 'listenbrainz_mixed_validity.jsonl')).toMatchObject({ records: 5, imported: 3, failed: 2, errors: [{ record: 2, reason: 'no artist_name' }, { record: 4, reason: 'no track_name' }] });
    expect(fileEnding(summary, 'listenbrainz_all_invalid.jsonl')).toMatchObject({ records: 3, imported: 0, failed: 3 });
    // The 2-line export holds two listens; one (California Dreamin' at 1748967954) is already stored.
    const listens = await importJson(home, realFixture('listenbrainz-server', 'import', 'listenbrainz_listens.jsonl'));
    expect(fileEnding(listens.summary, 'listenbrainz_listens.jsonl')).toMatchObject({ records: 2, imported: 1, duplicates: 1 });
    expect(await historyTotal(home, '--source', 'listenbrainz')).toBe(4);
  });

  it('Spotify: 4 + 4 listens from the extended and the legacy endsong file, 1 from the 15 reason_end streams', async () => {
    const { summary } = await importJson(
      home,
      realFixture('listenbrainz-server', 'import', 'spotify_streaming_2023.json'),
      realFixture('listenbrainz-server', 'import', 'spotify_streaming_endsong_0.json'),
      realFixture('listenbrainz-server', 'import', 'spotify_skipped_tracks.json'),
    );
    expect(fileEnding(summary, 'spotify_streaming_2023.json')).toMatchObject({ records: 5, imported: 4, skippedByReason: { short: 1 } });
    expect(fileEnding(summary, 'spotify_streaming_endsong_0.json')).toMatchObject({ records: 5, imported: 4, skippedByReason: { short: 1 } });
    // Nubya Garcia / Fly Free is in both files: stored once, a duplicate the second time.
    expect(fileEnding(summary, 'spotify_skipped_tracks.json')).toMatchObject({ records: 15, imported: 0, duplicates: 1, skippedByReason: { short: 12, incognito: 1 }, failed: 1 });
    expect(await historyTotal(home, '--source', 'spotify')).toBe(8);
    expect(await historyTotal(home, '--source', 'spotify', '--since', '2015-01-01', '--until', '2023-12-31')).toBe(6);
  });

  it('Maloja: 2 of 2, each with the duration it knows; the malformed file’s 3 fail', async () => {
    const { summary } = await importJson(home, realFixture('listenbrainz-server', 'import', 'maloja.json'), realFixture('listenbrainz-server', 'import', 'maloja_malformed.json'));
    expect(fileEnding(summary, 'import/maloja.json')).toMatchObject({ records: 2, imported: 2 });
    expect(fileEnding(summary, 'maloja_malformed.json')).toMatchObject({ records: 3, imported: 0, failed: 3 });
    const db = database(home);
    try {
      // Maloja's `length` is the track's duration; its `duration` is time played, never stored as one.
      expect(db.prepare(`SELECT title, duration_seconds AS duration FROM tracks WHERE title IN ('Not Now, Jesus', 'Old Friend; The Sea') ORDER BY title`).all()).toEqual([
        { title: 'Not Now, Jesus', duration: 220 },
        { title: 'Old Friend; The Sea', duration: null },
      ]);
    } finally {
      db.close();
    }
  });

  it('a file it does not read, named on the command line, is an error (exit 2) naming it', async () => {
    const result = await runCli(home, ['import', 'file', realFixture('listenbrainz-server', 'import', 'scrobbler.log.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/scrobbler\.log\.txt: not a listening export AIME reads/);
  });
});
