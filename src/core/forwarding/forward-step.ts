import { MAX_LISTENS_PER_REQUEST } from '../listenbrainz/limits.js';
import { refusalBeforeSending, submissionListen } from './listen-payload.js';
import type { ForwardOutbox, ListenbrainzSubmissionListen, ListenTarget } from './ports.js';

/** Listen ids looked at per collection: a million-listen import is taken in short transactions. */
export const COLLECT_CHUNK = 5_000;

export interface ForwardStepDeps {
  readonly outbox: ForwardOutbox;
  readonly target: ListenTarget;
  /** UTC epoch seconds. */
  readonly now: () => number;
  /** AIME's version, named in every listen's additional_info. */
  readonly version: string;
  /** Listens per request (at most ListenBrainz's 1,000). */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
}

export interface ForwardStepOutcome {
  /** Listens newly queued from those stored since the last step. */
  readonly collected: number;
  readonly sent: number;
  readonly parked: number;
  /** Requests that reached the target. */
  readonly requests: number;
  /** Nothing was waiting and nothing is left to look at: the caller may sleep. */
  readonly idle: boolean;
}

interface Pending {
  readonly id: number;
  readonly listen: ListenbrainzSubmissionListen;
}

/**
 * One round of forwarding: queue the listens stored since the last round, then send the
 * oldest queued ones as one `import` batch (≤ 1,000).
 *
 * - A listen the target's rules refuse (too old, too large…) is parked without being sent.
 * - Sent listens are marked in the transaction that records the answer, so a listen is never
 *   sent again after the target took it; a crash between the answer and that transaction
 *   resends this one batch, which the target's dedup absorbs.
 * - A refused batch (400) is split in halves, each sent on its own, down to the one listen
 *   the target refuses, which is parked with its reason; the others go on. ListenBrainz's
 *   answer does not say which listen is wrong, so halving finds it in about 2·log2(n) requests.
 * - A passing failure (429, 5xx, network) or a refused token is thrown to the caller, which
 *   waits (or stops); what was sent before it stays sent, the rest stays queued.
 */
export async function forwardStep(deps: ForwardStepDeps): Promise<ForwardStepOutcome> {
  const { outbox } = deps;
  const now = deps.now();
  const collected = outbox.collect(COLLECT_CHUNK, now);
  const waiting = outbox.next(Math.min(deps.batchSize ?? MAX_LISTENS_PER_REQUEST, MAX_LISTENS_PER_REQUEST));
  const tally = { collected: collected.queued, sent: 0, parked: 0, requests: 0, idle: waiting.length === 0 && !collected.more };
  const pending: Pending[] = [];
  const refused: { id: number; reason: string }[] = [];
  for (const stored of waiting) {
    const listen = submissionListen(stored, deps.version);
    const reason = refusalBeforeSending(listen, now);
    if (reason === undefined) pending.push({ id: stored.id, listen });
    else refused.push({ id: stored.id, reason: `not sent: ${reason}` });
  }
  if (refused.length) {
    outbox.park(refused, now);
    tally.parked += refused.length;
  }
  if (pending.length) await sendHalving(pending, deps, tally);
  return tally;
}

async function sendHalving(batch: readonly Pending[], deps: ForwardStepDeps, tally: { sent: number; parked: number; requests: number }): Promise<void> {
  const verdict = await deps.target.submit(
    batch.map((pending) => pending.listen),
    deps.signal,
  );
  tally.requests++;
  if (verdict.accepted) {
    deps.outbox.markSent(
      batch.map((pending) => pending.id),
      deps.now(),
    );
    tally.sent += batch.length;
    return;
  }
  if (batch.length === 1) {
    deps.outbox.park([{ id: batch[0]!.id, reason: `refused by the target: ${verdict.reason}` }], deps.now());
    tally.parked++;
    return;
  }
  const middle = Math.ceil(batch.length / 2);
  await sendHalving(batch.slice(0, middle), deps, tally);
  await sendHalving(batch.slice(middle), deps, tally);
}
