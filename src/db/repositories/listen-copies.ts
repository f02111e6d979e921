import type { Statement } from 'better-sqlite3';
import type { KeyedPlay } from '../../core/listens/ports.js';
import { crossSourceWindow, isCrossSourceCopy, widestWindowFor } from '../../core/listens/same-play.js';
import { LISTEN_SOURCES, type ListenSource } from '../../core/model.js';
import { nameKey } from '../../core/names.js';
import type { Database } from '../data-source.js';

interface Candidate {
  id: number;
  timestamp: number;
  source: ListenSource;
  artist: string;
  mergedSource: string | null;
  mergedTimestamp: number | null;
}

/**
 * Finds the stored listen a play from another source is a copy of, by core's cross-source
 * rule (core/listens/same-play.ts: same title key, artist credits naming the same artist,
 * starts within the window of the two sources), and pairs them one to one. Runs inside the
 * store's transaction.
 */
export class OtherSourceCopies {
  private readonly db: Database;
  private readonly candidates: Statement;
  private readonly absorb: Statement;
  /** Artist credits compared again and again (the same few names around a play): keys remembered. */
  private readonly keys = new Map<string, string>();
  /** Per source: "is a listen of a source it can share plays with stored in this range?" */
  private readonly partnersNear = new Map<ListenSource, Statement | null>();

  constructor(db: Database) {
    this.db = db;
    // Listens of the same title nearby from other sources, closest first, with the copy each absorbed.
    // Listens nearby from other sources with the same title, closest first, with the copy each
    // absorbed: found through the time index (a few listens), then compared by title key.
    this.candidates = db.sqlite.prepare(
      `SELECT l.id, l.timestamp, l.source, ar.name AS artist, l.merged_source AS mergedSource, l.merged_timestamp AS mergedTimestamp
       FROM listening_history l JOIN tracks t ON t.id = l.track_id JOIN artists ar ON ar.id = t.artist_id
       WHERE l.timestamp BETWEEN ? AND ? AND l.source <> ? AND t.title_key = ?
       ORDER BY ABS(l.timestamp - ?), l.id`,
    );
    this.absorb = db.sqlite.prepare('UPDATE listening_history SET merged_source = ?, merged_timestamp = ? WHERE id = ?');
  }

  private readonly key = (name: string): string => {
    let key = this.keys.get(name);
    if (key === undefined) {
      if (this.keys.size >= 50_000) this.keys.clear();
      key = nameKey(name);
      this.keys.set(name, key);
    }
    return key;
  };

  /** How far around a play of `source` its copies may lie. */
  window(source: ListenSource): number {
    return widestWindowFor(source);
  }

  /**
   * Whether a listen of a source that can share plays with `source` is stored between low and
   * high (already widened by the window): most batches need no per-play search at all.
   */
  mayHaveCopies(source: ListenSource, low: number, high: number): boolean {
    let statement = this.partnersNear.get(source);
    if (statement === undefined) {
      const partners = LISTEN_SOURCES.filter((other) => crossSourceWindow(source, other) !== null);
      statement = partners.length
        ? // The names are core's own constants (LISTEN_SOURCES), written into the SQL once per source.
          this.db.sqlite.prepare(`SELECT 1 FROM listening_history WHERE source IN (${partners.map((name) => `'${name}'`).join(', ')}) AND timestamp BETWEEN ? AND ? LIMIT 1`).pluck()
        : null;
      this.partnersNear.set(source, statement);
    }
    return statement !== null && statement.get(low, high) !== undefined;
  }

  /**
   * One play, one listen: a play is another source's copy of a stored listen when that
   * listen already absorbed exactly this play (read again), or has absorbed nothing yet (it
   * absorbs it now). A listen whose copy is taken leaves a second nearby play standing: a
   * replay heard once by Roon and twice by Last.fm is two listens, not one.
   */
  absorbs(play: KeyedPlay): boolean {
    const window = this.window(play.source);
    if (window === 0) return false;
    const rows = this.candidates.all(play.timestamp - window, play.timestamp + window, play.source, play.titleKey, play.timestamp) as Candidate[];
    const copies = rows.filter((row) => isCrossSourceCopy(play, row, this.key));
    if (copies.some((copy) => copy.mergedSource === play.source && copy.mergedTimestamp === play.timestamp)) return true;
    const free = copies.find((copy) => copy.mergedSource === null);
    if (!free) return false;
    this.absorb.run(play.source, play.timestamp, free.id);
    return true;
  }
}
