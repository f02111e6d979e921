import { enrichAlbum } from '../core/enrichment/enrich-album.js';
import { availableProviders } from '../core/enrichment/ports.js';
import { systemClock } from '../core/ports.js';
import { CatalogueClients } from '../wiring/catalogues.js';
import { SqliteEnrichment } from '../db/repositories/enrichment.js';
import { runJob } from './runtime.js';

/** Albums enriched per night (SPEC §4.6); the background queue handles new albums during the day. */
const ALBUMS_PER_RUN = 50;

/** 02:00: covers, links and years for the albums whose enrichment is due (never tried, or retry time reached). */
await runJob('enrich', async ({ configFile, db, http, signal }) => {
  const catalogues = new CatalogueClients(() => configFile.values(), http).catalogues();
  const providers = availableProviders(catalogues);
  const store = new SqliteEnrichment(db);
  const ids = await store.dueAlbums(providers, Math.floor(Date.now() / 1000), ALBUMS_PER_RUN);
  let enriched = 0;
  let failed = 0;
  for (const albumId of ids) {
    if (signal.aborted) break;
    const done = await enrichAlbum({ store, catalogues, clock: systemClock }, albumId, { providers, signal });
    if (done) enriched++;
    if (done?.results.some((result) => result.status === 'failed')) failed++;
  }
  return { details: { due: ids.length, enriched, withFailures: failed, providers } };
});
