import type { PlayRecorder } from '../../core/roon/ports.js';
import { DEFAULT_ROON_TIMINGS, type RoonTimings } from '../../integrations/roon/connection.js';
import { roonHandlers } from '../handlers/roon.js';
import type { ServiceControl } from '../handlers/service.js';
import type { RoonSummary } from '../handlers/system.js';
import { RoonConnectionService } from '../services/roon-connection.js';
import { RoonTrackerService } from '../services/roon-tracker.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Roon: the connection service ("roon"), the tracker service ("roon-tracker", which records
 * plays through `recorder`, the listens ingest), the `roon.*` handlers and the status line.
 * A command that needs the Core starts the connection through the registry, so the wish is
 * remembered across restarts.
 *
 * When the daemon connects on its own: the connection runs at start-up when its stored wish
 * says so (after any Roon command), or, before the user ever started or stopped it, when
 * roon.host is set — an address is the user asking for Roon. With roon.host unset, discovery
 * starts only on that wish, so a daemon without Roon never searches the network.
 */
export function roonFeature(ctx: FeatureContext, needs: { recorder: PlayRecorder; services: Pick<ServiceControl, 'start'> }): Feature & { summary: () => RoonSummary } {
  const settings = ctx.values().roon;
  const log = ctx.log.child({ component: 'roon' });
  const link = new RoonConnectionService({
    statePath: ctx.paths.roonState,
    host: settings.host,
    port: settings.port,
    version: ctx.version,
    log,
    timings: timingsFrom(ctx.env),
    discoveryTargets: discoveryTargetsFrom(ctx.env),
    runsByDefault: () => ctx.values().roon.host !== undefined,
  });
  const ensureConnection = async () => {
    if (!link.connection.isRunning) await needs.services.start(link.name);
  };
  const tracker = new RoonTrackerService({
    feed: link.feed,
    ensureConnection,
    recorder: needs.recorder,
    radioStations: () => ctx.values().roon.radioStations,
    clock: ctx.clock,
    log: log.child({ service: 'roon-tracker' }),
  });
  const handlers = roonHandlers({ roon: link, ensureConnection, defaultZone: () => ctx.values().roon.defaultZone, waitMs: 5000 });
  const summary = (): RoonSummary => {
    const status = link.connection.status();
    return { connected: status.connected, coreName: status.coreName, zones: link.feed.zones.length };
  };
  return { services: [link, tracker], handlers, summary };
}

/**
 * Internal overrides for tests: AIME_ROON_RETRY_FIRST_MS, AIME_ROON_RETRY_MAX_MS,
 * AIME_ROON_REQUEST_TIMEOUT_MS.
 */
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

/** AIME_ROON_DISCOVERY_TARGET (tests): host:port of a SOOD responder instead of the LAN. */
function discoveryTargetsFrom(env: NodeJS.ProcessEnv): { host: string; port: number }[] | undefined {
  const match = /^(.+):(\d+)$/.exec(env['AIME_ROON_DISCOVERY_TARGET'] ?? '');
  return match ? [{ host: match[1] as string, port: Number(match[2]) }] : undefined;
}
