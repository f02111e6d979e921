import { fillNextDurations } from '../../core/durations/fill.js';
import { SqliteDurations } from '../../db/repositories/durations.js';
import type { CatalogueClients } from '../../wiring/catalogues.js';
import { durationsHandlers } from '../handlers/durations.js';
import { DurationWorker } from '../services/durations.js';
import type { Feature, FeatureContext } from './feature.js';

/** Albums or tracks looked up per step: a few seconds of Last.fm, twenty of MusicBrainz. */
const BATCH = 20;
/** Last.fm lookups under way at once; the pacer keeps them at lastfm.requestsPerSecond. */
const IN_FLIGHT = 4;

/**
 * Track durations, so hours add up: the `durations` worker (essential) and `enrich.durations`
 * on demand, both over core/durations' step with the catalogues as configured now (Last.fm
 * when it has an API key, MusicBrainz always, sharing its pacing with covers). Listens stored
 * and albums created wake the worker.
 */
export function durationsFeature(ctx: FeatureContext, needs: { clients: CatalogueClients }): Feature & { worker: DurationWorker } {
  const store = new SqliteDurations(ctx.db);
  const log = ctx.log.child({ component: 'durations' });
  const worker = new DurationWorker({
    step: (scan, signal) => fillNextDurations({ store, catalogues: needs.clients.durationCatalogues(), clock: ctx.clock }, scan, { batch: BATCH, inFlight: IN_FLIGHT, signal }),
    counts: () => store.counts(),
    nextRetryAt: () => store.nextRetryAt(Math.floor(ctx.clock.now() / 1000)),
    onError: (error) => log.warn({ err: error }, 'filling track durations failed'),
    idleMs: 10 * 60_000,
    failurePauseMs: 60_000,
  });
  return { essentials: [worker], handlers: durationsHandlers({ runner: worker }), worker };
}
