import type { ListenSource } from '../model.js';

/**
 * What forwarding needs: the outbox (db/repositories/outbox.ts) and the target that takes
 * listens (integrations/listenbrainz). Times are UTC epoch seconds.
 */

/** A stored listen as it leaves for the target. */
export interface OutgoingListen {
  /** The listen's id in listening_history. */
  readonly id: number;
  readonly timestamp: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly albumArtist: string | null;
  readonly durationSeconds: number | null;
  readonly trackNumber: number | null;
  readonly recordingMbid: string | null;
  readonly releaseMbid: string | null;
  readonly artistMbid: string | null;
  readonly source: ListenSource;
  /** The program that reported the play to AIME, if known. */
  readonly client: string | null;
}

/** A listen the target refused, kept aside with the reason instead of blocking the queue. */
export interface ParkedListen {
  readonly id: number;
  readonly timestamp: number;
  readonly artist: string;
  readonly title: string;
  readonly reason: string;
  readonly parkedAt: number;
}

export interface ForwardCounts {
  /** Listens waiting to be sent, those stored since the last look included. */
  readonly queued: number;
  /** Listens the target accepted, ever. */
  readonly sent: number;
  /** Listens the target refused (parked). */
  readonly parked: number;
  readonly lastSentAt: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: number | null;
  /** Whether new listens are being taken (the target's token is set). */
  readonly collecting: boolean;
}

/** Where a backfill stopped: the last listen looked at, in play order. */
export interface BackfillPosition {
  readonly timestamp: number;
  readonly id: number;
}

/** The durable queue in SQLite. */
export interface ForwardOutbox {
  /**
   * Starts (on) or stops taking new listens. Starting marks where "new" begins: the listens
   * stored before are not queued (`backfill` queues them on demand). Idempotent.
   */
  follow(on: boolean, at: number): void;
  /**
   * Queues the listens stored since the last look (none that came from the target itself),
   * looking at most `limit` ids ahead in one transaction: `more` when newer ones are left.
   */
  collect(limit: number, at: number): { queued: number; more: boolean };
  /** The oldest queued listens, at most `limit`. */
  next(limit: number): OutgoingListen[];
  /** Marks listens sent and records the success, in one transaction. */
  markSent(ids: readonly number[], at: number): void;
  /** Sets listens aside with the target's reason. */
  park(listens: readonly { id: number; reason: string }[], at: number): void;
  /** Remembers the last failure (shown by `aime forward status`); a success clears it. */
  noteError(message: string, at: number): void;
  /**
   * Queues listens played in [since, until) that were never queued (sent ones stay sent), the
   * first `limit` of them in play order after `after`; `next` is where the following call
   * starts (undefined once the range is done). Each call is one short transaction.
   */
  backfill(range: { since: number; until: number; after?: BackfillPosition }, limit: number, at: number): { queued: number; next?: BackfillPosition };
  /** Puts parked listens back in the queue; returns how many. */
  requeueParked(at: number): number;
  counts(): ForwardCounts;
  /** Parked listens, newest first. */
  parkedListens(limit: number): ParkedListen[];
}

/** One listen in the ListenBrainz submission format. */
export interface ListenbrainzSubmissionListen {
  readonly listened_at: number;
  readonly track_metadata: {
    readonly artist_name: string;
    readonly track_name: string;
    readonly release_name?: string;
    readonly additional_info: Record<string, unknown>;
  };
}

/** What the target said about one submission that reached it. */
export type SubmitVerdict = { readonly accepted: true } | { readonly accepted: false; readonly reason: string };

/** Where listens go (ListenBrainz or a compatible server). */
export interface ListenTarget {
  /**
   * Sends listens as one `import` submission. Resolves accepted, or refused with the target's
   * reason (something in the submission is wrong: HTTP 400 or 413). Throws RetryLaterError
   * (429, 5xx, network), AuthError (the token is refused) or UnrecoverableError.
   */
  submit(listens: readonly ListenbrainzSubmissionListen[], signal?: AbortSignal): Promise<SubmitVerdict>;
}
