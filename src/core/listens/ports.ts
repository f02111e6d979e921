import type { ListenSource, PlayReport } from '../model.js';

/**
 * What the listening-history area needs from storage and from Last.fm. db/repositories
 * implement the storage ports; integrations/lastfm implements ScrobbleSource.
 */

/** One page of user.getRecentTracks, newest first, the now-playing row already removed. */
export interface ScrobblePage {
  readonly page: number;
  readonly totalPages: number;
  readonly total: number;
  readonly plays: PlayReport[];
}

export interface ScrobbleWindow {
  readonly page: number;
  readonly limit: number;
  /** Inclusive lower bound, UTC epoch seconds. */
  readonly from?: number;
  /** Exclusive upper bound, UTC epoch seconds. */
  readonly to?: number;
  /** Ask for each play's loved flag too (a bigger reply: worth it for small polls, not for a whole history). */
  readonly withLoved?: boolean;
}

export interface LovedTrack {
  readonly artist: string;
  readonly title: string;
  readonly lovedAt: number;
}

export interface LovedPage {
  readonly page: number;
  readonly totalPages: number;
  readonly tracks: LovedTrack[];
}

export interface ScrobblerProfile {
  readonly name: string;
  readonly playcount: number;
  readonly registeredAt: number | null;
}

/** A Last.fm account's history (the client in integrations/lastfm). */
export interface ScrobbleSource {
  recentTracks(window: ScrobbleWindow, signal?: AbortSignal): Promise<ScrobblePage>;
  lovedTracks(page: number, limit: number, signal?: AbortSignal): Promise<LovedPage>;
  profile(signal?: AbortSignal): Promise<ScrobblerProfile>;
}

/** A play with its names reduced to keys (core/names.ts), ready to be stored. */
export interface KeyedPlay {
  readonly artist: string;
  readonly artistKey: string;
  /** null for an album-less scrobble: the track has no album, never an empty-titled one. */
  readonly album: { readonly title: string; readonly titleKey: string; readonly artist: string; readonly artistKey: string } | null;
  readonly title: string;
  readonly titleKey: string;
  readonly timestamp: number;
  readonly source: ListenSource;
  readonly loved: boolean;
  readonly zone: string | null;
  readonly playedSeconds: number | null;
  readonly durationSeconds: number | null;
  /** The program that reported the play (PlayReport.client). */
  readonly client: string | null;
  /** PlayReport.alreadyOn. */
  readonly alreadyOn: 'listenbrainz' | null;
  /** MusicBrainz recording, artist and release ids, when the source gives them. */
  readonly mbid: string | null;
  readonly artistMbid: string | null;
  readonly albumMbid: string | null;
}

export interface StoreOutcome {
  imported: number;
  /** Already stored (the same play), or another source's copy of a stored listen. */
  skipped: number;
  newAlbumIds: number[];
}

export interface StoreOptions {
  /** Work out what would be stored, then roll the transaction back: nothing changes. */
  readonly dryRun?: boolean;
}

/** Writes plays: resolves artist/album/track rows and applies the dedup rules in one transaction. */
export interface ListenStore {
  /**
   * Stores each play unless it is already there (same artist, title and second), it is
   * another source's copy of a stored listen (core/listens/same-play.ts), or a correction
   * recorded it (deleted or edited by hand: core/corrections).
   */
  store(plays: readonly KeyedPlay[], options?: StoreOptions): StoreOutcome;
  /** store() for several batches in one transaction (group commit), an outcome each; a dry-run batch is rolled back alone. */
  storeEach(batches: readonly { readonly plays: readonly KeyedPlay[]; readonly options?: StoreOptions }[]): StoreOutcome[];
  /** Marks every listen of these tracks (by artist key and title key) as loved. Returns rows changed. */
  markLoved(tracks: readonly { artistKey: string; titleKey: string }[]): number;
}

export interface HistoryFilter {
  /** Inclusive, UTC epoch seconds. */
  readonly since?: number;
  /** Exclusive, UTC epoch seconds. */
  readonly until?: number;
  /** A name key (core/names.ts) the artist's key must contain. */
  readonly artistKey?: string;
  /** A name key the album title's key must contain. */
  readonly albumKey?: string;
  readonly source?: ListenSource;
  readonly loved?: boolean;
}

export interface ListenRow {
  readonly id: number;
  readonly timestamp: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly source: ListenSource;
  readonly loved: boolean;
  /** The program that reported it ("Navidrome", "Plex via multi-scrobbler"), when the source names one. */
  readonly client: string | null;
}

export interface DuplicatePair {
  readonly keepId: number;
  readonly dropId: number;
  /** Same time (one play stored under two spellings); otherwise the other source's copy nearby. */
  readonly sameTime: boolean;
}

/** One side of a candidate pair, as the cross-source rule needs it. */
export interface StoredPlay {
  readonly source: ListenSource;
  readonly timestamp: number;
  /** The artist credit as stored. */
  readonly artist: string;
  readonly artistKey: string;
}

/** Two stored listens of the same title key within `withinSeconds`: maybe one play stored twice. */
export interface DuplicateCandidate {
  readonly keepId: number;
  readonly dropId: number;
  readonly keep: StoredPlay;
  readonly drop: StoredPlay;
}

/** Reads and maintenance over stored listens. */
export interface ListenJournal {
  page(filter: HistoryFilter, limit: number, offset: number): ListenRow[];
  count(filter: HistoryFilter): number;
  /** Time of the newest listen from this source, if any. */
  newest(source: ListenSource): number | undefined;
  /** Listens with since <= timestamp < until, oldest first. */
  between(since: number, until: number): (ListenRow & { artistId: number; albumId: number | null })[];
  /** Sets `loved` on every listen of the listen's track; undefined when the listen does not exist. */
  setLoved(listenId: number, loved: boolean): { trackId: number; changed: number } | undefined;
  /**
   * Pairs of listens (keepId < dropId) with the same title key within `withinSeconds` of each
   * other, ordered by keepId, then by closeness, then dropId: core decides which are copies.
   */
  duplicateCandidates(withinSeconds: number): DuplicateCandidate[];
  /** Deletes each dropId, carrying its `loved` over to keepId. Returns listens removed. */
  merge(pairs: readonly DuplicatePair[]): number;
}
