import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import { PlayingNow } from '../../src/core/listenbrainz/playing-now.js';
import { ApiTokens } from '../../src/core/listenbrainz/tokens.js';
import { systemClock, type Clock } from '../../src/core/ports.js';
import { DaemonMetrics } from '../../src/daemon/metrics/daemon-metrics.js';
import { httpService } from '../../src/daemon/http/http-service.js';
import type { RateLimitPolicy } from '../../src/daemon/http/rate-limit.js';
import type { HttpListener, HttpListenerLimits } from '../../src/daemon/http/server.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteApiTokens } from '../../src/db/repositories/api-tokens.js';
import { SqliteMetricCounts } from '../../src/db/repositories/metric-counts.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { SqliteRecentListens } from '../../src/db/repositories/recent-listens.js';
import { SqliteWriteProbe } from '../../src/db/repositories/write-probe.js';
import { createLogger } from '../../src/log.js';

export interface ListenerOptions {
  /** `http.listen`; a free loopback port by default. */
  readonly listen?: string;
  readonly userName?: string;
  readonly limits?: Partial<HttpListenerLimits>;
  readonly rateLimit?: RateLimitPolicy;
  readonly clock?: Clock;
  /** Log level of the captured log (`logLines`). */
  readonly logLevel?: string;
}

/** The HTTP listener as the daemon runs it, over a real SQLite file in a temp dir, on a free loopback port. */
export interface RunningListener {
  readonly url: string;
  readonly dbPath: string;
  readonly db: Database;
  readonly listener: HttpListener;
  readonly tokens: ApiTokens;
  /** A valid token, created for the test. */
  readonly token: string;
  readonly playingNow: PlayingNow;
  readonly metrics: DaemonMetrics;
  /** Every log line the listener wrote (JSON). */
  readonly logLines: string[];
  close(): Promise<void>;
}

export async function startListener(options: ListenerOptions = {}): Promise<RunningListener> {
  const dir = mkdtempSync(join(tmpdir(), 'aime-http-'));
  const dbPath = join(dir, 'aime.db');
  const db = await openDatabase({ path: dbPath });
  await runMigrations(db);
  const clock = options.clock ?? systemClock;
  const logLines: string[] = [];
  const log = await createLogger({ level: options.logLevel ?? 'debug', secrets: [], destination: { write: (line: string) => void logLines.push(line) } });
  const tokens = new ApiTokens(new SqliteApiTokens(db), clock);
  const { token } = tokens.create('test client');
  const playingNow = new PlayingNow(clock);
  const counts = new SqliteMetricCounts(db);
  const metrics = new DaemonMetrics({ listenCounts: () => counts.listensBySource(), jobRuns: () => counts.jobRuns() });
  const listener = httpService({
    listen: () => options.listen ?? '127.0.0.1:0',
    tokens,
    ingest: new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] }),
    playingNow,
    recentListens: new SqliteRecentListens(db),
    writeProbe: new SqliteWriteProbe(db),
    metrics,
    userName: () => options.userName ?? 'aime',
    clock,
    log,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const stopping = new AbortController();
  await listener.start(stopping.signal);
  return {
    url: listener.url() as string,
    dbPath,
    db,
    listener,
    tokens,
    token,
    playingNow,
    metrics,
    logLines,
    async close() {
      await listener.stop();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A TCP port nothing listens on right now (the system's pick), for a daemon's http.listen. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export async function portOpen(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body read as JSON (undefined when it is not JSON). */
  readonly json: any;
}

/** One request with undici, the whole answer read. */
export async function call(url: string, options: { method?: 'GET' | 'POST' | 'HEAD'; body?: string | Uint8Array; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { request } = await import('undici');
  const response = await request(url, { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), body: options.body, headers: options.headers });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

/** POST /1/submit-listens with the listener's token (or the given headers). */
export function submit(listener: RunningListener, body: unknown, headers: Record<string, string> = { authorization: `Token ${listener.token}` }, prefix = ''): Promise<Answer> {
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  return call(`${listener.url}${prefix}/1/submit-listens`, { method: 'POST', body: raw, headers });
}

export function storedListens(listener: RunningListener): { timestamp: number; artist: string; title: string; album: string | null; source: string; client: string | null }[] {
  return listener.db.sqlite
    .prepare(
      `SELECT l.timestamp, ar.name AS artist, t.title, al.title AS album, l.source, l.client FROM listening_history l
       JOIN tracks t ON t.id = l.track_id JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id
       ORDER BY l.timestamp, l.id`,
    )
    .all() as never;
}
