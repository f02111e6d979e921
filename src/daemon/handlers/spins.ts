import { recordSpin, type SpinDeps } from '../../core/spins/record-spin.js';
import { listenTimes } from '../../core/time/shown.js';
import type { SpinResult } from '../../rpc/methods/spins.js';
import { bool, filledText, int, optional, text } from './params.js';
import { handlerTable } from './typed.js';

export interface SpinsHandlerDeps extends SpinDeps {
  /** The configured zone, read per request: "21:40" is on its clock. */
  readonly timeZone: () => string;
}

export function spinsHandlers(deps: SpinsHandlerDeps) {
  return handlerTable<'spins.record'>({
    'spins.record': {
      params: {
        album: filledText(),
        copyId: optional(int({ min: 1 })),
        side: optional(filledText()),
        first: optional(int({ min: 1, max: 999 })),
        last: optional(int({ min: 1, max: 999 })),
        minutes: optional(int({ min: 1, max: 1440 })),
        ended: optional(text()),
        started: optional(text()),
        again: optional(bool()),
        dryRun: optional(bool()),
      },
      run: async (params, context): Promise<SpinResult> => {
        const timeZone = deps.timeZone();
        const onFetch = () => context.notify('progress', { requestId: context.requestId, task: 'tracklist', done: 0, total: 1, message: 'asking Discogs for the tracklist' });
        const spin = await recordSpin(deps, { ...params, timeZone, signal: context.signal, onFetch });
        return {
          ...spin,
          listens: spin.listens.map((listen) => ({
            id: listen.id,
            timestamp: listen.timestamp,
            ...listenTimes(listen.timestamp, timeZone),
            artist: listen.artist,
            title: listen.title,
            album: listen.album,
            source: listen.source,
            position: listen.position,
            seconds: listen.seconds,
            durationKnown: listen.durationKnown,
          })),
        };
      },
    },
  });
}
