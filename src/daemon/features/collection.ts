import type { AlbumEvents } from '../../core/ports.js';
import { SqliteCollection } from '../../db/repositories/collection.js';
import { SqliteSyncState } from '../../db/repositories/sync-state.js';
import type { CatalogueClients } from '../../wiring/catalogues.js';
import { collectionHandlers } from '../handlers/collection.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * The record collection: `collection.*` and the Discogs import, which announce the albums they
 * create, and tell `copiesAdded` (the tracklist fetch) when copies were stored.
 */
export function collectionFeature(ctx: FeatureContext, needs: { albumEvents: AlbumEvents; clients: CatalogueClients; copiesAdded: () => void }): Feature {
  return {
    handlers: collectionHandlers({
      collection: new SqliteCollection(ctx.db),
      syncState: new SqliteSyncState(ctx.db),
      events: needs.albumEvents,
      clients: needs.clients,
      clock: ctx.clock,
      copiesAdded: needs.copiesAdded,
    }),
  };
}
