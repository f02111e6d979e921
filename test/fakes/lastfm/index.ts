// A local stand-in for https://ws.audioscrobbler.com/2.0/ — same parameters, same JSON
// quirks, same error bodies — with a scrobble history held in memory, fault injection and
// request counters. Used by integration tests and by the import benchmark.
//
//   const lastfm = await startFakeLastfm({ generate: { count: 100_000, seed: 1 } });
//   client = new LastfmClient({ baseUrl: lastfm.url, apiKey: lastfm.apiKey, user: lastfm.user });
//   lastfm.faults.queue('rateLimit', 'drop');          // the next two requests fail
//   lastfm.faults.set({ probability: 0.05, kinds: ['http500', 'stall'], seed: 9 });
//   expect(lastfm.requestCount('user.getRecentTracks')).toBe(501);
//   await lastfm.close();
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LibraryIndex } from './album-info.js';
import { faultName, LASTFM_ERRORS, sendLastfmError, serveFault, type LastfmFault } from './errors.js';
import { FaultPlan, type FaultSettings } from './fault-plan.js';
import { generateHistory, type GenerateHistoryOptions } from './generate-history.js';
import { delay, listenLocal, readBody, sendText } from './http-server.js';
import { answer, canonicalMethod, unknownKey, type MethodState, type UserProfile } from './methods.js';
import { ScrobbleStore, type NowPlayingTrack, type Scrobble } from './store.js';

export { generateHistory, DEFAULT_HISTORY_END, type GenerateHistoryOptions } from './generate-history.js';
export { FaultPlan, seededRandom, type FaultSettings, type InjectedFault } from './fault-plan.js';
export { LASTFM_ERRORS, type LastfmError, type LastfmFault, type LastfmFaultKind } from './errors.js';
export { METHODS, type LastfmMethod, type UserProfile } from './methods.js';
export type { LovedTrack, NowPlayingTrack, Scrobble } from './store.js';

export interface FakeLastfmOptions {
  /** The only accepted api_key (default "fake-lastfm-api-key"). */
  readonly apiKey?: string;
  /** The only existing user; matched case-insensitively (default "aime-test"). */
  readonly user?: string;
  readonly profile?: Partial<Omit<UserProfile, 'name'>>;
  /** Initial history, in any order. */
  readonly scrobbles?: readonly Scrobble[];
  /** Generated history added to `scrobbles`. */
  readonly generate?: GenerateHistoryOptions;
  readonly latencyMs?: number;
  readonly faults?: FaultSettings<LastfmFault>;
  /** Requests over this rate (per rolling second) get error 29 / HTTP 429. */
  readonly maxRequestsPerSecond?: number;
  readonly privateHistory?: boolean;
  /** Largest `limit` honoured by user.getRecentTracks (default 200, the documented maximum). */
  readonly maxLimit?: number;
  /** Scrobbled albums and tracks album.getInfo / track.getInfo answer "not found" (error 6) for, as Last.fm does for many. */
  readonly unknown?: {
    readonly albums?: readonly { readonly artist: string; readonly album: string }[];
    readonly tracks?: readonly { readonly artist: string; readonly title: string }[];
  };
}

export interface LastfmRequestRecord {
  /** Documented method name, or the raw `method` parameter when unknown. */
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly httpMethod: string;
  readonly userAgent: string | undefined;
  /** Fault served instead of the real answer ("maxRequestsPerSecond" when rate-limited). */
  readonly fault: string | undefined;
  /** When it arrived (performance.now(), ms). */
  readonly at: number;
}

export interface FakeLastfm {
  /** Base URL to configure clients with: "http://127.0.0.1:<port>/2.0/". */
  readonly url: string;
  readonly port: number;
  readonly apiKey: string;
  readonly user: string;
  latencyMs: number;
  privateHistory: boolean;
  maxRequestsPerSecond: number | undefined;
  readonly faults: FaultPlan<LastfmFault>;
  /** Requests received per method (faulted ones included). */
  requestCount(method?: string): number;
  readonly requests: readonly LastfmRequestRecord[];
  /** Requests being served right now and the most seen at once. */
  readonly load: { readonly inFlight: number; readonly maxInFlight: number };
  resetCounters(): void;
  /** URL of a call with api_key, user and format=json filled in. */
  urlFor(method: string, params?: Readonly<Record<string, string | number>>): string;
  readonly scrobbleCount: number;
  /** Every scrobble, oldest first (the live array: do not mutate). */
  scrobbles(): readonly Scrobble[];
  addScrobble(scrobble: Scrobble): void;
  addScrobbles(scrobbles: readonly Scrobble[]): void;
  setNowPlaying(track: NowPlayingTrack | null): void;
  setLoved(artist: string, title: string, loved?: boolean, lovedAt?: number): void;
  close(): Promise<void>;
}

export async function startFakeLastfm(options: FakeLastfmOptions = {}): Promise<FakeLastfm> {
  const apiKey = options.apiKey ?? 'fake-lastfm-api-key';
  const store = new ScrobbleStore();
  store.addMany([...(options.scrobbles ?? []), ...(options.generate ? generateHistory(options.generate) : [])]);
  const library = new LibraryIndex(store);
  const unknown = {
    albums: new Set((options.unknown?.albums ?? []).map((album) => unknownKey(album.artist, album.album))),
    tracks: new Set((options.unknown?.tracks ?? []).map((track) => unknownKey(track.artist, track.title))),
  };
  const profile: UserProfile = {
    name: options.user ?? 'aime-test',
    realname: options.profile?.realname ?? 'Aime Tester',
    country: options.profile?.country ?? 'Switzerland',
    ...(options.profile?.registeredAt === undefined ? {} : { registeredAt: options.profile.registeredAt }),
  };
  const faults = new FaultPlan<LastfmFault>(options.faults);
  let counts = new Map<string, number>();
  let requests: LastfmRequestRecord[] = [];
  let recentArrivals: number[] = [];
  let nowPlaying: NowPlayingTrack | null = null;

  const fake = {
    latencyMs: options.latencyMs ?? 0,
    privateHistory: options.privateHistory ?? false,
    maxRequestsPerSecond: options.maxRequestsPerSecond,
  };

  const overRateLimit = (): boolean => {
    const limit = fake.maxRequestsPerSecond;
    if (limit === undefined) return false;
    const now = performance.now();
    recentArrivals = recentArrivals.filter((t) => now - t < 1000);
    recentArrivals.push(now);
    return recentArrivals.length > limit;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/2.0/' && url.pathname !== '/2.0') {
      sendText(res, 404, 'text/html', '<html><body>Not Found</body></html>');
      return;
    }
    const params = new URLSearchParams(url.search);
    if (req.method === 'POST') {
      for (const [k, v] of new URLSearchParams(await readBody(req))) params.set(k, v);
    }
    const rawMethod = params.get('method') ?? '';
    const method = canonicalMethod(rawMethod);
    const scope = method ?? rawMethod;
    counts.set(scope, (counts.get(scope) ?? 0) + 1);
    const at = performance.now();
    const limited = overRateLimit();
    const fault = limited ? undefined : faults.draw(scope);
    requests.push({
      method: scope,
      params: Object.fromEntries(params),
      httpMethod: req.method ?? 'GET',
      userAgent: req.headers['user-agent'],
      fault: limited ? 'maxRequestsPerSecond' : fault === undefined ? undefined : faultName(fault),
      at,
    });
    await delay(fake.latencyMs);

    if (limited) return sendLastfmError(res, LASTFM_ERRORS.rateLimited);
    const result = respond(method, params);
    if (fault !== undefined) return serveFault(res, fault, () => result.text);
    sendText(res, result.status, result.xml ? 'text/xml; charset=utf-8' : JSON_TYPE, result.text);
  };

  const respond = (
    method: ReturnType<typeof canonicalMethod>,
    params: URLSearchParams,
  ): { status: number; text: string; xml?: boolean } => {
    if (params.get('format')?.toLowerCase() !== 'json') {
      // Without format=json Last.fm answers in XML, which a JSON client cannot parse.
      const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<lfm status="failed">\n<error code="5">This stand-in only speaks JSON: add format=json</error></lfm>';
      return { status: 400, text: xml, xml: true };
    }
    const apiKeyParam = params.get('api_key');
    if (apiKeyParam !== apiKey) return asBody(LASTFM_ERRORS.invalidApiKey);
    if (!method) return asBody(LASTFM_ERRORS.invalidMethod);
    const state: MethodState = { store, library, profile, nowPlaying, privateHistory: fake.privateHistory, maxLimit: options.maxLimit ?? 200, unknown };
    const result = answer(method, params, state);
    return 'error' in result ? asBody(result.error, result.extra) : { status: result.status, text: result.json };
  };

  const server = await listenLocal(handle);
  const url = `${server.origin}/2.0/`;

  return {
    url,
    port: server.port,
    apiKey,
    user: profile.name,
    get latencyMs() { return fake.latencyMs; },
    set latencyMs(ms: number) { fake.latencyMs = ms; },
    get privateHistory() { return fake.privateHistory; },
    set privateHistory(on: boolean) { fake.privateHistory = on; },
    get maxRequestsPerSecond() { return fake.maxRequestsPerSecond; },
    set maxRequestsPerSecond(n: number | undefined) { fake.maxRequestsPerSecond = n; },
    faults,
    requestCount: (method?: string) =>
      method === undefined ? requests.length : counts.get(canonicalMethod(method) ?? method) ?? 0,
    get requests() { return requests; },
    load: server.load,
    resetCounters: () => {
      counts = new Map();
      requests = [];
      server.load.maxInFlight = server.load.inFlight;
      faults.resetInjected();
    },
    urlFor: (method, params = {}) => {
      const u = new URL(url);
      u.search = new URLSearchParams({ method, user: profile.name, api_key: apiKey, format: 'json' }).toString();
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
      return u.toString();
    },
    get scrobbleCount() { return store.size; },
    scrobbles: () => store.all(),
    addScrobble: (s) => store.add(s),
    addScrobbles: (list) => store.addMany(list),
    setNowPlaying: (track) => { nowPlaying = track; },
    setLoved: (artist, title, loved = true, lovedAt) => {
      const rows = store.all();
      let last: Scrobble | undefined;
      for (let i = rows.length - 1; i >= 0 && !last; i--) {
        const s = rows[i]!;
        if (s.artist.toLowerCase() === artist.toLowerCase() && s.title.toLowerCase() === title.toLowerCase()) last = s;
      }
      store.setLoved({
        artist,
        title,
        mbid: last?.mbid ?? '',
        artistMbid: last?.artistMbid ?? '',
        lovedAt: lovedAt ?? last?.timestamp ?? Math.floor(Date.now() / 1000),
      }, loved);
    },
    close: () => server.close(),
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

function asBody(error: { error: number; message: string; status: number }, extra: Record<string, unknown> = {}): { status: number; text: string } {
  return { status: error.status, text: JSON.stringify({ error: error.error, message: error.message, ...extra }) };
}
