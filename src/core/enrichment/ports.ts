import { UserError } from '../errors.js';
import type { AlbumCandidate } from './match.js';

/** Where enrichment looks, in the order it asks. */
export type EnrichmentProvider = 'musicbrainz' | 'discogs' | 'spotify' | 'apple-music';
export const ENRICHMENT_PROVIDERS: readonly EnrichmentProvider[] = ['musicbrainz', 'discogs', 'spotify', 'apple-music'];

export type AttemptStatus = 'success' | 'not-found' | 'failed';

export interface AlbumToEnrich {
  readonly id: number;
  readonly title: string;
  readonly artist: string;
  readonly year: number | null;
  readonly discogsId: number | null;
  /** Cover of an owned copy, as the Discogs listing gave it. */
  readonly copyCoverUrl: string | null;
  /** Sources that already gave this album a cover. */
  readonly coverSources: readonly string[];
  readonly spotifyUrl: string | null;
  readonly appleMusicUrl: string | null;
}

export interface Attempt {
  readonly provider: string;
  readonly status: AttemptStatus | 'pending';
  readonly attempts: number;
  readonly nextRetryAt: number | null;
}

export interface Findings {
  year?: number;
  musicbrainzId?: string;
  spotifyId?: string;
  spotifyUrl?: string;
  appleMusicUrl?: string;
  cover?: { url: string; source: 'coverart' | 'discogs' | 'spotify' };
}

/** Enrichment state in storage: albums, what was found, and every attempt per provider. */
export interface EnrichmentRepository {
  album(albumId: number): Promise<AlbumToEnrich | undefined>;
  attempts(albumId: number): Promise<Attempt[]>;
  record(albumId: number, provider: EnrichmentProvider, outcome: { status: AttemptStatus; error: string | null; nextRetryAt: number | null }, now: number): Promise<void>;
  apply(albumId: number, findings: Findings, now: number): Promise<void>;
  /** Albums with a provider never asked, or whose retry time has come. */
  dueAlbums(providers: readonly EnrichmentProvider[], now: number, limit: number): Promise<number[]>;
}

/** The outside catalogues, each optional (Spotify needs credentials, Discogs a token). */
export interface Catalogues {
  readonly musicbrainz?: {
    searchReleaseGroups(artist: string, title: string, signal?: AbortSignal): Promise<AlbumCandidate[]>;
    releaseGroupCover(releaseGroupId: string, signal?: AbortSignal): Promise<string | null>;
  };
  readonly discogs?: { releaseCover(releaseId: number, signal?: AbortSignal): Promise<string | null> };
  readonly spotify?: { searchAlbums(artist: string, title: string, signal?: AbortSignal): Promise<AlbumCandidate[]> };
}

/** The providers that can run: Apple Music links need no catalogue, and owned copies bring their Discogs cover. */
export function availableProviders(catalogues: Catalogues): EnrichmentProvider[] {
  return ENRICHMENT_PROVIDERS.filter((provider) => provider === 'apple-music' || provider === 'discogs' || catalogues[provider] !== undefined);
}

/** The providers to ask: those asked for (all that can run when none is named), each able to run now. */
export function providersToAsk(catalogues: Catalogues, wanted?: readonly EnrichmentProvider[]): EnrichmentProvider[] {
  const available = availableProviders(catalogues);
  if (!wanted) return available;
  const missing = wanted.filter((name) => !available.includes(name));
  if (missing.length) throw new UserError(`${missing.join(', ')} cannot run: not configured (spotify needs spotify.clientId and spotify.clientSecret)`);
  return [...wanted];
}
