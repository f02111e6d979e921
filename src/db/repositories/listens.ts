import type { Statement } from 'better-sqlite3';
import type { KeyedPlay, ListenStore, StoreOutcome } from '../../core/listens/ports.js';
import type { Database } from '../data-source.js';
import { SqliteCatalog } from './catalog.js';

const INSERT_LISTENS = 'INSERT OR IGNORE INTO listening_history (track_id, timestamp, source, loved, zone, played_seconds, client, already_on, created_at) VALUES';
const LISTEN_VALUES = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
const LISTEN_COLUMNS = 9;
/** Rows per INSERT statement: one statement run per row was a third of the cost of ingest. */
const ROWS_PER_INSERT = 64;

/** A recorded correction near a batch: the identity a play arrived with. */
interface Correction {
  readonly source: string;
  readonly timestamp: number;
}

/**
 * Stores plays: one transaction per batch, artist/album/track resolved through the
 * catalogue cache, the same play (track, timestamp) ignored by the unique index, a play
 * skipped when another source already holds the same artist and title nearby, and a play
 * skipped when `aime history rm|edit` recorded it (listen_corrections).
 */
export class SqliteListenStore implements ListenStore {
  private readonly db: Database;
  private readonly catalog: SqliteCatalog;
  private readonly sql: Record<'insertListen' | 'insertListens' | 'anyNear' | 'samePlay' | 'otherSourceNear' | 'otherSourceCopies' | 'absorbCopy' | 'markLoved' | 'correctionsNear', Statement>;

  constructor(db: Database) {
    this.db = db;
    this.catalog = new SqliteCatalog(db);
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      insertListen: prepare(`${INSERT_LISTENS} ${LISTEN_VALUES}`),
      insertListens: prepare(`${INSERT_LISTENS} ${Array(ROWS_PER_INSERT).fill(LISTEN_VALUES).join(', ')}`),
      anyNear: prepare('SELECT 1 FROM listening_history WHERE timestamp BETWEEN ? AND ? LIMIT 1').pluck(),
      // The same play read again with another album spelling resolves to another track row.
      samePlay: prepare(
        `SELECT 1 FROM listening_history l JOIN tracks t ON t.id = l.track_id
         WHERE l.timestamp = ? AND t.artist_id = ? AND t.title_key = ? LIMIT 1`,
      ).pluck(),
      otherSourceNear: prepare('SELECT 1 FROM listening_history WHERE timestamp BETWEEN ? AND ? AND source <> ? LIMIT 1').pluck(),
      // The other source's listens of this track nearby, closest first, with the copy each absorbed.
      otherSourceCopies: prepare(
        `SELECT l.id, l.merged_source AS mergedSource, l.merged_timestamp AS mergedTimestamp
         FROM tracks t JOIN listening_history l ON l.track_id = t.id
         WHERE t.artist_id = ? AND t.title_key = ? AND l.timestamp BETWEEN ? AND ? AND l.source <> ?
         ORDER BY ABS(l.timestamp - ?), l.id`,
      ),
      absorbCopy: prepare('UPDATE listening_history SET merged_source = ?, merged_timestamp = ? WHERE id = ?'),
      correctionsNear: prepare('SELECT artist_key AS artistKey, title_key AS titleKey, source, timestamp FROM listen_corrections WHERE timestamp BETWEEN ? AND ?'),
      markLoved: prepare(
        // "+loved": without it SQLite walks the loved index (every unloved listen) instead of the track's listens.
        `UPDATE listening_history SET loved = 1 WHERE +loved = 0 AND track_id IN
           (SELECT t.id FROM tracks t JOIN artists a ON a.id = t.artist_id WHERE a.name_key = ? AND t.title_key = ?)`,
      ),
    };
  }

  store(plays: readonly KeyedPlay[], crossSourceSeconds: number): StoreOutcome {
    if (plays.length === 0) return { imported: 0, skipped: 0, newAlbumIds: [] };
    try {
      return this.storeBatch(plays, crossSourceSeconds);
    } catch (error) {
      this.catalog.forget();
      // A cached id whose row was deleted since (album removed by hand) breaks a foreign
      // key: with the cache emptied, one more try finds or recreates the rows.
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      try {
        return this.storeBatch(plays, crossSourceSeconds);
      } catch (again) {
        this.catalog.forget();
        throw again;
      }
    }
  }

  private storeBatch(plays: readonly KeyedPlay[], window: number): StoreOutcome {
    // BEGIN IMMEDIATE: the batch reads before it writes, and a read transaction that must
    // become a write one while another connection writes fails at once ("database is
    // locked") instead of waiting; taking the write lock first waits with busy_timeout.
    const batch = this.db.sqlite.transaction(() => {
      const now = Math.floor(Date.now() / 1000);
      const outcome: StoreOutcome = { imported: 0, skipped: 0, newAlbumIds: [] };
      const { checkOtherSources, checkSamePlays, corrections } = this.checksNeeded(plays, window);
      const checkEach = checkOtherSources || checkSamePlays;
      const rows: unknown[] = [];
      const flush = (statement: Statement, count: number) => {
        const { changes } = statement.run(rows.splice(0, count * LISTEN_COLUMNS));
        outcome.imported += changes;
        outcome.skipped += count - changes;
      };
      for (const play of plays) {
        if (corrections && isCorrected(play, corrections, window)) {
          outcome.skipped++;
          continue;
        }
        const artistId = this.catalog.artistId(play.artist, play.artistKey, now);
        if (checkOtherSources && this.isOtherSourceCopy(play, artistId, window)) {
          outcome.skipped++;
          continue;
        }
        if (checkSamePlays && this.sql.samePlay.get(play.timestamp, artistId, play.titleKey)) {
          outcome.skipped++;
          continue;
        }
        const album = this.catalog.albumId(play, now);
        if (album?.created) outcome.newAlbumIds.push(album.id);
        const trackId = this.catalog.trackId(play, artistId, album?.id ?? null, now);
        rows.push(trackId, play.timestamp, play.source, play.loved ? 1 : 0, play.zone, play.playedSeconds, play.client, play.alreadyOn, now);
        // A play checked against stored ones must see every earlier play of the batch stored.
        if (checkEach) flush(this.sql.insertListen, 1);
        else if (rows.length === ROWS_PER_INSERT * LISTEN_COLUMNS) flush(this.sql.insertListens, ROWS_PER_INSERT);
      }
      while (rows.length) flush(this.sql.insertListen, 1);
      return outcome;
    });
    return batch.immediate();
  }

  /**
   * One play, one listen: a play is the other source's copy of a stored listen when that
   * listen already absorbed exactly this play (read again), or has absorbed nothing yet (it
   * absorbs it now). A listen whose copy is taken leaves a second nearby play standing: a
   * replay heard once by Roon and twice by Last.fm is two listens, not one.
   */
  private isOtherSourceCopy(play: KeyedPlay, artistId: number, window: number): boolean {
    const copies = this.sql.otherSourceCopies.all(artistId, play.titleKey, play.timestamp - window, play.timestamp + window, play.source, play.timestamp) as {
      id: number;
      mergedSource: string | null;
      mergedTimestamp: number | null;
    }[];
    if (copies.some((copy) => copy.mergedSource === play.source && copy.mergedTimestamp === play.timestamp)) return true;
    const free = copies.find((copy) => copy.mergedSource === null);
    if (!free) return false;
    this.sql.absorbCopy.run(play.source, play.timestamp, free.id);
    return true;
  }

  /**
   * Per-play checks cost a query each; most batches need none: cross-source checks only with
   * two sources in the batch or another source stored nearby, same-play checks only when
   * listens are already stored in the batch's time range. Corrections near the batch (few:
   * they are typed by hand) are read once into memory, by artist and title keys.
   */
  private checksNeeded(
    plays: readonly KeyedPlay[],
    window: number,
  ): { checkOtherSources: boolean; checkSamePlays: boolean; corrections: Map<string, Correction[]> | undefined } {
    let low = Infinity;
    let high = -Infinity;
    let mixed = false;
    const first = plays[0]!.source;
    for (const play of plays) {
      if (play.source !== first) mixed = true;
      if (play.timestamp < low) low = play.timestamp;
      if (play.timestamp > high) high = play.timestamp;
    }
    const near = this.sql.correctionsNear.all(low - window, high + window) as (Correction & { artistKey: string; titleKey: string })[];
    let corrections: Map<string, Correction[]> | undefined;
    for (const correction of near) {
      corrections ??= new Map();
      const key = playKey(correction.artistKey, correction.titleKey);
      corrections.set(key, [...(corrections.get(key) ?? []), correction]);
    }
    return {
      checkOtherSources: mixed || this.sql.otherSourceNear.get(low - window, high + window, first) !== undefined,
      checkSamePlays: this.sql.anyNear.get(low, high) !== undefined,
      corrections,
    };
  }

  markLoved(tracks: readonly { artistKey: string; titleKey: string }[]): number {
    return this.db.sqlite.transaction(() => {
      let changed = 0;
      for (const track of tracks) changed += this.sql.markLoved.run(track.artistKey, track.titleKey).changes;
      return changed;
    })();
  }
}

function playKey(artistKey: string, titleKey: string): string {
  return `${artistKey}\u0000${titleKey}`;
}

/**
 * A play deleted or edited by hand, arriving again: the same identity (source and time), or
 * another source's copy of it within the window — which would have been the same listen.
 */
function isCorrected(play: KeyedPlay, corrections: ReadonlyMap<string, readonly Correction[]>, window: number): boolean {
  const recorded = corrections.get(playKey(play.artistKey, play.titleKey));
  if (!recorded) return false;
  return recorded.some((correction) =>
    correction.source === play.source ? correction.timestamp === play.timestamp : Math.abs(correction.timestamp - play.timestamp) <= window,
  );
}
