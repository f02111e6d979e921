import { enrichAlbum } from '../../core/enrichment/enrich-album.js';
import { providersToAsk } from '../../core/enrichment/ports.js';
import type { AlbumEvents } from '../../core/ports.js';
import { SqliteEnrichment } from '../../db/repositories/enrichment.js';
import { CatalogueClients } from '../../wiring/catalogues.js';
import { enrichHandlers } from '../handlers/enrich.js';
import { EnrichmentQueue } from '../services/enrichment-queue.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Covers, links and years from the outside catalogues: `enrich.run` on demand and the
 * background queue (essential) that every producer of albums tells about new ones. Both use
 * one set of catalogue clients, so pacing and tokens carry over; the collection's Discogs
 * import uses them too.
 */
export function enrichmentFeature(ctx: FeatureContext): Feature & { albumEvents: AlbumEvents; clients: CatalogueClients } {
  const clients = new CatalogueClients(ctx.values, ctx.http);
  const store = new SqliteEnrichment(ctx.db);
  const catalogues = () => clients.catalogues();
  const log = ctx.log.child({ component: 'enrichment' });
  const queue = new EnrichmentQueue({
    enrich: (albumId, signal) => enrichAlbum({ store, catalogues: catalogues(), clock: ctx.clock }, albumId, { providers: providersToAsk(catalogues()), signal }),
    due: (limit) => store.dueAlbums(providersToAsk(catalogues()), Math.floor(ctx.clock.now() / 1000), limit),
    onError: (albumId, error) => log.warn({ albumId, err: error }, 'enrichment failed'),
    idleMs: 10 * 60_000,
  });
  return { essentials: [queue], handlers: enrichHandlers({ store, catalogues, clock: ctx.clock }), albumEvents: queue, clients };
}
