import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import type { PlayReport } from '../../src/core/model.js';
import { systemClock } from '../../src/core/ports.js';
import { ForwardService } from '../../src/daemon/services/forward.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { SqliteForwardOutbox } from '../../src/db/repositories/outbox.js';
import { HttpClient } from '../../src/integrations/http.js';
import { ListenbrainzClient } from '../../src/integrations/listenbrainz/client.js';
import { ListenbrainzPacer } from '../../src/integrations/listenbrainz/pacer.js';
import { createLogger } from '../../src/log.js';

export interface SenderOptions {
  /** The target's API root and token (forward.listenbrainz.url and .token). */
  readonly url: string;
  readonly token: string;
  /** First backoff delay (http.retryBaseMs); small so retries are quick. */
  readonly retryBaseMs?: number;
  /** Least time between two requests (1 s against the real ListenBrainz). */
  readonly minIntervalMs?: number;
}

/**
 * The sending half of forwarding as the daemon builds it (features/forward.ts), over a real
 * SQLite file in a temp dir: the listens ingest, the outbox, the ListenBrainz client on the
 * shared HTTP client, and the `forward` service — for tests that need to watch its timing
 * or its requests closely.
 */
export interface RunningSender {
  readonly db: Database;
  readonly outbox: SqliteForwardOutbox;
  readonly service: ForwardService;
  /** Every log line (JSON). */
  readonly logLines: string[];
  record(plays: readonly PlayReport[]): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSender(options: SenderOptions): Promise<RunningSender> {
  const dir = mkdtempSync(join(tmpdir(), 'aime-forward-'));
  const db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  const logLines: string[] = [];
  const log = await createLogger({ level: 'debug', secrets: [options.token], destination: { write: (line: string) => void logLines.push(line) } });
  const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
  const outbox = new SqliteForwardOutbox(db);
  outbox.follow(true, Math.floor(Date.now() / 1000));
  const http = new HttpClient({ userAgent: 'aime/test (+https://example.org)', log, timeoutMs: 2000, retries: 5, retryBaseMs: 5 });
  const pacer = new ListenbrainzPacer(() => options.minIntervalMs ?? 0);
  const service = new ForwardService({
    outbox,
    target: () => new ListenbrainzClient(http, { url: options.url, token: options.token, pacer }),
    missingConfiguration: () => undefined,
    runsByDefault: () => true,
    retryBaseMs: () => options.retryBaseMs ?? 5,
    idleMs: 20,
    version: '0.0.0-test',
    clock: systemClock,
    log,
  });
  const stopping = new AbortController();
  return {
    db,
    outbox,
    service,
    logLines,
    record: async (plays) => void (await ingest.record(plays)),
    start: () => service.start(stopping.signal),
    async close() {
      stopping.abort();
      await service.stop();
      await http.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `count` plays of distinct tracks a minute apart, from `source`, starting at `from`. */
export function plays(count: number, source: PlayReport['source'], from = 1_700_000_000, label: string = source): PlayReport[] {
  return Array.from({ length: count }, (_, i) => ({
    artist: `Artist ${i % 37}`,
    title: `${label} song ${i}`,
    album: `Album ${i % 11}`,
    timestamp: from + i * 60,
    source,
  }));
}
