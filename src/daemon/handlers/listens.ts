import { UserError } from '../../core/errors.js';
import { LISTEN_SOURCES } from '../../core/model.js';
import type { ListenIngest } from '../../core/listens/ingest.js';
import { importLastfmHistory } from '../../core/listens/import-history.js';
import { dayTimeline, dedupeListens, historyPage, setLoved, today } from '../../core/listens/journal.js';
import { parseMoment } from '../../core/time/days.js';
import type { ListenJournal, ScrobbleSource } from '../../core/listens/ports.js';
import type { Clock, SyncStateRepository } from '../../core/ports.js';
import { EXPORT_SOURCES } from '../../core/imports/formats.js';
import { bool, fields, filledText, int, list, oneOf, optional, text } from './params.js';
import { GroupCommit } from '../group-commit.js';
import { handlerTable } from './typed.js';
import type { FilePlay } from '../../rpc/methods/listens.js';

export interface ListensDeps {
  readonly ingest: ListenIngest;
  readonly journal: ListenJournal;
  readonly state: SyncStateRepository;
  readonly clock: Clock;
  /** The Last.fm account as configured now; throws a UserError naming the missing keys. */
  readonly lastfm: () => ScrobbleSource;
  readonly timeZone: () => string;
}

/** One play of `listens.importPlays`, as `aime import file` reads it from an export. */
const filePlay = fields<FilePlay>(
  {
    artist: filledText(),
    title: filledText(),
    album: optional(text()),
    albumArtist: optional(text()),
    timestamp: int({ min: 1 }),
    source: oneOf(EXPORT_SOURCES),
    durationSeconds: optional(int({ min: 0 })),
    playedSeconds: optional(int({ min: 0 })),
    loved: optional(bool()),
    mbid: optional(text()),
    artistMbid: optional(text()),
    albumMbid: optional(text()),
    client: optional(text()),
    alreadyOn: optional(oneOf(['listenbrainz'])),
  },
  'a play {artist, title, timestamp, source, …}',
);

/** Plays of `aime import file` batches stored in one transaction at most (the ingest's GROUP). */
const MAX_IMPORTED_PLAYS_PER_GROUP = 8000;
/** How long a batch waits for the next ones of its import (they arrive about one per loop turn). */
const GATHER_IMPORTED_BATCHES_MS = 30;

export function listensHandlers(deps: ListensDeps) {
  let importing = false;
  // The batches a file import has on their way are stored together, each with its own outcome.
  const fileBatches = new GroupCommit((batches: readonly { plays: FilePlay[]; dryRun?: boolean }[]) => deps.ingest.recordBatches(batches.map((batch) => ({ reports: batch.plays, dryRun: batch.dryRun }))), {
    sizeOf: (batch) => batch.plays.length,
    maxSize: MAX_IMPORTED_PLAYS_PER_GROUP,
    gatherMs: GATHER_IMPORTED_BATCHES_MS,
  });
  return handlerTable<'listens.importLastfm' | 'listens.history' | 'listens.love' | 'listens.timeline' | 'listens.dedupe' | 'listens.importPlays'>({
    'listens.importLastfm': {
      params: { from: optional(text()), to: optional(text()), limit: optional(int({ min: 1 })) },
      run: async (params, context) => {
        const zone = deps.timeZone();
        const request = {
          from: params.from === undefined ? undefined : parseMoment(params.from, zone, 'start'),
          to: params.to === undefined ? undefined : parseMoment(params.to, zone, 'end'),
          limit: params.limit,
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
    },
    'listens.history': {
      params: {
        page: optional(int({ min: 1 })),
        pageSize: optional(int({ min: 1, max: 1000 })),
        since: optional(text()),
        until: optional(text()),
        artist: optional(text()),
        album: optional(text()),
        source: optional(oneOf(LISTEN_SOURCES)),
        loved: optional(bool()),
      },
      run: async (params) => historyPage(deps.journal, params, deps.timeZone()),
    },
    'listens.love': {
      params: { id: int({ min: 1 }), loved: bool() },
      run: async ({ id, loved }) => setLoved(deps.journal, id, loved),
    },
    'listens.timeline': {
      params: { date: optional(text()) },
      run: async (params) => {
        const zone = deps.timeZone();
        return dayTimeline(deps.journal, params.date ?? today(zone, deps.clock.now()), zone);
      },
    },
    'listens.dedupe': {
      params: { dryRun: optional(bool()) },
      run: async (params) => dedupeListens(deps.journal, params.dryRun ?? false),
    },
    'listens.importPlays': {
      params: { plays: list(filePlay, 'a list of plays'), dryRun: optional(bool()) },
      run: async ({ plays, dryRun }) => {
        const { imported, duplicates, stations, failures } = await fileBatches.submit({ plays, dryRun });
        return { imported, duplicates, stations, failures };
      },
    },
  });
}
