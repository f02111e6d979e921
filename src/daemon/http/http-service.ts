import type { NowPlayingTrack } from '../../core/listenbrainz/playing-now.js';
import type { SubmittedTrack } from '../../core/listenbrainz/listen-rules.js';
import type { ApiTokenRecord, RecentListens } from '../../core/listenbrainz/ports.js';
import type { IngestSummary, PlayReport } from '../../core/model.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../log.js';
import type { DaemonMetrics } from '../metrics/daemon-metrics.js';
import { listenbrainzRoutes } from './listenbrainz-routes.js';
import { monitoringRoutes } from './monitoring-routes.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitPolicy } from './rate-limit.js';
import { HttpListener, type HttpListenerLimits } from './server.js';

export interface HttpServiceDeps {
  /** `http.listen`, read at each start. */
  readonly listen: () => string;
  readonly tokens: { verify(token: string): ApiTokenRecord | undefined };
  readonly ingest: { record(plays: readonly PlayReport[]): Promise<IngestSummary> };
  /** Shared with whoever shows what plays now (aime now). */
  readonly playingNow: { report(track: SubmittedTrack): void; current(): NowPlayingTrack | undefined };
  readonly recentListens: RecentListens;
  readonly writeProbe: { write(at: number): void };
  readonly metrics: DaemonMetrics;
  /** validate-token's user_name: the configured Last.fm username, or "aime". */
  readonly userName: () => string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly rateLimit?: RateLimitPolicy;
  readonly limits?: Partial<HttpListenerLimits>;
}

/**
 * The `http` service assembled from its ports: the ListenBrainz API under "/1" and
 * "/apis/listenbrainz/1", /health and /metrics. features/http.ts builds it from the daemon's
 * parts; tests build it over a real SQLite file.
 */
export function httpService(deps: HttpServiceDeps): HttpListener {
  const rateLimiter = new RateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT, deps.clock);
  const routes = [
    ...listenbrainzRoutes({ ...deps, rateLimiter }),
    ...monitoringRoutes({ writeProbe: deps.writeProbe, metrics: deps.metrics, clock: deps.clock }),
  ];
  return new HttpListener({ listen: deps.listen, routes, metrics: deps.metrics, log: deps.log, ...(deps.limits ? { limits: deps.limits } : {}) });
}
