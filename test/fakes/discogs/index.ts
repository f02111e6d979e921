// A local stand-in for api.discogs.com: one user's collection, release details, token auth,
// mandatory User-Agent, the moving-window rate limit with its X-Discogs-Ratelimit-* headers,
// scripted faults and per-path request counts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  generateCollection,
  newCollectionItem,
  type CollectionContext,
  type DiscogsCollectionItem,
  type NewCollectionItem,
} from './collection.js';
import {
  FaultInjector,
  hasMeaningfulUserAgent,
  listenLocal,
  sendImage,
  sendJson,
  serveFault,
  type RequestLog,
} from './http-kit.js';
import { MovingWindowLimiter } from './rate-limit.js';
import { releaseDetail, userProfile } from './shapes.js';
import { sortItems } from './sorting.js';
import { generatedTracklist, type DiscogsTrack } from './tracklists.js';

export type { DiscogsCollectionItem, NewCollectionItem } from './collection.js';
export type { DiscogsReleaseDetail } from './shapes.js';
export { discogsDuration, heading, indexTrack, track, type DiscogsTrack } from './tracklists.js';
export type { FaultInjector, FaultKind, FaultOptions, LoggedRequest, RequestLog } from './http-kit.js';

export interface DiscogsRateLimitOptions {
  /** Accepted requests per window (default 60, Discogs' authenticated limit). */
  limit?: number;
  /** Window length in ms (default 60 000; tests use e.g. 2 000). */
  windowMs?: number;
}

export interface FakeDiscogsOptions {
  username?: string;
  token?: string;
  /** Collection items (instances) to generate; one release is owned twice. Default 120. */
  releases?: number;
  seed?: number;
  /** `false` = no enforcement (benchmarks); headers then advertise a huge limit. */
  rateLimit?: DiscogsRateLimitOptions | false;
  /** Default true: missing, empty or library-default User-Agents get an empty 403. */
  requireUserAgent?: boolean;
  now?: () => number;
}

export interface FakeDiscogs {
  readonly url: string;
  readonly username: string;
  readonly token: string;
  /** The collection as the server sees it now, newest first. */
  readonly collection: readonly DiscogsCollectionItem[];
  /** Add an item dated after all others (or a second copy with `releaseId`). */
  addRelease(init?: NewCollectionItem): DiscogsCollectionItem;
  removeInstance(instanceId: number): boolean;
  /** What GET /releases/{id} lists from now on for this release (instead of its generated tracklist). */
  setTracklist(releaseId: number, tracklist: DiscogsTrack[]): void;
  /** The tracklist the release shows now (set or generated). */
  tracklistOf(releaseId: number): DiscogsTrack[];
  readonly faults: FaultInjector;
  /** Every request received, including rejected and faulted ones. */
  readonly requests: RequestLog;
  /** Change the limit or window at runtime (`false` disables); also resets the window. */
  setRateLimit(options: DiscogsRateLimitOptions | false): void;
  resetRateLimit(): void;
  close(): Promise<void>;
}

const UNLIMITED = 1_000_000;
const UNAUTHORIZED = { message: 'You must authenticate to access this resource.' };
const TOO_FAST = { message: 'You are making requests too quickly.' };
const NOT_FOUND = { message: 'The requested resource was not found.' };

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : fallback;
}

export async function startFakeDiscogs(options: FakeDiscogsOptions = {}): Promise<FakeDiscogs> {
  const username = options.username ?? 'aime-tester';
  const token = options.token ?? 'fake-discogs-token';
  const requireUserAgent = options.requireUserAgent ?? true;
  const limiter = new MovingWindowLimiter(60, 60_000, options.now);
  const faults = new FaultInjector();
  let items: DiscogsCollectionItem[] = [];
  const tracklists = new Map<number, DiscogsTrack[]>();
  const tracklistOf = (item: DiscogsCollectionItem) => tracklists.get(item.id) ?? generatedTracklist(ctx, item.basic_information);
  const ctx: { baseUrl: string } = { baseUrl: '' };

  function setRateLimit(rate: DiscogsRateLimitOptions | false): void {
    limiter.limit = rate === false ? UNLIMITED : rate.limit ?? 60;
    limiter.windowMs = rate === false ? 60_000 : rate.windowMs ?? 60_000;
    limiter.reset();
  }
  setRateLimit(options.rateLimit ?? {});

  function rateHeaders(used: number, remaining: number): Record<string, string> {
    return {
      'X-Discogs-Ratelimit': String(limiter.limit),
      'X-Discogs-Ratelimit-Used': String(used),
      'X-Discogs-Ratelimit-Remaining': String(remaining),
    };
  }

  function authorized(req: IncomingMessage, url: URL): boolean {
    const header = /^Discogs\s+token=(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    return (header?.[1] ?? url.searchParams.get('token')) === token;
  }

  // Sorted listings are cached until the collection changes, so huge collections page fast.
  const listings = new Map<string, DiscogsCollectionItem[]>();
  function listing(folderId: number, sort: string, order: string): DiscogsCollectionItem[] {
    const key = `${folderId}|${sort}|${order}`;
    let sorted = listings.get(key);
    if (sorted === undefined) {
      sorted = sortItems(items.filter((it) => folderId === 0 || it.folder_id === folderId), sort, order);
      listings.set(key, sorted);
    }
    return sorted;
  }

  function listReleases(res: ServerResponse, url: URL, folderId: number, headers: Record<string, string>): void {
    const sorted = listing(folderId, url.searchParams.get('sort') ?? 'added', url.searchParams.get('sort_order') ?? 'asc');
    const perPage = Math.min(100, positiveInt(url.searchParams.get('per_page'), 50));
    const page = positiveInt(url.searchParams.get('page'), 1);
    const pages = Math.max(1, Math.ceil(sorted.length / perPage));
    if (page > pages) {
      sendJson(res, 404, { message: `Page ${page} is out of range.` }, headers);
      return;
    }
    const pageUrl = (p: number): string => {
      const u = new URL(`${ctx.baseUrl}${url.pathname}${url.search}`);
      u.searchParams.delete('token');
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return u.toString();
    };
    const urls: Record<string, string> = {};
    if (page > 1) Object.assign(urls, { first: pageUrl(1), prev: pageUrl(page - 1) });
    if (page < pages) Object.assign(urls, { next: pageUrl(page + 1), last: pageUrl(pages) });
    const link = Object.entries(urls).map(([rel, href]) => `<${href}>; rel="${rel}"`).join(', ');
    sendJson(res, 200, {
      pagination: { page, pages, per_page: perPage, items: sorted.length, urls },
      releases: sorted.slice((page - 1) * perPage, page * perPage),
    }, link === '' ? headers : { ...headers, Link: link });
  }

  function folders(): { id: number; name: string; count: number; resource_url: string }[] {
    const folderUrl = (id: number): string => `${ctx.baseUrl}/users/${username}/collection/folders/${id}`;
    return [
      { id: 0, name: 'All', count: items.length, resource_url: folderUrl(0) },
      { id: 1, name: 'Uncategorized', count: items.filter((it) => it.folder_id === 1).length, resource_url: folderUrl(1) },
      { id: 2, name: 'Favourites', count: items.filter((it) => it.folder_id === 2).length, resource_url: folderUrl(2) },
    ];
  }

  function route(res: ServerResponse, url: URL, headers: Record<string, string>): void {
    const parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
    const [first, second, third, fourth, fifth, sixth] = parts;
    if (first === 'oauth' && second === 'identity' && parts.length === 2) {
      sendJson(res, 200, { id: 4_242_424, username, resource_url: `${ctx.baseUrl}/users/${username}`, consumer_name: 'AIME' }, headers);
      return;
    }
    if (first === 'releases' && parts.length === 2) {
      const item = items.find((it) => it.id === Number(second));
      if (item === undefined) sendJson(res, 404, { message: 'Release not found.' }, headers);
      else sendJson(res, 200, releaseDetail(ctx.baseUrl, item, tracklistOf(item)), headers);
      return;
    }
    if (first !== 'users' || second === undefined) {
      sendJson(res, 404, NOT_FOUND, headers);
      return;
    }
    if (second.toLowerCase() !== username.toLowerCase()) {
      sendJson(res, 404, { message: 'User does not exist or may have been deleted.' }, headers);
      return;
    }
    if (parts.length === 2) {
      sendJson(res, 200, userProfile(ctx.baseUrl, username, items), headers);
      return;
    }
    if (third !== 'collection' || fourth !== 'folders' || parts.length > 6 || (sixth !== undefined && sixth !== 'releases')) {
      sendJson(res, 404, NOT_FOUND, headers);
      return;
    }
    if (fifth === undefined) {
      sendJson(res, 200, { folders: folders() }, headers);
      return;
    }
    const folder = folders().find((f) => String(f.id) === fifth);
    if (folder === undefined) sendJson(res, 404, { message: 'Folder not found.' }, headers);
    else if (sixth === undefined) sendJson(res, 200, folder, headers);
    else listReleases(res, url, folder.id, headers);
  }

  const server = await listenLocal((req, res, url) => {
    if (url.pathname.startsWith('/images/')) {
      sendImage(res);
      return;
    }
    if (requireUserAgent && !hasMeaningfulUserAgent(req.headers['user-agent'])) {
      res.writeHead(403, { 'content-length': '0' });
      res.end();
      return;
    }
    const peek = limiter.peek();
    const fault = faults.take(`${url.pathname}${url.search}`);
    if (fault !== undefined) {
      serveFault(fault, res, (status) => ({
        body: status === 429 ? TOO_FAST : { message: 'An internal server error occurred.' },
        headers: rateHeaders(peek.used, peek.remaining),
      }));
      return;
    }
    if (!authorized(req, url)) {
      sendJson(res, 401, UNAUTHORIZED);
      return;
    }
    const window = limiter.take();
    const headers = rateHeaders(window.used, window.remaining);
    if (!window.allowed) {
      sendJson(res, 429, TOO_FAST, headers);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { message: 'Method not allowed.' }, headers);
      return;
    }
    route(res, url, headers);
  });
  ctx.baseUrl = server.url;
  const context: CollectionContext = ctx;
  items = generateCollection(context, options.releases ?? 120, options.seed ?? 42);

  return {
    url: server.url,
    username,
    token,
    get collection() {
      return sortItems([...items], 'added', 'desc');
    },
    addRelease(init = {}) {
      const item = newCollectionItem(context, items, init);
      items.push(item);
      listings.clear();
      return item;
    },
    removeInstance(instanceId) {
      const before = items.length;
      items = items.filter((it) => it.instance_id !== instanceId);
      listings.clear();
      return items.length < before;
    },
    setTracklist(releaseId, tracklist) {
      tracklists.set(releaseId, structuredClone(tracklist));
    },
    tracklistOf(releaseId) {
      const item = items.find((it) => it.id === releaseId);
      if (item === undefined) throw new Error(`release ${releaseId} is not in the collection`);
      return structuredClone(tracklistOf(item));
    },
    faults,
    requests: server.log,
    setRateLimit,
    resetRateLimit: () => limiter.reset(),
    close: () => server.close(),
  };
}
