/**
 * What analytics reads from storage. Every method is an aggregate the database computes
 * (counts per track, per quarter hour, per local day, per session); none returns listens
 * one by one. Times are UTC epoch seconds; a Period is [from, to).
 */
/** A new listening session starts after more than 30 minutes of silence (as the original). */
export const SESSION_GAP_SECONDS = 1800;

export interface Period {
  readonly from: number;
  readonly to: number;
}

import type { OffsetSpan } from '../time/zone.js';

export type { OffsetSpan };

/** The configured zone's offsets over a period: how the database reads local hours and days. */
export interface LocalCalendar {
  readonly timeZone: string;
  readonly spans: readonly OffsetSpan[];
}

export interface ListeningTotals {
  readonly listens: number;
  /** Seconds listened: each listen's own length (played seconds) when its source gave one, else its track's duration. */
  readonly knownSeconds: number;
  /** Listens with no length of their own whose track's duration is unknown (not counted in knownSeconds). */
  readonly unknownDurationListens: number;
  readonly artists: number;
  readonly albums: number;
  readonly tracks: number;
}

export interface ArtistPlays {
  readonly name: string;
  readonly plays: number;
}

export interface AlbumPlays {
  readonly title: string;
  readonly artist: string;
  readonly plays: number;
}

export interface TrackPlays {
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly plays: number;
}

/** Listens of one local calendar day; day is days since 1970-01-01 on the local calendar. */
export interface DayListens {
  readonly day: number;
  readonly listens: number;
}

export interface SessionFacts {
  readonly sessions: number;
  readonly listens: number;
  /** Sum over sessions of (last listen start − first listen start). */
  readonly totalSeconds: number;
  readonly longest: { readonly start: number; readonly end: number; readonly listens: number } | null;
}

export interface FirstHeard {
  readonly name: string;
  /** Album artist for albums, null for artists. */
  readonly artist: string | null;
  readonly firstHeard: number;
  /** All listens since it was first heard. */
  readonly plays: number;
}

export interface Discoveries {
  readonly artists: number;
  readonly albums: number;
  readonly topArtists: FirstHeard[];
  readonly topAlbums: FirstHeard[];
}

export interface ArtistPair {
  readonly first: string;
  readonly second: string;
  /** Times one was heard straight after the other (less than the session gap apart). */
  readonly count: number;
}

export interface UnplayedAlbum {
  readonly title: string;
  readonly artist: string;
  readonly support: string | null;
  /** When it joined the collection (UTC epoch seconds), if known. */
  readonly addedAt: number | null;
}

export interface AnalyticsRepository {
  /** First and last listen, or null when nothing was ever heard. */
  bounds(): Promise<Period | null>;
  totals(period: Period): Promise<ListeningTotals>;
  topArtists(period: Period, limit: number): Promise<ArtistPlays[]>;
  topAlbums(period: Period, limit: number): Promise<AlbumPlays[]>;
  topTracks(period: Period, limit: number): Promise<TrackPlays[]>;
  /** 168 counts: index = weekday × 24 + hour, weekday 0 = Monday, in local time. */
  hourOfWeek(period: Period, calendar: LocalCalendar): Promise<number[]>;
  /** Days with at least one listen, oldest first. */
  listeningDays(period: Period, calendar: LocalCalendar): Promise<DayListens[]>;
  /** Sessions: runs of listens with no silence longer than SESSION_GAP_SECONDS inside. */
  sessions(period: Period): Promise<SessionFacts>;
  discoveries(period: Period, limit: number): Promise<Discoveries>;
  /** Pairs of different artists heard straight after one another (SESSION_GAP_SECONDS apart at most), the second in the period. */
  artistPairs(period: Period, limit: number): Promise<ArtistPair[]>;
  unplayedCollection(limit: number, offset?: number): Promise<{ total: number; albums: UnplayedAlbum[] }>;
}
