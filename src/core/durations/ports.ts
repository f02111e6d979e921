/**
 * What filling track durations needs: storage (db/repositories/durations.ts) and the outside
 * catalogues (integrations/lastfm, integrations/musicbrainz). Times are UTC epoch seconds.
 */

/**
 * Who may give a track its duration, most trusted first:
 * - 'play': the play's own source (Roon `length`, ListenBrainz `duration_ms`, Maloja
 *   `length`, a file) — it played that very recording;
 * - 'lastfm-album': the album's tracklist on Last.fm (album.getInfo), the same release as the
 *   one scrobbled;
 * - 'lastfm-track': Last.fm's track page (track.getInfo), a release it picked;
 * - 'musicbrainz': a MusicBrainz recording of that artist and title, the loosest match.
 * A lookup only fills a track whose duration is unknown; only a play replaces a lookup's.
 */
export type DurationSource = 'play' | 'lastfm-album' | 'lastfm-track' | 'musicbrainz';

/** The lookups, in the order a track goes through them. */
export type DurationLookup = Exclude<DurationSource, 'play'>;

export type TrackLookup = Exclude<DurationLookup, 'lastfm-album'>;

export type LookupStatus = 'success' | 'not-found' | 'failed';

/** An album with tracks whose duration is unknown, due for its Last.fm tracklist. */
export interface AlbumToTime {
  readonly id: number;
  readonly title: string;
  /** The album artist, as Last.fm files the album. */
  readonly artist: string;
}

export interface TrackToTime {
  readonly id: number;
  readonly albumId: number | null;
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  /** MusicBrainz recording id, when one is known (Last.fm's track page gives it). */
  readonly mbid: string | null;
}

/** A due album or track, with the attempts its lookup already made (for the backoff). */
export type Due<T> = T & { readonly attempts: number };

export interface DurationFill {
  readonly trackId: number;
  readonly seconds: number;
}

/** What a lookup ended with, and when to ask again (null: never, it answered). */
export interface LookupOutcome {
  readonly status: LookupStatus;
  readonly error: string | null;
  readonly nextRetryAt: number | null;
}

export interface DurationCounts {
  /** Tracks whose duration is still unknown. */
  readonly tracksWithoutDuration: number;
  /** Listens with no length of their own whose track has no duration either. */
  readonly listensWithoutDuration: number;
}

/** Duration work in storage: what is due, what was found, every lookup's outcome. */
export interface DurationStore {
  /**
   * Albums due for their tracklist, by id after `afterId`: a track of theirs lacks a duration,
   * and the tracklist was never read, or reading it failed or found nothing and its retry time
   * came. A tracklist read is kept (tracklist()): it is never asked for again.
   */
  dueAlbums(now: number, afterId: number, limit: number): Due<AlbumToTime>[];
  /** The album's tracks still without a duration. */
  albumTracks(albumId: number): TrackToTime[];
  /**
   * Tracks without a duration due for `lookup`, by id after `afterId`: the lookups before it
   * answered (or failed `patience` times) — for Last.fm's track page, the album's tracklist
   * was read or is unknown — and its own attempt was never made or its retry time came. `skipLastfm`: Last.fm cannot run (no API key), so MusicBrainz does not wait for it.
   */
  dueTracks(lookup: TrackLookup, now: number, afterId: number, limit: number, options: { patience: number; skipLastfm: boolean }): Due<TrackToTime>[];
  /**
   * In one transaction: keeps the tracklist read (when one was), sets each duration where it
   * is still unknown, and records the lookup's outcome for the album. Returns how many tracks
   * it filled.
   */
  saveAlbumLookup(albumId: number, tracklist: AlbumTracklist | null, fills: readonly DurationFill[], outcome: LookupOutcome, now: number): number;
  /** The album's Last.fm tracklist as it was read, if it was. */
  tracklist(albumId: number): AlbumTracklist | undefined;
  /** A track's length from its album's kept tracklist (no lookup made); false when it was known already. */
  fillFromTracklist(fill: DurationFill, now: number): boolean;
  /**
   * In one transaction: the duration found (where still unknown), a MusicBrainz recording id
   * learnt on the way (where none is known), and the lookup's outcome. Returns whether it filled.
   */
  saveTrackLookup(trackId: number, lookup: TrackLookup, found: { seconds?: number; mbid?: string }, outcome: LookupOutcome, now: number): boolean;
  counts(): DurationCounts;
  /** The earliest retry time still to come, if any (the worker sleeps until then at most). */
  nextRetryAt(now: number): number | null;
}

export interface AlbumTracklist {
  readonly tracks: readonly { readonly title: string; readonly durationSeconds: number | null }[];
}

export interface TrackPage {
  /** null when Last.fm knows the track but not its length. */
  readonly durationSeconds: number | null;
  readonly mbid: string | null;
}

export interface RecordingCandidate {
  readonly id: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly lengthSeconds: number | null;
  /** Titles of the releases the recording is on. */
  readonly releases: readonly string[];
}

/** The catalogues durations come from; Last.fm needs an API key, MusicBrainz nothing. */
export interface DurationCatalogues {
  readonly lastfm?: {
    /** album.getInfo's tracklist; null when Last.fm does not know the album. */
    albumTracklist(artist: string, album: string, signal?: AbortSignal): Promise<AlbumTracklist | null>;
    /** track.getInfo; null when Last.fm does not know the track. */
    trackPage(artist: string, title: string, signal?: AbortSignal): Promise<TrackPage | null>;
  };
  readonly musicbrainz: {
    /** The recording with this id; null when MusicBrainz does not know it. */
    recording(mbid: string, signal?: AbortSignal): Promise<RecordingCandidate | null>;
    searchRecordings(artist: string, title: string, signal?: AbortSignal): Promise<RecordingCandidate[]>;
  };
}
