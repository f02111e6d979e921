/**
 * The nightly life of the daemon (SPEC §4.6): every job, its default schedule (cron in the
 * configured time zone) and, for the jobs that write a file, the file's type and extension.
 * The scheduler, the job workers and the CLI all read this one table.
 */
export const JOB_NAMES = [
  'enrich',
  'discogs-sync',
  'album-haiku',
  'markdown-export',
  'json-export',
  'weekly-haiku',
  'monthly-report',
  'ai-descriptions',
  'wrapped-yearly',
  'wrapped-monthly',
] as const;

export type JobName = (typeof JOB_NAMES)[number];

export interface OutputKind {
  /** The `<type>` of `<type>-YYYYMMDD-HHMMSS.<ext>`; rotation keeps the newest files per type. */
  readonly type: string;
  readonly ext: 'md' | 'json' | 'html';
  /**
   * Files named by the period they cover instead of the time they were made:
   * `<type>-YYYY.<ext>` or `<type>-YYYY-MM.<ext>`. A new run for the same period replaces its
   * file; rotation keeps the newest periods of each kind (core/wrapped/files.ts).
   */
  readonly period?: 'year' | 'month';
}

export interface JobDefinition {
  readonly name: JobName;
  readonly cron: string;
  readonly description: string;
  readonly output?: OutputKind;
}

export const JOBS: readonly JobDefinition[] = [
  { name: 'enrich', cron: '0 2 * * *', description: 'covers and links for 50 albums that still miss them' },
  { name: 'discogs-sync', cron: '0 4 * * *', description: 'new releases of the Discogs collection' },
  { name: 'album-haiku', cron: '0 6 * * *', description: '"Album Haïku" deck: a haiku and 5 random albums of the collection', output: { type: 'album-haiku', ext: 'md' } },
  { name: 'markdown-export', cron: '0 8 * * *', description: 'the collection as Markdown, grouped by artist', output: { type: 'export-markdown', ext: 'md' } },
  { name: 'json-export', cron: '0 10 * * *', description: 'the collection as JSON', output: { type: 'export-json', ext: 'json' } },
  { name: 'weekly-haiku', cron: '0 20 * * 0', description: 'a haiku of the last 7 days of listening', output: { type: 'weekly-haiku', ext: 'md' } },
  { name: 'monthly-report', cron: '0 3 1 * *', description: 'the month just ended: listens, top artists and albums, an AI-written review', output: { type: 'monthly-report', ext: 'md' } },
  { name: 'ai-descriptions', cron: '0 */6 * * *', description: 'AI descriptions for the 10 most-played albums that have none' },
  { name: 'wrapped-yearly', cron: '0 20 31 12 *', description: 'the year in review as one HTML page (the current year so far)', output: { type: 'wrapped', ext: 'html', period: 'year' } },
  { name: 'wrapped-monthly', cron: '0 5 1 * *', description: 'the month just ended as a year-in-review HTML page', output: { type: 'wrapped', ext: 'html', period: 'month' } },
];

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

export function jobDefinition(name: JobName): JobDefinition {
  return JOBS.find((job) => job.name === name) as JobDefinition;
}

/** How a job run was started. */
export type JobTrigger = 'schedule' | 'manual' | 'catch-up';

/** running → ok | error | interrupted (the daemon stopped or the worker died mid-run). */
export type JobStatus = 'running' | 'ok' | 'error' | 'interrupted';

/** One row of job_runs. Times are UTC epoch milliseconds. */
export interface JobRun {
  readonly id: number;
  readonly job: string;
  readonly trigger: JobTrigger;
  readonly status: JobStatus;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly durationMs: number | null;
  readonly outputFile: string | null;
  readonly error: string | null;
  readonly details: Record<string, unknown>;
}

/** How a run ended, as the job worker records it. */
export interface JobOutcome {
  readonly status: Exclude<JobStatus, 'running'>;
  readonly finishedAt: number;
  readonly durationMs: number;
  readonly outputFile?: string | null;
  readonly error?: string | null;
  readonly details?: Record<string, unknown>;
}

/** The history of job runs (job_runs), shared by the scheduler and the job workers. */
export interface JobRunRepository {
  start(job: string, trigger: JobTrigger, startedAt: number): number;
  finish(id: number, outcome: JobOutcome): void;
  /** Closes a run still marked running (worker died); returns whether it was still running. */
  finishIfRunning(id: number, error: string, finishedAt: number): boolean;
  /** Marks every run left "running" by a previous daemon as interrupted; returns how many. */
  interruptStale(finishedAt: number): number;
  get(id: number): JobRun | undefined;
  latest(job: string): JobRun | undefined;
  history(options: { job?: string; limit: number; offset?: number }): JobRun[];
  /** How many runs `history` can page through. */
  count(options: { job?: string }): number;
}
