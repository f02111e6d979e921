import { importDiscogsCollection } from '../core/collection/import-discogs.js';
import { UserError } from '../core/errors.js';
import { systemClock } from '../core/ports.js';
import { CatalogueClients } from '../wiring/catalogues.js';
import { SqliteCollection } from '../db/repositories/collection.js';
import { SqliteSyncState } from '../db/repositories/sync-state.js';
import { runJob } from './runtime.js';

/**
 * 04:00: the incremental Discogs import (new copies since the last one). New albums are
 * picked up by the daemon's enrichment queue on its next round (their enrichment is due).
 */
await runJob('discogs-sync', async ({ configFile, db, http, signal }) => {
  const clients = new CatalogueClients(() => configFile.values(), http);
  const source = clients.discogs();
  if (!source) throw new UserError('Discogs is not configured: aime config set discogs.token <personal access token>');
  const summary = await importDiscogsCollection(
    { source, collection: new SqliteCollection(db), syncState: new SqliteSyncState(db), clock: systemClock },
    { username: clients.discogsUsername(), signal },
  );
  return { details: { ...summary } };
});
