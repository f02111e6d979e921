import { MetricsRegistry, type Counter, type Gauge } from './metrics-registry.js';
import type { Sample } from './prometheus-text.js';

export interface DaemonMetricsDeps {
  /** Listens stored, by source (a GROUP BY over the whole history). */
  readonly listenCounts: () => Readonly<Record<string, number>>;
  /** How long one count of listens is reused between scrapes (a count walks every listen). */
  readonly listenCountsMaxAgeMs?: number;
  readonly now?: () => number;
}

/**
 * Every metric the daemon exposes on GET /metrics, declared in one place. The HTTP listener
 * feeds the request counters; the other parts of the daemon are handed this object and
 * feed theirs (imports, tracker polls, the forward queue, job runs).
 */
export class DaemonMetrics {
  readonly registry = new MetricsRegistry();
  readonly httpRequests: Counter<'route' | 'status'>;
  readonly listensSubmitted: Counter<'listen_type'>;
  readonly importRuns: Counter<'kind' | 'result'>;
  readonly importedListens: Counter<'kind'>;
  readonly trackerPolls: Counter<'tracker' | 'result'>;
  readonly jobRuns: Counter<'job' | 'result'>;
  readonly forwardQueue: Gauge<'target'>;

  constructor(deps: DaemonMetricsDeps) {
    const counts = cached(deps.listenCounts, deps.listenCountsMaxAgeMs ?? 30_000, deps.now ?? Date.now);
    const registry = this.registry;
    registry.gauge('aime_listens', 'Listens stored, by source.', ['source'], () =>
      Object.entries(counts()).map(([source, value]) => ({ labels: { source }, value })),
    );
    this.listensSubmitted = registry.counter('aime_listenbrainz_listens_submitted_total', 'Listens accepted by the ListenBrainz-compatible endpoint, by listen_type.', ['listen_type']);
    this.httpRequests = registry.counter('aime_http_requests_total', 'HTTP requests answered, by route and status code.', ['route', 'status']);
    this.importRuns = registry.counter('aime_import_runs_total', 'Imports run, by kind and result (ok or error).', ['kind', 'result']);
    this.importedListens = registry.counter('aime_imported_listens_total', 'Listens added by imports, by kind.', ['kind']);
    this.trackerPolls = registry.counter('aime_tracker_polls_total', 'Tracker polls, by tracker and result (ok or error).', ['tracker', 'result']);
    this.jobRuns = registry.counter('aime_job_runs_total', 'Scheduled job runs, by job and result.', ['job', 'result']);
    this.forwardQueue = registry.gauge('aime_forward_queue_listens', 'Listens waiting to be forwarded, by target.', ['target']);
    registry.gauge('process_resident_memory_bytes', 'Resident memory of the daemon process in bytes.', [], () => [sample(process.memoryUsage.rss())]);
    registry.gauge('nodejs_heap_used_bytes', 'JavaScript heap in use in bytes.', [], () => [sample(process.memoryUsage().heapUsed)]);
    const startedAt = Math.round((Date.now() - process.uptime() * 1000) / 1000);
    registry.gauge('process_start_time_seconds', 'Start time of the daemon process, UTC epoch seconds.', [], () => [sample(startedAt)]);
  }

  text(): string {
    return this.registry.text();
  }
}

function sample(value: number): Sample {
  return { labels: {}, value };
}

function cached<T>(read: () => T, maxAgeMs: number, now: () => number): () => T {
  let last: { at: number; value: T } | undefined;
  return () => {
    const at = now();
    if (!last || at - last.at >= maxAgeMs) last = { at, value: read() };
    return last.value;
  };
}
