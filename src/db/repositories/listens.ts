import type { Statement } from 'better-sqlite3';
import type { KeyedPlay, ListenStore, StoreOptions, StoreOutcome } from '../../core/listens/ports.js';
import { crossSourceWindow, WIDEST_WINDOW_SECONDS } from '../../core/listens/same-play.js';
import type { ListenSource } from '../../core/model.js';
import type { Database } from '../data-source.js';
import { SqliteCatalog } from './catalog.js';
import { OtherSourceCopies } from './listen-copies.js';
import { SamePlays } from './same-plays.js';

const INSERT_LISTENS = 'INSERT OR IGNORE INTO listening_history (track_id, timestamp, source, loved, zone, played_seconds, client, already_on, created_at) VALUES';
const LISTEN_VALUES = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
const LISTEN_COLUMNS = 9;
/** Rows per INSERT statement: one statement run per row was a third of the cost of ingest. */
const ROWS_PER_INSERT = 64;

/** A recorded correction near a batch: the identity a play arrived with. */
interface Correction {
  readonly artistKey: string;
  readonly source: ListenSource;
  readonly timestamp: number;
}

/** Thrown inside a dry run's transaction to roll it back with what it would have done. */
class DryRunDone {
  readonly outcome: StoreOutcome;
  constructor(outcome: StoreOutcome) {
    this.outcome = outcome;
  }
}

/**
 * Stores plays: one transaction per batch, artist/album/track resolved through the
 * catalogue cache, the same play (artist, title, second) stored once, and a play skipped
 * when it is another source's copy of a stored listen (core's cross-source rule, applied by
 * OtherSourceCopies) or when `aime history rm|edit` recorded it (listen_corrections).
 */
export class SqliteListenStore implements ListenStore {
  private readonly db: Database;
  private readonly catalog: SqliteCatalog;
  private readonly copies: OtherSourceCopies;
  private readonly samePlays: SamePlays;
  private readonly sql: Record<'insertListen' | 'insertListens' | 'anyNear' | 'markLoved' | 'correctionsNear', Statement>;

  constructor(db: Database) {
    this.db = db;
    this.catalog = new SqliteCatalog(db);
    this.copies = new OtherSourceCopies(db);
    this.samePlays = new SamePlays(db);
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      correctionsNear: prepare('SELECT artist_key AS artistKey, title_key AS titleKey, source, timestamp FROM listen_corrections WHERE timestamp BETWEEN ? AND ?'),
      insertListen: prepare(`${INSERT_LISTENS} ${LISTEN_VALUES}`),
      insertListens: prepare(`${INSERT_LISTENS} ${Array(ROWS_PER_INSERT).fill(LISTEN_VALUES).join(', ')}`),
      anyNear: prepare('SELECT 1 FROM listening_history WHERE timestamp BETWEEN ? AND ? LIMIT 1').pluck(),
      markLoved: prepare(
        // "+loved": without it SQLite walks the loved index (every unloved listen) instead of the track's listens.
        `UPDATE listening_history SET loved = 1 WHERE +loved = 0 AND track_id IN
           (SELECT t.id FROM tracks t JOIN artists a ON a.id = t.artist_id WHERE a.name_key = ? AND t.title_key = ?)`,
      ),
    };
  }

  store(plays: readonly KeyedPlay[], options: StoreOptions = {}): StoreOutcome {
    if (plays.length === 0) return { imported: 0, skipped: 0, newAlbumIds: [] };
    return this.storeEach([{ plays, options }])[0]!;
  }

  /**
   * Several batches in one transaction (group commit), each in a savepoint of its own with its
   * own outcome, so a dry-run batch is rolled back alone. A bulk import's cost is mostly index
   * pages written at each commit (a track's and a listen's unique indexes are updated at random
   * places): committing a few batches at once writes each such page once instead of once per batch.
   */
  storeEach(batches: readonly { readonly plays: readonly KeyedPlay[]; readonly options?: StoreOptions }[]): StoreOutcome[] {
    // BEGIN IMMEDIATE: the batch reads before it writes, and a read transaction that must
    // become a write one while another connection writes fails at once ("database is
    // locked") instead of waiting; taking the write lock first waits with busy_timeout.
    const group = this.db.sqlite.transaction(() => batches.map((batch) => this.storeInSavepoint(batch.plays, batch.options?.dryRun === true)));
    try {
      return group.immediate();
    } catch (error) {
      this.catalog.forget();
      // A cached id whose row was deleted since (album removed by hand) breaks a foreign
      // key: with the cache emptied, one more try finds or recreates the rows.
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      try {
        return group.immediate();
      } catch (again) {
        this.catalog.forget();
        throw again;
      }
    } finally {
      this.samePlays.end();
    }
  }

  /** One batch inside the group's transaction (better-sqlite3 nests it as a savepoint). */
  private storeInSavepoint(plays: readonly KeyedPlay[], dryRun: boolean): StoreOutcome {
    if (plays.length === 0) return { imported: 0, skipped: 0, newAlbumIds: [] };
    try {
      return this.db.sqlite.transaction(() => this.storeBatch(plays, dryRun))();
    } catch (error) {
      if (!(error instanceof DryRunDone)) throw error;
      // The ids the dry run created were rolled back with it.
      this.catalog.forget();
      return error.outcome;
    }
  }

  /** Runs inside storeInSavepoint's savepoint. */
  private storeBatch(plays: readonly KeyedPlay[], dryRun: boolean): StoreOutcome {
    const now = Math.floor(Date.now() / 1000);
    const outcome: StoreOutcome = { imported: 0, skipped: 0, newAlbumIds: [] };
    const { checkOtherSources, mixed, corrections } = this.checksNeeded(plays);
    const rows: unknown[] = [];
    const flush = (statement: Statement, count: number) => {
      const { changes } = statement.run(rows.splice(0, count * LISTEN_COLUMNS));
      outcome.imported += changes;
      outcome.skipped += count - changes;
    };
    for (const play of plays) {
      if (corrections && isCorrected(play, corrections)) {
        outcome.skipped++;
        continue;
      }
      const artistId = this.catalog.artistId(play.artist, play.artistKey, now);
      if (this.samePlays.has(play.timestamp, artistId, play.titleKey) || (checkOtherSources && this.copies.absorbs(play))) {
        outcome.skipped++;
        continue;
      }
      this.samePlays.add(play.timestamp, artistId, play.titleKey);
      const album = this.catalog.albumId(play, now);
      if (album?.created) outcome.newAlbumIds.push(album.id);
      const trackId = this.catalog.trackId(play, artistId, album?.id ?? null, now);
      this.catalog.complete(play, artistId, album?.id ?? null, trackId, now);
      rows.push(trackId, play.timestamp, play.source, play.loved ? 1 : 0, play.zone, play.playedSeconds, play.client, play.alreadyOn, now);
      // Two sources in one batch: a play may be the copy of one stored just before it.
      if (mixed) flush(this.sql.insertListen, 1);
      else if (rows.length === ROWS_PER_INSERT * LISTEN_COLUMNS) flush(this.sql.insertListens, ROWS_PER_INSERT);
    }
    while (rows.length) flush(this.sql.insertListen, 1);
    if (dryRun) throw new DryRunDone({ ...outcome, newAlbumIds: [] });
    return outcome;
  }

  /**
   * Per-play searches cost a query each; most batches need none: copies are looked for only
   * with two sources in the batch or a source that can share plays stored nearby, and stored
   * plays are loaded only when listens exist in the batch's time range. Corrections near the
   * batch (few: they are typed by hand) are read once into memory, by title key.
   */
  private checksNeeded(plays: readonly KeyedPlay[]): {
    checkOtherSources: boolean;
    mixed: boolean;
    corrections: Map<string, Correction[]> | undefined;
  } {
    let low = Infinity;
    let high = -Infinity;
    let mixed = false;
    const first = plays[0]!.source;
    for (const play of plays) {
      if (play.source !== first) mixed = true;
      if (play.timestamp < low) low = play.timestamp;
      if (play.timestamp > high) high = play.timestamp;
    }
    this.samePlays.begin(low, high, this.sql.anyNear.get(low, high) !== undefined);
    const window = this.copies.window(first);
    const near = this.sql.correctionsNear.all(low - WIDEST_WINDOW_SECONDS, high + WIDEST_WINDOW_SECONDS) as (Correction & { titleKey: string })[];
    let corrections: Map<string, Correction[]> | undefined;
    for (const correction of near) {
      corrections ??= new Map();
      corrections.set(correction.titleKey, [...(corrections.get(correction.titleKey) ?? []), correction]);
    }
    return { checkOtherSources: mixed || this.copies.mayHaveCopies(first, low - window, high + window), mixed, corrections };
  }

  markLoved(tracks: readonly { artistKey: string; titleKey: string }[]): number {
    return this.db.sqlite.transaction(() => {
      let changed = 0;
      for (const track of tracks) changed += this.sql.markLoved.run(track.artistKey, track.titleKey).changes;
      return changed;
    })();
  }
}

/**
 * A play deleted or edited by hand, arriving again: the identity it arrived with (source,
 * second and title; the artist credit may be a copy's, as when a Roon "A / B" listen that had
 * absorbed Last.fm's "A" was deleted), or another source's copy of it within the window of
 * that pair of sources (core/listens/same-play.ts) — which would have been the same listen.
 */
function isCorrected(play: KeyedPlay, corrections: ReadonlyMap<string, readonly Correction[]>): boolean {
  const recorded = corrections.get(play.titleKey);
  if (!recorded) return false;
  return recorded.some((correction) => {
    if (correction.source === play.source) return correction.timestamp === play.timestamp;
    const window = crossSourceWindow(correction.source, play.source);
    return window !== null && correction.artistKey === play.artistKey && Math.abs(correction.timestamp - play.timestamp) <= window;
  });
}
