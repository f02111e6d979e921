import type { LibraryCountsRepository } from '../../core/ports.js';
import type { Database } from '../../db/data-source.js';
import { probeWritable } from '../../db/repositories/maintenance.js';
import { errorMessage } from '../../core/errors.js';
import type { StatusResult } from '../../rpc/methods/system.js';
import type { ServiceControl } from './service.js';
import { handlerTable, NO_PARAMS } from './typed.js';

export interface RoonSummary {
  connected: boolean;
  coreName: string | null;
  zones: number;
}

export interface SystemDeps {
  readonly version: string;
  /** The configured zone, read per request. */
  readonly timeZone: () => string;
  readonly startedAt: number;
  readonly socket: string;
  readonly db: Database;
  readonly counts: LibraryCountsRepository;
  readonly services: Pick<ServiceControl, 'list'>;
  readonly roon: () => RoonSummary;
}

export function systemHandlers(deps: SystemDeps) {
  const uptime = () => Math.round((Date.now() - deps.startedAt) / 1000);
  return handlerTable<'system.status' | 'system.health'>({
    'system.status': {
      params: NO_PARAMS,
      run: async (): Promise<StatusResult> => ({
        version: deps.version,
        timezone: deps.timeZone(),
        uptimeSeconds: uptime(),
        pid: process.pid,
        socket: deps.socket,
        db: { path: deps.db.path, ...(await deps.counts.counts()) },
        services: Object.fromEntries(deps.services.list().map((status) => [status.name, status])),
        roon: deps.roon(),
      }),
    },
    'system.health': {
      params: NO_PARAMS,
      run: async () => {
        try {
          probeWritable(deps.db);
          return { ok: true, db: { writable: true }, uptimeSeconds: uptime() };
        } catch (error) {
          return { ok: false, db: { writable: false, error: errorMessage(error) }, uptimeSeconds: uptime() };
        }
      },
    },
  });
}
