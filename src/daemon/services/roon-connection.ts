import type { Logger } from '../../log.js';
import { RoonConnection, type RoonConnectionOptions } from '../../integrations/roon/connection.js';
import { ZoneFeed } from '../../integrations/roon/zone-feed.js';
import type { Service, ServiceReport } from './registry.js';

export interface RoonConnectionServiceDeps extends RoonConnectionOptions {
  /** Whether to connect at daemon start while the user never started or stopped the link. */
  readonly runsByDefault: () => boolean;
}

/**
 * The daemon's link to the Roon Core ("roon" in `aime service list`): the extension
 * connection and the zone feed built on it. Started by `aime roon pair` (or any roon command)
 * and, once wished, at every daemon start, so the stored token pairs again by itself; with
 * roon.host set it also connects at the first start, before any Roon command.
 */
export class RoonConnectionService implements Service {
  readonly name = 'roon';
  readonly connection: RoonConnection;
  readonly feed: ZoneFeed;
  readonly runsByDefault: () => boolean;
  private readonly log: Logger;

  constructor(deps: RoonConnectionServiceDeps) {
    this.log = deps.log;
    this.runsByDefault = deps.runsByDefault;
    this.connection = new RoonConnection({
      statePath: deps.statePath,
      host: deps.host,
      port: deps.port,
      version: deps.version,
      log: deps.log,
      timings: deps.timings,
      discoveryTargets: deps.discoveryTargets,
    });
    this.feed = new ZoneFeed(this.connection);
  }

  async start(signal: AbortSignal): Promise<void> {
    signal.addEventListener('abort', () => void this.stop(), { once: true });
    this.feed.attach();
    await this.connection.start();
    const address = this.connection.status().address;
    this.log.info({ address: address ?? 'discovery' }, 'connecting to the Roon Core');
  }

  async stop(): Promise<void> {
    this.feed.detach();
    await this.connection.stop();
  }

  report(): ServiceReport {
    const status = this.connection.status();
    return {
      running: this.connection.isRunning,
      lastError: status.connected ? null : status.lastError,
      details: { state: status.phase, core: status.coreName, address: status.address, zones: this.feed.zones.length },
    };
  }
}
