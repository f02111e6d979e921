/** `jobs.*`: the scheduler's jobs and their history (job_runs). Times are ISO 8601 (UTC). */
export interface JobRunDto {
  readonly id: number;
  readonly job: string;
  /** schedule | manual | catch-up */
  readonly trigger: string;
  /** running | ok | error | interrupted */
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly outputFile: string | null;
  readonly error: string | null;
  readonly details: Record<string, unknown>;
}

export interface JobDto {
  readonly name: string;
  readonly description: string;
  readonly cron: string;
  readonly defaultCron: string;
  readonly timezone: string;
  readonly enabled: boolean;
  /** Armed in the running scheduler. */
  readonly scheduled: boolean;
  readonly running: boolean;
  readonly nextRunAt: string | null;
  readonly lastRun: JobRunDto | null;
  readonly problem: string | null;
}

export interface JobsMethods {
  /** `timezone`: the configured zone, in which schedules are read and times are best shown. */
  'jobs.list': { params: Record<string, never>; result: { jobs: JobDto[]; schedulerRunning: boolean; timezone: string } };
  'jobs.run': { params: { name: string }; result: JobRunDto };
  /** `limit` is the page size; `runs` is the first name of `items` (kept for old readers). */
  'jobs.history': {
    params: { job?: string; limit?: number; page?: number };
    result: { runs: JobRunDto[]; timezone: string; items: JobRunDto[]; total: number; page: number; pageSize: number };
  };
}
