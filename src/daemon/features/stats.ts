import { SqliteAnalytics } from '../../db/repositories/analytics.js';
import { statsHandlers } from '../handlers/stats.js';
import type { Feature, FeatureContext } from './feature.js';

/** `stats.*`: listening analytics in the configured time zone (read on every request). */
export function statsFeature(ctx: FeatureContext): Feature {
  return { handlers: statsHandlers({ analytics: new SqliteAnalytics(ctx.db), timeZone: () => ctx.values().timezone, clock: ctx.clock }) };
}
