/** Records played by hand, and the tracklists they are played from. Times are UTC epoch seconds. */

import type { ListenSource } from '../model.js';

/** One playable track of a release, in play order. */
export interface TracklistTrack {
  /** 1-based place in the whole tracklist (what `--tracks` counts when no side is chosen). */
  readonly number: number;
  /** As Discogs writes it: "A1", "B2", "3", "2-05"; "" when the release gives none. */
  readonly position: string;
  /** The side (vinyl, cassette: "A", "B"…) or disc ("2" of "2-05") the position names; null for plain numbers. */
  readonly side: string | null;
  readonly title: string;
  /** The track's own credit when the release names one (compilations, splits); null: the album artist. */
  readonly artist: string | null;
  /** null when the tracklist gives none. */
  readonly durationSeconds: number | null;
}

/** How asking Discogs for a tracklist went, kept per release. */
export type TracklistStatus = 'fetched' | 'not-found' | 'failed';

/** A copy from the collection a spin can be played from. */
export interface SpinnableCopy {
  /** collection_items.id */
  readonly copyId: number;
  /** The Discogs release whose tracklist it plays (its own, or the album's Discogs id for copies added by hand). */
  readonly releaseId: number | null;
  /** vinyl, cd, cassette, digital, other, or null when unknown. */
  readonly support: string | null;
}

/** An album of the collection, as `spin` finds it. */
export interface OwnedAlbum {
  readonly id: number;
  readonly title: string;
  /** The album artist as stored (so the listens land on this very album). */
  readonly artist: string;
  readonly copies: readonly SpinnableCopy[];
}

/** One listen a spin records (or would record). */
export interface PlannedListen {
  readonly number: number;
  readonly position: string;
  readonly artist: string;
  readonly title: string;
  readonly album: string;
  readonly albumArtist: string;
  readonly timestamp: number;
  /** Seconds this track took: from the tracklist, or a share of --minutes. */
  readonly seconds: number;
  /** Whether `seconds` came from the tracklist (a share of --minutes is a guess, never stored as the track's duration). */
  readonly durationKnown: boolean;
  readonly source: ListenSource;
}

/** What is remembered of a recorded spin (for the "same command twice" guard). */
export interface SpinRecord {
  readonly albumId: number;
  readonly copyId: number;
  readonly releaseId: number | null;
  readonly source: ListenSource;
  /** TracklistTrack.number of each track played. */
  readonly trackNumbers: readonly number[];
  readonly startedAt: number;
  readonly endedAt: number;
  readonly listens: number;
  readonly recordedAt: number;
}
