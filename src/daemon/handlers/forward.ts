import { setImmediate as turn } from 'node:timers/promises';
import { UserError } from '../../core/errors.js';
import { backfillListens } from '../../core/forwarding/backfill.js';
import type { ForwardOutbox } from '../../core/forwarding/ports.js';
import type { Clock } from '../../core/ports.js';
import { parseMoment } from '../../core/time/days.js';
import type { ForwardStatusResult } from '../../rpc/methods/forward.js';
import { filledText, optional } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** Parked listens shown by `aime forward status`. */
const PARKED_SHOWN = 20;

/** What the handlers need from the sender (the forward service, handed over by the feature). */
export interface ForwardSender {
  live(): { running: boolean; halted: string | null; nextAttemptAt: Date | null };
  /** Wakes the sender: a halted one tries again, a waiting one goes now. */
  retryNow(): void;
}

export interface ForwardHandlerDeps {
  readonly outbox: ForwardOutbox;
  readonly sender: ForwardSender;
  /** forward.listenbrainz.url, and whether the token is set. */
  readonly target: () => { url: string; enabled: boolean };
  readonly timeZone: () => string;
  readonly clock: Clock;
}

export function forwardHandlers(deps: ForwardHandlerDeps) {
  const seconds = () => Math.floor(deps.clock.now() / 1000);
  return handlerTable<'forward.status' | 'forward.backfill' | 'forward.retry'>({
    'forward.status': { params: NO_PARAMS, run: async () => forwardStatus(deps) },
    'forward.backfill': {
      params: { since: filledText(), until: optional(filledText()) },
      run: async ({ since, until }) => {
        if (!deps.target().enabled) throw new UserError('forwarding is off: set the token first (aime config set forward.listenbrainz.token …)');
        const zone = deps.timeZone();
        const from = parseMoment(since, zone, 'start');
        const to = until === undefined ? Number.MAX_SAFE_INTEGER : parseMoment(until, zone, 'end');
        if (to <= from) throw new UserError(`--until (${until}) must come after --since (${since})`);
        const queued = await backfillListens(deps.outbox, { since: from, until: to }, seconds(), () => turn());
        if (queued) deps.sender.retryNow();
        return { queued, since: iso(from), until: until === undefined ? null : iso(to), queueLength: deps.outbox.counts().queued };
      },
    },
    'forward.retry': {
      params: NO_PARAMS,
      run: async () => {
        const requeued = deps.outbox.requeueParked(seconds());
        deps.sender.retryNow();
        return { requeued, queueLength: deps.outbox.counts().queued };
      },
    },
  });
}

function forwardStatus(deps: ForwardHandlerDeps): ForwardStatusResult {
  const counts = deps.outbox.counts();
  const live = deps.sender.live();
  const target = deps.target();
  return {
    target: target.url,
    enabled: target.enabled,
    running: live.running,
    queued: counts.queued,
    sent: counts.sent,
    failed: counts.parked,
    lastError: live.halted ?? counts.lastError,
    lastErrorAt: counts.lastErrorAt === null ? null : iso(counts.lastErrorAt),
    lastSentAt: counts.lastSentAt === null ? null : iso(counts.lastSentAt),
    nextAttemptAt: live.running ? (live.nextAttemptAt?.toISOString() ?? null) : null,
    halted: live.halted !== null,
    parked: deps.outbox.parkedListens(PARKED_SHOWN).map((listen) => ({
      id: listen.id,
      playedAt: iso(listen.timestamp),
      artist: listen.artist,
      title: listen.title,
      reason: listen.reason,
      parkedAt: iso(listen.parkedAt),
    })),
  };
}

function iso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}
