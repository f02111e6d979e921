import { UserError } from '../errors.js';
import type { ListenSource } from '../model.js';
import type { PlannedListen, TracklistTrack } from './model.js';
import { sideName } from './positions.js';

/** Which tracks of a record were played, and when. */
export interface SpinChoice {
  /** A side ("A", "b") or a disc number ("2" of positions "2-01"…); undefined: the whole record. */
  readonly side?: string;
  /** 1-based, within the side (or the record); both inclusive. */
  readonly first?: number;
  readonly last?: number;
  /** How long the chosen tracks lasted, for tracklists that lack durations. */
  readonly minutes?: number;
  /** When the last track ended (default: now)… */
  readonly endedAt?: number;
  /** …or when the first one started. */
  readonly startedAt?: number;
}

export interface SpinSubject {
  readonly title: string;
  readonly artist: string;
  readonly source: ListenSource;
  readonly tracks: readonly TracklistTrack[];
}

/**
 * The listens a spin records: the chosen tracks laid back to back from their durations, so
 * that the last one ends at `endedAt` (default `now`) or the first starts at `startedAt`.
 * Each is credited to its own artist when the tracklist names one (compilations), else to the
 * album artist; the album is always the collection's, so every listen lands on that album.
 */
export function planSpin(subject: SpinSubject, choice: SpinChoice, now: number): PlannedListen[] {
  const chosen = chooseTracks(subject, choice);
  const seconds = trackSeconds(chosen, choice.minutes, describe(choice));
  const total = seconds.reduce((sum, s) => sum + s, 0);
  const start = choice.startedAt ?? (choice.endedAt ?? now) - total;
  if (start + total > now) {
    throw new UserError(`that spin would end ${start + total - now} s from now: record it once it has played (--ended, or --started further back)`);
  }
  let at = start;
  return chosen.map((track, index) => {
    const listen: PlannedListen = {
      number: track.number,
      position: track.position,
      artist: track.artist ?? subject.artist,
      title: track.title,
      album: subject.title,
      albumArtist: subject.artist,
      timestamp: at,
      seconds: seconds[index] ?? 0,
      durationKnown: track.durationSeconds !== null,
      source: subject.source,
    };
    at += listen.seconds;
    return listen;
  });
}

function chooseTracks(subject: SpinSubject, choice: SpinChoice): TracklistTrack[] {
  if (subject.tracks.length === 0) throw new UserError(`Discogs lists no tracks for “${subject.title}”`);
  let tracks = [...subject.tracks];
  if (choice.side !== undefined) {
    const wanted = sideName(choice.side);
    const sides = [...new Set(tracks.map((track) => track.side).filter((side): side is string => side !== null))];
    if (sides.length === 0) {
      throw new UserError(`“${subject.title}” has no sides (positions ${positionsSpan(tracks)}): choose tracks with --tracks instead`);
    }
    if (!sides.includes(wanted)) throw new UserError(`“${subject.title}” has no side ${wanted} (sides: ${sides.join(', ')})`);
    tracks = tracks.filter((track) => track.side === wanted);
  }
  const first = choice.first ?? 1;
  const last = choice.last ?? (choice.first === undefined ? tracks.length : first);
  if (first > last) throw new UserError(`--tracks ${first}-${last}: the first track comes after the last`);
  if (last > tracks.length) {
    const where = choice.side === undefined ? `“${subject.title}”` : `side ${sideName(choice.side)} of “${subject.title}”`;
    throw new UserError(`${where} has ${tracks.length} track${tracks.length === 1 ? '' : 's'} (asked for ${first === last ? first : `${first}-${last}`})`);
  }
  return tracks.slice(first - 1, last);
}

/**
 * Seconds per chosen track: the tracklist's durations; with `minutes`, the tracks that have
 * none share evenly (to the second) what the others leave of that time.
 */
function trackSeconds(tracks: readonly TracklistTrack[], minutes: number | undefined, what: string): number[] {
  const missing = tracks.filter((track) => track.durationSeconds === null);
  if (minutes === undefined) {
    if (missing.length === 0) return tracks.map((track) => track.durationSeconds ?? 0);
    const named = missing.map((track) => `${track.position || `#${track.number}`} “${track.title}”`).join(', ');
    throw new UserError(`the tracklist gives no duration for ${named}: say how long ${what} lasted with --minutes N`);
  }
  if (missing.length === 0) throw new UserError(`every track of ${what} has its duration in the tracklist: --minutes is only for tracks without one`);
  const known = tracks.reduce((sum, track) => sum + (track.durationSeconds ?? 0), 0);
  const rest = minutes * 60 - known;
  if (rest < missing.length) {
    throw new UserError(`the tracks of ${what} with a duration already last ${clock(known)}, so --minutes ${minutes} leaves nothing for the ${missing.length} without one`);
  }
  let shared = 0;
  return tracks.map((track) => {
    if (track.durationSeconds !== null) return track.durationSeconds;
    const share = Math.floor(((shared + 1) * rest) / missing.length) - Math.floor((shared * rest) / missing.length);
    shared += 1;
    return share;
  });
}

function describe(choice: SpinChoice): string {
  const part = choice.side === undefined ? 'the record' : `side ${sideName(choice.side)}`;
  return choice.first === undefined ? part : `those tracks of ${part}`;
}

function positionsSpan(tracks: readonly TracklistTrack[]): string {
  const first = tracks[0]?.position || '1';
  const last = tracks[tracks.length - 1]?.position || String(tracks.length);
  return first === last ? first : `${first}–${last}`;
}

/** 2710 → "45:10". */
export function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
