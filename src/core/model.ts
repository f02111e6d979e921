/** Plain domain types shared across areas. Times are UTC epoch seconds. */
export type ListenSource = 'lastfm' | 'roon' | 'manual';

/** One play as a source reports it, before it is resolved to artist/album/track rows. */
export interface PlayReport {
  readonly artist: string;
  readonly title: string;
  readonly album?: string | null;
  /** The album's artist when it differs from the track artist (compilations). */
  readonly albumArtist?: string | null;
  /** Real play start, UTC epoch seconds. */
  readonly timestamp: number;
  readonly source: ListenSource;
  readonly durationSeconds?: number | null;
  readonly loved?: boolean;
  /** Roon zone name, when the play came from Roon. */
  readonly zone?: string | null;
  readonly playedSeconds?: number | null;
  readonly mbid?: string | null;
}

/** What storing a batch of plays did. */
export interface IngestSummary {
  imported: number;
  /** Already stored (same play), or the other source's copy of it (Roon ↔ Last.fm within 10 min). */
  skipped: number;
  failed: number;
  /** Albums created by this batch (to queue for enrichment). */
  newAlbumIds: number[];
}
