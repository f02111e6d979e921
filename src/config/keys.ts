/**
 * Every configuration key AIME reads, in one table: its type, default, whether it is a
 * secret, and what it means. The conf JSON schema, the AIME_* environment names, the
 * masking in `aime config list` and the typed view (`AimeConfig` below) all derive from this table.
 */
import { jobOverridesProblem } from './job-overrides.js';
import { listenAddressProblem } from './listen-address.js';
import { timeZoneProblem } from './time-zone.js';

export type KeyType = 'string' | 'integer' | 'boolean' | 'string[]' | 'object';

export interface KeySpec {
  readonly key: string;
  readonly type: KeyType;
  readonly default?: unknown;
  /** A default that depends on the machine, worked out when read (and named so in `config list`). */
  readonly computedDefault?: 'system time zone' | 'output folder';
  readonly secret?: boolean;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  /** Rules beyond the type (the shape of an object key); returns the problem in words. */
  readonly check?: (value: unknown) => string | undefined;
  readonly description: string;
}

/** `scheduler.jobs`: per-job overrides of the catalogue's schedule. */
export interface JobOverride {
  readonly cron?: string;
  readonly enabled?: boolean;
}

export const CONFIG_KEYS = [
  { key: 'lastfm.apiKey', type: 'string', secret: true, description: 'Last.fm API key (https://www.last.fm/api/account/create)' },
  { key: 'lastfm.apiSecret', type: 'string', secret: true, description: 'Last.fm shared secret' },
  { key: 'lastfm.username', type: 'string', description: 'Last.fm user whose scrobbles are recorded' },
  { key: 'lastfm.apiUrl', type: 'string', default: 'https://ws.audioscrobbler.com/2.0/', description: 'Last.fm API endpoint' },
  { key: 'lastfm.pollSeconds', type: 'integer', default: 120, minimum: 1, maximum: 86400, description: 'Seconds between two polls of the Last.fm tracker' },
  { key: 'lastfm.requestsPerSecond', type: 'integer', default: 5, minimum: 1, maximum: 100000, description: 'Most Last.fm lookups a second for track durations (Last.fm allows 5; local stand-ins take more)' },
  { key: 'discogs.token', type: 'string', secret: true, description: 'Discogs personal access token' },
  { key: 'discogs.username', type: 'string', description: 'Discogs user whose collection is imported' },
  { key: 'discogs.apiUrl', type: 'string', default: 'https://api.discogs.com', description: 'Discogs API endpoint' },
  { key: 'discogs.rateWindowMs', type: 'integer', default: 60000, minimum: 100, maximum: 600000, description: "Length of Discogs' moving rate-limit window (60 s on api.discogs.com; local stand-ins use less)" },
  { key: 'discogs.tracklists', type: 'boolean', default: true, description: 'Fetch the tracklist of every owned Discogs release in the background, for aime spin (a missing one is fetched when spun anyway)' },
  { key: 'spotify.clientId', type: 'string', secret: true, description: 'Spotify client id (client-credentials flow)' },
  { key: 'spotify.clientSecret', type: 'string', secret: true, description: 'Spotify client secret' },
  { key: 'spotify.apiUrl', type: 'string', default: 'https://api.spotify.com/v1', description: 'Spotify Web API endpoint' },
  { key: 'spotify.authUrl', type: 'string', default: 'https://accounts.spotify.com/api/token', description: 'Spotify token endpoint' },
  { key: 'musicbrainz.apiUrl', type: 'string', default: 'https://musicbrainz.org/ws/2', description: 'MusicBrainz API endpoint (1 request/s)' },
  { key: 'coverart.apiUrl', type: 'string', default: 'https://coverartarchive.org', description: 'Cover Art Archive endpoint' },
  { key: 'ai.baseUrl', type: 'string', default: 'https://api.infomaniak.com/2/ai/{product_id}/openai/v1', description: 'OpenAI-compatible base URL (Infomaniak EurIA: replace {product_id}; a local server works too)' },
  { key: 'ai.apiKey', type: 'string', secret: true, description: 'Bearer token of the AI server' },
  { key: 'ai.model', type: 'string', default: 'mistral3', description: 'Model used for generated texts' },
  { key: 'ai.language', type: 'string', default: 'fr', enum: ['fr', 'en'], description: 'Language of generated texts' },
  { key: 'ai.timeoutSeconds', type: 'integer', default: 45, minimum: 1, maximum: 600, description: 'Timeout of one AI request' },
  { key: 'ai.circuitCooldownSeconds', type: 'integer', default: 60, minimum: 1, maximum: 3600, description: 'After repeated AI failures, how long to stop asking before one trial request' },
  { key: 'wrapped.aiWaitSeconds', type: 'integer', default: 20, minimum: 1, maximum: 600, description: 'How long `aime wrapped` waits for the AI paragraph before showing the year without it (the AI goes on, and the next run shows it)' },
  { key: 'roon.host', type: 'string', description: 'Roon Core address (unset: discovery on the local network)' },
  { key: 'roon.port', type: 'integer', default: 9330, minimum: 1, maximum: 65535, description: 'Roon Core port' },
  { key: 'roon.defaultZone', type: 'string', description: 'Zone name or id used when --zone is not given' },
  { key: 'roon.radioStations', type: 'string[]', default: [], description: 'Station names never recorded as listens' },
  { key: 'scheduler.outputDir', type: 'string', computedDefault: 'output folder', description: 'Where jobs write their files (default: $AIME_HOME/output)' },
  { key: 'scheduler.maxFilesPerType', type: 'integer', default: 5, minimum: 1, maximum: 1000, description: 'Files kept per job type (newest first)' },
  { key: 'scheduler.jobs', type: 'object', default: {} as Readonly<Record<string, JobOverride>>, check: jobOverridesProblem, description: 'Per-job overrides, e.g. {"markdown-export":{"cron":"0 7 * * *"}}' },
  { key: 'timezone', type: 'string', computedDefault: 'system time zone', check: timeZoneProblem, description: 'IANA time zone for timelines, heatmaps and schedules (default: the system zone)' },
  { key: 'socket.mode', type: 'string', default: '0600', pattern: '^0?[0-7]{3}$', description: 'Permissions of the daemon socket (0660 with socket.group to share)' },
  { key: 'socket.group', type: 'string', description: 'Group owning the socket when socket.mode is 0660' },
  { key: 'socket.maxConnections', type: 'integer', default: 256, minimum: 1, maximum: 10000, description: 'Clients the daemon serves at once; one more is told to try again later and closed (applies to new connections)' },
  { key: 'socket.idleSeconds', type: 'integer', default: 60, minimum: 1, maximum: 86400, description: 'A connection holding an unfinished request line (no newline) this long is closed; quiet connections with nothing half-sent stay open' },
  { key: 'log.level', type: 'string', default: 'info', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], description: 'Daemon log level' },
  { key: 'forward.listenbrainz.url', type: 'string', default: 'https://api.listenbrainz.org', description: 'ListenBrainz API (or a compatible server) that new listens are forwarded to' },
  { key: 'forward.listenbrainz.token', type: 'string', secret: true, description: 'ListenBrainz user token: set, every new listen (except those read from a ListenBrainz export) is forwarded' },
  { key: 'http.timeoutSeconds', type: 'integer', default: 20, minimum: 1, maximum: 600, description: 'Timeout of one outgoing HTTP request' },
  { key: 'http.retries', type: 'integer', default: 5, minimum: 0, maximum: 20, description: 'Retries of a failing outgoing request before giving up' },
  { key: 'http.listen', type: 'string', default: '', check: listenAddressProblem, description: 'Address of the HTTP listener (ListenBrainz API, /health, /metrics) as host:port, e.g. 127.0.0.1:8377 (0.0.0.0:8377: every interface); empty: off' },
  { key: 'http.retryBaseMs', type: 'integer', default: 1000, minimum: 1, maximum: 60000, description: 'First backoff delay; doubles on every retry, with jitter' },
] as const satisfies readonly KeySpec[];

const BY_KEY = new Map<string, KeySpec>(CONFIG_KEYS.map((spec) => [spec.key, spec]));

export function keySpec(key: string): KeySpec | undefined {
  return BY_KEY.get(key);
}

/** `lastfm.apiUrl` → `AIME_LASTFM_API_URL` */
export function envName(key: string): string {
  return 'AIME_' + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/\./g, '_').toUpperCase();
}

type Spec = (typeof CONFIG_KEYS)[number];

/** The type a key's value has: its enum's words, its type's, or (objects) its default's. */
type ValueOf<S extends Spec> = S extends { readonly enum: readonly (infer Word)[] }
  ? Word
  : S['type'] extends 'string'
    ? string
    : S['type'] extends 'integer'
      ? number
      : S['type'] extends 'boolean'
        ? boolean
        : S['type'] extends 'string[]'
          ? readonly string[]
          : S extends { readonly default: infer D }
            ? D
            : Readonly<Record<string, unknown>>;

/** Keys with a default (or one filled in when read) are always there; the others may be unset. */
type AlwaysSet<S extends Spec> = S extends { readonly default: unknown } ? true : S extends { readonly computedDefault: string } ? true : false;
/** The keys right under `Prefix` ("lastfm." → apiKey, username…), required when always set. */
type Leaves<Prefix extends string> = {
  readonly [S in Spec as S['key'] extends `${Prefix}${infer Name}` ? (Name extends `${string}.${string}` ? never : AlwaysSet<S> extends true ? Name : never) : never]: ValueOf<S>;
} & {
  readonly [S in Spec as S['key'] extends `${Prefix}${infer Name}` ? (Name extends `${string}.${string}` ? never : AlwaysSet<S> extends true ? never : Name) : never]?: ValueOf<S>;
};
/** The groups right under `Prefix` ("" → lastfm, roon…; "forward." → listenbrainz). */
type Groups<Prefix extends string> = Spec['key'] extends infer K ? (K extends `${Prefix}${infer Group}.${string}` ? Group : never) : never;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type Node<Prefix extends string> = Leaves<Prefix> & { readonly [G in Groups<Prefix>]: Flat<Node<`${Prefix}${G}.`>> };
/** The effective configuration (defaults, then config.json, then AIME_* variables), nested as config.json is. */
export type AimeConfig = Flat<Node<''>>;
