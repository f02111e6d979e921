// A local stand-in for accounts.spotify.com (client-credentials tokens) and api.spotify.com
// (album search) on one server: short-lived tokens, 401s for expired or unknown tokens, the
// 2026 Development Mode `limit <= 10` rule, 429 with Retry-After, faults and a request log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FaultInjector,
  listenLocal,
  readBody,
  sendImage,
  sendJson,
  serveFault,
  type RequestLog,
} from '../discogs/http-kit.js';
import { MovingWindowLimiter } from '../discogs/rate-limit.js';
import { DEFAULT_CATALOGUE, toCatalogueEntry, withNearMisses, type CatalogueEntry, type SpotifyAlbum, type SpotifyAlbumSeed } from './catalogue.js';
import { searchCatalogue } from './search.js';

export type { SpotifyAlbum, SpotifyAlbumSeed, SpotifyArtistRef, SpotifyImage } from './catalogue.js';
export type { FaultInjector, FaultKind, FaultOptions, LoggedRequest, RequestLog } from '../discogs/http-kit.js';

export interface FakeSpotifyOptions {
  clientId?: string;
  clientSecret?: string;
  /** Token lifetime and `expires_in`, whole seconds (default 3600; tests use 1–2). */
  tokenTtlSeconds?: number;
  /** Replaces the default catalogue. */
  albums?: readonly SpotifyAlbumSeed[];
  /** With `albums`: also add deluxe / other-artist / live near-misses for each (default true). */
  nearMisses?: boolean;
  /** Highest accepted `limit` (default 10, the Development Mode rule; 50 = the old rule). */
  maxLimit?: number;
  /** Rolling-window limit on /v1 calls; off by default. Spotify's window is 30 s. */
  rateLimit?: { limit: number; windowMs?: number };
  /** Retry-After (seconds) sent with faulted 429s (default 1). */
  retryAfterSeconds?: number;
  now?: () => number;
}

export interface IssuedToken {
  readonly token: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export interface FakeSpotify {
  readonly url: string;
  /** Token endpoint, like https://accounts.spotify.com/api/token. */
  readonly authUrl: string;
  /** API base, like https://api.spotify.com/v1. */
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly albums: readonly SpotifyAlbum[];
  addAlbum(seed: SpotifyAlbumSeed): SpotifyAlbum;
  readonly tokens: readonly IssuedToken[];
  /** Make every token issued so far expired right now. */
  expireTokens(): void;
  /** Retry-After seconds for faulted 429s. */
  retryAfterSeconds: number;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  close(): Promise<void>;
}

function apiError(status: number, message: string): { error: { status: number; message: string } } {
  return { error: { status, message } };
}

const SEARCH_TYPES = new Set(['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook']);

export async function startFakeSpotify(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  const clientId = options.clientId ?? 'fake-spotify-client-id';
  const clientSecret = options.clientSecret ?? 'fake-spotify-client-secret';
  const ttlSeconds = options.tokenTtlSeconds ?? 3600;
  const maxLimit = options.maxLimit ?? 10;
  const now = options.now ?? Date.now;
  const limiter = options.rateLimit === undefined
    ? undefined
    : new MovingWindowLimiter(options.rateLimit.limit, options.rateLimit.windowMs ?? 30_000, now);
  const faults = new FaultInjector();
  const tokens: IssuedToken[] = [];
  let catalogue: CatalogueEntry[] = [];
  let baseUrl = '';

  async function issueToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method_not_allowed', error_description: 'Use POST' });
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const [id, secret] = basic
      ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')
      : [form.get('client_id') ?? undefined, form.get('client_secret') ?? undefined];
    const grant = form.get('grant_type');
    if (grant === null) {
      sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type parameter is missing' });
    } else if (grant !== 'client_credentials') {
      sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials, authorization_code or refresh_token' });
    } else if (id !== clientId) {
      sendJson(res, 400, { error: 'invalid_client', error_description: 'Invalid client' });
    } else if (secret !== clientSecret) {
      sendJson(res, 400, { error: 'invalid_client', error_description: 'Invalid client secret' });
    } else {
      const issuedAt = now();
      const token = `BQ${Buffer.from(`${tokens.length}:${issuedAt}:${Math.random()}`).toString('base64url')}`;
      tokens.push({ token, issuedAt, expiresAt: issuedAt + ttlSeconds * 1000 });
      sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds });
    }
  }

  /** The 401 message for a bad or missing bearer token, undefined when the token is good. */
  function tokenProblem(req: IncomingMessage): string | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (bearer === null) return 'No token provided';
    const issued = tokens.find((t) => t.token === bearer[1]);
    if (issued === undefined) return 'Invalid access token';
    return now() >= issued.expiresAt ? 'The access token expired' : undefined;
  }

  function search(res: ServerResponse, url: URL): void {
    const params = url.searchParams;
    const q = params.get('q') ?? '';
    const types = (params.get('type') ?? '').split(',').filter((t) => t !== '');
    const limit = Number(params.get('limit') ?? Math.min(10, maxLimit));
    const offset = Number(params.get('offset') ?? 0);
    if (q.trim() === '') return sendJson(res, 400, apiError(400, 'No search query'));
    if (types.length === 0) return sendJson(res, 400, apiError(400, 'Missing parameter type'));
    if (!types.every((t) => SEARCH_TYPES.has(t))) return sendJson(res, 400, apiError(400, 'Bad search type field'));
    if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit) return sendJson(res, 400, apiError(400, 'Invalid limit'));
    if (!Number.isInteger(offset) || offset < 0 || offset + limit > 1000) return sendJson(res, 400, apiError(400, 'Invalid offset'));
    const found = searchCatalogue(catalogue, q);
    const page = <T>(key: string, all: T[]): Record<string, unknown> => {
      const at = (o: number): string => {
        const u = new URL(`https://api.spotify.com/v1/search?query=${encodeURIComponent(q)}&type=${key}`);
        u.searchParams.set('offset', String(o));
        u.searchParams.set('limit', String(limit));
        return u.toString();
      };
      return {
        href: at(offset),
        items: all.slice(offset, offset + limit),
        limit,
        next: offset + limit < all.length ? at(offset + limit) : null,
        offset,
        previous: offset > 0 ? at(Math.max(0, offset - limit)) : null,
        total: all.length,
      };
    };
    const body: Record<string, unknown> = {};
    if (types.includes('album')) body.albums = page('album', found.map((e) => e.album));
    if (types.includes('artist')) {
      const artists = new Map(found.flatMap((e) => e.album.artists.map((a) => [a.id, { ...a, genres: [], images: e.album.images }] as const)));
      body.artists = page('artist', [...artists.values()]);
    }
    for (const t of types) if (t !== 'album' && t !== 'artist') body[`${t}s`] = page(t, []);
    sendJson(res, 200, body);
  }

  const server = await listenLocal(async (req, res, url) => {
    if (url.pathname.startsWith('/image/')) return sendImage(res);
    const fault = faults.take(`${url.pathname}${url.search}`);
    if (fault !== undefined) {
      return serveFault(fault, res, (status) => ({
        body: apiError(status, status === 429 ? 'API rate limit exceeded' : 'Server error.'),
        headers: status === 429 ? { 'Retry-After': String(fake.retryAfterSeconds) } : undefined,
      }));
    }
    if (url.pathname === '/api/token') return issueToken(req, res);
    if (!url.pathname.startsWith('/v1/')) return sendJson(res, 404, apiError(404, 'Service not found'));
    const problem = tokenProblem(req);
    if (problem !== undefined) {
      return sendJson(res, 401, apiError(401, problem), {
        'WWW-Authenticate': `Bearer realm="spotify", error="invalid_token", error_description="${problem}"`,
      });
    }
    const window = limiter?.take();
    if (window !== undefined && !window.allowed) {
      return sendJson(res, 429, apiError(429, 'API rate limit exceeded'), {
        'Retry-After': String(Math.max(1, Math.ceil(window.retryAfterMs / 1000))),
      });
    }
    if (url.pathname === '/v1/search' && req.method === 'GET') return search(res, url);
    sendJson(res, 404, apiError(404, 'Service not found'));
  });
  baseUrl = server.url;
  const seeds = options.albums === undefined
    ? DEFAULT_CATALOGUE
    : options.nearMisses === false ? options.albums : withNearMisses(options.albums);
  catalogue = seeds.map((seed) => toCatalogueEntry(baseUrl, seed));

  const fake: FakeSpotify = {
    url: server.url,
    authUrl: `${server.url}/api/token`,
    apiUrl: `${server.url}/v1`,
    clientId,
    clientSecret,
    get albums() {
      return catalogue.map((e) => e.album);
    },
    addAlbum(seed) {
      const entry = toCatalogueEntry(baseUrl, seed);
      catalogue.push(entry);
      return entry.album;
    },
    tokens,
    expireTokens() {
      const at = now();
      tokens.forEach((t, i) => {
        tokens[i] = { ...t, expiresAt: Math.min(t.expiresAt, at) };
      });
    },
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    faults,
    requests: server.log,
    close: () => server.close(),
  };
  return fake;
}
