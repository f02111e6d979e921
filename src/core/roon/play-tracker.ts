/**
 * When a Roon zone's track becomes a listen. Roon reports positions, not listening time,
 * so the time played is the sum of the forward steps of the position while the zone is
 * playing: a paused, stopped or loading zone adds nothing. A track counts when it is
 * longer than 30 s and was played for half its length or 4 minutes, whichever comes first;
 * it is reported once, with the moment it started. Live streams (no length) and the
 * configured radio stations never count. A grouped zone is one zone, so it counts once;
 * and when grouping replaces zones mid-track (Roon gives the group a new zone id), the play
 * already reported under the old zone is recognised by its track and start time.
 */
import type { Clock } from '../ports.js';
import type { PlayReport } from '../model.js';
import { radioStationMatcher } from '../listens/radio.js';
import type { NowPlaying, Zone } from './zone.js';

export const MIN_TRACK_SECONDS = 30;
export const ENOUGH_SECONDS = 240;
/** Two sightings of one track whose start times differ by less than this are one play. */
const SAME_START_SECONDS = 5;

/** How long a track must have been played to count. */
export function playThreshold(lengthSeconds: number): number {
  return Math.min(lengthSeconds / 2, ENOUGH_SECONDS);
}

interface TrackInstance {
  readonly identity: string;
  readonly startedAt: number;
  played: number;
  lastSeek: number | null;
  /** Wall-clock seconds of the last sighting: a position step longer than the time passed is a seek, not listening. */
  lastAt: number;
  reported: boolean;
}

export interface PlayTrackerOptions {
  readonly clock: Clock;
  /** Station names (roon.radioStations) read at every decision, so a config change applies at once. */
  readonly radioStations: () => readonly string[];
}

export class PlayTracker {
  private readonly zones = new Map<string, TrackInstance>();
  /** Reported plays by track identity → start time, to recognise one moved to another zone. */
  private readonly reported = new Map<string, number>();
  /** Unfinished tracks of zones that went away (regrouped), by identity: a new zone playing one goes on from its time played. */
  private readonly detached = new Map<string, TrackInstance>();
  private readonly options: PlayTrackerOptions;

  constructor(options: PlayTrackerOptions) {
    this.options = options;
  }

  /** Feeds one zone's new state; returns the play it completes, if it completes one. */
  observe(zone: Zone): PlayReport | undefined {
    const track = zone.nowPlaying;
    if (!track) {
      this.zones.delete(zone.id);
      return undefined;
    }
    const identity = [track.title, track.artist, track.album, track.length ?? 'live'].join('\u0000');
    let instance = this.zones.get(zone.id);
    if (!instance || instance.identity !== identity || restarted(instance, track)) {
      const startedAt = this.nowSeconds() - (track.seek ?? 0);
      const known = this.reported.get(identity);
      const reported = known !== undefined && Math.abs(known - startedAt) < SAME_START_SECONDS;
      const moved = this.detached.get(identity);
      const carried = moved !== undefined && Math.abs(moved.startedAt - startedAt) < SAME_START_SECONDS ? moved : undefined;
      if (carried) this.detached.delete(identity);
      instance = { identity, startedAt: carried?.startedAt ?? startedAt, played: carried?.played ?? 0, lastSeek: track.seek, lastAt: this.nowSeconds(), reported };
      this.zones.set(zone.id, instance);
    } else if (track.seek !== null) {
      const now = this.nowSeconds();
      const step = instance.lastSeek === null ? 0 : track.seek - instance.lastSeek;
      // Positions are whole seconds: one second of slack; a jump beyond the time passed (a seek) counts only that time.
      if (step > 0 && zone.state === 'playing') instance.played += Math.min(step, now - instance.lastAt + 1);
      instance.lastSeek = track.seek;
      instance.lastAt = now;
    }
    if (instance.reported || !this.countable(track) || instance.played < playThreshold(track.length ?? 0)) return undefined;
    const play: PlayReport = {
      artist: track.artist,
      title: track.title,
      album: track.album || null,
      timestamp: Math.round(instance.startedAt),
      source: 'roon',
      durationSeconds: track.length,
      zone: zone.name,
      playedSeconds: Math.round(instance.played),
    };
    if (radioStationMatcher(this.options.radioStations())(play)) return undefined;
    instance.reported = true;
    this.remember(identity, instance.startedAt);
    return play;
  }

  /** A zone went away (removed, regrouped): its unfinished track is kept aside, in case a new zone (the group) goes on playing it. */
  forget(zoneId: string): void {
    const instance = this.zones.get(zoneId);
    this.zones.delete(zoneId);
    const hourAgo = this.nowSeconds() - 3600;
    for (const [key, old] of this.detached) if (old.startedAt < hourAgo) this.detached.delete(key);
    if (instance && !instance.reported) this.detached.set(instance.identity, instance);
  }

  private remember(identity: string, startedAt: number): void {
    const hourAgo = this.nowSeconds() - 3600;
    for (const [key, at] of this.reported) if (at < hourAgo) this.reported.delete(key);
    this.reported.set(identity, startedAt);
  }

  private countable(track: NowPlaying): boolean {
    if (track.length === null || track.length <= MIN_TRACK_SECONDS) return false;
    return track.title !== '' && track.artist !== '';
  }

  private nowSeconds(): number {
    return this.options.clock.now() / 1000;
  }
}

/** The same track back at its start after it was reported: a repeat is a new play. */
function restarted(instance: TrackInstance, track: NowPlaying): boolean {
  return instance.reported && track.seek !== null && instance.lastSeek !== null && track.seek < instance.lastSeek && track.seek < 3;
}
