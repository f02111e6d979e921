import type { FillReport } from '../../core/durations/fill.js';
import type { DurationCounts } from '../../core/durations/ports.js';
import type { DurationsRunResult } from '../../rpc/methods/durations.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** What `enrich.durations` needs: the durations worker's run on demand. */
export interface DurationRunner {
  fillNow(signal: AbortSignal, progress: (done: number, total: number) => void): Promise<{ report: FillReport; after: DurationCounts; durationMs: number }>;
}

export function durationsHandlers(deps: { runner: DurationRunner }) {
  return handlerTable<'enrich.durations'>({
    'enrich.durations': {
      params: NO_PARAMS,
      run: async (_params, context): Promise<DurationsRunResult> => {
        const run = await deps.runner.fillNow(context.signal, (done, total) =>
          context.notify('progress', { requestId: context.requestId, task: 'durations', done, total }),
        );
        const { report, after } = run;
        const filled = report.filled;
        return {
          albumsAsked: report.albumsAsked,
          tracksAsked: report.tracksAsked,
          filled: {
            lastfmAlbum: filled['lastfm-album'],
            lastfmTrack: filled['lastfm-track'],
            musicbrainz: filled.musicbrainz,
            total: filled['lastfm-album'] + filled['lastfm-track'] + filled.musicbrainz,
          },
          notFound: report.notFound,
          failed: report.failed,
          stillUnknown: after.tracksWithoutDuration,
          listensWithoutDuration: after.listensWithoutDuration,
          requests: report.lookups,
          durationMs: run.durationMs,
        };
      },
    },
  });
}
