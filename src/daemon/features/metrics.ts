import { SqliteMetricCounts } from '../../db/repositories/metric-counts.js';
import { DaemonMetrics } from '../metrics/daemon-metrics.js';
import type { FeatureContext } from './feature.js';

/**
 * The daemon's metrics (GET /metrics), built before the features that feed them: the
 * trackers, the import methods, the HTTP listener and the forwarding outbox each get the
 * small part they count (`metrics.trackers`, `.imports`, `.forwarding`).
 */
export function daemonMetrics(ctx: FeatureContext): DaemonMetrics {
  const counts = new SqliteMetricCounts(ctx.db);
  return new DaemonMetrics({ listenCounts: () => counts.listensBySource(), jobRuns: () => counts.jobRuns() });
}
