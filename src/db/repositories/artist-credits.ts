import type BetterSqlite3 from 'better-sqlite3';
import { countedArtists, mayCountOtherwise, type CountedArtist, type CreditRules } from '../../core/aliases/counted-artists.js';
import { nameKey } from '../../core/names.js';

/**
 * artist_credits (migration 1763840000001): which artists each artist row counts for in
 * statistics, derived from the artist names and artist_aliases, rebuilt here whenever a
 * reader finds it behind (a new artist row since, or an alias changed). Readers count
 *
 *   coalesce(c.artist_id, x.artist_id) … LEFT JOIN artist_credits c ON c.credit_id = x.artist_id
 *
 * after grouping by the stored artist first, so the million listens and the rollups keyed
 * by track never change when an alias does: a correction of names is a few hundred rows.
 *
 * Why at read time rather than re-pointing tracks at ingest: an alias then applies to every
 * listen already stored and to every future one from any source alike, `alias rm` undoes it
 * exactly (nothing was rewritten), and track_plays, listen_slots and artist_transitions stay
 * valid — re-pointing would merge tracks and rebuild them all.
 */
type Sqlite = BetterSqlite3.Database;

/** Passes at most: artists created for the pieces of one pass can let "A & B" split in the next. */
const PASSES = 3;

export function refreshArtistCredits(sqlite: Sqlite): void {
  // A read-only connection (aime export with the daemon down) reads the table as it was left.
  if (sqlite.readonly) return;
  const state = sqlite.prepare('SELECT built_artist_id AS built, aliases_changed AS changed FROM artist_credit_state WHERE id = 1').get() as { built: number; changed: number };
  const newest = (sqlite.prepare('SELECT max(id) FROM artists').pluck().get() as number | null) ?? 0;
  if (state.changed === 0 && state.built === newest) return;
  sqlite.transaction(() => rebuild(sqlite)).immediate();
}

interface ArtistRow {
  readonly id: number;
  readonly name: string;
  readonly key: string;
}

function rebuild(sqlite: Sqlite): void {
  const aliases = new Map(
    (sqlite.prepare('SELECT name_key AS nameKey, canonical FROM artist_aliases').all() as { nameKey: string; canonical: string }[]).map((alias) => [alias.nameKey, alias.canonical]),
  );
  const canonicalKeys = new Set(sqlite.prepare('SELECT canonical_key FROM artist_aliases').pluck().all() as string[]);
  const rows = sqlite.prepare('SELECT id, name, name_key AS key FROM artists ORDER BY id').all() as ArtistRow[];
  const ids = new Map(rows.map((row) => [row.key, row.id]));
  const keys = new Map<string, string>();
  const rules: CreditRules = {
    key: (name) => {
      let key = keys.get(name);
      if (key === undefined) keys.set(name, (key = nameKey(name)));
      return key;
    },
    aliases,
    isArtist: (key) => ids.has(key) || canonicalKeys.has(key),
  };
  const insertArtist = sqlite.prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id').pluck();
  const now = Math.floor(Date.now() / 1000);
  let credits: [number, CountedArtist[]][] = [];
  for (let pass = 1; pass <= PASSES; pass++) {
    credits = [];
    const missing = new Map<string, string>();
    for (const row of rows) {
      if (!mayCountOtherwise(row.name, aliases.has(row.key))) continue;
      const counted = countedArtists(row.name, rules);
      if (counted.length === 1 && counted[0]?.key === row.key) continue;
      credits.push([row.id, counted]);
      for (const artist of counted) if (!ids.has(artist.key)) missing.set(artist.key, artist.name);
    }
    // The artists a credit names get rows of their own, so statistics can name them.
    for (const [key, name] of missing) {
      const id = insertArtist.get(name, key, now, now) as number;
      ids.set(key, id);
      rows.push({ id, name, key });
    }
    if (missing.size === 0) break;
  }
  sqlite.exec('DELETE FROM artist_credits');
  const insertCredit = sqlite.prepare('INSERT OR IGNORE INTO artist_credits (credit_id, artist_id, position) VALUES (?, ?, ?)');
  for (const [creditId, counted] of credits) counted.forEach((artist, position) => insertCredit.run(creditId, ids.get(artist.key), position));
  const newest = (sqlite.prepare('SELECT max(id) FROM artists').pluck().get() as number | null) ?? 0;
  sqlite.prepare('UPDATE artist_credit_state SET built_artist_id = ?, aliases_changed = 0 WHERE id = 1').run(newest);
}
