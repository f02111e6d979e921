import type { ConfigFile } from '../../config/config.js';
import type { Logger } from '../../log.js';
import { systemClock } from '../../core/ports.js';
import type { PlayRecorder } from '../../core/roon/ports.js';
import { DEFAULT_ROON_TIMINGS, type RoonTimings } from '../../integrations/roon/connection.js';
import type { RoonSummary } from '../handlers/system.js';
import { roonHandlers } from '../handlers/roon.js';
import type { ServiceRegistry } from './registry.js';
import { RoonConnectionService } from './roon-connection.js';
import { RoonTrackerService } from './roon-tracker.js';

export interface RoonDeps {
  readonly config: ConfigFile;
  readonly log: Logger;
  readonly registry: ServiceRegistry;
  readonly recorder: PlayRecorder;
  readonly version: string;
  /**
   * Internal overrides for tests: AIME_ROON_RETRY_FIRST_MS, AIME_ROON_RETRY_MAX_MS,
   * AIME_ROON_REQUEST_TIMEOUT_MS, AIME_ROON_DISCOVERY_TARGET (host:port of a SOOD responder).
   */
  readonly env: NodeJS.ProcessEnv;
}

/** The Roon part of the daemon: connection service, tracker service, rpc handlers, status line. */
export function createRoon(deps: RoonDeps) {
  const settings = deps.config.values().roon;
  const log = deps.log.child({ component: 'roon' });
  const link = new RoonConnectionService({
    statePath: deps.config.paths.roonState,
    host: settings.host,
    port: settings.port,
    version: deps.version,
    log,
    timings: timingsFrom(deps.env),
    discoveryTargets: discoveryTargetsFrom(deps.env),
  });
  const ensureConnection = async () => {
    if (!link.connection.isRunning) await deps.registry.start(link.name);
  };
  const tracker = new RoonTrackerService({
    feed: link.feed,
    ensureConnection,
    recorder: deps.recorder,
    radioStations: () => deps.config.values().roon.radioStations,
    clock: systemClock,
    log: log.child({ service: 'roon-tracker' }),
  });
  const handlers = roonHandlers({ roon: link, ensureConnection, defaultZone: () => deps.config.values().roon.defaultZone, waitMs: 5000 });
  const summary = (): RoonSummary => {
    const status = link.connection.status();
    return { connected: status.connected, coreName: status.coreName, zones: link.feed.zones.length };
  };
  return { services: [link, tracker], handlers, summary };
}

function timingsFrom(env: NodeJS.ProcessEnv): RoonTimings {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    requestTimeoutMs: read('AIME_ROON_REQUEST_TIMEOUT_MS', DEFAULT_ROON_TIMINGS.requestTimeoutMs),
    retryFirstMs: read('AIME_ROON_RETRY_FIRST_MS', DEFAULT_ROON_TIMINGS.retryFirstMs),
    retryMaxMs: read('AIME_ROON_RETRY_MAX_MS', DEFAULT_ROON_TIMINGS.retryMaxMs),
  };
}

function discoveryTargetsFrom(env: NodeJS.ProcessEnv): { host: string; port: number }[] | undefined {
  const match = /^(.+):(\d+)$/.exec(env['AIME_ROON_DISCOVERY_TARGET'] ?? '');
  return match ? [{ host: match[1] as string, port: Number(match[2]) }] : undefined;
}
