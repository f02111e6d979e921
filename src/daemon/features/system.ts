import { SqliteLibraryCounts } from '../../db/repositories/maintenance.js';
import type { ServiceControl } from '../handlers/service.js';
import { systemHandlers, type RoonSummary } from '../handlers/system.js';
import type { Feature, FeatureContext } from './feature.js';

/** `system.*`: what `aime status` and `aime health` show, from every service and the Roon link. */
export function systemFeature(ctx: FeatureContext, needs: { services: Pick<ServiceControl, 'list'>; roon: () => RoonSummary }): Feature {
  return {
    handlers: systemHandlers({
      version: ctx.version,
      timeZone: () => ctx.values().timezone,
      startedAt: ctx.startedAt,
      socket: ctx.paths.socket,
      db: ctx.db,
      counts: new SqliteLibraryCounts(ctx.db),
      services: needs.services,
      roon: needs.roon,
    }),
  };
}
