import type { NowPlayingTrack, PlayingNow } from '../../core/listenbrainz/playing-now.js';
import type { SubmittedTrack } from '../../core/listenbrainz/listen-rules.js';

export type PlayingNowListener = (playing: NowPlayingTrack | undefined) => void;

/**
 * The listener's `playing_now` as something to watch: `aime now` is told when another player
 * starts a track and again when that track's time is up, without asking. What plays is still
 * PlayingNow's to decide (a repeat of the same track keeps the first report); this adds the
 * telling, and a timer for the moment it expires.
 */
export class PlayingNowFeed {
  private readonly playing: PlayingNow;
  private readonly now: () => number;
  private readonly listeners = new Set<PlayingNowListener>();
  private expiry: NodeJS.Timeout | undefined;

  constructor(playing: PlayingNow, now: () => number) {
    this.playing = playing;
    this.now = now;
  }

  report(track: SubmittedTrack): void {
    const before = this.playing.current();
    this.playing.report(track);
    const after = this.playing.current();
    if (after === before) return;
    this.armExpiry();
    this.tell(after);
  }

  current(): NowPlayingTrack | undefined {
    return this.playing.current();
  }

  /** Calls `listener` at every change (a new track, or the last one ended); returns the unsubscribe. */
  onChange(listener: PlayingNowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private armExpiry(): void {
    clearTimeout(this.expiry);
    const playing = this.playing.current();
    if (!playing) return;
    // Unref'd: a track someone else plays never keeps the daemon from exiting.
    this.expiry = setTimeout(() => this.expire(), Math.max(0, playing.until - this.now())).unref();
  }

  private expire(): void {
    // A timer may fire a hair early; the track ends when PlayingNow says so.
    if (this.playing.current()) return this.armExpiry();
    this.tell(undefined);
  }

  private tell(playing: NowPlayingTrack | undefined): void {
    for (const listener of this.listeners) listener(playing);
  }
}
