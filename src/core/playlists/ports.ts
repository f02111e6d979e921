import type { OffsetSpan } from '../time/zone.js';

export type { OffsetSpan };
/**
 * What the playlist algorithms read and write. Every read is an aggregate computed by the
 * database (sessions, pairs, transitions, plays per track), so an algorithm never loads
 * the whole listening history; db/repositories implement these over SQLite.
 */
export const GENERATED_ALGORITHMS = [
  'top_sessions',
  'artist_correlations',
  'artist_flow',
  'time_based',
  'complete_albums',
  'rediscovery',
  'ai_generated',
] as const;

export type GeneratedAlgorithm = (typeof GENERATED_ALGORITHMS)[number];
export type PlaylistAlgorithm = GeneratedAlgorithm | 'manual';
export const PLAYLIST_ALGORITHMS: readonly PlaylistAlgorithm[] = [...GENERATED_ALGORITHMS, 'manual'];

/** Bounds of --max (SPEC §4.5). */
export const MAX_TRACKS = { min: 5, max: 200, default: 25 } as const;

/** A new listening session starts after this much silence (the original's 30 minutes). */
export const SESSION_GAP_SECONDS = 1800;

/**
 * Habits are read from the last year of listening (counted back from the newest listen,
 * so a paused account still gets playlists): today's taste, and a cost that does not
 * grow with decades of history.
 */
export const HABIT_WINDOW_SECONDS = 365 * 86_400;

/** A run of listens with no silence longer than SESSION_GAP_SECONDS inside it. */
export interface ListeningSession {
  readonly start: number;
  readonly end: number;
  readonly listens: number;
}

export interface TrackPlays {
  readonly trackId: number;
  readonly plays: number;
}

/** Two artists heard in the same sessions; `sessions` counts each session once. */
export interface ArtistPair {
  readonly first: number;
  readonly second: number;
  readonly sessions: number;
}

/** How often a listen of `from` was directly followed by a listen of `to`. */
export interface ArtistTransition {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface AlbumPlays {
  readonly albumId: number;
  readonly plays: number;
  /** Distinct tracks of the album ever played: how much of it the listener hears. */
  readonly tracksPlayed: number;
}

export interface RediscoveryCandidate {
  readonly trackId: number;
  readonly plays: number;
  readonly loved: boolean;
  readonly lastPlayed: number;
}


/** A track as shown to the AI or to the user. */
export interface TrackLabel {
  readonly trackId: number;
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly durationSeconds: number | null;
}

export interface PlaylistCandidates {
  /** The longest sessions since `since` first (most listens; equal lengths: most recent first). */
  longestSessions(since: number, gapSeconds: number, limit: number): Promise<ListeningSession[]>;
  /** Tracks played from `start` to `end` inclusive, in play order (repeats included). */
  tracksPlayedBetween(start: number, end: number): Promise<number[]>;
  /** Artist pairs by the number of sessions since `since` they share, strongest first. */
  artistPairs(since: number, gapSeconds: number, limit: number): Promise<ArtistPair[]>;
  /** An artist's most played tracks first. */
  topTracksOfArtist(artistId: number, limit: number): Promise<TrackPlays[]>;
  /** Counts of consecutive listens of one session moving from one artist to another (self-moves excluded). */
  artistTransitions(since: number, gapSeconds: number): Promise<ArtistTransition[]>;
  /** First and last listen times, or null when nothing was ever played. */
  listeningSpan(): Promise<{ first: number; last: number } | null>;
  /** Plays per local hour 0–23, the local hour taken from each period's offset. */
  playsByLocalHour(periods: readonly OffsetSpan[]): Promise<number[]>;
  /** Tracks most played during local hour `hour`. */
  topTracksInLocalHour(periods: readonly OffsetSpan[], hour: number, limit: number): Promise<TrackPlays[]>;
  /** Albums with at least `minPlays` plays over at least `minTracks` distinct tracks, the most played first. */
  albumsByPlays(minPlays: number, minTracks: number, limit: number): Promise<AlbumPlays[]>;
  /** Every known track of an album, in album order (track number, then first heard). */
  albumTracks(albumId: number): Promise<number[]>;
  /** Tracks not played since `notSince`: loved ones first, then the most played. */
  forgottenTracks(notSince: number, limit: number): Promise<RediscoveryCandidate[]>;
  /** The most played tracks with their names, for the AI to choose from. */
  mostPlayedTracks(limit: number): Promise<(TrackLabel & { plays: number })[]>;
}

export interface NewPlaylist {
  readonly name: string;
  readonly algorithm: PlaylistAlgorithm;
  readonly aiPrompt: string | null;
  readonly seed: number | null;
  readonly params: Record<string, unknown>;
}

export interface PlaylistSummary {
  readonly id: number;
  readonly name: string;
  readonly algorithm: string;
  readonly aiPrompt: string | null;
  readonly seed: number | null;
  readonly trackCount: number;
  readonly createdAt: number;
}

export interface PlaylistEntry extends TrackLabel {
  /** 1-based, without gaps. */
  readonly position: number;
}

export interface PlaylistDetail extends PlaylistSummary {
  readonly tracks: PlaylistEntry[];
}

export interface PlaylistStore {
  /** Stores a playlist and its tracks (positions 1…n) in one transaction. */
  create(playlist: NewPlaylist, trackIds: readonly number[]): Promise<number>;
  /** Newest first; `range` cuts one page out of the list. */
  list(range?: { offset: number; limit: number }): Promise<PlaylistSummary[]>;
  count(): Promise<number>;
  get(id: number): Promise<PlaylistDetail | null>;
  remove(id: number): Promise<boolean>;
  /** Appends tracks not already in the playlist; returns the ids actually added. */
  append(id: number, trackIds: readonly number[]): Promise<number[]>;
  /** Which of these track ids exist. */
  existingTracks(trackIds: readonly number[]): Promise<Set<number>>;
  /** Tracks named "title" by "artist" (normalised keys), the most played first. */
  findTracks(artistKey: string, titleKey: string): Promise<number[]>;
}

/** Picks tracks for a prompt among the candidates given; answers only with their ids. */
export interface PlaylistAi {
  chooseTracks(prompt: string, candidates: readonly TrackLabel[], max: number): Promise<number[]>;
}

/** What one run of an algorithm works with. */
export interface AlgorithmContext {
  readonly candidates: PlaylistCandidates;
  readonly max: number;
  readonly seed?: number;
  /** UTC epoch seconds. */
  readonly now: number;
  /** IANA zone for "hour of the day". */
  readonly timeZone: string;
  readonly prompt?: string;
  /** Absent when no AI server is configured. */
  readonly ai?: PlaylistAi;
}

/** An algorithm returns track ids in playlist order: no duplicate, at most `max`. */
export type PlaylistBuilder = (context: AlgorithmContext) => Promise<number[]>;
