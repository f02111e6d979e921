import type { NowPlayingTrack } from '../../core/listenbrainz/playing-now.js';
import { clientName, trackSeconds } from '../../core/listenbrainz/plays.js';
import type { PlayingElsewhere } from '../../rpc/methods/now.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** The other players' `playing_now`, as the HTTP listener keeps it (PlayingNowFeed). */
export interface PlayingNowWatch {
  current(): NowPlayingTrack | undefined;
  /** Returns the unsubscribe. */
  onChange(listener: (playing: NowPlayingTrack | undefined) => void): () => void;
}

export function nowHandlers(deps: { playing: PlayingNowWatch }) {
  return handlerTable<'now.subscribe'>({
    'now.subscribe': {
      params: NO_PARAMS,
      run: async (_params, context) => {
        const stop = deps.playing.onChange((playing) => context.notify('now.playing', playingElsewhere(playing)));
        context.onDisconnect(stop);
        return playingElsewhere(deps.playing.current());
      },
    },
  });
}

function playingElsewhere(playing: NowPlayingTrack | undefined): PlayingElsewhere {
  if (!playing) return { playing: null };
  const { track } = playing;
  return {
    playing: {
      artist: track.artist_name,
      title: track.track_name,
      album: track.release_name ?? null,
      client: clientName(track),
      durationSeconds: trackSeconds(track) ?? null,
      since: new Date(playing.since).toISOString(),
      until: new Date(playing.until).toISOString(),
    },
  };
}
