/** Plain domain types shared across areas. Times are UTC epoch seconds. */

/**
 * Where a listen came from: live sources (Last.fm tracker and import, Roon), export files
 * (Spotify, ListenBrainz, Maloja — Last.fm export files are 'lastfm'), other players posting
 * to the ListenBrainz-compatible endpoint ('listenbrainz'), records played by hand
 * (vinyl/cd/cassette, from the copy's support) and manual entries.
 */
export const LISTEN_SOURCES = ['lastfm', 'roon', 'spotify', 'listenbrainz', 'maloja', 'vinyl', 'cd', 'cassette', 'manual'] as const;
export type ListenSource = (typeof LISTEN_SOURCES)[number];

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
  /** MusicBrainz recording (track) id, when the source knows it. */
  readonly mbid?: string | null;
  readonly artistMbid?: string | null;
  readonly albumMbid?: string | null;
  /** The program that reported the play (ListenBrainz `submission_client`/`media_player`, Spotify platform…). */
  readonly client?: string | null;
  /**
   * The outside service the play was read from when that service holds it already (a
   * ListenBrainz export's listens are on ListenBrainz): it is never forwarded back there.
   */
  readonly alreadyOn?: 'listenbrainz' | null;
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
