import type { CollectionPage, CopiesStored, OwnedCopy } from './model.js';
import type { AlbumDetail, AlbumPage, AlbumQuery, NewAlbum, AlbumChanges } from './queries.js';

/** Where owned copies come from (the Discogs client). */
export interface CollectionSource {
  /** The token owner's user name; fails early on a bad token. */
  identity(signal?: AbortSignal): Promise<string>;
  collectionPage(username: string, page: number, signal?: AbortSignal): Promise<CollectionPage>;
}

/** The collection as stored. */
export interface CollectionRepository {
  /** Upserts each copy by its instance id (and its album by title + album artist), marking it seen by import run `run`. */
  storeCopies(copies: readonly OwnedCopy[], run: number): Promise<CopiesStored>;
  /** Removes the Discogs copies import run `run` did not see (sold, given away). */
  removeCopiesNotSeenBy(run: number): Promise<number>;
  list(query: AlbumQuery): Promise<AlbumPage>;
  show(albumId: number): Promise<AlbumDetail | undefined>;
  add(album: NewAlbum): Promise<{ albumId: number; created: boolean; copyId: number }>;
  edit(albumId: number, changes: AlbumChanges): Promise<void>;
  /** Removes the album's copies (or one of them); the album and its listens stay. */
  removeCopies(albumId: number, copyId?: number): Promise<number>;
}
