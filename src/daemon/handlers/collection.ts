import { NotFoundError, UserError } from '../../core/errors.js';
import { ALBUM_SCOPES, ALBUM_SORTS } from '../../core/collection/queries.js';
import { SUPPORTS } from '../../core/collection/model.js';
import { importDiscogsCollection } from '../../core/collection/import-discogs.js';
import type { CollectionRepository } from '../../core/collection/ports.js';
import type { AlbumEvents, Clock, SyncStateRepository } from '../../core/ports.js';
import type { AlbumDetailResult } from '../../rpc/methods/collection.js';
import type { CatalogueClients } from '../../wiring/catalogues.js';
import { bool, filledText, int, list, nullable, oneOf, optional, text } from './params.js';
import { handlerTable } from './typed.js';

export interface CollectionHandlerDeps {
  readonly collection: CollectionRepository;
  readonly syncState: SyncStateRepository;
  readonly events: AlbumEvents;
  readonly clients: CatalogueClients;
  readonly clock: Clock;
  /** Told after copies were stored (the tracklist fetch looks for releases it lacks). */
  readonly copiesAdded?: () => void;
}

/** An album id is positive; years are four digits. */
const ALBUM_ID = int({ min: 1 });
const YEAR = int({ min: 1000, max: 2999 });

export function collectionHandlers(deps: CollectionHandlerDeps) {
  let importing = false;
  const show = async (id: number): Promise<AlbumDetailResult> => {
    const album = await deps.collection.show(id);
    if (!album) throw new NotFoundError(`no album #${id} (see aime collection list)`);
    return album;
  };

  return handlerTable<'collection.list' | 'collection.show' | 'collection.add' | 'collection.edit' | 'collection.remove' | 'import.discogs'>({
    'collection.list': {
      params: {
        scope: optional(oneOf(ALBUM_SCOPES)),
        support: optional(oneOf(SUPPORTS)),
        yearFrom: optional(int()),
        yearTo: optional(int()),
        artist: optional(text()),
        genre: optional(text()),
        soundtrack: optional(bool()),
        text: optional(text()),
        sort: optional(oneOf(ALBUM_SORTS)),
        descending: optional(bool()),
        page: optional(int({ min: 1 })),
        pageSize: optional(int({ min: 1, max: 500 })),
      },
      run: async (params) => {
        const page = params.page ?? 1;
        const pageSize = params.pageSize ?? 30;
        const { items, total } = await deps.collection.list({
          ...params,
          scope: params.scope ?? 'owned',
          sort: params.sort ?? 'artist',
          descending: params.descending ?? false,
          page,
          pageSize,
        });
        return { items, total, page, pageSize };
      },
    },
    'collection.show': { params: { id: ALBUM_ID }, run: async (params) => show(params.id) },
    'collection.add': {
      params: {
        title: filledText(),
        artist: filledText(),
        year: optional(YEAR),
        support: optional(oneOf(SUPPORTS)),
        genres: optional(list(text())),
        soundtrack: optional(bool()),
        discogsId: optional(int({ min: 1 })),
        spotifyUrl: optional(text()),
        notes: optional(text()),
      },
      run: async (params) => {
        const added = await deps.collection.add({ ...params, title: params.title.trim(), artist: params.artist.trim() });
        if (added.created) deps.events.albumsCreated([added.albumId]);
        deps.copiesAdded?.();
        return { id: added.albumId, created: added.created, copyId: added.copyId };
      },
    },
    'collection.edit': {
      params: {
        id: ALBUM_ID,
        title: optional(text()),
        artist: optional(text()),
        year: nullable(optional(YEAR)),
        support: optional(oneOf(SUPPORTS)),
        genres: optional(list(text())),
        soundtrack: optional(bool()),
        spotifyUrl: nullable(optional(text())),
      },
      run: async ({ id, ...changes }) => {
        await deps.collection.edit(id, {
          ...changes,
          title: changes.title?.trim() || undefined,
          artist: changes.artist?.trim() || undefined,
        });
        return show(id);
      },
    },
    'collection.remove': {
      params: { id: ALBUM_ID, copyId: optional(int({ min: 1 })) },
      run: async (params) => ({ id: params.id, removed: await deps.collection.removeCopies(params.id, params.copyId) }),
    },
    'import.discogs': {
      params: { full: optional(bool()) },
      run: async (params, context) => {
        const source = deps.clients.discogs();
        if (!source) throw new UserError('Discogs is not configured: aime config set discogs.token <personal access token> (https://www.discogs.com/settings/developers)');
        if (importing) throw new UserError('a Discogs import is already running');
        importing = true;
        try {
          const summary = await importDiscogsCollection(
            { source, collection: deps.collection, syncState: deps.syncState, events: deps.events, clock: deps.clock },
            {
              full: params.full ?? false,
              username: deps.clients.discogsUsername(),
              signal: context.signal,
              onProgress: (done, total) => context.notify('progress', { requestId: context.requestId, task: 'discogs', done, total }),
            },
          );
          deps.copiesAdded?.();
          return summary;
        } finally {
          importing = false;
        }
      },
    },
  });
}
