import type { OwnedAlbum, SpinRecord, TracklistStatus, TracklistTrack } from './model.js';

/** Where tracklists come from (the Discogs client). */
export interface TracklistSource {
  releaseTracklist(releaseId: number, options?: { signal?: AbortSignal; background?: boolean }): Promise<TracklistTrack[]>;
}

/** A release whose tracklist is wanted: never asked, or its retry time has come. */
export interface DueRelease {
  readonly releaseId: number;
  /** Failed attempts so far (0: never asked). */
  readonly attempts: number;
}

/** Tracklists as stored, with how asking for each went. */
export interface TracklistStore {
  /** The stored tracks of a release; undefined when it was never fetched (or only failed). */
  tracks(releaseId: number): TracklistTrack[] | undefined;
  /** Replaces the release's tracks and marks it fetched, in one transaction. */
  saveTracks(releaseId: number, tracks: readonly TracklistTrack[], now: number): void;
  /** Records a failed or not-found attempt and when to ask again. */
  saveFailure(releaseId: number, outcome: { status: Exclude<TracklistStatus, 'fetched'>; error: string; nextRetryAt: number }, now: number): void;
  /** Releases of owned copies due now, the most recently added first. */
  due(now: number, limit: number): DueRelease[];
  /** How the collection's tracklists stand: fetched, still wanted now, waiting out a retry time. */
  progress(now: number): { fetched: number; due: number; waiting: number };
}

/** The collection and the spins, as `aime spin` reads and writes them. */
export interface SpinStore {
  album(albumId: number): OwnedAlbum | undefined;
  /** Every album with at least one copy (for matching "artist - title"). */
  ownedAlbums(): { id: number; title: string; artist: string }[];
  /** Spins of this album recorded at or after `since` (epoch seconds). */
  spinsSince(albumId: number, since: number): SpinRecord[];
  saveSpin(spin: SpinRecord): number;
  /**
   * The listen that holds each play: the one stored at that second under that title, or the
   * other source's listen that absorbed it (core/listens: one play, one listen).
   */
  listenIds(plays: readonly { timestamp: number; title: string; source: string }[]): (number | null)[];
}
