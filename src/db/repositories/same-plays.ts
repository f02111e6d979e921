import type { Statement } from 'better-sqlite3';
import type { Database } from '../data-source.js';

/** Listens loaded at most per batch before asking SQLite play by play instead. */
const MAX_LOADED = 50_000;

/**
 * "Is this play stored already?" for one batch: same artist, same title key, same second —
 * whatever album each reading named (Last.fm corrects albums; two exports spell them
 * differently), which the unique (track, timestamp) index alone cannot see. The listens
 * stored in the batch's time range are read once into a set, so a file imported again
 * (every play a duplicate) costs a lookup per play, not a query; a range holding more than
 * MAX_LOADED listens is asked play by play. Plays of the batch are added as they are
 * accepted, so the batch sees its own plays without writing each one first.
 */
export class SamePlays {
  private readonly inRange: Statement;
  private readonly one: Statement;
  private stored: Set<string> | null = null;
  private readonly batch = new Set<string>();

  constructor(db: Database) {
    this.inRange = db.sqlite.prepare(
      `SELECT l.timestamp, t.artist_id AS artistId, t.title_key AS titleKey FROM listening_history l JOIN tracks t ON t.id = l.track_id
       WHERE l.timestamp BETWEEN ? AND ? LIMIT ${MAX_LOADED + 1}`,
    ).raw();
    this.one = db.sqlite.prepare(
      `SELECT 1 FROM listening_history l JOIN tracks t ON t.id = l.track_id
       WHERE l.timestamp = ? AND t.artist_id = ? AND t.title_key = ? LIMIT 1`,
    ).pluck();
  }

  /** Starts a batch whose plays lie between low and high; `anyStored`: listens exist in that range. */
  begin(low: number, high: number, anyStored: boolean): void {
    this.batch.clear();
    this.stored = new Set();
    if (!anyStored) return;
    const rows = this.inRange.all(low, high) as [number, number, string][];
    if (rows.length > MAX_LOADED) {
      this.stored = null;
      return;
    }
    for (const [timestamp, artistId, titleKey] of rows) this.stored.add(identity(timestamp, artistId, titleKey));
  }

  /** Whether the play is stored, or was accepted earlier in this batch. */
  has(timestamp: number, artistId: number, titleKey: string): boolean {
    const id = identity(timestamp, artistId, titleKey);
    if (this.batch.has(id)) return true;
    return this.stored ? this.stored.has(id) : this.one.get(timestamp, artistId, titleKey) !== undefined;
  }

  /** A play of this batch that will be stored. */
  add(timestamp: number, artistId: number, titleKey: string): void {
    this.batch.add(identity(timestamp, artistId, titleKey));
  }

  /** Lets the sets go between batches. */
  end(): void {
    this.batch.clear();
    this.stored = null;
  }
}

function identity(timestamp: number, artistId: number, titleKey: string): string {
  return `${timestamp}\u0000${artistId}\u0000${titleKey}`;
}
