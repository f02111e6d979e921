import { AuthError, type AimeError } from '../../core/errors.js';
import type { AlbumCandidate } from '../../core/enrichment/match.js';
import { defaultClassifier, type HttpClient, type HttpResponse } from '../http.js';
import { toAlbumCandidates, type SpotifySearchReply } from './mapper.js';

export interface SpotifySettings {
  readonly apiUrl: string;
  readonly authUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Development Mode apps may not ask for more (Spotify, February 2026). */
export const SPOTIFY_SEARCH_LIMIT = 10;

/**
 * Spotify album search with a client-credentials token that is renewed shortly before it
 * expires (and once more if Spotify still calls it expired). 429s wait for Retry-After.
 */
export class SpotifyClient {
  private readonly http: HttpClient;
  private readonly settings: SpotifySettings;
  private token?: { value: string; expiresAt: number };

  constructor(http: HttpClient, settings: SpotifySettings) {
    this.http = http;
    this.settings = settings;
  }

  async searchAlbums(artist: string, title: string, signal?: AbortSignal): Promise<AlbumCandidate[]> {
    const q = `album:"${title.replace(/"/g, '')}" artist:"${artist.replace(/"/g, '')}"`;
    const url = `${this.settings.apiUrl.replace(/\/+$/, '')}/search?type=album&limit=${SPOTIFY_SEARCH_LIMIT}&q=${encodeURIComponent(q)}`;
    for (let renewed = false; ; renewed = true) {
      try {
        const reply = await this.http.json<SpotifySearchReply>({
          url,
          headers: { authorization: `Bearer ${await this.bearer(signal)}` },
          classify: classifySpotify,
          signal,
        });
        return toAlbumCandidates(reply);
      } catch (error) {
        if (renewed || !(error instanceof AuthError) || error.detail?.status !== 401) throw error;
        this.token = undefined;
      }
    }
  }

  private async bearer(signal?: AbortSignal): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt) return this.token.value;
    const basic = Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64');
    const reply = await this.http.json<{ access_token?: string; expires_in?: number }>({
      url: this.settings.authUrl,
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      classify: classifyToken,
      signal,
    });
    if (!reply.access_token) throw new AuthError('Spotify sent no access token');
    const lifetimeMs = (reply.expires_in ?? 3600) * 1000;
    // Renew a little early (a tenth of the lifetime, at most a minute) so no request carries a dying token.
    this.token = { value: reply.access_token, expiresAt: Date.now() + lifetimeMs - Math.min(60_000, lifetimeMs / 10) };
    return this.token.value;
  }
}

function classifyToken(response: HttpResponse): AimeError | undefined {
  if (response.status === 400 || response.status === 401) {
    return new AuthError('Spotify refused the client credentials (check spotify.clientId and spotify.clientSecret)', { detail: { status: response.status } });
  }
  return defaultClassifier(response);
}

function classifySpotify(response: HttpResponse): AimeError | undefined {
  if (response.status === 401) return new AuthError('Spotify refused the access token (HTTP 401)', { detail: { status: 401 } });
  return defaultClassifier(response);
}
