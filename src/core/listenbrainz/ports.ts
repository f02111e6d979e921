import type { ListenSource } from '../model.js';

/**
 * What the ListenBrainz-compatible endpoint needs from storage; db/repositories implement
 * these over SQLite.
 */

export interface ApiTokenRecord {
  readonly id: number;
  readonly name: string;
  /** UTC epoch seconds. */
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

/** A stored token with its SHA-256 digest (the token itself is never stored). */
export interface ApiTokenCredential extends ApiTokenRecord {
  readonly digest: Buffer;
}

export interface ApiTokenStore {
  insert(name: string, digest: Buffer, createdAt: number): ApiTokenRecord;
  /** Oldest first. */
  list(): ApiTokenRecord[];
  credentials(): ApiTokenCredential[];
  remove(id: number): boolean;
  touch(id: number, usedAt: number): void;
}

/** A stored listen with what the ListenBrainz `listens` shape shows of it. */
export interface StoredListen {
  readonly id: number;
  readonly trackId: number;
  /** Play start, UTC epoch seconds. */
  readonly timestamp: number;
  /** When AIME stored it, UTC epoch seconds. */
  readonly insertedAt: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly source: ListenSource;
  readonly client: string | null;
  readonly durationSeconds: number | null;
}

/** Both bounds exclusive, as in the ListenBrainz API. */
export interface ListenWindow {
  readonly minTs?: number;
  readonly maxTs?: number;
  readonly count: number;
}

export interface RecentListens {
  /**
   * At most `count` listens inside the window, newest first. With `minTs`, the ones just
   * after it (paging forward); otherwise the ones just before `maxTs` (or the newest).
   */
  page(window: ListenWindow): StoredListen[];
  /** Oldest and newest play start, undefined when nothing is stored. */
  span(): { readonly oldest: number; readonly latest: number } | undefined;
}
