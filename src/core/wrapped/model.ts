import type { ShownBounds } from '../analytics/summary.js';

/**
 * The year in review (`aime wrapped`): every figure of the page and the terminal view. The
 * listening figures are the ones `aime stats` gives for the same period (same functions);
 * dates are local (YYYY-MM-DD) in the configured zone. Covers are URLs and album ids only:
 * whoever renders the page fetches the bytes (or not), the report never does.
 */

/** A new artist is a regular once heard on this many different local days of the period (discovery day included). */
export const REGULAR_DAYS = 4;
/** A complete-album play needs an album of at least this many known tracks (a single and its B-side is not an album). */
export const COMPLETE_ALBUM_MIN_TRACKS = 4;
/** Records played by hand (`aime spin`); every other source is a stream or a scrobbled digital play. */
export const SPIN_SOURCES: readonly string[] = ['vinyl', 'cd', 'cassette'];
export const TOP_LIMIT = 10;

export interface RankedArtist {
  readonly name: string;
  readonly plays: number;
  /** An artist picture AIME found (never a Last.fm placeholder), if any. */
  readonly imageUrl: string | null;
}

export interface RankedAlbum {
  readonly title: string;
  readonly artist: string;
  readonly plays: number;
  readonly albumId: number | null;
  readonly coverUrl: string | null;
}

export interface RankedTrack {
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly plays: number;
  /** The album the track was heard on (its cover), when it has one. */
  readonly albumId: number | null;
  readonly coverUrl: string | null;
}

export interface MonthListens {
  /** "YYYY-MM" on the local calendar. */
  readonly month: string;
  readonly listens: number;
}

/** An album with what a page needs to show it. */
export interface AlbumCard {
  readonly albumId: number;
  readonly title: string;
  readonly artist: string;
  readonly coverUrl: string | null;
}

export interface OwnedRecord extends AlbumCard {
  /** vinyl, cd, cassette, digital — of the first copy, or the album's own. */
  readonly support: string | null;
}

export interface BoughtRecord extends OwnedRecord {
  /** Local date the copy joined the collection (Discogs date_added). */
  readonly addedOn: string;
  /** Listens of the album from the moment it was added to the end of the period. */
  readonly plays: number;
}

export interface YearInReview extends ShownBounds {
  /** The calendar year asked for; null for a --from/--to period. */
  readonly year: number | null;
  readonly listens: number;
  /** Hours from the known track durations (as `aime stats`). */
  readonly hours: number;
  readonly unknownDurationListens: number;
  readonly dailyAverage: number;
  readonly artists: number;
  readonly albums: number;
  readonly tracks: number;
  readonly activeDays: number;
  readonly longestStreak: { readonly from: string; readonly to: string; readonly days: number } | null;
  readonly busiestDay: { readonly date: string; readonly listens: number } | null;
  readonly peakHour: number | null;
  readonly peakWeekday: string | null;
  readonly topArtists: RankedArtist[];
  readonly topAlbums: RankedAlbum[];
  readonly topTracks: RankedTrack[];
  /** Every month the period touches, oldest first, empty months as 0. */
  readonly months: MonthListens[];
  /** 7 rows (Monday first) of 24 local hours, as `aime stats heatmap`. */
  readonly heatmap: { readonly weekdays: string[]; readonly cells: number[][]; readonly max: number };
  readonly sessions: {
    readonly count: number;
    readonly averageMinutes: number;
    readonly averageListens: number;
    readonly longest: { readonly start: string; readonly end: string; readonly minutes: number; readonly listens: number } | null;
  };
  readonly discovery: {
    readonly newArtists: number;
    readonly newAlbums: number;
    /** New artists heard on at least `regularDays` different days of the period. */
    readonly regulars: number;
    readonly regularDays: number;
    /** As `aime stats discovery`: plays count every listen since the artist was first heard. */
    readonly artists: { readonly name: string; readonly firstHeard: string; readonly plays: number }[];
  };
  readonly collection: {
    /** The owned album heard most in the period. */
    readonly mostPlayed: (OwnedRecord & { readonly plays: number }) | null;
    /** Copies added in the period (the same release bought twice is two records). */
    readonly bought: number;
    /** Of those, the ones whose album was heard after it was added. */
    readonly boughtPlayed: number;
    /** The purchases, most played first (at most TOP_LIMIT). */
    readonly boughtRecords: BoughtRecord[];
  };
  readonly sources: {
    readonly bySource: { readonly source: string; readonly listens: number }[];
    /** Listens from records played by hand (SPIN_SOURCES). */
    readonly spins: number;
    /** Every other listen: streams, scrobbles, files. */
    readonly streams: number;
  };
  /**
   * The album played most often from start to end: within one listening session (no silence
   * over 30 minutes) every track AIME knows of it was heard, and it has at least
   * COMPLETE_ALBUM_MIN_TRACKS of them. One count per session.
   */
  readonly albumOfTheYear: (AlbumCard & { readonly completePlays: number; readonly plays: number }) | null;
  /** A short AI-written paragraph, when asked for and the AI answered. */
  readonly ai: { readonly text: string; readonly model: string } | null;
}

/** What became of the AI paragraph (see ParagraphNote). */
export type ParagraphStatus = 'written' | 'stored' | 'off' | 'not-configured' | 'nothing-to-tell' | 'late' | 'failed';

export interface ParagraphNote {
  readonly status: ParagraphStatus;
  /** One line for people when there is no paragraph for a reason they can act on. */
  readonly message: string | null;
}

/** The year in review with its paragraph settled: written, found stored, or left out and why. */
export interface NarratedReview extends YearInReview {
  readonly paragraph: ParagraphNote;
}
