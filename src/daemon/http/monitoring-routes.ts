import { errorMessage } from '../../core/errors.js';
import type { Clock } from '../../core/ports.js';
import type { DaemonMetrics } from '../metrics/daemon-metrics.js';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheus-text.js';
import type { Route } from './routes.js';

export interface MonitoringDeps {
  /** Writes to the database; throws when it refuses (db/repositories/write-probe.ts). */
  readonly writeProbe: { write(at: number): void };
  readonly metrics: DaemonMetrics;
  readonly clock: Clock;
}

/**
 * For the NAS owner's monitoring: GET /health (Uptime Kuma, systemd-style checks) answers
 * 200 only when the database takes a write, 503 with the reason otherwise; GET /metrics is
 * the Prometheus text format. Neither needs a token: they say how the daemon is, not what
 * anyone listened to (listen counts aside).
 */
export function monitoringRoutes(deps: MonitoringDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/health',
      handle: () => {
        try {
          deps.writeProbe.write(Math.floor(deps.clock.now() / 1000));
          return { status: 200, json: { status: 'ok' } };
        } catch (error) {
          return { status: 503, json: { status: 'unavailable', error: `the database does not take writes: ${errorMessage(error)}` } };
        }
      },
    },
    { method: 'GET', path: '/metrics', handle: () => ({ status: 200, text: deps.metrics.text(), contentType: PROMETHEUS_CONTENT_TYPE }) },
  ];
}
