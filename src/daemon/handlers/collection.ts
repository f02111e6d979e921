import { NotFoundError, UserError } from '../../core/errors.js';
import { ALBUM_SCOPES, ALBUM_SORTS } from '../../core/collection/queries.js';
import { SUPPORTS } from '../../core/collection/model.js';
import { importDiscogsCollection } from '../../core/collection/import-discogs.js';
import type { CollectionRepository } from '../../core/collection/ports.js';
import type { AlbumEvents, Clock, SyncStateRepository } from '../../core/ports.js';
import type { AlbumDetailResult } from '../../rpc/methods/collection.js';
import type { CatalogueClients } from '../../wiring/catalogues.js';
import { asParams, invalid, optionalBool, optionalEnum, optionalInt, optionalString, optionalStringList, requiredString, type Params } from './params.js';
import { handlerTable } from './typed.js';

export interface CollectionHandlerDeps {
  readonly collection: CollectionRepository;
  readonly syncState: SyncStateRepository;
  readonly events: AlbumEvents;
  readonly clients: CatalogueClients;
  readonly clock: Clock;
}

function albumId(params: Params): number {
  const id = optionalInt(params, 'id', { min: 1 });
  if (id === undefined) throw invalid('id', 'an album id');
  return id;
}

function nullableYear(params: Params): number | null | undefined {
  if (params.year === null) return null;
  return optionalInt(params, 'year', { min: 1000, max: 2999 });
}

export function collectionHandlers(deps: CollectionHandlerDeps) {
  let importing = false;
  const show = async (id: number): Promise<AlbumDetailResult> => {
    const album = await deps.collection.show(id);
    if (!album) throw new NotFoundError(`no album #${id} (see aime collection list)`);
    return album;
  };

  return handlerTable<'collection.list' | 'collection.show' | 'collection.add' | 'collection.edit' | 'collection.remove' | 'import.discogs'>({
    'collection.list': async (raw) => {
      const params = asParams(raw);
      const page = optionalInt(params, 'page', { min: 1 }) ?? 1;
      const pageSize = optionalInt(params, 'pageSize', { min: 1, max: 500 }) ?? 30;
      const { items, total } = await deps.collection.list({
        scope: optionalEnum(params, 'scope', ALBUM_SCOPES) ?? 'owned',
        support: optionalEnum(params, 'support', SUPPORTS),
        yearFrom: optionalInt(params, 'yearFrom'),
        yearTo: optionalInt(params, 'yearTo'),
        artist: optionalString(params, 'artist'),
        genre: optionalString(params, 'genre'),
        soundtrack: optionalBool(params, 'soundtrack'),
        text: optionalString(params, 'text'),
        sort: optionalEnum(params, 'sort', ALBUM_SORTS) ?? 'artist',
        descending: optionalBool(params, 'descending') ?? false,
        page,
        pageSize,
      });
      return { items, total, page, pageSize };
    },
    'collection.show': async (raw) => show(albumId(asParams(raw))),
    'collection.add': async (raw) => {
      const params = asParams(raw);
      const added = await deps.collection.add({
        title: requiredString(params, 'title').trim(),
        artist: requiredString(params, 'artist').trim(),
        year: optionalInt(params, 'year', { min: 1000, max: 2999 }),
        support: optionalEnum(params, 'support', SUPPORTS),
        genres: optionalStringList(params, 'genres'),
        soundtrack: optionalBool(params, 'soundtrack'),
        discogsId: optionalInt(params, 'discogsId', { min: 1 }),
        spotifyUrl: optionalString(params, 'spotifyUrl'),
        notes: optionalString(params, 'notes'),
      });
      if (added.created) deps.events.albumsCreated([added.albumId]);
      return { id: added.albumId, created: added.created, copyId: added.copyId };
    },
    'collection.edit': async (raw) => {
      const params = asParams(raw);
      const id = albumId(params);
      const spotifyUrl = params.spotifyUrl === null ? null : optionalString(params, 'spotifyUrl');
      await deps.collection.edit(id, {
        title: optionalString(params, 'title')?.trim() || undefined,
        artist: optionalString(params, 'artist')?.trim() || undefined,
        year: nullableYear(params),
        support: optionalEnum(params, 'support', SUPPORTS),
        genres: optionalStringList(params, 'genres'),
        soundtrack: optionalBool(params, 'soundtrack'),
        spotifyUrl,
      });
      return show(id);
    },
    'collection.remove': async (raw) => {
      const params = asParams(raw);
      const id = albumId(params);
      const removed = await deps.collection.removeCopies(id, optionalInt(params, 'copyId', { min: 1 }));
      return { id, removed };
    },
    'import.discogs': async (raw, context) => {
      const params = asParams(raw);
      const source = deps.clients.discogs();
      if (!source) throw new UserError('Discogs is not configured: aime config set discogs.token <personal access token> (https://www.discogs.com/settings/developers)');
      if (importing) throw new UserError('a Discogs import is already running');
      importing = true;
      try {
        const summary = await importDiscogsCollection(
          { source, collection: deps.collection, syncState: deps.syncState, events: deps.events, clock: deps.clock },
          {
            full: optionalBool(params, 'full') ?? false,
            username: deps.clients.discogsUsername(),
            signal: context.signal,
            onProgress: (done, total) => context.notify('progress', { requestId: context.requestId, task: 'discogs', done, total }),
          },
        );
        return summary;
      } finally {
        importing = false;
      }
    },
  });
}
