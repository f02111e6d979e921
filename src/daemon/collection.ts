import type { ConfigFile } from '../config/config.js';
import type { EnrichmentQueue } from './services/enrichment-queue.js';
import { systemClock, type AlbumEvents } from '../core/ports.js';
import type { Database } from '../db/data-source.js';
import { SqliteCollection } from '../db/repositories/collection.js';
import { SqliteEnrichment } from '../db/repositories/enrichment.js';
import { SqliteSyncState } from '../db/repositories/sync-state.js';
import type { HttpClient } from '../integrations/http.js';
import type { Logger } from '../log.js';
import { CatalogueClients } from '../wiring/catalogues.js';
import { collectionHandlers } from './handlers/collection.js';
import { enrichHandlers, enrichmentQueue } from './handlers/enrich.js';

/**
 * The collection's part of the daemon: the background enrichment queue that every producer
 * of albums (Last.fm ingest, Roon, Discogs import) tells about new ones, and the handlers,
 * which tell `events` (every listener, not only this queue) about the albums they create.
 */
export function createCollection(deps: { config: ConfigFile; db: Database; http: HttpClient; log: Logger }) {
  const clients = new CatalogueClients(deps.config, deps.http);
  const enrichment = { store: new SqliteEnrichment(deps.db), clients, clock: systemClock };
  const queue: EnrichmentQueue = enrichmentQueue(enrichment, deps.log);
  const albumEvents: AlbumEvents = queue;
  const handlers = (events: AlbumEvents) => ({
    ...collectionHandlers({ collection: new SqliteCollection(deps.db), syncState: new SqliteSyncState(deps.db), events, clients, clock: systemClock }),
    ...enrichHandlers(enrichment),
  });
  return { handlers, queue, albumEvents };
}
