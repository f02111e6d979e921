import { SqliteAnalytics } from '../../db/repositories/analytics.js';
import { statsHandlers, type DurationProgress } from '../handlers/stats.js';
import type { Feature, FeatureContext } from './feature.js';

/** `stats.*`: listening analytics in the configured time zone (read on every request); says when durations are still being filled. */
export function statsFeature(ctx: FeatureContext, needs: { durations?: DurationProgress } = {}): Feature {
  return { handlers: statsHandlers({ analytics: new SqliteAnalytics(ctx.db), durations: needs.durations, timeZone: () => ctx.values().timezone, clock: ctx.clock }) };
}
