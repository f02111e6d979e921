import type { PlayReport, IngestSummary } from '../../core/model.js';
import { fetchNextTracklist, type TracklistDeps } from '../../core/spins/tracklists.js';
import { SqliteSpins } from '../../db/repositories/spins.js';
import { SqliteTracklists } from '../../db/repositories/tracklists.js';
import type { CatalogueClients } from '../../wiring/catalogues.js';
import { spinsHandlers } from '../handlers/spins.js';
import { TracklistFetcher } from '../services/tracklist-fetcher.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Records played by hand: `spins.record` (aime spin) and the background fetch of the
 * collection's tracklists (essential service `tracklists`). Both ask Discogs through the one
 * catalogue client, so they share its pacing with imports and covers. Spins are recorded
 * through the listens feature's ingest; `copiesAdded` is for whoever stores new copies.
 */
export function spinsFeature(
  ctx: FeatureContext,
  needs: { ingest: { record(reports: readonly PlayReport[]): Promise<IngestSummary> }; clients: CatalogueClients },
): Feature & { copiesAdded: () => void } {
  const store = new SqliteTracklists(ctx.db);
  const tracklists: TracklistDeps = { store, source: () => needs.clients.discogs(), clock: ctx.clock };
  const log = ctx.log.child({ component: 'tracklists' });
  const fetcher = new TracklistFetcher({
    step: (signal) => fetchNextTracklist(tracklists, signal),
    progress: () => store.progress(Math.floor(ctx.clock.now() / 1000)),
    enabled: () => ctx.values().discogs.tracklists,
    onError: (error, releaseId) => log.warn({ releaseId, err: error }, 'tracklist fetch failed'),
    idleMs: 60_000,
    pauseMs: 60_000,
  });
  const handlers = spinsHandlers({
    store: new SqliteSpins(ctx.db),
    tracklists,
    ingest: needs.ingest,
    clock: ctx.clock,
    timeZone: () => ctx.values().timezone,
  });
  return { essentials: [fetcher], handlers, copiesAdded: () => fetcher.copiesAdded() };
}
