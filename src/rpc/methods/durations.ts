/** `enrich.durations`: fill track durations now (`aime enrich --durations`), waiting until done. */

/** Tracks given a duration, by where it came from. */
export interface DurationsFilled {
  /** Last.fm album tracklists (album.getInfo). */
  lastfmAlbum: number;
  /** Last.fm track pages (track.getInfo). */
  lastfmTrack: number;
  /** MusicBrainz recordings. */
  musicbrainz: number;
  total: number;
}

export interface DurationsRunResult {
  /** Albums whose Last.fm tracklist was asked for. */
  albumsAsked: number;
  /** Tracks looked up one by one (Last.fm track page, MusicBrainz). */
  tracksAsked: number;
  filled: DurationsFilled;
  /** Lookups the catalogue answered "not known" (asked again in a month). */
  notFound: number;
  /** Lookups that failed (asked again after their retry time). */
  failed: number;
  /** Tracks still without a duration after the run. */
  stillUnknown: number;
  /** Listens with neither a length of their own nor a track duration, after the run. */
  listensWithoutDuration: number;
  /** Outside lookups made (an HTTP retry inside one is not counted). */
  requests: number;
  durationMs: number;
}

export interface DurationsMethods {
  'enrich.durations': { params: Record<string, never>; result: DurationsRunResult };
}
