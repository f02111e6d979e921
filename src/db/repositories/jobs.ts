import type { JobOutcome, JobRun, JobRunRepository, JobStatus, JobTrigger } from '../../core/jobs/catalogue.js';
import type { Database } from '../data-source.js';

interface JobRunRow {
  id: number; job: string; trigger: string; status: string; started_at: number; finished_at: number | null;
  duration_ms: number | null; output_file: string | null; error: string | null; details: string;
}

/**
 * job_runs: one row per run, written by whoever runs it (a job worker or the scheduler).
 * Times are stored as UTC epoch seconds like everywhere else; duration_ms keeps the precision.
 */
export class SqliteJobRuns implements JobRunRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  start(job: string, trigger: JobTrigger, startedAt: number): number {
    const result = this.db.sqlite
      .prepare(`INSERT INTO job_runs (job, trigger, status, started_at) VALUES (?, ?, 'running', ?)`)
      .run(job, trigger, seconds(startedAt));
    return Number(result.lastInsertRowid);
  }

  finish(id: number, outcome: JobOutcome): void {
    this.db.sqlite
      .prepare(`UPDATE job_runs SET status = ?, finished_at = ?, duration_ms = ?, output_file = ?, error = ?, details = ? WHERE id = ?`)
      .run(outcome.status, seconds(outcome.finishedAt), outcome.durationMs, outcome.outputFile ?? null, outcome.error ?? null, JSON.stringify(outcome.details ?? {}), id);
  }

  finishIfRunning(id: number, error: string, finishedAt: number): boolean {
    const result = this.db.sqlite
      .prepare(`UPDATE job_runs SET status = 'error', finished_at = ?, duration_ms = (? - started_at) * 1000, error = ? WHERE id = ? AND status = 'running'`)
      .run(seconds(finishedAt), seconds(finishedAt), error, id);
    return result.changes > 0;
  }

  interruptStale(finishedAt: number): number {
    return this.db.sqlite
      .prepare(`UPDATE job_runs SET status = 'interrupted', finished_at = ?, error = 'the daemon stopped during the run' WHERE status = 'running'`)
      .run(seconds(finishedAt)).changes;
  }

  get(id: number): JobRun | undefined {
    const row = this.db.sqlite.prepare('SELECT * FROM job_runs WHERE id = ?').get(id) as JobRunRow | undefined;
    return row ? toJobRun(row) : undefined;
  }

  latest(job: string): JobRun | undefined {
    const row = this.db.sqlite.prepare('SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT 1').get(job) as JobRunRow | undefined;
    return row ? toJobRun(row) : undefined;
  }

  history(options: { job?: string; limit: number; offset?: number }): JobRun[] {
    const offset = options.offset ?? 0;
    const rows = options.job
      ? this.db.sqlite.prepare('SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?').all(options.job, options.limit, offset)
      : this.db.sqlite.prepare('SELECT * FROM job_runs ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?').all(options.limit, offset);
    return (rows as JobRunRow[]).map(toJobRun);
  }

  count(options: { job?: string }): number {
    const count = options.job
      ? this.db.sqlite.prepare('SELECT count(*) FROM job_runs WHERE job = ?').pluck().get(options.job)
      : this.db.sqlite.prepare('SELECT count(*) FROM job_runs').pluck().get();
    return Number(count);
  }
}

function seconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}

function toJobRun(row: JobRunRow): JobRun {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    details = {};
  }
  return {
    id: row.id,
    job: row.job,
    trigger: row.trigger as JobTrigger,
    status: row.status as JobStatus,
    startedAt: row.started_at * 1000,
    finishedAt: row.finished_at === null ? null : row.finished_at * 1000,
    durationMs: row.duration_ms,
    outputFile: row.output_file,
    error: row.error,
    details,
  };
}
