import { SqliteJobRuns } from '../../db/repositories/jobs.js';
import { SqliteSyncState } from '../../db/repositories/sync-state.js';
import { jobsHandlers } from '../handlers/jobs.js';
import { SchedulerService } from '../services/scheduler/service.js';
import type { ConfigListener } from './config.js';
import type { Feature, FeatureContext } from './feature.js';

/** The scheduler service (Bree workers from src/jobs/) and `jobs.*`; a new schedule or zone re-arms the jobs. */
export function jobsFeature(ctx: FeatureContext, needs: { onConfigChange(listener: ConfigListener): void }): Feature {
  const runs = new SqliteJobRuns(ctx.db);
  const log = ctx.log.child({ component: 'scheduler' });
  const scheduler = new SchedulerService({ values: ctx.values, home: ctx.paths.home, databasePath: ctx.db.path, runs, state: new SqliteSyncState(ctx.db), log });
  needs.onConfigChange((key) => {
    scheduler.configurationChanged(key).catch((error: unknown) => log.error({ err: error }, 'scheduler could not apply the new schedule'));
  });
  return { services: [scheduler], handlers: jobsHandlers({ scheduler, runs }) };
}
