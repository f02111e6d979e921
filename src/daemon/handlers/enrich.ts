import { enrichAlbum } from '../../core/enrichment/enrich-album.js';
import { ENRICHMENT_PROVIDERS, providersToAsk, type Catalogues, type EnrichmentRepository } from '../../core/enrichment/ports.js';
import { NotFoundError } from '../../core/errors.js';
import type { Clock } from '../../core/ports.js';
import type { EnrichResult } from '../../rpc/methods/collection.js';
import { bool, int, list, oneOf, optional } from './params.js';
import { handlerTable } from './typed.js';

export interface EnrichDeps {
  readonly store: EnrichmentRepository;
  /** The outside catalogues as configured now. */
  readonly catalogues: () => Catalogues;
  readonly clock: Clock;
}

export function enrichHandlers(deps: EnrichDeps) {
  return handlerTable<'enrich.run'>({
    'enrich.run': {
      params: {
        albumId: optional(int({ min: 1 })),
        limit: optional(int({ min: 1, max: 10_000 })),
        providers: optional(list(oneOf(ENRICHMENT_PROVIDERS))),
        force: optional(bool()),
      },
      run: async (params, context): Promise<EnrichResult> => {
        const started = deps.clock.now();
        const providers = providersToAsk(deps.catalogues(), params.providers);
        const only = params.albumId;
        const ids = only !== undefined ? [only] : await deps.store.dueAlbums(providers, Math.floor(started / 1000), params.limit ?? 50);
        const albums: EnrichResult['albums'] = [];
        for (const [index, albumId] of ids.entries()) {
          if (context.signal.aborted) break;
          const done = await enrichAlbum({ store: deps.store, catalogues: deps.catalogues(), clock: deps.clock }, albumId, { providers, force: params.force ?? false, signal: context.signal });
          if (!done && only !== undefined) throw new NotFoundError(`no album #${albumId} (see aime collection list)`);
          if (done) albums.push(done);
          context.notify('progress', { requestId: context.requestId, task: 'enrich', done: index + 1, total: ids.length });
        }
        return { albums, durationMs: deps.clock.now() - started };
      },
    },
  });
}
