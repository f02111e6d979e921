import { addAlias, listAliases, removeAlias } from '../../core/aliases/aliases.js';
import type { ArtistAliasStore } from '../../core/aliases/ports.js';
import { editListen, removeListens } from '../../core/corrections/history.js';
import type { ListenCorrections } from '../../core/corrections/ports.js';
import type { AlbumEvents, Clock } from '../../core/ports.js';
import { filledList, filledText, int, invalid, optional, text, type Reader } from './params.js';
import { handlerTable } from './typed.js';

export interface CorrectionsDeps {
  readonly corrections: ListenCorrections;
  readonly aliases: ArtistAliasStore;
  /** An edit that files a listen under a new album announces it (covers, AI description). */
  readonly albumEvents: AlbumEvents;
  readonly timeZone: () => string;
  readonly clock: Clock;
}

/** Listens per `history rm`: a socket request stays well under its 1 MiB limit. */
const MAX_IDS = 10_000;

export function correctionsHandlers(deps: CorrectionsDeps) {
  const now = () => Math.floor(deps.clock.now() / 1000);
  return handlerTable<'listens.remove' | 'listens.edit' | 'aliases.add' | 'aliases.list' | 'aliases.remove'>({
    'listens.remove': {
      params: { ids: withinCount(filledList(int({ min: 1 }), 'a list of listen ids'), MAX_IDS) },
      run: async ({ ids }) => removeListens(deps.corrections, ids, deps.timeZone()),
    },
    'listens.edit': {
      params: { id: int({ min: 1 }), artist: optional(filledText()), title: optional(filledText()), album: optional(text()), time: optional(filledText()) },
      run: async ({ id, ...change }) => editListen(deps, id, change, { timeZone: deps.timeZone(), now: now() }),
    },
    'aliases.add': {
      params: { name: filledText(), canonical: filledText() },
      run: async ({ name, canonical }) => addAlias(deps.aliases, name, canonical, now()),
    },
    'aliases.list': {
      params: { page: optional(int({ min: 1 })), pageSize: optional(int({ min: 1, max: 1000 })) },
      run: async (params) => listAliases(deps.aliases, { page: params.page ?? 1, pageSize: params.pageSize ?? 50 }),
    },
    'aliases.remove': {
      params: { name: filledText() },
      run: async ({ name }) => removeAlias(deps.aliases, name),
    },
  });
}

function withinCount<T>(reader: Reader<T[]>, max: number): Reader<T[]> {
  return (value, name) => {
    const items = reader(value, name);
    if (items.length > max) throw invalid(name, `at most ${max} ids`);
    return items;
  };
}
