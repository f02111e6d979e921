import type { AimeConfig } from '../config/config.js';
import type { DurationCatalogues } from '../core/durations/ports.js';
import type { Catalogues } from '../core/enrichment/ports.js';
import { DiscogsClient } from '../integrations/discogs/client.js';
import { MinIntervalPacer, type HttpClient } from '../integrations/http.js';
import { LastfmClient } from '../integrations/lastfm/client.js';
import { MusicbrainzClient } from '../integrations/musicbrainz/client.js';
import { SpotifyClient } from '../integrations/spotify/client.js';

/**
 * The outside catalogues, built from the configuration as it is now (a token set while the
 * daemon runs is used at once) and kept while it does not change, so pacing and tokens
 * carry over from one request to the next.
 */
export class CatalogueClients {
  private readonly values: () => AimeConfig;
  private readonly http: HttpClient;
  private readonly built = new Map<string, { settings: string; client: unknown }>();

  constructor(values: () => AimeConfig, http: HttpClient) {
    this.values = values;
    this.http = http;
  }

  discogs(): DiscogsClient | undefined {
    const { token, username, apiUrl, rateWindowMs } = this.values().discogs;
    if (!token) return undefined;
    return this.reuse('discogs', { token, username, apiUrl, rateWindowMs }, (settings) => new DiscogsClient(this.http, settings));
  }

  discogsUsername(): string | undefined {
    return this.values().discogs.username;
  }

  spotify(): SpotifyClient | undefined {
    const { clientId, clientSecret, apiUrl, authUrl } = this.values().spotify;
    if (!clientId || !clientSecret) return undefined;
    return this.reuse('spotify', { clientId, clientSecret, apiUrl, authUrl }, (settings) => new SpotifyClient(this.http, settings));
  }

  musicbrainz(): MusicbrainzClient {
    const values = this.values();
    const settings = { apiUrl: values.musicbrainz.apiUrl, coverartUrl: values.coverart.apiUrl };
    return this.reuse('musicbrainz', settings, (s) => new MusicbrainzClient(this.http, s));
  }

  /**
   * Last.fm for lookups (album and track pages): only an API key is needed, and one pacer
   * keeps them under lastfm.requestsPerSecond (with a 5 % margin, so arrival gaps stay above
   * it too). The history import and the tracker are not paced by it.
   */
  lastfmLookups(): LastfmClient | undefined {
    const { apiKey, apiUrl, requestsPerSecond } = this.values().lastfm;
    if (!apiKey) return undefined;
    return this.reuse('lastfm-lookups', { apiKey, apiUrl, requestsPerSecond }, (settings) =>
      new LastfmClient(this.http, { apiUrl: settings.apiUrl, apiKey: settings.apiKey, username: '', pacer: new MinIntervalPacer(1100 / settings.requestsPerSecond) }));
  }

  /** Where track durations come from: Last.fm when it has a key, MusicBrainz always (shared pacing with covers). */
  durationCatalogues(): DurationCatalogues {
    const lastfm = this.lastfmLookups();
    return {
      ...(lastfm
        ? {
            lastfm: {
              albumTracklist: (artist, album, signal) => lastfm.albumInfo(artist, album, signal),
              trackPage: (artist, title, signal) => lastfm.trackInfo(artist, title, signal),
            },
          }
        : {}),
      musicbrainz: this.musicbrainz(),
    };
  }

  catalogues(): Catalogues {
    return { musicbrainz: this.musicbrainz(), discogs: this.discogs(), spotify: this.spotify() };
  }

  private reuse<S, C>(name: string, settings: S, build: (settings: S) => C): C {
    const key = JSON.stringify(settings);
    const known = this.built.get(name);
    if (known && known.settings === key) return known.client as C;
    const client = build(settings);
    this.built.set(name, { settings: key, client });
    return client;
  }
}
