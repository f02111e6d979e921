import { ConfigFile } from '../config/config.js';
import { systemClock } from '../core/ports.js';
import { createLogger, LogSecrets } from '../log.js';
import { VERSION } from '../version.js';
import { buildHttpClient } from '../wiring/http.js';
import { aiFeature } from './features/ai.js';
import { fanOutAlbumEvents } from './features/album-events.js';
import { collectionFeature } from './features/collection.js';
import { configFeature } from './features/config.js';
import { correctionsFeature } from './features/corrections.js';
import { dbFeature } from './features/db.js';
import { durationsFeature } from './features/durations.js';
import { enrichmentFeature } from './features/enrichment.js';
import { assembleFeatures, type FeatureContext } from './features/feature.js';
import { forwardFeature } from './features/forward.js';
import { jobsFeature } from './features/jobs.js';
import { listensFeature } from './features/listens.js';
import { daemonMetrics } from './features/metrics.js';
import { httpFeature } from './features/http.js';
import { playlistsFeature } from './features/playlists.js';
import { roonFeature } from './features/roon.js';
import { serviceFeature } from './features/service.js';
import { spinsFeature } from './features/spins.js';
import { statsFeature } from './features/stats.js';
import { systemFeature } from './features/system.js';
import { wrappedFeature } from './features/wrapped.js';
import { DaemonLifecycle } from './lifecycle.js';
import { meteredImports, meteredRecorder } from './metrics/metered.js';
import { RpcServer } from './server.js';
import { claimSocketPath } from './socket-guard.js';
import { openDaemonDatabase } from './startup.js';

export interface DaemonOptions {
  readonly home?: string;
  readonly socket?: string;
  readonly logLevel?: string;
}

/**
 * The daemon process: composes everything (below), then runs until SIGTERM/SIGINT and stops
 * it all in reverse order; a failure before "daemon ready" undoes what was done and exits
 * non-zero (DaemonLifecycle).
 */
export async function runDaemon(options: DaemonOptions): Promise<number> {
  // Every file the daemon creates (database, WAL, job files) is private to its user.
  process.umask(0o077);
  const lifecycle = new DaemonLifecycle();
  await lifecycle.start(() => composeDaemon(options, lifecycle));
  return lifecycle.runUntilStopped();
}

/**
 * The composition root: config → logger → socket claim → database lock, checks and
 * migrations → the features (each one file in features/) → socket server → services
 * restored from service_states.
 */
async function composeDaemon(options: DaemonOptions, lifecycle: DaemonLifecycle): Promise<void> {
  const startedAt = Date.now();
  const config = await ConfigFile.open({ home: options.home, socket: options.socket });
  const values = () => config.values();
  const secrets = new LogSecrets(config.secretValues());
  const log = await createLogger({ level: options.logLevel ?? values().log.level, secrets, pretty: process.stdout.isTTY === true });
  lifecycle.useLogger(log);
  const socketPath = config.paths.socket;
  const claim = await claimSocketPath(socketPath);
  if (claim === 'stale-removed') log.warn({ socket: socketPath }, 'removed a stale socket left by a previous daemon');

  const db = await openDaemonDatabase(config.paths.database, log, lifecycle);
  // http.* settings are read per request, so `aime config set http.retries` applies at once.
  const http = buildHttpClient(values, log);
  lifecycle.onStop('http client', () => http.close());
  const ctx: FeatureContext = { values, config, paths: config.paths, log, db, http, clock: systemClock, version: VERSION, env: process.env, startedAt };

  // Each feature gets what it needs from others as an argument; the order is the order of need.
  const metrics = daemonMetrics(ctx);
  const settings = configFeature(ctx, { secrets });
  const service = serviceFeature(ctx);
  const enrichment = enrichmentFeature(ctx);
  const ai = aiFeature(ctx);
  // New albums reach both background workers: covers and links, and AI descriptions.
  // Track durations come from the same catalogue clients (MusicBrainz pacing is shared).
  const durations = durationsFeature(ctx, { clients: enrichment.clients });
  const albumEvents = fanOutAlbumEvents(enrichment.albumEvents, ai.albumEvents, durations.worker);
  const listens = listensFeature(ctx, { albumEvents, listenEvents: durations.worker, trackers: metrics.trackers });
  // Records played by hand are listens like any other; new copies get their tracklists fetched.
  const spins = spinsFeature(ctx, { ingest: listens.ingest, clients: enrichment.clients });
  const collection = collectionFeature(ctx, { albumEvents, clients: enrichment.clients, copiesAdded: spins.copiesAdded });
  // Roon plays go through the same ingest as scrobbles (one listen per play, merged with its scrobble).
  const roon = roonFeature(ctx, { recorder: meteredRecorder(listens.ingest, metrics.trackers, 'roon'), services: service.registry });
  const playlists = playlistsFeature(ctx, { ai: ai.parts });
  const stats = statsFeature(ctx, { durations: durations.worker });
  const wrapped = wrappedFeature(ctx, { ai: ai.parts });
  const corrections = correctionsFeature(ctx, { albumEvents });
  const jobs = jobsFeature(ctx, { onConfigChange: settings.onChange });
  const system = systemFeature(ctx, { services: service.registry, roon: roon.summary });
  // New listens to ListenBrainz; forward.queueLength is the aime_forward_queue_length gauge.
  const forward = forwardFeature(ctx, { onConfigChange: settings.onChange, services: service.registry });
  metrics.forwarding.measure(() => (values().forward.listenbrainz.token === undefined ? undefined : { target: values().forward.listenbrainz.url, listens: forward.queueLength() }));
  // Other players' listens go through the same ingest; the listener moves when http.listen changes.
  const listener = httpFeature(ctx, { ingest: listens.ingest, metrics, services: service.registry, onConfigChange: settings.onChange });
  const features = assembleFeatures(service.registry, [
    system,
    settings,
    service,
    dbFeature(ctx),
    enrichment,
    durations,
    ai,
    collection,
    listens,
    spins,
    roon,
    playlists,
    stats,
    wrapped,
    jobs,
    corrections,
    forward,
    listener,
  ]);
  const handlers = meteredImports(features, metrics.imports);
  lifecycle.onStop('services', () => service.registry.stopAll());

  const server = new RpcServer({
    path: socketPath,
    mode: Number.parseInt(values().socket.mode, 8),
    group: values().socket.group,
    handlers,
    log: log.child({ component: 'rpc' }),
    limits: () => values().socket,
  });
  await server.listen();
  // Registered only once listening: the daemon never removes a socket another process owns.
  lifecycle.onStop('socket', () => server.close(1500));
  await service.registry.restore();
  log.info({ version: VERSION, socket: socketPath, database: db.path }, 'daemon ready');
}
