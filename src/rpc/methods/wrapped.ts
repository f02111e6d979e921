/**
 * `wrapped.report`: the year in review (`aime wrapped --json`). Dates are local
 * (YYYY-MM-DD) in the configured zone, `from` and `to` both included. The listening
 * figures (listens, hours, tops, heatmap, sessions, streaks, discovery) are those of
 * `aime stats` for the same period.
 */
export interface WrappedParams {
  /** A calendar year (default: the current one, until today). */
  readonly year?: number;
  /** Or any period, as `aime stats --from/--to`. */
  readonly from?: string;
  readonly to?: string;
  /** Ask the AI for a short paragraph (default: when the AI is configured). */
  readonly ai?: boolean;
  /** Ask the AI again even when a paragraph for the same figures is stored. */
  readonly force?: boolean;
}

/**
 * What became of the AI paragraph: `written` now, `stored` (written by an earlier run for the
 * same figures and language), or why there is none — `off` (ai: false), `not-configured`,
 * `nothing-to-tell` (no listens), `late` (no answer within wrapped.aiWaitSeconds; it goes on
 * writing and is stored for the next run), `failed` (the AI answered with an error).
 */
export type WrappedParagraphStatus = 'written' | 'stored' | 'off' | 'not-configured' | 'nothing-to-tell' | 'late' | 'failed';

export interface WrappedParagraph {
  readonly status: WrappedParagraphStatus;
  /** One line for people when there is no paragraph for a reason they can act on; null otherwise. */
  readonly message: string | null;
}

export interface WrappedAlbumCard {
  readonly albumId: number;
  readonly title: string;
  readonly artist: string;
  readonly coverUrl: string | null;
}

export interface WrappedOwnedRecord extends WrappedAlbumCard {
  readonly support: string | null;
}

export interface WrappedReport {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly days: number;
  /** The calendar year asked for; null for a from/to period. */
  readonly year: number | null;
  readonly listens: number;
  /** From the known track durations only. */
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
  /** Top 10 each, most played first. */
  readonly topArtists: { readonly name: string; readonly plays: number; readonly imageUrl: string | null }[];
  readonly topAlbums: { readonly title: string; readonly artist: string; readonly plays: number; readonly albumId: number | null; readonly coverUrl: string | null }[];
  readonly topTracks: {
    readonly title: string; readonly artist: string; readonly album: string | null; readonly plays: number;
    readonly albumId: number | null; readonly coverUrl: string | null;
  }[];
  /** Every month the period touches ("YYYY-MM"), oldest first, empty months as 0. */
  readonly months: { readonly month: string; readonly listens: number }[];
  /** 7 rows (Monday first) of 24 local hours. */
  readonly heatmap: { readonly weekdays: string[]; readonly cells: number[][]; readonly max: number };
  readonly sessions: {
    readonly count: number;
    readonly averageMinutes: number;
    readonly averageListens: number;
    /** Local "YYYY-MM-DD HH:MM"; minutes from the first to the last listen's start. */
    readonly longest: { readonly start: string; readonly end: string; readonly minutes: number; readonly listens: number } | null;
  };
  readonly discovery: {
    /** Artists and albums first heard (ever) in the period. */
    readonly newArtists: number;
    readonly newAlbums: number;
    /** A regular: a new artist heard on at least `regularDays` (4) different days of the period, discovery day included. */
    readonly regulars: number;
    readonly regularDays: number;
    /** The most played new artists; plays count every listen since first heard (as `aime stats discovery`). */
    readonly artists: { readonly name: string; readonly firstHeard: string; readonly plays: number }[];
  };
  readonly collection: {
    /** The owned album heard most in the period. */
    readonly mostPlayed: (WrappedOwnedRecord & { readonly plays: number }) | null;
    /** Copies whose Discogs date_added falls in the period (a release owned twice counts twice). */
    readonly bought: number;
    /** Of those, the ones whose album was heard after it was added. */
    readonly boughtPlayed: number;
    /** Up to 10 of the purchases, most played (since added) first. */
    readonly boughtRecords: (WrappedOwnedRecord & { readonly addedOn: string; readonly plays: number })[];
  };
  readonly sources: {
    readonly bySource: { readonly source: string; readonly listens: number }[];
    /** Records played by hand: sources vinyl, cd, cassette. */
    readonly spins: number;
    /** Every other listen (streams, scrobbles, files, manual). */
    readonly streams: number;
  };
  /**
   * The album played most often start to end: in one session (no silence over 30 minutes)
   * every track AIME knows of it was heard, the album having at least 4 known tracks.
   */
  readonly albumOfTheYear: (WrappedAlbumCard & { readonly completePlays: number; readonly plays: number }) | null;
  /** Null with ai: false, without an AI configured, or when it did not answer. */
  readonly ai: { readonly text: string; readonly model: string } | null;
  /** Why `ai` is what it is. */
  readonly paragraph: WrappedParagraph;
}

/** One album's cover picture, as the page embeds it. */
export interface WrappedCover {
  readonly albumId: number;
  /** image/jpeg, image/png, image/gif or image/webp; null when there is no picture to embed. */
  readonly mime: string | null;
  /** The picture's bytes in base64 (at most 400 KB before encoding); null as mime. */
  readonly data: string | null;
}

export interface WrappedMethods {
  'wrapped.report': { params: WrappedParams; result: WrappedReport };
  /**
   * The stored cover of an album (the one the report names in coverUrl), fetched by the
   * daemon with a short timeout and a size cap; null data when there is none, it is not a
   * picture, too large, or the network did not give it in time.
   */
  'wrapped.cover': { params: { albumId: number }; result: WrappedCover };
}
