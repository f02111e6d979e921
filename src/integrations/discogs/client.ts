import type { CollectionPage } from '../../core/collection/model.js';
import type { TracklistTrack } from '../../core/spins/model.js';
import type { HttpClient, Pacer } from '../http.js';
import { classifyDiscogs } from './classify.js';
import { primaryImage, toCollectionPage, type DiscogsListing } from './mapper.js';
import { DiscogsPacer } from './pacer.js';
import { toTracklist, type DiscogsTracklistEntry } from './tracklist.js';

export interface DiscogsSettings {
  readonly apiUrl: string;
  readonly token: string;
  readonly username?: string;
  readonly rateWindowMs: number;
}

/** Discogs collection pages hold at most 100 copies. */
export const DISCOGS_PAGE_SIZE = 100;

/**
 * Discogs' API for one user: personal token, paced from the rate-limit headers (a 429 waits
 * for the window and retries), the whole collection through folder 0, newest first.
 */
export class DiscogsClient {
  private readonly http: HttpClient;
  private readonly settings: DiscogsSettings;
  private readonly pacer: DiscogsPacer;

  constructor(http: HttpClient, settings: DiscogsSettings) {
    this.http = http;
    this.settings = settings;
    this.pacer = new DiscogsPacer(settings.rateWindowMs);
  }

  /** The token's owner (GET /oauth/identity): checks the token before a long import. */
  async identity(signal?: AbortSignal): Promise<string> {
    const body = await this.get<{ username?: string }>('/oauth/identity', signal);
    return body.username ?? '';
  }

  /** One page of folder 0 ("All"), sorted by date added, newest first. */
  async collectionPage(username: string, page: number, signal?: AbortSignal): Promise<CollectionPage> {
    const path = `/users/${encodeURIComponent(username)}/collection/folders/0/releases?sort=added&sort_order=desc&per_page=${DISCOGS_PAGE_SIZE}&page=${page}`;
    return toCollectionPage(await this.get<DiscogsListing>(path, signal));
  }

  /** The primary image of a release (GET /releases/{id}), or null when it has none. */
  async releaseCover(releaseId: number, signal?: AbortSignal): Promise<string | null> {
    return primaryImage(await this.get(`/releases/${releaseId}`, signal));
  }

  /**
   * The tracks a release plays, in order (GET /releases/{id}). `background`: work nobody
   * waits for, which leaves part of the rate-limit window to requests people wait on.
   */
  async releaseTracklist(releaseId: number, options: { signal?: AbortSignal; background?: boolean } = {}): Promise<TracklistTrack[]> {
    const body = await this.get<{ tracklist?: DiscogsTracklistEntry[] }>(`/releases/${releaseId}`, options.signal, options.background ? this.pacer.background() : this.pacer);
    return toTracklist(body.tracklist);
  }

  private get<T>(path: string, signal?: AbortSignal, pacer: Pacer = this.pacer): Promise<T> {
    return this.http.json<T>({
      url: `${this.settings.apiUrl.replace(/\/+$/, '')}${path}`,
      headers: { authorization: `Discogs token=${this.settings.token}`, accept: 'application/vnd.discogs.v2.discogs+json' },
      classify: classifyDiscogs,
      pacer,
      signal,
    });
  }
}
