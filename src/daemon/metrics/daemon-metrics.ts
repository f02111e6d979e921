import { MetricsRegistry, type Counter, type Gauge } from './metrics-registry.js';
import type { Sample } from './prometheus-text.js';

export interface DaemonMetricsDeps {
  /** Listens stored, by source: counts kept up to date with every write, so a scrape reads a few rows. */
  readonly listenCounts: () => Readonly<Record<string, number>>;
  /** Finished scheduled-job runs by job and result (ok, error, interrupted), as job_runs records them. */
  readonly jobRuns: () => readonly { readonly job: string; readonly result: string; readonly runs: number }[];
}

export type RoundResult = 'ok' | 'error';

/** What the parts of the daemon that feed metrics are handed: each sees only its own counter. */
export interface TrackerRounds {
  /** One Last.fm poll, or one batch of Roon plays written. */
  round(tracker: string, result: RoundResult): void;
}

export interface ImportRuns {
  /** One import finished: `added` is what it stored (listens, or collection copies for Discogs). */
  ran(kind: string, result: RoundResult, added: number): void;
}

/**
 * The forwarding outbox's hook: it says how many listens wait for each target whenever that
 * changes (exposed as `aime_forward_queue_length{target}`).
 */
export interface ForwardQueueGauge {
  queued(target: string, listens: number): void;
  /** Reads the queue at each scrape instead (the outbox counts it cheaply from its own table). */
  measure(read: () => { readonly target: string; readonly listens: number } | undefined): void;
}

/**
 * Every metric the daemon exposes on GET /metrics, declared in one place. It is the daemon
 * process's state (counters since start), built once in main.ts and handed to the parts that
 * feed it: the HTTP listener (requests, submissions), the trackers, the import methods, the
 * forwarding outbox. Listen counts and job runs are read from the database at each scrape,
 * both from small tables, so a scrape every few seconds costs nothing on a million listens.
 */
export class DaemonMetrics {
  readonly registry = new MetricsRegistry();
  readonly httpRequests: Counter<'route' | 'status'>;
  readonly listensSubmitted: Counter<'listen_type'>;
  readonly importRuns: Counter<'kind' | 'result'>;
  readonly importAdded: Counter<'kind'>;
  readonly trackerPolls: Counter<'tracker' | 'result'>;
  readonly forwardQueue: Gauge<'target'>;

  constructor(deps: DaemonMetricsDeps) {
    const registry = this.registry;
    registry.gauge('aime_listens', 'Listens stored, by source.', ['source'], () =>
      Object.entries(deps.listenCounts()).map(([source, value]) => ({ labels: { source }, value })),
    );
    this.listensSubmitted = registry.counter('aime_listenbrainz_listens_submitted_total', 'Listens accepted by the ListenBrainz-compatible endpoint, by listen_type.', ['listen_type']);
    this.httpRequests = registry.counter('aime_http_requests_total', 'HTTP requests answered, by route and status code.', ['route', 'status']);
    this.importRuns = registry.counter('aime_import_runs_total', 'Imports run from the CLI, by kind (lastfm, discogs, file) and result (ok or error).', ['kind', 'result']);
    this.importAdded = registry.counter('aime_import_added_total', 'What imports stored, by kind: listens (lastfm, file) or collection copies (discogs).', ['kind']);
    this.trackerPolls = registry.counter('aime_tracker_polls_total', 'Tracker rounds by tracker and result (ok or error): Last.fm polls, Roon plays written.', ['tracker', 'result']);
    registry.counter('aime_job_runs_total', 'Scheduled job runs finished, by job and result (ok, error, interrupted), from the run history.', ['job', 'result'], () =>
      deps.jobRuns().map(({ job, result, runs }) => ({ labels: { job, result }, value: runs })),
    );
    this.forwardQueue = registry.gauge('aime_forward_queue_length', 'Listens waiting in the forwarding outbox, by target.', ['target']);
    registry.gauge('process_resident_memory_bytes', 'Resident memory of the daemon process in bytes.', [], () => [sample(process.memoryUsage.rss())]);
    registry.gauge('nodejs_heap_used_bytes', 'JavaScript heap in use in bytes.', [], () => [sample(process.memoryUsage().heapUsed)]);
    const startedAt = Math.round((Date.now() - process.uptime() * 1000) / 1000);
    registry.gauge('process_start_time_seconds', 'Start time of the daemon process, UTC epoch seconds.', [], () => [sample(startedAt)]);
  }

  readonly trackers: TrackerRounds = {
    round: (tracker, result) => this.trackerPolls.inc({ tracker, result }),
  };

  readonly imports: ImportRuns = {
    ran: (kind, result, added) => {
      this.importRuns.inc({ kind, result });
      if (added > 0) this.importAdded.inc({ kind }, added);
    },
  };

  private readonly beforeScrape: (() => void)[] = [];

  readonly forwarding: ForwardQueueGauge = {
    queued: (target, listens) => this.forwardQueue.set({ target }, listens),
    measure: (read) =>
      void this.beforeScrape.push(() => {
        const queue = read();
        if (queue) this.forwarding.queued(queue.target, queue.listens);
      }),
  };

  text(): string {
    for (const refresh of this.beforeScrape) refresh();
    return this.registry.text();
  }
}

function sample(value: number): Sample {
  return { labels: {}, value };
}
