/** `spins.*`: records played by hand (vinyl, CD, cassette) from the collection's Discogs tracklists. */
import type { ListenSourceName } from './listens.js';

export interface SpinParams {
  /** An album id, or "artist - title" (a title alone works when it names one album). */
  readonly album: string;
  /** Which copy (collection_items id, see `aime collection show`); default: the one most likely on the turntable. */
  readonly copyId?: number;
  /** A side ("A", "B"…) or a disc number of a multi-disc set; default: the whole record. */
  readonly side?: string;
  /** First and last track to record, 1-based within the side (or the record). */
  readonly first?: number;
  readonly last?: number;
  /** How long the chosen tracks lasted, when the tracklist lacks durations. */
  readonly minutes?: number;
  /** When the last track ended ("21:40", "25 min ago", ISO date-time, epoch seconds); default now. */
  readonly ended?: string;
  /** Or when the first track started (same forms). */
  readonly started?: string;
  /** Record it although the same spin was recorded less than a minute ago. */
  readonly again?: boolean;
  /** Work out the listens and store nothing. */
  readonly dryRun?: boolean;
}

export interface SpinListen {
  /** The stored listen (null in a dry run). */
  readonly id: number | null;
  /** Start of the play, UTC epoch seconds. */
  readonly timestamp: number;
  /** ISO 8601, UTC. */
  readonly date: string;
  /** "YYYY-MM-DD HH:MM" in the configured time zone. */
  readonly localTime: string;
  readonly artist: string;
  readonly title: string;
  readonly album: string;
  readonly source: ListenSourceName;
  /** The tracklist's position ("A1", "3"). */
  readonly position: string;
  readonly seconds: number;
  /** false when `seconds` is a share of --minutes rather than the tracklist's duration. */
  readonly durationKnown: boolean;
}

export interface SpinResult {
  readonly listens: SpinListen[];
  readonly albumId: number;
  readonly album: string;
  readonly artist: string;
  readonly copyId: number;
  readonly releaseId: number;
  readonly source: ListenSourceName;
  readonly startedAt: number;
  readonly endedAt: number;
  /** New listens stored. */
  readonly recorded: number;
  /** Plays that were already stored (the same spin at the same second, or another source's copy of the play). */
  readonly alreadyStored: number;
  readonly dryRun: boolean;
}

export interface SpinsMethods {
  'spins.record': { params: SpinParams; result: SpinResult };
}
