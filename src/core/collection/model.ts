/** The collection's domain types. Times are UTC epoch seconds. */

/** How a copy is held: Vinyl/LP → vinyl, CD → cd, Cassette → cassette, File/Digital → digital. */
export type Support = 'vinyl' | 'cd' | 'cassette' | 'digital' | 'other';
export const SUPPORTS: readonly Support[] = ['vinyl', 'cd', 'cassette', 'digital', 'other'];

export interface CreditedArtist {
  /** Display name: Discogs' " (2)" disambiguation suffix removed. */
  readonly name: string;
  /** Discogs artist id, which keeps the identity the suffix carried. */
  readonly discogsId: number | null;
  /** How this credit joins the next one ("&", "Featuring", ","). */
  readonly join: string;
}

export interface ReleaseFormat {
  readonly name: string;
  readonly qty: number;
  readonly descriptions: readonly string[];
  readonly text?: string;
}

export interface ReleaseLabel {
  readonly name: string;
  readonly catno: string;
}

/** One owned copy of a Discogs release, as the collection listing describes it. */
export interface OwnedCopy {
  readonly instanceId: number;
  readonly releaseId: number;
  readonly folderId: number;
  /** 0 (unrated) to 5. */
  readonly rating: number;
  readonly dateAdded: number;
  readonly title: string;
  readonly artists: readonly CreditedArtist[];
  readonly year: number | null;
  readonly formats: readonly ReleaseFormat[];
  readonly labels: readonly ReleaseLabel[];
  readonly genres: readonly string[];
  readonly styles: readonly string[];
  readonly masterId: number | null;
  readonly coverUrl: string | null;
  readonly thumbUrl: string | null;
  readonly discogsUrl: string;
  readonly notes: string | null;
}

/** One page of the collection, newest first. */
export interface CollectionPage {
  readonly page: number;
  readonly pages: number;
  /** Copies in the whole collection. */
  readonly items: number;
  readonly copies: readonly OwnedCopy[];
  /** Listed items that cannot be albums (no title or no artist). */
  readonly rejected: number;
}

/** What storing a batch of copies did. */
export interface CopiesStored {
  readonly created: number;
  readonly updated: number;
  readonly newAlbumIds: number[];
}

export interface ImportSummary {
  imported: number;
  skipped: number;
  failed: number;
  /** Copies no longer in the Discogs collection, removed by a full import. */
  removed: number;
  pages: number;
  durationMs: number;
  /** The import continued an interrupted one. */
  resumed: boolean;
}
