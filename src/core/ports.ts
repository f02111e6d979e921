/**
 * What core needs from the outside world, as interfaces. db/repositories implement the
 * storage ports; tests pass the real ones over a temporary SQLite file.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ServiceWish {
  readonly name: string;
  readonly active: boolean;
  readonly lastError: string | null;
}

/** The user's wish for each service ("should it run?"), restored when the daemon starts. */
export interface ServiceStateRepository {
  all(): Promise<ServiceWish[]>;
  save(name: string, active: boolean): Promise<void>;
  recordError(name: string, error: string | null): Promise<void>;
}

/** Cursors and checkpoints (Last.fm last seen, import progress, Discogs sync). */
export interface SyncStateRepository {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface LibraryCounts {
  readonly listens: number;
  readonly albums: number;
  readonly artists: number;
  readonly tracks: number;
}

export interface LibraryCountsRepository {
  counts(): Promise<LibraryCounts>;
}

/**
 * Told when albums appear, so slow work (covers, AI texts) happens in the background and
 * never inside a tracker poll or an import page.
 */
export interface AlbumEvents {
  albumsCreated(albumIds: readonly number[]): void;
}

/**
 * Told when listens were stored (any source), so background work on their tracks (durations)
 * starts at once, album-less plays included.
 */
export interface ListenEvents {
  listensRecorded(count: number): void;
}
