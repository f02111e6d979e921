import type { Clock } from '../ports.js';
import { PLAYING_NOW_MAX_SECONDS } from './limits.js';
import type { SubmittedTrack } from './listen-rules.js';
import { trackSeconds } from './plays.js';

export interface NowPlayingTrack {
  readonly track: SubmittedTrack;
  /** Epoch milliseconds. */
  readonly since: number;
  readonly until: number;
}

/**
 * What another player says is playing right now (a `playing_now` submission). Held in
 * memory only, like the real server (a Redis key with a time to live): it lasts the
 * track's length, or 10 minutes when the client gave none, and a daemon restart forgets it.
 */
export class PlayingNow {
  private readonly clock: Clock;
  private latest: NowPlayingTrack | undefined;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /**
   * The same artist and title again while it still plays keeps the first report and its
   * expiry (clients repeat playing_now on pause and resume; the track does not restart).
   */
  report(track: SubmittedTrack): void {
    const playing = this.current();
    if (playing && playing.track.artist_name === track.artist_name && playing.track.track_name === track.track_name) return;
    const now = this.clock.now();
    // A sub-second duration still shows for a second rather than not at all.
    const seconds = Math.max(1, trackSeconds(track) ?? PLAYING_NOW_MAX_SECONDS);
    this.latest = { track, since: now, until: now + seconds * 1000 };
  }

  current(): NowPlayingTrack | undefined {
    if (this.latest && this.latest.until <= this.clock.now()) this.latest = undefined;
    return this.latest;
  }
}
