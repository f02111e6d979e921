import type { AimeConfig, ConfigFile } from '../../config/config.js';
import type { AimePaths } from '../../config/paths.js';
import type { Clock } from '../../core/ports.js';
import type { Database } from '../../db/data-source.js';
import type { HttpClient } from '../../integrations/http.js';
import type { Logger } from '../../log.js';
import type { HandlerTable } from '../server.js';
import type { Service, ServiceRegistry } from '../services/registry.js';

/** What every feature of the daemon is built from: the process's shared parts, nothing else. */
export interface FeatureContext {
  /** The effective configuration, read again on every use (`aime config set` needs no restart). */
  readonly values: () => AimeConfig;
  /** The configuration file: only the config feature writes through it. */
  readonly config: ConfigFile;
  readonly paths: AimePaths;
  readonly log: Logger;
  readonly db: Database;
  /** The one outgoing HTTP client of the process. */
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly version: string;
  /** The daemon's environment (internal test overrides such as AIME_ROON_RETRY_FIRST_MS). */
  readonly env: NodeJS.ProcessEnv;
  /** When the daemon started (ms). */
  readonly startedAt: number;
}

/**
 * One capability of the daemon as main.ts assembles it: the services the user starts and
 * stops (wish persisted), the background workers that run whenever the daemon runs, and the
 * RPC handlers. A feature function returns this and whatever other features need from it.
 */
export interface Feature {
  readonly services?: readonly Service[];
  readonly essentials?: readonly Service[];
  readonly handlers: HandlerTable;
}

/**
 * Registers every feature's services in order (they start in that order and stop in reverse)
 * and merges their handlers into one table. A method served by two features is a wiring
 * mistake: refused here, at start-up, rather than one silently replacing the other.
 */
export function assembleFeatures(registry: ServiceRegistry, features: readonly Feature[]): HandlerTable {
  const handlers: HandlerTable = {};
  for (const feature of features) {
    for (const worker of feature.essentials ?? []) registry.registerEssential(worker);
    for (const service of feature.services ?? []) registry.register(service);
    for (const [method, handler] of Object.entries(feature.handlers)) {
      if (Object.hasOwn(handlers, method)) throw new Error(`two features serve the method "${method}"`);
      handlers[method] = handler;
    }
  }
  return handlers;
}
