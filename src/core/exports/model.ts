/** What the exports read: albums of the collection with everything known about them. */
export interface ExportImage {
  readonly url: string;
  readonly type: string;
  readonly source: string;
}

/** One owned copy (a Discogs instance or a manual entry). */
export interface ExportCopy {
  readonly support: string | null;
  readonly formats: string[];
  readonly rating: number | null;
  /** UTC epoch seconds. */
  readonly dateAdded: number | null;
  readonly discogsReleaseId: number | null;
  readonly discogsInstanceId: number | null;
}

export interface ExportAlbum {
  readonly id: number;
  readonly title: string;
  /** The album artist (grouping key of the Markdown export). */
  readonly artist: string;
  /** Every credited artist, album artist first. */
  readonly artists: string[];
  readonly year: number | null;
  /** Supports of the owned copies (vinyl, cd, cassette, digital), album's own support when no copy says. */
  readonly supports: string[];
  readonly source: string;
  readonly discogsId: number | null;
  readonly discogsUrl: string | null;
  readonly spotifyUrl: string | null;
  readonly appleMusicUrl: string | null;
  readonly genres: string[];
  readonly styles: string[];
  readonly labels: string[];
  readonly soundtrack: boolean;
  readonly film: { title: string | null; year: number | null; director: string | null } | null;
  /** The long AI description (metadata.ai_info). */
  readonly description: string | null;
  /** The 35-word AI presentation (metadata.resume). */
  readonly summary: string | null;
  readonly images: ExportImage[];
  readonly coverUrl: string | null;
  readonly copies: ExportCopy[];
  /** UTC epoch seconds. */
  readonly createdAt: number;
}

export interface CollectionFilter {
  /** vinyl | cd | cassette | digital | other (any owned copy). */
  readonly support?: string;
  /** An artist name, matched through its normalised key. */
  readonly artist?: string;
}

export interface PlayCount {
  readonly name: string;
  readonly artist?: string;
  readonly plays: number;
}

/** Listening over a period, for the weekly haiku and the monthly report. */
export interface ListeningSummary {
  /** UTC epoch seconds, from inclusive, to exclusive. */
  readonly from: number;
  readonly to: number;
  readonly listens: number;
  readonly hours: number;
  readonly activeDays: number;
  readonly topArtists: PlayCount[];
  readonly topAlbums: PlayCount[];
  /** Albums added to the collection in the period. */
  readonly albumsAdded: number;
}

/** The read side the exports need (implemented in db/repositories/exports.ts). */
export interface ExportCatalog {
  collectionAlbums(filter: CollectionFilter): Promise<ExportAlbum[]>;
  /** The given albums (collection or not), in the order asked; unknown ids are left out. */
  albumsByIds(ids: readonly number[]): Promise<ExportAlbum[]>;
  listeningSummary(from: number, to: number, timezone: string, top: number): Promise<ListeningSummary>;
}
