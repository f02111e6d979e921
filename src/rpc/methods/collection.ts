/** `collection.*`, `import.discogs` and `enrich.run`: the record collection and its enrichment. */
export type SupportName = 'vinyl' | 'cd' | 'cassette' | 'digital' | 'other';
export type AlbumScopeName = 'owned' | 'listened' | 'all';
export type AlbumSortName = 'artist' | 'title' | 'year' | 'added' | 'plays';
export type EnrichmentProviderName = 'musicbrainz' | 'discogs' | 'spotify' | 'apple-music';

export interface CollectionListParams {
  scope?: AlbumScopeName;
  support?: SupportName;
  yearFrom?: number;
  yearTo?: number;
  artist?: string;
  genre?: string;
  soundtrack?: boolean;
  text?: string;
  sort?: AlbumSortName;
  descending?: boolean;
  page?: number;
  pageSize?: number;
}

/** SPEC §5: `{items:[{id, title, artists, year, support, discogsId, spotifyUrl, coverUrl}], total, page, pageSize}`. */
export interface AlbumItem {
  id: number;
  title: string;
  artists: string[];
  year: number | null;
  support: string | null;
  discogsId: number | null;
  spotifyUrl: string | null;
  coverUrl: string | null;
  genres: string[];
  isSoundtrack: boolean;
  copies: number;
  plays: number;
}

export interface CollectionListResult {
  items: AlbumItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CopyItem {
  id: number;
  source: string;
  discogsReleaseId: number | null;
  instanceId: number | null;
  folderId: number | null;
  rating: number | null;
  dateAdded: number | null;
  support: string | null;
  formats: unknown[];
  labels: unknown[];
  masterId: number | null;
  releaseYear: number | null;
  coverUrl: string | null;
  notes: string | null;
}

export interface AlbumDetailResult extends AlbumItem {
  styles: string[];
  labels: string[];
  covers: { url: string; source: string }[];
  links: { discogs: string | null; spotify: string | null; appleMusic: string | null; musicbrainz: string | null };
  discogsMasterId: number | null;
  musicbrainzId: string | null;
  film: { title: string | null; year: number | null; director: string | null };
  ai: { description: string | null; model: string | null; summary: string | null };
  ownedCopies: CopyItem[];
  lastPlayed: number | null;
  enrichment: { provider: string; status: string; attempts: number; nextRetryAt: number | null; lastError: string | null }[];
  source: string;
}

export interface CollectionAddParams {
  title: string;
  artist: string;
  year?: number;
  support?: SupportName;
  genres?: string[];
  soundtrack?: boolean;
  discogsId?: number;
  spotifyUrl?: string;
  notes?: string;
}

export interface CollectionEditParams {
  id: number;
  title?: string;
  artist?: string;
  year?: number | null;
  support?: SupportName;
  genres?: string[];
  soundtrack?: boolean;
  spotifyUrl?: string | null;
}

/** SPEC §5: `{imported, skipped, failed, durationMs}`, plus what else the import learnt. */
export interface DiscogsImportResult {
  imported: number;
  skipped: number;
  failed: number;
  durationMs: number;
  removed: number;
  pages: number;
  resumed: boolean;
}

export interface EnrichParams {
  albumId?: number;
  limit?: number;
  providers?: EnrichmentProviderName[];
  force?: boolean;
}

export interface EnrichResult {
  albums: { albumId: number; results: { provider: string; status: string; error?: string }[] }[];
  durationMs: number;
}

export interface CollectionMethods {
  'collection.list': { params: CollectionListParams; result: CollectionListResult };
  'collection.show': { params: { id: number }; result: AlbumDetailResult };
  'collection.add': { params: CollectionAddParams; result: { id: number; created: boolean; copyId: number } };
  'collection.edit': { params: CollectionEditParams; result: AlbumDetailResult };
  'collection.remove': { params: { id: number; copyId?: number }; result: { id: number; removed: number } };
  'import.discogs': { params: { full?: boolean }; result: DiscogsImportResult };
  'enrich.run': { params: EnrichParams; result: EnrichResult };
}
