/**
 * What AI texts need from the outside: a writer (an OpenAI-compatible server behind
 * integrations/ai), the facts we own about the music (db/repositories), and a place to keep
 * the texts with the model and prompt version that produced them.
 */
import type { Clock } from '../ports.js';

export type AiLanguage = 'fr' | 'en';

export interface AiMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/** One question to the model. */
export interface AiAsk {
  readonly messages: readonly AiMessage[];
  readonly maxTokens: number;
  readonly temperature?: number;
  /** Ask for a JSON object (servers that refuse response_format are asked again without it). */
  readonly json?: boolean;
}

/** The model's answer, with `<think>` blocks already removed. */
export interface AiAnswer {
  readonly text: string;
  readonly model: string;
  /** The model stopped at maxTokens. */
  readonly truncated: boolean;
}

export interface AiWriter {
  ask(ask: AiAsk, signal?: AbortSignal): Promise<AiAnswer>;
  /** Same answer, handed over piece by piece as the model writes it. */
  stream(ask: AiAsk, onText: (piece: string) => void, signal?: AbortSignal): Promise<AiAnswer>;
}

/** An album as prompts may describe it: only facts of our own, never Spotify data. */
export interface AlbumFacts {
  readonly id: number;
  readonly title: string;
  readonly artist: string;
  readonly artists: readonly string[];
  readonly year: number | null;
  readonly genres: readonly string[];
  readonly styles: readonly string[];
  readonly labels: readonly string[];
  readonly plays: number;
}

export interface Ranked {
  readonly name: string;
  readonly plays: number;
}

export interface RankedAlbum {
  readonly title: string;
  readonly artist: string;
  readonly plays: number;
}

/** Plays in [from, to) (UTC epoch seconds). */
export interface ListeningSummary {
  readonly from: number;
  readonly to: number;
  readonly listens: number;
  readonly activeDays: number;
  readonly topArtists: readonly Ranked[];
  readonly topAlbums: readonly RankedAlbum[];
  readonly newArtists: number;
}

/** A name and how many albums have it (formats, genres). */
export interface Counted {
  readonly name: string;
  readonly count: number;
}

export interface CollectionSummary {
  readonly albums: number;
  readonly supports: readonly Counted[];
  readonly genres: readonly Counted[];
  readonly sample: readonly AlbumFacts[];
}

export interface ArtistFacts {
  readonly name: string;
  readonly listens: number;
  readonly albums: ReadonlyArray<{ title: string; year: number | null; genres: readonly string[]; summary: string | null }>;
}

export interface AiFactsRepository {
  /** An album by id, or by "title" / "artist - title" (several matches: a UserError naming them). */
  findAlbum(query: string): Promise<AlbumFacts>;
  albumFacts(albumId: number): Promise<AlbumFacts | undefined>;
  artistFacts(name: string): Promise<ArtistFacts | undefined>;
  /** Active days are counted in `timeZone`'s local days. */
  listening(from: number, to: number, top: number, timeZone: string): Promise<ListeningSummary>;
  collection(sampleSize: number): Promise<CollectionSummary>;
  /** The most played albums that have no description yet, most played first. */
  mostPlayedWithoutDescription(limit: number): Promise<number[]>;
}

export interface StoredText {
  readonly text: string;
  readonly model: string;
  readonly promptVersion: string;
  readonly language: string;
  /** UTC epoch seconds. */
  readonly createdAt: number;
}

export type AlbumTextKind = 'description' | 'presentation';
export type AiTextKind = 'listening-haiku' | 'collection-haiku' | 'monthly-report' | 'artist-portrait';

export interface AiTextRepository {
  albumText(albumId: number, kind: AlbumTextKind): Promise<StoredText | undefined>;
  saveAlbumText(albumId: number, kind: AlbumTextKind, text: StoredText): Promise<void>;
  saveText(kind: AiTextKind, subject: string, text: StoredText): Promise<void>;
}

/**
 * Background describing: one row per album in enrichment_attempts (provider
 * 'ai-description'), so queued albums and retry times survive a restart.
 */
export interface DescriptionAttempts {
  /** Queues albums (already known ones keep their row). */
  enqueue(albumIds: readonly number[], at: number): Promise<void>;
  recordSuccess(albumId: number, at: number): Promise<void>;
  /** Stores the failure and when to try again (null: never again); returns the attempt count. */
  recordFailure(albumId: number, error: string, at: number, nextRetryAt: (attempts: number) => number | null): Promise<number>;
  /** Albums whose retry time has come. */
  due(at: number, limit: number): Promise<number[]>;
  /** Albums still to describe (queued, or failed with a retry time). */
  waiting(): Promise<number>;
}

/** Everything the AI texts use, in one typed deps object. */
export interface AiDeps {
  readonly writer: AiWriter;
  readonly facts: AiFactsRepository;
  readonly texts: AiTextRepository;
  readonly language: AiLanguage;
  /** IANA zone: month boundaries and dates in prompts are the listener's. */
  readonly timeZone: string;
  readonly clock: Clock;
}
