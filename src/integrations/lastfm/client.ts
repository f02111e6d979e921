import { RetryLaterError, type AimeError } from '../../core/errors.js';
import type { LovedPage, ScrobblePage, ScrobbleSource, ScrobbleWindow, ScrobblerProfile } from '../../core/listens/ports.js';
import type { HttpClient, Pacer } from '../http.js';
import { interpretLastfmReply } from './failures.js';
import { toAlbumInfo, toLovedPage, toProfile, toScrobblePage, toTrackInfo, type AlbumInfo, type TrackInfo } from './mapper.js';

export interface LastfmAccount {
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly username: string;
  /** Spaces the requests out (the durations lookups keep under Last.fm's 5 requests a second). */
  readonly pacer?: Pacer;
}

/**
 * Read-only Last.fm client on the shared HttpClient (timeouts, retries with backoff and
 * jitter, User-Agent). Every reply goes through interpretLastfmReply, so errors inside
 * HTTP 200 bodies and unparseable bodies are retried or reported like HTTP errors.
 */
export class LastfmClient implements ScrobbleSource {
  private readonly http: HttpClient;
  private readonly account: LastfmAccount;

  constructor(http: HttpClient, account: LastfmAccount) {
    this.http = http;
    this.account = account;
  }

  /** user.getRecentTracks; with `withLoved`, extended=1 so each play says whether its track is loved. */
  async recentTracks(window: ScrobbleWindow, signal?: AbortSignal): Promise<ScrobblePage> {
    const params: Record<string, string | number> = { user: this.account.username, limit: window.limit, page: window.page };
    if (window.withLoved) params.extended = 1;
    if (window.from !== undefined) params.from = window.from;
    if (window.to !== undefined) params.to = window.to;
    return toScrobblePage(await this.call('user.getRecentTracks', params, signal, (body) => foreignHistory(body, this.account.username)));
  }

  async lovedTracks(page: number, limit: number, signal?: AbortSignal): Promise<LovedPage> {
    return toLovedPage(await this.call('user.getLovedTracks', { user: this.account.username, page, limit }, signal));
  }

  async profile(signal?: AbortSignal): Promise<ScrobblerProfile> {
    return toProfile(await this.call('user.getInfo', { user: this.account.username }, signal));
  }

  /** album.getInfo by artist and title; null when Last.fm does not know the album (error 6). */
  async albumInfo(artist: string, album: string, signal?: AbortSignal): Promise<AlbumInfo | null> {
    try {
      return toAlbumInfo(await this.call('album.getInfo', { artist, album, autocorrect: 1 }, signal));
    } catch (error) {
      if ((error as AimeError).detail?.lastfmError === 6) return null;
      throw error;
    }
  }

  /** track.getInfo by artist and title; null when Last.fm does not know the track (error 6). */
  async trackInfo(artist: string, track: string, signal?: AbortSignal): Promise<TrackInfo | null> {
    try {
      return toTrackInfo(await this.call('track.getInfo', { artist, track, autocorrect: 1 }, signal));
    } catch (error) {
      if ((error as AimeError).detail?.lastfmError === 6) return null;
      throw error;
    }
  }

  /** `check` may refuse a well-formed body (RetryLaterError: asked again with backoff). */
  private async call(method: string, params: Record<string, string | number>, signal?: AbortSignal, check?: (body: unknown) => AimeError | undefined): Promise<unknown> {
    const url = new URL(this.account.apiUrl);
    url.searchParams.set('method', method);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
    url.searchParams.set('api_key', this.account.apiKey);
    url.searchParams.set('format', 'json');
    let body: unknown;
    await this.http.send({
      url,
      signal,
      pacer: this.account.pacer,
      classify: (response) => {
        const verdict = interpretLastfmReply(response, this.account.username);
        if ('error' in verdict) return verdict.error;
        const refused = check?.(verdict.body);
        if (refused) return refused;
        body = verdict.body;
        return undefined;
      },
    });
    return body;
  }
}

/** Last.fm has been seen answering with another user's recent tracks ("random results"); such a page is asked again. */
function foreignHistory(body: unknown, username: string): AimeError | undefined {
  const owner = (body as { recenttracks?: { '@attr'?: { user?: unknown } } })?.recenttracks?.['@attr']?.user;
  if (typeof owner !== 'string' || owner.toLowerCase() === username.toLowerCase()) return undefined;
  return new RetryLaterError(`Last.fm answered with the history of "${owner}" instead of "${username}"`);
}
