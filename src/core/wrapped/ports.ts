import type { StoredText } from '../ai/ports.js';
import type { LocalCalendar, Period } from '../analytics/ports.js';
import type { AlbumCard, OwnedRecord } from './model.js';

/**
 * What the year in review reads beyond `aime stats` (which it reads through the analytics
 * repository, so both give the same numbers). Periods are [from, to) in UTC epoch seconds.
 */
export interface SourceListens {
  readonly source: string;
  readonly listens: number;
}

export interface Purchase extends OwnedRecord {
  /** When the copy joined the collection (UTC epoch seconds). */
  readonly addedAt: number;
  /** Listens of its album from addedAt to the end of the period. */
  readonly plays: number;
}

export interface CompleteAlbum extends AlbumCard {
  /** Sessions in which every known track of the album was heard. */
  readonly completePlays: number;
  /** All its listens in the period. */
  readonly plays: number;
}

/** The album a ranked entry stands for, found by the names analytics returns. */
export interface AlbumLink {
  readonly albumId: number;
  readonly coverUrl: string | null;
}

export interface WrappedRepository {
  /** Listens per source, most first. */
  listensBySource(period: Period): Promise<SourceListens[]>;
  /** Artists first heard (ever) in the period and heard on at least `minDays` local days of it. */
  regulars(period: Period, calendar: LocalCalendar, minDays: number): Promise<number>;
  /** The owned album heard most in the period, or null. */
  mostPlayedOwned(period: Period): Promise<(OwnedRecord & { plays: number }) | null>;
  /** Copies added to the collection in the period, oldest first. */
  purchases(period: Period): Promise<Purchase[]>;
  /** Albums with at least one complete play (see YearInReview.albumOfTheYear), best first. */
  completeAlbums(period: Period, options: { minTracks: number; sessionGap: number; limit: number }): Promise<CompleteAlbum[]>;
  /** For each {title, artist} (album title and album artist), its album; null when not found. */
  albums(names: readonly { title: string; artist: string }[]): Promise<(AlbumLink | null)[]>;
  /** For each track as analytics names it, the album it is on; null for album-less tracks. */
  trackAlbums(tracks: readonly { title: string; artist: string; album: string | null }[]): Promise<(AlbumLink | null)[]>;
  /** For each artist name, a picture AIME found, or null. */
  artistImages(names: readonly string[]): Promise<(string | null)[]>;
  /** The cover URL the report gives an album (see coverUrl of AlbumCard), or null. */
  coverUrl(albumId: number): Promise<string | null>;
}

/** The AI paragraphs of years in review, with the model and prompt version that wrote them. */
export interface ParagraphStore {
  /** The newest paragraph stored under `subject` in `language`. */
  stored(subject: string, language: string): Promise<StoredText | undefined>;
  save(subject: string, text: StoredText): Promise<void>;
}
