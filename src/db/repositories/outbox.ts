import type { Statement } from 'better-sqlite3';
import type { BackfillPosition, ForwardCounts, ForwardOutbox, OutgoingListen, ParkedListen } from '../../core/forwarding/ports.js';
import type { Database } from '../data-source.js';

/** The value of listening_history.already_on that keeps a listen from being sent to ListenBrainz. */
const TARGET = 'listenbrainz';

const OUTGOING = `SELECT o.listen_id AS id, l.timestamp, ar.name AS artist, t.title, al.title AS album, al.artist_name AS albumArtist,
    t.duration_seconds AS durationSeconds, t.track_number AS trackNumber, t.musicbrainz_id AS recordingMbid,
    al.musicbrainz_id AS releaseMbid, ar.musicbrainz_id AS artistMbid, l.source, l.client
  FROM forward_outbox o
  JOIN listening_history l ON l.id = o.listen_id
  JOIN tracks t ON t.id = l.track_id
  JOIN artists ar ON ar.id = t.artist_id
  LEFT JOIN albums al ON al.id = t.album_id
  WHERE o.state = 'queued' ORDER BY o.listen_id LIMIT ?`;

type Name =
  | 'state'
  | 'newest'
  | 'start'
  | 'pause'
  | 'collect'
  | 'advance'
  | 'next'
  | 'markSent'
  | 'countSent'
  | 'park'
  | 'noteError'
  | 'backfillSlice'
  | 'queueIds'
  | 'requeue'
  | 'queued'
  | 'uncollected'
  | 'parked'
  | 'parkedListens';

/**
 * The forwarding outbox (migration 1763860000000). New listens are not written here by the
 * store: `collect` follows listening_history's ids (they only grow) from a cursor, so ingest
 * costs a person who never forwards nothing, and a crash loses nothing — the cursor and the
 * rows it queued move in one transaction.
 */
export class SqliteForwardOutbox implements ForwardOutbox {
  private readonly db: Database;
  private readonly sql: Record<Name, Statement>;

  constructor(db: Database) {
    this.db = db;
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      state: prepare(
        `SELECT collecting, collected_listen_id AS cursor, sent_total AS sent, last_sent_at AS lastSentAt, last_error AS lastError, last_error_at AS lastErrorAt
         FROM forward_state WHERE id = 1`,
      ),
      newest: prepare('SELECT coalesce(max(id), 0) FROM listening_history').pluck(),
      start: prepare('UPDATE forward_state SET collecting = 1, collected_listen_id = ? WHERE id = 1'),
      pause: prepare('UPDATE forward_state SET collecting = 0 WHERE id = 1'),
      collect: prepare(
        `INSERT OR IGNORE INTO forward_outbox (listen_id, state, queued_at)
         SELECT id, 'queued', ? FROM listening_history WHERE id > ? AND id <= ? AND already_on IS NOT '${TARGET}'`,
      ),
      advance: prepare('UPDATE forward_state SET collected_listen_id = ? WHERE id = 1'),
      next: prepare(OUTGOING),
      markSent: prepare(`UPDATE forward_outbox SET state = 'sent', settled_at = ?, reason = NULL WHERE state = 'queued' AND listen_id IN (SELECT value FROM json_each(?))`),
      countSent: prepare('UPDATE forward_state SET sent_total = sent_total + ?, last_sent_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1'),
      park: prepare(`UPDATE forward_outbox SET state = 'parked', settled_at = ?, reason = ? WHERE state = 'queued' AND listen_id = ?`),
      noteError: prepare('UPDATE forward_state SET last_error = ?, last_error_at = ? WHERE id = 1'),
      // Play order through idx_listens_time (timestamp, then the rowid it holds).
      backfillSlice: prepare(
        `SELECT id, timestamp, already_on IS NOT '${TARGET}' AS eligible FROM listening_history
         WHERE timestamp < ? AND (timestamp, id) > (?, ?) ORDER BY timestamp, id LIMIT ?`,
      ),
      queueIds: prepare(`INSERT OR IGNORE INTO forward_outbox (listen_id, state, queued_at) SELECT value, 'queued', ? FROM json_each(?)`),
      requeue: prepare(`UPDATE forward_outbox SET state = 'queued', queued_at = ?, settled_at = NULL, reason = NULL WHERE state = 'parked'`),
      queued: prepare(`SELECT count(*) FROM forward_outbox WHERE state = 'queued'`).pluck(),
      uncollected: prepare(`SELECT count(*) FROM listening_history WHERE id > ? AND already_on IS NOT '${TARGET}'`).pluck(),
      parked: prepare(`SELECT count(*) FROM forward_outbox WHERE state = 'parked'`).pluck(),
      parkedListens: prepare(
        `SELECT o.listen_id AS id, l.timestamp, ar.name AS artist, t.title, o.reason, o.settled_at AS parkedAt
         FROM forward_outbox o JOIN listening_history l ON l.id = o.listen_id JOIN tracks t ON t.id = l.track_id JOIN artists ar ON ar.id = t.artist_id
         WHERE o.state = 'parked' ORDER BY o.listen_id DESC LIMIT ?`,
      ),
    };
  }

  follow(on: boolean, at: number): void {
    this.db.sqlite
      .transaction(() => {
        const state = this.state();
        if (on && !state.collecting) this.sql.start.run(this.sql.newest.get());
        if (!on && state.collecting) {
          // The listens stored while forwarding was on are still owed: queue them before pausing.
          while (this.collect(Number.MAX_SAFE_INTEGER, at).more);
          this.sql.pause.run();
        }
      })
      .immediate();
  }

  collect(limit: number, at: number): { queued: number; more: boolean } {
    return this.db.sqlite
      .transaction(() => {
        const state = this.state();
        if (!state.collecting) return { queued: 0, more: false };
        const newest = this.sql.newest.get() as number;
        const upper = Math.min(newest, state.cursor + limit);
        if (upper <= state.cursor) return { queued: 0, more: false };
        const { changes } = this.sql.collect.run(at, state.cursor, upper);
        this.sql.advance.run(upper);
        return { queued: changes, more: upper < newest };
      })
      .immediate();
  }

  next(limit: number): OutgoingListen[] {
    return this.sql.next.all(limit) as OutgoingListen[];
  }

  markSent(ids: readonly number[], at: number): void {
    this.db.sqlite.transaction(() => {
      const { changes } = this.sql.markSent.run(at, JSON.stringify(ids));
      this.sql.countSent.run(changes, at);
    })();
  }

  park(listens: readonly { id: number; reason: string }[], at: number): void {
    this.db.sqlite.transaction(() => {
      for (const listen of listens) this.sql.park.run(at, listen.reason, listen.id);
    })();
  }

  noteError(message: string, at: number): void {
    this.sql.noteError.run(message, at);
  }

  backfill(range: { since: number; until: number; after?: BackfillPosition }, limit: number, at: number): { queued: number; next?: BackfillPosition } {
    const after = range.after ?? { timestamp: range.since, id: 0 };
    return this.db.sqlite
      .transaction(() => {
        const slice = this.sql.backfillSlice.all(range.until, after.timestamp, after.id, limit) as { id: number; timestamp: number; eligible: number }[];
        const ids = slice.filter((listen) => listen.eligible === 1).map((listen) => listen.id);
        const queued = ids.length ? this.sql.queueIds.run(at, JSON.stringify(ids)).changes : 0;
        const last = slice[slice.length - 1];
        return slice.length < limit || !last ? { queued } : { queued, next: { timestamp: last.timestamp, id: last.id } };
      })
      .immediate();
  }

  requeueParked(at: number): number {
    return this.sql.requeue.run(at).changes;
  }

  counts(): ForwardCounts {
    return this.db.sqlite.transaction(() => {
      const state = this.state();
      return {
        queued: this.queueLengthOf(state),
        sent: state.sent,
        parked: this.sql.parked.get() as number,
        lastSentAt: state.lastSentAt,
        lastError: state.lastError,
        lastErrorAt: state.lastErrorAt,
        collecting: state.collecting,
      };
    })();
  }

  /** Listens waiting to be sent (the `aime_forward_queue_length` gauge): queued ones and those stored since the last look. */
  queueLength(): number {
    return this.db.sqlite.transaction(() => this.queueLengthOf(this.state()))();
  }

  parkedListens(limit: number): ParkedListen[] {
    return this.sql.parkedListens.all(limit) as ParkedListen[];
  }

  private queueLengthOf(state: { collecting: boolean; cursor: number }): number {
    const queued = this.sql.queued.get() as number;
    return state.collecting ? queued + (this.sql.uncollected.get(state.cursor) as number) : queued;
  }

  private state(): { collecting: boolean; cursor: number; sent: number; lastSentAt: number | null; lastError: string | null; lastErrorAt: number | null } {
    const row = this.sql.state.get() as { collecting: number; cursor: number; sent: number; lastSentAt: number | null; lastError: string | null; lastErrorAt: number | null };
    return { ...row, collecting: row.collecting === 1 };
  }
}
