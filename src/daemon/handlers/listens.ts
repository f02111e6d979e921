import { UserError } from '../../core/errors.js';
import { LISTEN_SOURCES } from '../../core/model.js';
import type { ListenIngest } from '../../core/listens/ingest.js';
import { importLastfmHistory } from '../../core/listens/import-history.js';
import { dayTimeline, dedupeListens, historyPage, setLoved, today } from '../../core/listens/journal.js';
import { parseMoment } from '../../core/time/days.js';
import type { ListenJournal, ScrobbleSource } from '../../core/listens/ports.js';
import type { Clock, SyncStateRepository } from '../../core/ports.js';
import { asParams, optionalBool, optionalEnum, optionalInt, optionalString, invalid } from './params.js';
import { handlerTable } from './typed.js';

export interface ListensDeps {
  readonly ingest: ListenIngest;
  readonly journal: ListenJournal;
  readonly state: SyncStateRepository;
  readonly clock: Clock;
  /** The Last.fm account as configured now; throws a UserError naming the missing keys. */
  readonly lastfm: () => ScrobbleSource;
  readonly timeZone: () => string;
}

const SOURCES = LISTEN_SOURCES;

export function listensHandlers(deps: ListensDeps) {
  let importing = false;
  return handlerTable<'listens.importLastfm' | 'listens.history' | 'listens.love' | 'listens.timeline' | 'listens.dedupe'>({
    'listens.importLastfm': async (raw, context) => {
      const params = asParams(raw);
      const zone = deps.timeZone();
      const from = optionalString(params, 'from');
      const to = optionalString(params, 'to');
      const request = {
        from: from === undefined ? undefined : parseMoment(from, zone, 'start'),
        to: to === undefined ? undefined : parseMoment(to, zone, 'end'),
        limit: optionalInt(params, 'limit', { min: 1 }),
      };
      const source = deps.lastfm();
      if (importing) throw new UserError('a Last.fm import is already running; wait for it to finish');
      importing = true;
      try {
        return await importLastfmHistory(
          {
            source,
            ingest: deps.ingest,
            state: deps.state,
            clock: deps.clock,
            signal: context.signal,
            onProgress: ({ done, total }) => context.notify('progress', { requestId: context.requestId, task: 'Last.fm import', done, total }),
          },
          request,
        );
      } finally {
        importing = false;
      }
    },
    'listens.history': async (raw) => {
      const params = asParams(raw);
      return historyPage(
        deps.journal,
        {
          page: optionalInt(params, 'page', { min: 1 }),
          pageSize: optionalInt(params, 'pageSize', { min: 1, max: 1000 }),
          since: optionalString(params, 'since'),
          until: optionalString(params, 'until'),
          artist: optionalString(params, 'artist'),
          album: optionalString(params, 'album'),
          source: optionalEnum(params, 'source', SOURCES),
          loved: optionalBool(params, 'loved'),
        },
        deps.timeZone(),
      );
    },
    'listens.love': async (raw) => {
      const params = asParams(raw);
      const id = optionalInt(params, 'id', { min: 1 });
      const loved = optionalBool(params, 'loved');
      if (id === undefined) throw invalid('id', 'a listen id');
      if (loved === undefined) throw invalid('loved', 'true or false');
      return setLoved(deps.journal, id, loved);
    },
    'listens.timeline': async (raw) => {
      const zone = deps.timeZone();
      const date = optionalString(asParams(raw), 'date') ?? today(zone, deps.clock.now());
      return dayTimeline(deps.journal, date, zone);
    },
    'listens.dedupe': async (raw) => dedupeListens(deps.journal, optionalBool(asParams(raw), 'dryRun') ?? false),
  });
}
