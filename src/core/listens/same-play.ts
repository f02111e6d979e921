import { creditArtists, primaryArtist } from '../credits.js';
import { LISTEN_SOURCES, type ListenSource } from '../model.js';
import { nameKey } from '../names.js';

/**
 * When two plays from DIFFERENT sources are one listen heard twice (a Roon play and its
 * Last.fm scrobble, a Spotify stream and its scrobble): the same track — title keys equal and
 * artist credits naming the same artist (sameArtistCredit) — with start times no further
 * apart than the pair of sources allows. The store applies it as plays arrive, and
 * `aime history dedupe` to what is stored; the pairing is one to one (a listen absorbs one
 * copy), so a short song played twice in a row stays two listens.
 *
 * The window is how far apart two honest records of one play's start can be:
 * - Spotify ↔ a scrobbler (Last.fm, ListenBrainz, Maloja): 90 s. Spotify's own scrobbling
 *   sends the start; our start is `ts − ms_played` (or offline_timestamp), a few seconds off
 *   at most. Wider would swallow a replay of a short song.
 * - Scrobbler ↔ scrobbler: 90 s. One player sending to two services sends the same start.
 * - Roon ↔ a scrobbler: 10 minutes (SPEC §3). Roon's start is when the zone began the
 *   track; a scrobbler plugged into Roon stamps it later, after pauses and buffering.
 * - A record played by hand (vinyl, CD, cassette, manual entry) ↔ a scrobbler: 10 minutes.
 *   Its times are laid out from tracklist durations, an estimate; a scrobbling app used for
 *   the same record estimates as well.
 * - Anything else never: Spotify does not play through Roon, nor a turntable through either,
 *   and two plays from one source are two listens unless they are the same second.
 */
const SCROBBLERS: readonly ListenSource[] = ['lastfm', 'listenbrainz', 'maloja'];
const BY_HAND: readonly ListenSource[] = ['vinyl', 'cd', 'cassette', 'manual'];

export const SCROBBLE_WINDOW_SECONDS = 90;
export const ROON_WINDOW_SECONDS = 600;
export const BY_HAND_WINDOW_SECONDS = 600;

/** The widest window of any pair: how far around a play the store looks for its copies. */
export const WIDEST_WINDOW_SECONDS = Math.max(SCROBBLE_WINDOW_SECONDS, ROON_WINDOW_SECONDS, BY_HAND_WINDOW_SECONDS);

/** Seconds two starts from these sources may differ and still be one play; null when they never are. */
export function crossSourceWindow(a: ListenSource, b: ListenSource): number | null {
  if (a === b) return null;
  // Every pair that can share a play has a scrobbler on one side.
  const other = SCROBBLERS.includes(a) ? b : SCROBBLERS.includes(b) ? a : null;
  if (other === null) return null;
  if (other === 'spotify' || SCROBBLERS.includes(other)) return SCROBBLE_WINDOW_SECONDS;
  if (other === 'roon') return ROON_WINDOW_SECONDS;
  return BY_HAND.includes(other) ? BY_HAND_WINDOW_SECONDS : null;
}

/** The widest window `source` has with any other source (0 when it never shares a play). */
export function widestWindowFor(source: ListenSource): number {
  return Math.max(0, ...LISTEN_SOURCES.map((other) => crossSourceWindow(source, other) ?? 0));
}

/**
 * Whether two artist credits name the same artist for dedup: Roon writes "Daft Punk / Pharrell
 * Williams" where Last.fm writes "Daft Punk". Same when their keys are equal, when their
 * primary artists' keys are equal ("A / B" and "A feat. C"), or when one credit's artists
 * include the other credit whole ("A / B" and "B": a scrobbler that names only the second).
 * Only the separators core/credits.ts is sure of split a credit: "Simon & Garfunkel" and
 * "Simon" are different artists.
 */
export function sameArtistCredit(a: string, b: string, key: (name: string) => string = nameKey): boolean {
  const aKey = key(a);
  const bKey = key(b);
  if (aKey === bKey) return true;
  if (key(primaryArtist(a)) === key(primaryArtist(b))) return true;
  return creditArtists(a).some((artist) => key(artist) === bKey) || creditArtists(b).some((artist) => key(artist) === aKey);
}

/** A stored listen a new play might be the other source's copy of. */
export interface CopyCandidate {
  readonly source: ListenSource;
  readonly timestamp: number;
  readonly artist: string;
}

/**
 * Whether `play` and `stored`, whose titles already match, are one play heard by two sources.
 * `key` lets a caller pass a memoised nameKey (the store keys thousands of names per batch).
 */
export function isCrossSourceCopy(play: CopyCandidate, stored: CopyCandidate, key?: (name: string) => string): boolean {
  const window = crossSourceWindow(play.source, stored.source);
  if (window === null || Math.abs(play.timestamp - stored.timestamp) > window) return false;
  return sameArtistCredit(play.artist, stored.artist, key);
}
