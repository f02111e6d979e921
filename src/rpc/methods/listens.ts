/** `listens.*`: the listening history (Last.fm import, plays from export files, journal, love marks, timeline, dedup). */
/** Where a listen came from (the same list as core's LISTEN_SOURCES; rpc imports nothing of ours). */
export type ListenSourceName = 'lastfm' | 'roon' | 'spotify' | 'listenbrainz' | 'maloja' | 'vinyl' | 'cd' | 'cassette' | 'manual';

export interface ImportLastfmParams {
  /** Inclusive lower bound: "YYYY-MM-DD" (local day), ISO date-time or epoch seconds. */
  readonly from?: string;
  /** Upper bound, same forms; a day is included whole. */
  readonly to?: string;
  readonly limit?: number;
}

export interface ImportLastfmResult {
  readonly imported: number;
  readonly skipped: number;
  readonly failed: number;
  readonly durationMs: number;
  readonly loved: number;
  readonly startPage: number;
  readonly pages: number;
  readonly accountPlaycount: number;
}

export interface HistoryParams {
  readonly page?: number;
  readonly pageSize?: number;
  readonly since?: string;
  readonly until?: string;
  readonly artist?: string;
  readonly album?: string;
  readonly source?: ListenSourceName;
  readonly loved?: boolean;
}

export interface HistoryItem {
  readonly id: number;
  readonly timestamp: number;
  /** ISO 8601, UTC. */
  readonly date: string;
  /** "YYYY-MM-DD HH:MM" in the configured time zone. */
  readonly localTime: string;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly source: ListenSourceName;
  readonly loved: boolean;
  /** The program that reported it ("Navidrome", "Plex via multi-scrobbler"), when the source names one. */
  readonly client: string | null;
}

export interface HistoryResult {
  readonly items: HistoryItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface LoveResult {
  readonly id: number;
  readonly trackId: number;
  readonly loved: boolean;
  /** Listens of that track whose mark changed. */
  readonly changed: number;
}

export interface TimelineResult {
  readonly date: string;
  readonly timezone: string;
  /** The same as `timezone` (the first name, kept for old readers). */
  readonly timeZone: string;
  readonly hours: {
    readonly hour: number;
    readonly listens: { id: number; time: string; artist: string; title: string; album: string | null; source: ListenSourceName; loved: boolean }[];
  }[];
  readonly total: number;
  readonly uniqueArtists: number;
  readonly uniqueAlbums: number;
  readonly peakHour: number | null;
}

export interface DedupeResult {
  readonly duplicates: number;
  readonly removed: number;
  readonly dryRun: boolean;
  readonly sample: { keepId: number; dropId: number }[];
}

/** The sources a listening-export file records plays under (`aime import file`). */
export type FilePlaySource = 'spotify' | 'lastfm' | 'listenbrainz' | 'maloja';

/** One play the CLI read from an export file, as it crosses the socket. Absent = unknown. */
export interface FilePlay {
  readonly artist: string;
  readonly title: string;
  readonly album?: string | null;
  /** The album's artist when it differs from the track's (compilations). */
  readonly albumArtist?: string | null;
  /** The play's start, UTC epoch seconds. */
  readonly timestamp: number;
  readonly source: FilePlaySource;
  /** The track's length (never the time played). */
  readonly durationSeconds?: number | null;
  readonly playedSeconds?: number | null;
  readonly loved?: boolean;
  /** MusicBrainz recording, artist and release ids. */
  readonly mbid?: string | null;
  readonly artistMbid?: string | null;
  readonly albumMbid?: string | null;
  /** The program that played it (Spotify's platform, a ListenBrainz submission client…). */
  readonly client?: string | null;
  /** Read from that service's own export: forwarding never sends it back there. */
  readonly alreadyOn?: 'listenbrainz' | null;
}

export interface ImportPlaysParams {
  /** One batch: stored in one transaction (so a batch is stored whole or not at all). */
  readonly plays: FilePlay[];
  /** Work everything out, store nothing (the transaction is rolled back). */
  readonly dryRun?: boolean;
}

export interface ImportPlaysResult {
  readonly imported: number;
  /** Stored already, or another source's copy of a stored listen (one play, one listen). */
  readonly duplicates: number;
  /** Plays of configured radio stations (`roon.radioStations`): never listens. */
  readonly stations: number;
  /** Plays that cannot be stored, by their index in `plays`. */
  readonly failures: { index: number; reason: string }[];
}

export interface ListensMethods {
  'listens.importLastfm': { params: ImportLastfmParams; result: ImportLastfmResult };
  'listens.history': { params: HistoryParams; result: HistoryResult };
  'listens.love': { params: { id: number; loved: boolean }; result: LoveResult };
  'listens.timeline': { params: { date?: string }; result: TimelineResult };
  'listens.dedupe': { params: { dryRun?: boolean }; result: DedupeResult };
  'listens.importPlays': { params: ImportPlaysParams; result: ImportPlaysResult };
}
