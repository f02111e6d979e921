import type { Support } from './model.js';

/** Which albums a listing covers: owned copies, albums only listened to, or both. */
export type AlbumScope = 'owned' | 'listened' | 'all';
export type AlbumSort = 'artist' | 'title' | 'year' | 'added' | 'plays';
export const ALBUM_SCOPES: readonly AlbumScope[] = ['owned', 'listened', 'all'];
export const ALBUM_SORTS: readonly AlbumSort[] = ['artist', 'title', 'year', 'added', 'plays'];

export interface AlbumQuery {
  readonly scope: AlbumScope;
  readonly support?: Support;
  readonly yearFrom?: number;
  readonly yearTo?: number;
  readonly artist?: string;
  readonly genre?: string;
  readonly soundtrack?: boolean;
  /** Words in the title or the artist (collection search). */
  readonly text?: string;
  readonly sort: AlbumSort;
  readonly descending: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface AlbumSummary {
  readonly id: number;
  readonly title: string;
  readonly artists: string[];
  readonly year: number | null;
  readonly support: string | null;
  readonly discogsId: number | null;
  readonly spotifyUrl: string | null;
  readonly coverUrl: string | null;
  readonly genres: string[];
  readonly isSoundtrack: boolean;
  readonly copies: number;
  readonly plays: number;
}

export interface AlbumPage {
  readonly items: AlbumSummary[];
  readonly total: number;
}

export interface OwnedCopyView {
  readonly id: number;
  readonly source: string;
  readonly discogsReleaseId: number | null;
  readonly instanceId: number | null;
  readonly folderId: number | null;
  readonly rating: number | null;
  readonly dateAdded: number | null;
  readonly support: string | null;
  readonly formats: unknown[];
  readonly labels: unknown[];
  readonly masterId: number | null;
  readonly releaseYear: number | null;
  readonly coverUrl: string | null;
  readonly notes: string | null;
}

export interface AlbumDetail extends AlbumSummary {
  readonly styles: string[];
  readonly labels: string[];
  readonly covers: { url: string; source: string }[];
  readonly links: { discogs: string | null; spotify: string | null; appleMusic: string | null; musicbrainz: string | null };
  readonly discogsMasterId: number | null;
  readonly musicbrainzId: string | null;
  readonly film: { title: string | null; year: number | null; director: string | null };
  readonly ai: { description: string | null; model: string | null; summary: string | null };
  readonly ownedCopies: OwnedCopyView[];
  readonly lastPlayed: number | null;
  readonly enrichment: { provider: string; status: string; attempts: number; nextRetryAt: number | null; lastError: string | null }[];
  readonly source: string;
}

export interface NewAlbum {
  readonly title: string;
  readonly artist: string;
  readonly year?: number;
  readonly support?: Support;
  readonly genres?: string[];
  readonly soundtrack?: boolean;
  readonly discogsId?: number;
  readonly spotifyUrl?: string;
  readonly notes?: string;
}

export interface AlbumChanges {
  readonly title?: string;
  readonly artist?: string;
  /** null clears the year. */
  readonly year?: number | null;
  readonly support?: Support;
  readonly genres?: string[];
  readonly soundtrack?: boolean;
  readonly spotifyUrl?: string | null;
}
