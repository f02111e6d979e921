import { ConfigFile } from '../config/config.js';
import { createLogger } from '../log.js';
import { openDatabase, runMigrations } from '../db/data-source.js';
import { SqliteServiceStates } from '../db/repositories/service-states.js';
import { SqliteLibraryCounts } from '../db/repositories/maintenance.js';
import { buildHttpClient } from '../wiring/http.js';
import { createCollection } from './collection.js';
import { VERSION } from '../version.js';
import { claimSocketPath } from './socket-guard.js';
import { RpcServer, type HandlerTable } from './server.js';
import { ServiceRegistry } from './services/registry.js';
import { systemHandlers } from './handlers/system.js';
import { configHandlers } from './handlers/config.js';
import { serviceHandlers } from './handlers/service.js';
import { dbHandlers } from './handlers/db.js';
import { createAi } from './ai.js';
import { fanOutAlbumEvents } from './album-events.js';
import { createPlaylists } from './playlists.js';
import { jobsHandlers } from './handlers/jobs.js';
import { SchedulerService } from './services/scheduler/service.js';
import { SqliteJobRuns } from '../db/repositories/jobs.js';
import { SqliteSyncState } from '../db/repositories/sync-state.js';
import { createRoon } from './services/roon.js';
import { wireListens } from './listens.js';
import { statsHandlers } from './handlers/stats.js';
import { SqliteAnalytics } from '../db/repositories/analytics.js';
import { systemClock } from '../core/ports.js';

export interface DaemonOptions {
  readonly home?: string;
  readonly socket?: string;
  readonly logLevel?: string;
}

/**
 * The composition root: config → logger → socket claim → database + migrations →
 * services (restored from service_states) → socket server. SIGTERM/SIGINT stop it all
 * in reverse order.
 */
export async function runDaemon(options: DaemonOptions): Promise<void> {
  const startedAt = Date.now();
  // Every file the daemon creates (database, WAL, job files) is private to its user.
  process.umask(0o077);
  const config = await ConfigFile.open({ home: options.home, socket: options.socket });
  const values = config.values();
  const log = await createLogger({
    level: options.logLevel ?? values.log.level,
    secrets: config.secretValues(),
    pretty: process.stdout.isTTY === true,
  });
  const socketPath = config.paths.socket;
  const claim = await claimSocketPath(socketPath);
  if (claim === 'stale-removed') log.warn({ socket: socketPath }, 'removed a stale socket left by a previous daemon');

  const db = await openDatabase({ path: config.paths.database });
  const applied = await runMigrations(db);
  if (applied.length) log.info({ applied }, 'database migrated');

  const http = buildHttpClient(values, log);
  const collection = createCollection({ config, db, http, log: log.child({ component: 'collection' }) });
  const ai = createAi({ config, db, http, log: log.child({ component: 'ai' }) });
  // New albums reach both background workers: covers and links, and AI descriptions.
  const albumEvents = fanOutAlbumEvents(collection.albumEvents, ai.describer);
  const registry = new ServiceRegistry(new SqliteServiceStates(db), log.child({ component: 'services' }));
  const listens = wireListens({ values: () => config.values(), db, http, log, albumEvents });
  registry.registerEssential(collection.queue);
  registry.registerEssential(ai.describer);
  registry.register(listens.tracker);
  // Roon plays go through the same ingest as scrobbles (one listen per play, merged with its scrobble).
  const roon = createRoon({ config, log, registry, recorder: listens.ingest, version: VERSION, env: process.env });
  for (const service of roon.services) registry.register(service);
  const jobRuns = new SqliteJobRuns(db);
  const scheduler = new SchedulerService({ values: () => config.values(), home: config.paths.home, databasePath: db.path, runs: jobRuns, state: new SqliteSyncState(db), log: log.child({ component: 'scheduler' }) });
  registry.register(scheduler);

  const handlers: HandlerTable = {
    ...systemHandlers({
      version: VERSION,
      startedAt,
      socket: socketPath,
      db,
      counts: new SqliteLibraryCounts(db),
      registry,
      roon: roon.summary,
    }),
    ...configHandlers({
      config,
      changed: (key) => {
        log.info({ key }, 'configuration changed');
        scheduler.configurationChanged(key).catch((error: unknown) => log.error({ err: error }, 'scheduler could not apply the new schedule'));
      },
    }),
    ...serviceHandlers(registry),
    ...dbHandlers(db),
    ...ai.handlers,
    ...collection.handlers(albumEvents),
    ...jobsHandlers({ scheduler, runs: jobRuns }),
    ...roon.handlers,
    ...listens.handlers,
    // Playlists ask the AI through the daemon's client: one circuit breaker for all AI calls.
    ...createPlaylists({ db, values: () => config.values(), ai: ai.parts }),
    ...statsHandlers({ analytics: new SqliteAnalytics(db), timeZone: () => config.values().timezone, clock: systemClock }),
  };

  const server = new RpcServer({
    path: socketPath,
    mode: Number.parseInt(values.socket.mode, 8),
    group: values.socket.group,
    handlers,
    log: log.child({ component: 'rpc' }),
  });
  await server.listen();
  await registry.restore();
  log.info({ version: VERSION, socket: socketPath, database: db.path }, 'daemon ready');

  await waitForSignal();
  log.info('stopping');
  const force = setTimeout(() => {
    log.error('shutdown took longer than 4.5 s; exiting anyway');
    process.exit(1);
  }, 4500);
  force.unref();
  await server.close(1500);
  await registry.stopAll();
  await http.close();
  await db.close();
  log.info('stopped');
  log.flush();
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
