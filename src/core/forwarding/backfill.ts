import type { BackfillPosition, ForwardOutbox } from './ports.js';

/** Listens looked at per transaction: a backfill of a whole history never holds the writer long. */
export const BACKFILL_SLICE = 5_000;

/**
 * `aime forward backfill`: queues the listens played in [since, until) that were never queued
 * — a listen already sent, parked or waiting stays as it is, so running it twice queues
 * nothing more — slice by slice in play order, and `turn()` between two slices lets the
 * daemon's other work run. Listens read from a ListenBrainz export are left out (the outbox
 * knows them). Returns how many were queued.
 */
export async function backfillListens(outbox: ForwardOutbox, range: { since: number; until: number }, at: number, turn: () => Promise<void>, slice = BACKFILL_SLICE): Promise<number> {
  let queued = 0;
  let after: BackfillPosition | undefined;
  for (;;) {
    const done = outbox.backfill({ ...range, ...(after ? { after } : {}) }, slice, at);
    queued += done.queued;
    if (!done.next) return queued;
    after = done.next;
    await turn();
  }
}
