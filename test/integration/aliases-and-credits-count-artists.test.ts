// Artist aliases and multi-artist credits over a real SQLite file: what statistics, playlists'
// candidates and history filters count, for listens from every source, before and after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAlias, removeAlias } from '../../src/core/aliases/aliases.js';
import type { Period } from '../../src/core/analytics/ports.js';
import { UserError } from '../../src/core/errors.js';
import { historyPage } from '../../src/core/listens/journal.js';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import type { PlayReport } from '../../src/core/model.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteAnalytics } from '../../src/db/repositories/analytics.js';
import { SqliteArtistAliases } from '../../src/db/repositories/artist-aliases.js';
import { SqliteListenJournal } from '../../src/db/repositories/listen-journal.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { periodDigest } from '../../src/db/repositories/period-digest.js';
import { SqlitePlaylistCandidates } from '../../src/db/repositories/playlist-candidates.js';

let dir: string;
let db: Database;
let ingest: ListenIngest;
let analytics: SqliteAnalytics;
let aliases: SqliteArtistAliases;

const T = 1_750_000_000;
const ALL: Period = { from: 0, to: 2_000_000_000 };
let clock = T;
/** Plays of different songs 5 minutes apart (one session). */
const plays = (source: PlayReport['source'], ...credits: string[]): PlayReport[] =>
  credits.map((artist) => ({ artist, title: `Song ${clock}`, album: null, timestamp: (clock += 300), source }));
const top = async () => Object.fromEntries((await analytics.topArtists(ALL, 50)).map((artist) => [artist.name, artist.plays]));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-aliases-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
  analytics = new SqliteAnalytics(db);
  aliases = new SqliteArtistAliases(db);
  clock = T;
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('multi-artist credits', () => {
  it('a listen of "A / B" or "A feat. B" is one play for each artist; "Simon & Garfunkel" stays whole', async () => {
    await ingest.record(plays('roon', 'Daft Punk / Pharrell Williams', 'Daft Punk', 'Daft Punk feat. Julian Casablancas', 'Simon & Garfunkel', 'Paul Simon'));
    expect(await top()).toEqual({ 'Daft Punk': 3, 'Pharrell Williams': 1, 'Julian Casablancas': 1, 'Simon & Garfunkel': 1, 'Paul Simon': 1 });
    const totals = await analytics.totals(ALL);
    expect([totals.listens, totals.artists]).toEqual([5, 5]);
    // History keeps the credit as it came.
    const page = historyPage(new SqliteListenJournal(db), { artist: 'pharrell' }, 'UTC');
    expect(page.items.map((item) => item.artist)).toEqual(['Daft Punk / Pharrell Williams']);
  });

  it('"A & B" splits once A and B are each artists of the library', async () => {
    await ingest.record(plays('lastfm', 'Simon & Garfunkel', 'Simon'));
    expect(await top()).toEqual({ 'Simon & Garfunkel': 1, Simon: 1 });
    await ingest.record(plays('lastfm', 'Garfunkel'));
    expect(await top()).toEqual({ Simon: 2, Garfunkel: 2 });
  });
});

describe('artist aliases', () => {
  it('count the alias for the canonical artist in top artists, totals, discoveries, patterns and digests; rm undoes it', async () => {
    await ingest.record([...plays('lastfm', 'Fab Four', 'The Rolling Stones', 'Fab Four'), ...plays('roon', 'The Beatles', 'Fab Four / Stones')]);
    expect(await top()).toEqual({ 'Fab Four': 3, 'The Rolling Stones': 1, 'The Beatles': 1, Stones: 1 });
    expect((await analytics.artistPairs(ALL, 10)).map((pair) => [pair.first, pair.second, pair.count])).toContainEqual(['Fab Four', 'The Rolling Stones', 2]);

    expect(addAlias(aliases, 'Fab Four', 'The Beatles', T)).toEqual({ name: 'Fab Four', canonical: 'The Beatles', replaced: null, listens: 2, canonicalHeard: true });
    addAlias(aliases, 'Stones', 'The Rolling Stones', T);
    expect(await top()).toEqual({ 'The Beatles': 4, 'The Rolling Stones': 2 });
    expect((await analytics.totals(ALL)).artists).toBe(2);
    expect((await analytics.discoveries(ALL, 10)).topArtists.map((artist) => [artist.name, artist.plays])).toEqual([['The Beatles', 4], ['The Rolling Stones', 2]]);
    // "Fab Four" then "The Beatles" is one artist twice: no pair.
    expect((await analytics.artistPairs(ALL, 10)).map((pair) => [pair.first, pair.second])).toEqual([['The Beatles', 'The Rolling Stones']]);
    expect(periodDigest(db, 0, 2_000_000_000, 'UTC', 5).topArtists).toEqual([{ name: 'The Beatles', plays: 4 }, { name: 'The Rolling Stones', plays: 2 }]);

    removeAlias(aliases, 'fab four');
    expect(await top()).toEqual({ 'Fab Four': 3, 'The Rolling Stones': 2, 'The Beatles': 1 });
  });

  it('apply to listens that arrive later from every source, and to a canonical artist not heard yet', async () => {
    expect(addAlias(aliases, 'Prinz', 'Prince', T)).toMatchObject({ listens: 0, canonicalHeard: false });
    await ingest.record([...plays('lastfm', 'Prinz'), ...plays('roon', 'Prinz'), ...plays('spotify', 'prinz'), ...plays('listenbrainz', 'Prinz / Sheila E.')]);
    expect(await top()).toEqual({ Prince: 4, 'Sheila E.': 1 });
    expect(historyPage(new SqliteListenJournal(db), { artist: 'prince' }, 'UTC').total).toBe(4);
    // Playlists' candidates: the artist's tracks are the tracks of every credit counting for it.
    const candidates = new SqlitePlaylistCandidates(db);
    const prince = db.sqlite.prepare(`SELECT id FROM artists WHERE name_key = 'prince'`).pluck().get() as number;
    expect(await candidates.topTracksOfArtist(prince, 10)).toHaveLength(4);
  });

  it('refuse a cycle (A → A, A → B → A, through a credit) and an alias without letters, changing nothing', () => {
    addAlias(aliases, 'Prinz', 'Prince', T);
    addAlias(aliases, 'Prince', 'TAFKAP', T);
    expect(() => addAlias(aliases, 'TAFKAP', 'Prinz', T)).toThrow(new UserError('an alias "TAFKAP" → "Prinz" would make a cycle: "TAFKAP" → "Prinz" → "Prince" → "TAFKAP"'));
    expect(() => addAlias(aliases, 'TAFKAP', 'Sheila E. / Prinz', T)).toThrow(/would make a cycle/);
    expect(() => addAlias(aliases, 'The Beatles', 'Beatles', T)).toThrow(/would make a cycle: both already name the same artist/);
    expect(() => addAlias(aliases, '!!!', 'Prince', T)).toThrow(/no letters or digits/);
    expect(() => removeAlias(aliases, 'Nobody')).toThrow(/no alias "Nobody"/);
    expect(aliases.all().map((alias) => [alias.name, alias.canonical])).toEqual([['Prince', 'TAFKAP'], ['Prinz', 'Prince']]);
    // Replacing an alias by one that no longer loops is fine.
    expect(addAlias(aliases, 'Prince', 'Prince Rogers Nelson', T).replaced).toBe('TAFKAP');
  });
});
