import { enrichAlbum } from '../../core/enrichment/enrich-album.js';
import { EnrichmentQueue } from '../services/enrichment-queue.js';
import { availableProviders, ENRICHMENT_PROVIDERS, type EnrichmentProvider, type EnrichmentRepository } from '../../core/enrichment/ports.js';
import { NotFoundError, UserError } from '../../core/errors.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../log.js';
import type { EnrichResult } from '../../rpc/methods/collection.js';
import type { CatalogueClients } from '../../wiring/catalogues.js';
import { asParams, invalid, optionalBool, optionalInt, optionalStringList } from './params.js';
import { handlerTable } from './typed.js';

export interface EnrichDeps {
  readonly store: EnrichmentRepository;
  readonly clients: CatalogueClients;
  readonly clock: Clock;
}

/** The providers to ask: the ones asked for, among those that can run now. */
function providersFor(deps: EnrichDeps, wanted?: string[]): EnrichmentProvider[] {
  const available = availableProviders(deps.clients.catalogues());
  if (!wanted) return available;
  const unknown = wanted.filter((name) => !ENRICHMENT_PROVIDERS.includes(name as EnrichmentProvider));
  if (unknown.length) throw invalid('providers', `among ${ENRICHMENT_PROVIDERS.join(', ')}`);
  const missing = wanted.filter((name) => !available.includes(name as EnrichmentProvider));
  if (missing.length) throw new UserError(`${missing.join(', ')} cannot run: not configured (spotify needs spotify.clientId and spotify.clientSecret)`);
  return wanted as EnrichmentProvider[];
}

/** The daemon's background enrichment: woken by new albums, never inside a tracker's poll. */
export function enrichmentQueue(deps: EnrichDeps, log: Logger): EnrichmentQueue {
  return new EnrichmentQueue({
    enrich: (albumId, signal) => enrichAlbum({ store: deps.store, catalogues: deps.clients.catalogues(), clock: deps.clock }, albumId, { providers: providersFor(deps), signal }),
    due: (limit) => deps.store.dueAlbums(providersFor(deps), Math.floor(deps.clock.now() / 1000), limit),
    onError: (albumId, error) => log.warn({ albumId, err: error }, 'enrichment failed'),
    idleMs: 10 * 60_000,
  });
}

export function enrichHandlers(deps: EnrichDeps) {
  return handlerTable<'enrich.run'>({
    'enrich.run': async (raw, context): Promise<EnrichResult> => {
      const started = deps.clock.now();
      const params = asParams(raw);
      const providers = providersFor(deps, optionalStringList(params, 'providers'));
      const force = optionalBool(params, 'force') ?? false;
      const only = optionalInt(params, 'albumId', { min: 1 });
      const limit = optionalInt(params, 'limit', { min: 1, max: 10_000 }) ?? 50;
      const ids = only !== undefined ? [only] : await deps.store.dueAlbums(providers, Math.floor(started / 1000), limit);
      const albums: EnrichResult['albums'] = [];
      for (const [index, albumId] of ids.entries()) {
        if (context.signal.aborted) break;
        const done = await enrichAlbum({ store: deps.store, catalogues: deps.clients.catalogues(), clock: deps.clock }, albumId, { providers, force, signal: context.signal });
        if (!done && only !== undefined) throw new NotFoundError(`no album #${albumId} (see aime collection list)`);
        if (done) albums.push(done);
        context.notify('progress', { requestId: context.requestId, task: 'enrich', done: index + 1, total: ids.length });
      }
      return { albums, durationMs: deps.clock.now() - started };
    },
  });
}
