/** `forward.*`: the outbox that sends new listens to ListenBrainz (or a compatible server). */

export interface ParkedListenDto {
  /** The listen's id (as in `aime history`). */
  readonly id: number;
  /** When it was played (ISO, UTC). */
  readonly playedAt: string;
  readonly artist: string;
  readonly title: string;
  /** Why it was set aside: the target's own words, or the rule it breaks. */
  readonly reason: string;
  readonly parkedAt: string;
}

export interface ForwardStatusResult {
  /** forward.listenbrainz.url */
  readonly target: string;
  /** forward.listenbrainz.token is set: new listens are queued. */
  readonly enabled: boolean;
  /** The `forward` service is sending. */
  readonly running: boolean;
  /** Listens waiting to be sent. */
  readonly queued: number;
  /** Listens the target accepted, ever. */
  readonly sent: number;
  /** Listens the target refused, parked with their reason (`aime forward retry` queues them again). */
  readonly failed: number;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  readonly lastSentAt: string | null;
  /** When the next try goes, while waiting after a failure. */
  readonly nextAttemptAt: string | null;
  /** Sending stopped until the configuration changes (the token was refused). */
  readonly halted: boolean;
  /** The most recently parked listens (at most 20). */
  readonly parked: ParkedListenDto[];
}

export interface ForwardBackfillParams {
  /** YYYY-MM-DD (a local day), an ISO date-time or epoch seconds. */
  readonly since: string;
  readonly until?: string;
}

export interface ForwardBackfillResult {
  /** Listens queued by this backfill (those sent, parked or queued before are not counted again). */
  readonly queued: number;
  readonly since: string;
  readonly until: string | null;
  /** Everything waiting now. */
  readonly queueLength: number;
}

export interface ForwardMethods {
  'forward.status': { params: Record<string, never>; result: ForwardStatusResult };
  'forward.backfill': { params: ForwardBackfillParams; result: ForwardBackfillResult };
  'forward.retry': { params: Record<string, never>; result: { requeued: number; queueLength: number } };
}
